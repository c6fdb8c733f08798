/**
 * `parley export --cite pandoc` and `parley export --format csl-json`, through `run` in-process over a real
 * notebook file: each quote followed by its Pandoc citation ([@key, ¶ 9], or [@key, p. 4] in a document read from
 * pages), and the documents' citations as a CSL-JSON array whose ids are the keys the citations name. The second
 * document's text is written for Parley, not real reporting.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Notebook } from '../../shared/model';
import { parley, quoteAnnotation, sampleNotebook, useTempDir, writeJson } from './support';

const dir = useTempDir('parley-cli-cite-');

async function annotate(notebook: string, documentId: string, exacts: string[]) {
  const file = await writeJson(dir(), `${documentId}.jsonld`, {
    type: 'AnnotationCollection',
    items: exacts.map((exact) => quoteAnnotation(exact, '', 'talks')),
  });
  const result = await parley(
    'annotations',
    'import',
    file,
    '--document',
    documentId,
    '--notebook',
    notebook,
  );
  assert.equal(result.code, 0, result.stderr);
}

/**
 * The sample article with a highlight in its paragraph 9, and a second document made into one read from two pages
 * (as a PDF import leaves it: page starts, authors, pages in its journal), with a highlight on each page.
 */
async function citedNotebook(name: string) {
  const { notebook, id: sample } = await sampleNotebook(dir(), name);
  const article = join(dir(), `${name}-paper.md`);
  await writeFile(
    article,
    '# Treaty talks resume\n\nThe envoy said the proposal was unacceptable.\n\nBoth sides agreed to meet again.\n',
  );
  const imported = await parley('import', article, '--notebook', notebook);
  assert.equal(imported.code, 0, imported.stderr);
  const paper = imported.stdout.split('\t')[0]!;
  // Pages and citation as the PDF importer and Edit details leave them; written into the file as stored.
  const data = JSON.parse(await readFile(notebook, 'utf8')) as Notebook;
  const doc = data.documents.find((d) => d.id === paper)!;
  doc.pageStarts = [0, doc.text.indexOf('Both sides')];
  doc.authors = ['Mbeki, Ana'];
  doc.source = 'Journal of Invented Affairs';
  doc.published = '2021-03-04';
  doc.pages = '12-13';
  doc.citationKey = 'mbeki2021treaty';
  await writeFile(notebook, JSON.stringify(data));
  await annotate(notebook, sample, ['his extradition to UK is absolutely out of the question']);
  await annotate(notebook, paper, ['the proposal was unacceptable', 'agreed to meet again']);
  return { notebook, sample, paper };
}

describe('parley export --cite', () => {
  test('--cite pandoc follows each quote with [@key, ¶ N]', async () => {
    const { notebook, sample } = await citedNotebook('sample.json');
    const result = await parley('export', '--document', sample, '--cite', 'pandoc', '--notebook', notebook);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    const quote = lines.indexOf('> his extradition to UK is absolutely out of the question');
    assert.ok(quote >= 0, result.stdout);
    assert.equal(lines[quote + 2], '> — ¶9 · #talks [@rt2009miliband, ¶ 9] ^p9-his-extradition-to');
  });

  test('a document read from pages is cited by page, with or without --cite', async () => {
    const { notebook, paper } = await citedNotebook('paged.json');
    const cited = await parley('export', '--document', paper, '--cite', 'pandoc', '--notebook', notebook);
    assert.equal(cited.code, 0, cited.stderr);
    const attributions = cited.stdout.split('\n').filter((line) => line.startsWith('> — '));
    assert.deepEqual(attributions, [
      '> — p. 1 · #talks [@mbeki2021treaty, p. 1] ^p1-the-proposal-was',
      '> — p. 2 · #talks [@mbeki2021treaty, p. 2] ^p2-agreed-to-meet',
    ]);
    const plain = await parley('export', '--document', paper, '--notebook', notebook);
    assert.match(plain.stdout, /^> — p\. 2 · #talks \^p2-agreed-to-meet$/m);
    assert.doesNotMatch(plain.stdout, /\[@/);
    const none = await parley('export', '--document', paper, '--cite', 'none', '--notebook', notebook);
    assert.equal(none.stdout.replace(/^exported: .*$/m, ''), plain.stdout.replace(/^exported: .*$/m, ''));
  });

  test('--all and --topic cite too', async () => {
    const { notebook } = await citedNotebook('all.json');
    for (const args of [['--all'], ['--topic', 'talks']]) {
      const result = await parley('export', ...args, '--cite', 'pandoc', '--notebook', notebook);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.match(/\[@(rt2009miliband|mbeki2021treaty), (¶|p\.) \d\]/g)?.length, 3);
    }
  });

  test('an unknown --cite, or --cite with another format or the comparison, is a usage error', async () => {
    const { notebook, sample } = await citedNotebook('usage.json');
    const unknown = await parley('export', '--document', sample, '--cite', 'apa', '--notebook', notebook);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown --cite apa: use none or pandoc/);
    for (const format of ['csv', 'w3c', 'csl-json']) {
      const result = await parley('export', '--format', format, '--cite', 'pandoc', '--notebook', notebook);
      assert.equal(result.code, 2, format);
      assert.match(result.stderr, new RegExp(`--cite is for markdown exports, not ${format}`));
    }
    const compare = await parley('export', '--view', 'compare', '--cite', 'pandoc', '--notebook', notebook);
    assert.equal(compare.code, 2);
    assert.equal(compare.stdout, '');
  });

  test('the help names --cite and csl-json', async () => {
    const help = await parley('--help');
    assert.match(help.stdout, /--format markdown\|w3c\|csv\|csl-json\] \[--cite none\|pandoc\]/);
    assert.match(help.stdout, /\[@key, ¶ 9\]/);
  });
});

interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: Array<Record<string, string>>;
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  URL?: string;
  page?: string;
}

/** The shape the CSL-JSON schema gives an item, for the fields Parley writes. */
function assertCslItem(item: CslItem) {
  assert.equal(typeof item.id, 'string');
  assert.ok(['article-journal', 'article-newspaper', 'webpage', 'document'].includes(item.type));
  for (const name of item.author ?? []) {
    assert.ok('literal' in name || 'family' in name, JSON.stringify(name));
  }
  if (item.issued) {
    const [parts] = item.issued['date-parts'];
    assert.ok(parts && parts.length >= 1 && parts.length <= 3 && parts.every(Number.isInteger));
  }
}

describe('parley export --format csl-json', () => {
  test('every document, pretty-printed, ids the keys the Pandoc citations name', async () => {
    const { notebook } = await citedNotebook('csl.json');
    const result = await parley('export', '--format', 'csl-json', '--notebook', notebook);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\[\n {2}\{\n {4}"id": "rt2009miliband",/);
    const items = JSON.parse(result.stdout) as CslItem[];
    items.forEach(assertCslItem);
    assert.deepEqual(items, [
      {
        id: 'rt2009miliband',
        type: 'article-newspaper',
        title: 'Miliband: bilateral differences will not obscure our relationship',
        issued: { 'date-parts': [[2009, 11, 2]] },
        'container-title': 'RT',
      },
      {
        id: 'mbeki2021treaty',
        type: 'article-journal',
        title: 'Treaty talks resume',
        author: [{ family: 'Mbeki', given: 'Ana' }],
        issued: { 'date-parts': [[2021, 3, 4]] },
        'container-title': 'Journal of Invented Affairs',
        page: '12-13',
      },
    ]);
    const all = await parley('export', '--all', '--cite', 'pandoc', '--notebook', notebook);
    const keys = new Set(items.map((item) => item.id));
    for (const [, key] of all.stdout.matchAll(/\[@([^,\]]+),/g)) assert.ok(keys.has(key!), key);
  });

  test('--document writes one item; --out writes the file', async () => {
    const { notebook, paper } = await citedNotebook('csl-one.json');
    const out = join(dir(), 'refs.json');
    const result = await parley(
      'export',
      '--format',
      'csl-json',
      '--document',
      paper,
      '--out',
      out,
      '--notebook',
      notebook,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Wrote .*refs\.json/);
    const items = JSON.parse(await readFile(out, 'utf8')) as CslItem[];
    assert.deepEqual(
      items.map((item) => item.id),
      ['mbeki2021treaty'],
    );
    const missing = await parley(
      'export',
      '--format',
      'csl-json',
      '--document',
      'nope',
      '--notebook',
      notebook,
    );
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no document nope/);
  });

  test('csl-json with --all, --topic or --view is a usage error', async () => {
    const { notebook } = await citedNotebook('csl-usage.json');
    for (const args of [['--all'], ['--topic', 'talks'], ['--view', 'compare']]) {
      const result = await parley('export', '--format', 'csl-json', ...args, '--notebook', notebook);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /csl-json exports every document, or one with --document/);
    }
  });
});
