// Written for the export service: one file-name sanitizer for every export, the W3C text the window and the
// command line write, and the folder export that asks before it replaces a file and writes nothing if told no.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Progress } from '../../../shared/contract';
import { emptyNotebook, type Notebook } from '../../../shared/model';
import { addSampleDocument, addDocuments } from '../../../main/core/notebook';
import { importPlainText } from '../../../main/core/import-text';
import { exportFileName, exportNotebookFiles, safeFileStem } from '../../../main/core/export';
import { exportW3C } from '../../../main/core/w3c';
import { offeredFileName, w3cJson, writeNotebookFolder } from '../../../main/services/export';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const NOW = new Date('2026-07-01T09:00:00.000Z');

function notebook(): Notebook {
  const nb = emptyNotebook();
  addSampleDocument(nb, SAMPLE, NOW);
  addDocuments(nb, [importPlainText('Another text.', { fileName: 'another.txt' })], NOW);
  return nb;
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-export-service-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export names and texts', () => {
  test('the folder names each file by the safe stem of its title', () => {
    assert.equal(exportFileName('Talks: London / Moscow?', 'md'), 'Talks- London - Moscow-.md');
    assert.equal(exportFileName('CON', 'jsonld'), 'CON (document).jsonld');
    assert.equal(exportFileName('  ', 'md'), 'Untitled.md');
    const nb = notebook();
    assert.deepEqual(
      exportNotebookFiles(nb, { now: NOW }).map((f) => f.fileName),
      nb.documents.map((d) => exportFileName(d.title, 'md')),
    );
  });

  test('a save dialog offers a short lower-case name, as it always has', () => {
    assert.equal(
      offeredFileName('Miliband: bilateral differences will not obscure our relationship', 'md'),
      'miliband-bilateral-differences-will-not-obscure-our-relationship.md',
    );
    assert.equal(offeredFileName('iran/nuclear', 'md'), 'iran-nuclear.md');
    assert.equal(offeredFileName('Café “Ласточка”', 'jsonld'), 'cafe-ласточка.jsonld');
    assert.equal(offeredFileName('?!', 'md'), 'export.md');
    // One sanitizer: a device name is suffixed as in the folder's names (it was "con-document.md").
    assert.equal(offeredFileName('CON', 'md'), 'con (document).md');
    for (const title of ['CON', 'Lpt1', 'x'.repeat(200), 'A title. Of sorts', 'Café “Ласточка”']) {
      const hyphenated = title
        .normalize('NFKD')
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '');
      assert.equal(offeredFileName(title, 'md'), `${safeFileStem(hyphenated.toLowerCase())}.md`, title);
    }
    assert.equal(offeredFileName('x'.repeat(200), 'csv'), `${'x'.repeat(80)}.csv`);
  });

  test('W3C text is the collection, whole or of one document', () => {
    const nb = notebook();
    const id = nb.documents[1]!.id;
    assert.equal(w3cJson(nb, { now: NOW }), JSON.stringify(exportW3C(nb, { now: NOW }), null, 2));
    assert.equal(
      w3cJson(nb, { now: NOW, documentId: id }),
      JSON.stringify(exportW3C(nb, { now: NOW, documentId: id }), null, 2),
    );
    assert.throws(() => w3cJson(nb, { now: NOW, documentId: 'no-such' }), /no document no-such/);
  });
});

describe('the notebook as a folder of files', () => {
  test('one file per document, with progress', async () => {
    const nb = notebook();
    const heard: Progress[] = [];
    const result = await writeNotebookFolder(nb, dir, {
      now: NOW,
      confirmOverwrite: () => assert.fail('nothing to replace'),
      progress: (p) => heard.push(p),
    });
    assert.deepEqual(result, { path: dir, files: 2 });
    const expected = exportNotebookFiles(nb, { now: NOW });
    assert.deepEqual((await readdir(dir)).sort(), expected.map((f) => f.fileName).sort());
    for (const f of expected) assert.equal(await readFile(join(dir, f.fileName), 'utf8'), f.markdown);
    assert.deepEqual(
      heard.map((p) => p.done),
      [0, 1, 2],
    );
  });

  test('files already there are named first; "no" writes nothing, "yes" replaces them', async () => {
    const nb = notebook();
    const [first] = exportNotebookFiles(nb, { now: NOW });
    await writeFile(join(dir, first!.fileName), 'mine');
    const asked: string[][] = [];
    const declined = await writeNotebookFolder(nb, dir, {
      now: NOW,
      confirmOverwrite: async (names) => {
        asked.push(names);
        return false;
      },
    });
    assert.equal(declined, null);
    assert.deepEqual(asked, [[first!.fileName]]);
    assert.deepEqual(await readdir(dir), [first!.fileName], 'nothing written');
    assert.equal(await readFile(join(dir, first!.fileName), 'utf8'), 'mine');

    const accepted = await writeNotebookFolder(nb, dir, { now: NOW, confirmOverwrite: async () => true });
    assert.deepEqual(accepted, { path: dir, files: 2 });
    assert.equal(await readFile(join(dir, first!.fileName), 'utf8'), first!.markdown);
  });
});
