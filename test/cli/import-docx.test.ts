/**
 * `parley import` of Word files: a generated .docx is read on the import worker into the notebook, and its id and
 * title printed; a bad one is refused with its message and the notebook left byte for byte as it was. The built
 * `dist/cli.cjs` is run too, to prove mammoth is in the shipped bundle.
 * Test text written for Parley, not real reporting.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { makeDocx, type DocxSpec } from '../../scripts/fixtures/make-docx';
import { builtCli, needsBuiltCli, parley, sampleNotebook, useTempDir } from './support';

const dir = useTempDir('parley-cli-docx-');

const BRIEFING: DocxSpec = {
  body: [
    { kind: 'title', runs: ['Briefing on the Geneva talks'] },
    { kind: 'heading', level: 1, runs: ['Summary'] },
    {
      kind: 'paragraph',
      runs: [
        'The delegations met for ',
        { text: 'six', deleted: true },
        { text: 'seven', inserted: true },
        ' hours',
        { text: ' on Tuesday', footnote: 'Officials present, speaking afterwards.' },
        '.',
      ],
    },
    { kind: 'list-item', ordered: true, depth: 1, runs: ['Inspections resume.'] },
  ],
  core: { creator: 'Jane Porter', created: '2009-11-02T10:22:00Z' },
};

interface StoredDocument {
  id: string;
  title: string;
  format: string;
  text: string;
  authors: string[];
  file?: { name: string; size: number; sha256: string };
}

describe('parley import FILE.docx', () => {
  test('adds the Word document and prints id<TAB>title', async () => {
    const { notebook } = await sampleNotebook(dir(), 'word.json');
    const made = makeDocx(BRIEFING);
    const file = join(dir(), 'briefing.docx');
    await writeFile(file, made.bytes);
    const result = await parley('import', file, '--notebook', notebook);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\S+\tBriefing on the Geneva talks\n$/);
    const [id] = result.stdout.split('\t');
    const stored = JSON.parse(await readFile(notebook, 'utf8')) as { documents: StoredDocument[] };
    const doc = stored.documents.find((document) => document.id === id);
    assert.ok(doc, 'the document is in the notebook');
    assert.equal(doc.format, 'docx');
    assert.equal(doc.text, made.text);
    assert.match(doc.text, /seven hours on Tuesday\[1\]\./);
    assert.deepEqual(doc.authors, ['Porter, Jane']);
    assert.equal(doc.file?.name, 'briefing.docx');
    assert.equal(doc.file?.size, made.bytes.length);
  });

  test('a bad .docx is refused with a message, and the notebook is left byte for byte as it was', async () => {
    const { notebook } = await sampleNotebook(dir(), 'untouched.json');
    const before = await readFile(notebook);
    const good = join(dir(), 'good.docx');
    await writeFile(good, makeDocx(BRIEFING).bytes);
    const cases: Array<[string, Uint8Array, RegExp]> = [
      [
        'notes.docx',
        new TextEncoder().encode('Talks resume in Geneva.\n'),
        /"notes\.docx" is not a Word document/,
      ],
      ['empty.docx', new Uint8Array(0), /"empty\.docx" is empty/],
      [
        'no-document.docx',
        makeDocx(BRIEFING, { 'word/document.xml': null }).bytes,
        /"no-document\.docx" is not a Word document/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const file = join(dir(), name);
      await writeFile(file, bytes);
      // A good file named first is not added either: every file is read before the notebook is opened.
      const result = await parley('import', good, file, '--notebook', notebook);
      assert.equal(result.code, 1, name);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
      assert.deepEqual(await readFile(notebook), before, `${name} left the notebook as it was`);
    }
  });
});

describe('the built command line', () => {
  test('imports a Word file with plain Node', needsBuiltCli, async () => {
    const exec = promisify(execFile);
    const notebook = join(dir(), 'built.json');
    const file = join(dir(), 'built.docx');
    await writeFile(file, makeDocx(BRIEFING).bytes);
    const { stdout } = await exec(process.execPath, [builtCli, 'import', file, '--notebook', notebook]);
    assert.match(stdout, /^\S+\tBriefing on the Geneva talks\n$/);
    const bad = join(dir(), 'built-bad.docx');
    await writeFile(bad, 'not a zip');
    const before = await readFile(notebook);
    await assert.rejects(
      exec(process.execPath, [builtCli, 'import', bad, '--notebook', notebook]),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr, /"built-bad\.docx" is not a Word document/);
        return true;
      },
    );
    assert.deepEqual(await readFile(notebook), before);
  });
});
