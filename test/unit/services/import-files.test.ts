// Written for the import-files service and the one list of importable extensions: files are read and checked
// before anything reaches the notebook, drafts go in as one change, and the list in shared/import-formats.ts is
// the one the importer, the dialogs, the files handed to main and the file associations follow.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Progress } from '../../../shared/contract';
import { ParleyError } from '../../../shared/model';
import {
  BINARY_EXTENSIONS,
  IMPORT_EXTENSIONS,
  IMPORT_FILTERS,
  MARKDOWN_EXTENSIONS,
  TEXT_EXTENSIONS,
  TEXT_FORMATS,
  extensionOf,
  isImportable,
} from '../../../shared/import-formats';
import { importAny, importBytes } from '../../../main/import';
import { IMPORTABLE_EXTENSIONS } from '../../../main/files';
import { IMPORT_FILTERS as DIALOG_FILTERS } from '../../../main/dialogs';
import {
  addDrafts,
  importFileBatch,
  importFileBytes,
  importFiles,
  importText,
  loadImportFiles,
} from '../../../main/services/import-files';
import * as ops from '../../../main/core/notebook';
import { importByFileName, importPlainText } from '../../../main/core/import-text';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';

const NOW = new Date('2026-06-01T09:00:00.000Z');
let dir = '';
let store: NotebookStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-import-service-'));
  store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 5 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('importing files', () => {
  test('several files go in as one change, in order, with the progress of each', async () => {
    const paths = [
      await file('one.txt', 'The first text.\n\nIt has two paragraphs.'),
      await file('two.md', '# The second\n\nA Markdown paragraph.'),
      await file('three.html', '<html><head><title>Third</title></head><body><p>A page.</p></body></html>'),
    ];
    const heard: Progress[] = [];
    const added = await importFiles(store, paths, NOW, (p) => heard.push(p));
    assert.deepEqual(
      added.map((d) => [d.title, d.format]),
      [
        ['one', 'text'],
        ['The second', 'markdown'],
        ['Third', 'html'],
      ],
    );
    assert.equal(store.revision, 1, 'one change');
    assert.equal(store.history.undoLabel, 'Undo Import 3 documents');
    // Each file starts and the last ends on a whole count; the web page, read on a worker, moves it on by its eight
    // steps.
    const done = heard.map((p) => p.done);
    assert.deepEqual(
      done.filter((d) => Number.isInteger(d)),
      [0, 1, 2, 3],
    );
    assert.deepEqual(
      done.filter((d) => !Number.isInteger(d)),
      [2.125, 2.25, 2.375, 2.5, 2.625, 2.75, 2.875],
    );
    store.undo();
    assert.equal(store.data.documents.length, 0, 'one undo takes them all back');
  });

  test('one file that cannot be imported refuses them all, naming it, and adds nothing', async () => {
    const good = await file('good.txt', 'Some text.');
    const png = await file(
      'image.txt',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    );
    await assert.rejects(
      importFiles(store, [good, png], NOW),
      (error: unknown) => error instanceof ParleyError && /image\.txt/.test(error.message),
    );
    await assert.rejects(importFiles(store, [good, join(dir, 'missing.txt')], NOW), /missing\.txt/);
    assert.equal(store.revision, 0);
    assert.deepEqual(store.data.documents, []);
  });

  test('loading reads and checks without touching any notebook', async () => {
    const drafts = await loadImportFiles([await file('a.md', '# A\n\nText.')]);
    assert.equal(drafts[0]!.title, 'A');
    assert.equal(store.revision, 0);
  });

  test('bytes are decoded, then imported; text is imported; each is one step named for one document', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Dropped text.')]);
    const dropped = await importFileBytes(store, { fileName: 'dropped.txt', bytes: bom }, NOW);
    assert.equal(store.data.documents[0]!.text, 'Dropped text.', 'the byte order mark is not text');
    assert.equal(dropped.id, store.data.documents[0]!.id);
    const pasted = importText(store, { fileName: 'Pasted text.txt', content: 'Pasted words.' }, NOW);
    assert.equal(pasted.title, 'Pasted text');
    assert.equal(store.history.undoLabel, 'Undo Import document');
    assert.equal(store.revision, 2);
  });

  test('a drop of several files is one change; each file that cannot be read is refused with its reason', async () => {
    const text = (t: string) => new TextEncoder().encode(t);
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    const reason = (() => {
      try {
        importBytes('image.txt', binary);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    assert.ok(reason);
    const report = await importFileBatch(
      store,
      [
        { fileName: 'one.txt', bytes: text('The first.') },
        { fileName: 'image.txt', bytes: binary },
        { fileName: 'two.md', bytes: text('# The second\n\nText.') },
      ],
      NOW,
    );
    assert.deepEqual(
      report.added.map((d) => d.title),
      ['one', 'The second'],
    );
    assert.deepEqual(report.refused, [{ fileName: 'image.txt', reason }]);
    // The first added comes back opened, exactly as opening it reads, its opening noted outside undo history.
    const first = store.data.documents.find((doc) => doc.id === report.added[0]!.id)!;
    assert.equal(first.openedAt, NOW.toISOString());
    assert.deepEqual(report.opened, ops.openDocument(store.data, first.id));
    assert.equal(store.revision, 2, 'one change, then the opening (bookkeeping)');
    assert.equal(store.history.undoLabel, 'Undo Import 2 documents', 'one undo step');
    store.undo();
    assert.equal(store.data.documents.length, 0, 'one undo takes them all back');
    const none = await importFileBatch(store, [{ fileName: 'a.pdf', bytes: text('%PDF') }], NOW);
    assert.deepEqual(none.added, []);
    assert.equal(none.opened, null, 'nothing added, nothing opened');
    assert.equal(none.refused.length, 1);
    assert.equal(store.revision, 3, 'nothing added is no change');
  });

  test('no drafts is no change', () => {
    assert.deepEqual(addDrafts(store, [], NOW), []);
    assert.equal(store.revision, 0);
    addDrafts(store, [importPlainText('One.', { fileName: 'one.txt' })], NOW);
    assert.equal(store.revision, 1);
  });
});

describe('the one list of importable files', () => {
  test('the importer accepts every listed extension, in any case, and refuses others by name', () => {
    for (const extension of IMPORT_EXTENSIONS) {
      assert.ok(isImportable(`folder/a.${extension.toUpperCase()}`), extension);
      if (BINARY_EXTENSIONS.includes(extension)) {
        // PDF and Word files are read from their bytes: text that claims to be one is sent to the file instead.
        assert.throws(
          () => importAny(`a.${extension.toUpperCase()}`, 'Text.'),
          (error: unknown) => error instanceof ParleyError && /import the file/.test(error.message),
          extension,
        );
        continue;
      }
      const content = extension.startsWith('htm') || extension === 'xhtml' ? '<p>A page.</p>' : 'Text.';
      assert.ok(importAny(`a.${extension.toUpperCase()}`, content), extension);
    }
    for (const name of ['a.rtf', 'a.doc', 'a.xht', 'README', '.txt']) {
      assert.equal(isImportable(name), false, name);
      assert.throws(
        () => importAny(name, 'Text.'),
        (error: unknown) => error instanceof ParleyError && error.code === 'unsupported-format',
        name,
      );
    }
    assert.equal(extensionOf('C:\\a\\b.Md'), 'md');
  });

  test('the text importer chooses plain text or Markdown by the list, and names them from it when it refuses', () => {
    assert.equal(TEXT_FORMATS, 'plain text (.txt, .text) or Markdown (.md, .markdown)');
    for (const extension of TEXT_EXTENSIONS) {
      const draft = importByFileName(`a.${extension.toUpperCase()}`, '# Title\n\nText.');
      assert.equal(draft.format, MARKDOWN_EXTENSIONS.includes(extension) ? 'markdown' : 'text', extension);
    }
    for (const extension of TEXT_EXTENSIONS)
      assert.ok(
        TEXT_FORMATS.includes(`.${extension})`) || TEXT_FORMATS.includes(`.${extension},`),
        extension,
      );
    assert.throws(
      () => importByFileName('a.html', '<p>A page.</p>'),
      (error: unknown) =>
        error instanceof ParleyError &&
        error.message ===
          `Parley cannot import "a.html": .html files are not supported. Choose a ${TEXT_FORMATS} file.`,
    );
  });

  test('files handed to main, the open dialog and the file associations follow it', async () => {
    assert.deepEqual(
      IMPORTABLE_EXTENSIONS,
      IMPORT_EXTENSIONS.map((e) => `.${e}`),
    );
    assert.equal(DIALOG_FILTERS, IMPORT_FILTERS);
    const filtered = new Set(IMPORT_FILTERS.flatMap((f) => f.extensions));
    assert.deepEqual([...filtered].sort(), [...IMPORT_EXTENSIONS].sort(), 'the dialog offers every one');
    const builder = parseYaml(
      await readFile(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'),
    ) as { fileAssociations: Array<{ ext: string | string[] }> };
    const associated = builder.fileAssociations.flatMap((a) => (Array.isArray(a.ext) ? a.ext : [a.ext]));
    assert.deepEqual([...associated].sort(), [...IMPORT_EXTENSIONS].sort(), 'Parley opens exactly these');
  });
});
