// Written for the import worker (main/import/off-thread.ts, main/import/worker.ts): a web page read on a worker
// thread gives the same draft as in-process and says how far it has got; a cancel ends the work and adds nothing;
// a worker that throws or dies gives a clear error and loses nothing; a page past the budget of its shape (200,000
// empty paragraphs) is read by the cheaper rule, and one past the time budget is refused, never left running.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importOffThread } from '../../../main/import/off-thread';
import { importHtml, MAX_EMPTY_ELEMENTS } from '../../../main/import/html';
import { decodeImportBytes } from '../../../main/import/decode';
import { importFiles } from '../../../main/services/import-files';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';
import { ParleyError } from '../../../shared/model';
import { makeLargePage } from '../../../scripts/make-large-page';
import { makePathologicalPage } from '../../../scripts/make-pathological-page';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const encode = (text: string) => new TextEncoder().encode(text);

function coded(code: string, pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof ParleyError, `a ParleyError, not ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  };
}

let dir = '';
let store: NotebookStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-import-worker-'));
  store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 5 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a web page read on a worker thread', () => {
  test('gives the draft the importer gives in-process, and reports each step in order', async () => {
    const bytes = new Uint8Array(
      await readFile(new URL('../../fixtures/pages/news-article.html', import.meta.url)),
    );
    const steps: string[] = [];
    const draft = await importOffThread('news-article.html', bytes, {
      onStep: (done, total) => steps.push(`${done}/${total}`),
    });
    assert.deepEqual(
      draft,
      importHtml(decodeImportBytes('news-article.html', bytes), { fileName: 'news-article.html' }),
    );
    assert.deepEqual(steps, ['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
  });

  test('passes on the importer’s own refusal with its words', async () => {
    await assert.rejects(
      importOffThread('menu.html', encode('<nav><a href="/">Home</a></nav>')),
      coded('invalid', /"menu\.html" has no article text to read/),
    );
  });

  test('a cancel ends the work at once: the promise says so and nothing reaches the notebook', async () => {
    const page = join(dir, 'long.html');
    await writeFile(page, makeLargePage(2).html);
    const cancel = new AbortController();
    const heard: number[] = [];
    const importing = importFiles(
      store,
      [page],
      NOW,
      (p) => {
        heard.push(p.done);
        // Cancelled once the worker has said it is under way.
        if (p.done > 0 && p.done < 1) cancel.abort();
      },
      cancel.signal,
    );
    await assert.rejects(
      importing,
      coded('cancelled', /The import of "long\.html" was cancelled: nothing was imported/),
    );
    assert.ok(
      heard.some((done) => done > 0 && done < 1),
      `steps heard: ${heard.join(', ')}`,
    );
    assert.equal(store.revision, 0);
    assert.equal(store.data.documents.length, 0);
  });

  test('a cancel before it starts starts no worker', async () => {
    const cancel = new AbortController();
    cancel.abort();
    await assert.rejects(
      importOffThread('page.html', encode('<p>Some text.</p>'), { signal: cancel.signal }),
      coded('cancelled', /cancelled/),
    );
  });

  for (const crash of ['throw', 'exit'] as const) {
    test(`a worker that ${crash === 'throw' ? 'throws' : 'exits'} gives a clear error, and the notebook loses nothing`, async () => {
      const before = JSON.stringify(store.data);
      await assert.rejects(
        importOffThread('page.html', encode('<p>Some text.</p>'), { crashForTest: crash }),
        coded(
          'import-failed',
          /^Parley could not read "page\.html": .+\. Nothing was imported, and the notebook is as it was\.$/,
        ),
      );
      assert.equal(JSON.stringify(store.data), before);
    });
  }

  test('a page past the time budget is refused with a message, and its worker is ended', async () => {
    await assert.rejects(
      importOffThread('long.html', encode(makeLargePage(1).html), { budgetMs: 50 }),
      coded(
        'too-complex',
        /"long\.html" took longer than 1 second to read, so Parley stopped reading it.*Nothing was imported\./,
      ),
    );
  });
});

describe('the budget of a page’s shape', () => {
  // Without the budget this page took about an hour: the test gives it a minute on a loaded machine.
  test(
    '200,000 empty paragraphs are dropped by the cheaper rule, and the article around them is read',
    { timeout: 60_000 },
    async () => {
      const page = makePathologicalPage();
      assert.ok(page.html.length > 600_000 && page.html.length < 700_000, `${page.html.length} characters`);
      const draft = await importOffThread('empty.html', encode(page.html));
      assert.equal(draft.title, page.title);
      assert.deepEqual(
        draft.blocks.map((block) => draft.text.slice(block.start, block.end)),
        page.paragraphs,
      );
    },
  );

  test('a page with empty paragraphs under the budget is read as it always was', () => {
    // Under the budget the empty elements stay for Readability to weigh; the article read is the same.
    const page = makePathologicalPage(MAX_EMPTY_ELEMENTS - 100);
    const draft = importHtml(page.html, { fileName: 'some-empty.html' });
    assert.deepEqual(
      draft.blocks.map((block) => draft.text.slice(block.start, block.end)),
      page.paragraphs,
    );
  });
});
