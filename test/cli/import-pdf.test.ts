// `parley import FILE.pdf` on PDFs written for the test (scripts/fixtures/make-pdf.ts): it prints `id<TAB>title`,
// a W3C annotation that holds only a quote of a sentence the PDF breaks across lines and a hyphen anchors in what
// was imported, and a scan, a password-protected file and a damaged one are refused with their reasons and leave
// the notebook file byte for byte as it was. The built command line (dist/cli.cjs) imports one too: PDF.js loads
// from node_modules, outside the bundles.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { makeEncryptedPdf, makePdf, makeScanPdf, truncated } from '../../scripts/fixtures/make-pdf';
import { builtCli, needsBuiltCli, parley, useTempDir, writeJson } from './support';

const dir = useTempDir('parley-cli-pdf-');
const exec = promisify(execFile);

// Test text written for Parley, not real reporting. `¦` breaks the line there, hyphenating the word.
const SENTENCE =
  'The harbour board met on Tuesday for the first flight of negotiations about the eastern channel.';
const PARAGRAPHS = [
  'The harbour board met on Tuesday for the first flight of nego¦tiations about the eastern channel. The mayor said the dredging would begin in the spring.',
  'Councillors asked for the confidential figures on the sea wall to be published before the vote.',
  'A representative of the ferry company asked whether the old quay would stay open during the works.',
];

async function pdfFile(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir(), name);
  await writeFile(path, bytes);
  return path;
}

async function emptyNotebook(name: string): Promise<string> {
  const notebook = join(dir(), name);
  const init = await parley('init', '--notebook', notebook);
  assert.equal(init.code, 0, init.stderr);
  return notebook;
}

describe('parley import of a PDF', () => {
  test('prints id<TAB>title, and a quote across a line break and a hyphen anchors', async () => {
    const made = makePdf({
      info: { title: 'The harbour plan', author: 'Morwenna Tregear' },
      header: 'Harbour Review',
      footer: 'Page # of ##',
      paragraphs: PARAGRAPHS,
    });
    assert.deepEqual(
      made.hyphenated,
      ['negotiations'],
      'the PDF breaks "nego-" / "tiations" across two lines',
    );
    const notebook = await emptyNotebook('quote.json');
    const imported = await parley(
      'import',
      await pdfFile('harbour-plan.pdf', made.bytes),
      '--notebook',
      notebook,
    );
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /^[0-9a-f-]{36}\tThe harbour plan\n$/);
    const id = imported.stdout.split('\t')[0]!;

    const annotations = await writeJson(dir(), 'quote.jsonld', {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'A note written for the tests.' },
      target: { selector: { type: 'TextQuoteSelector', exact: SENTENCE } },
    });
    const anchored = await parley(
      'annotations',
      'import',
      annotations,
      '--document',
      id,
      '--notebook',
      notebook,
    );
    assert.equal(anchored.code, 0, anchored.stderr);
    assert.equal(anchored.stdout, 'Imported 1 annotation(s)\n');
    assert.match((await parley('list', '--notebook', notebook)).stdout, /\tThe harbour plan\t1\n$/);

    const saved = JSON.parse(await readFile(notebook, 'utf8')) as {
      documents: { format: string; file: { name: string }; pageStarts: number[]; text: string }[];
      annotations: { target: { start: number; end: number; exact: string } }[];
    };
    const [doc] = saved.documents;
    assert.equal(doc!.format, 'pdf');
    assert.equal(doc!.file.name, 'harbour-plan.pdf');
    assert.deepEqual(doc!.pageStarts, [0]);
    const [{ target }] = saved.annotations as [{ target: { start: number; end: number; exact: string } }];
    assert.equal(target.exact, SENTENCE);
    assert.equal(doc!.text.slice(target.start, target.end), SENTENCE);
  });

  for (const [label, name, bytes, message] of [
    ['a scan', 'scan.pdf', () => makeScanPdf(), /"scan\.pdf" has no text to read: .*scan.*OCR/],
    [
      'a password-protected file',
      'locked.pdf',
      () => makeEncryptedPdf(),
      /"locked\.pdf" is password-protected/,
    ],
    [
      'a damaged file',
      'cut.pdf',
      () => truncated(makePdf({ paragraphs: PARAGRAPHS }).bytes),
      /"cut\.pdf" is damaged: it seems cut short/,
    ],
  ] as const) {
    test(`${label} is refused with its reason and the notebook is unchanged`, async () => {
      const notebook = await emptyNotebook(`${name}.json`);
      const before = await readFile(notebook);
      const result = await parley('import', await pdfFile(name, await bytes()), '--notebook', notebook);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
      assert.match(result.stderr, /Nothing was imported/);
      assert.deepEqual(await readFile(notebook), before, 'the notebook file is byte for byte as it was');
    });
  }

  test('the built command line imports a PDF', needsBuiltCli, async () => {
    const notebook = await emptyNotebook('built.json');
    const made = makePdf({ info: { title: 'Built harbour plan' }, columns: 2, paragraphs: PARAGRAPHS });
    const file = await pdfFile('built.pdf', made.bytes);
    const { stdout, stderr } = await exec(process.execPath, [
      builtCli,
      'import',
      file,
      '--notebook',
      notebook,
    ]);
    assert.match(stdout, /^[0-9a-f-]{36}\tBuilt harbour plan\n$/);
    assert.equal(stderr, '', 'PDF.js wrote nothing');
    const saved = JSON.parse(await readFile(notebook, 'utf8')) as { documents: { text: string }[] };
    assert.equal(saved.documents[0]!.text, made.paragraphs.join('\n\n'));
  });
});
