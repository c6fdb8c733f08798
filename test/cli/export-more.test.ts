/**
 * `parley export` beyond one document: CSV of every highlight (or one document's), one topic across documents,
 * and the whole notebook in one file, through `run` in-process over a real notebook file.
 */
import assert from 'node:assert/strict';
import { link, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parley, quoteAnnotation, sampleNotebook, useTempDir, writeJson } from './support';

const tagged = (exact: string, topic: string, note = '') => quoteAnnotation(exact, note, topic);

const dir = useTempDir('parley-cli-export-');

/** The sample article and a second Markdown document, each with highlights under iran, iran/nuclear or extradition. */
async function notebookWithTwoDocuments(name: string) {
  const notebook = join(dir(), name);
  assert.equal((await parley('init', '--sample', '--notebook', notebook)).code, 0);
  const article = join(dir(), `${name}-second.md`);
  await writeFile(
    article,
    '# Talks in Geneva\n\nIran offered a proposal on enrichment.\n\nNothing was said about extradition.\n',
  );
  const imported = await parley('import', article, '--notebook', notebook);
  assert.equal(imported.code, 0, imported.stderr);
  const list = await parley('list', '--notebook', notebook);
  const [sample, second] = list.stdout
    .trim()
    .split('\n')
    .map((line) => line.split('\t')[0]!);
  const annotate = async (documentId: string, annotations: object[]) => {
    const file = await writeJson(dir(), `${name}-${documentId}.jsonld`, {
      type: 'AnnotationCollection',
      items: annotations,
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
  };
  await annotate(sample!, [
    tagged('his extradition to UK is absolutely out of the question', 'extradition', '=cmd|calc'),
    // A bare quote anchors only where it is unique: "Iran" alone is in three places.
    tagged('Iran’s nuclear programme', 'iran'),
  ]);
  await annotate(second!, [
    tagged('Iran offered a proposal on enrichment.', 'iran/nuclear', 'A "real" offer, or not'),
    tagged('Nothing was said about extradition.', 'extradition'),
  ]);
  return { notebook, sample: sample!, second: second! };
}

describe('parley export, wider', () => {
  test('--format csv writes one row per highlight and topic, with a header, CRLF lines and formulas disarmed', async () => {
    const { notebook, sample, second } = await notebookWithTwoDocuments('csv.json');
    const result = await parley('export', '--format', 'csv', '--notebook', notebook);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\r\n');
    assert.equal(lines.pop(), '');
    assert.equal(
      lines[0],
      'document,title,paragraph,start,end,quote,topic,party,stance,note,created,updated,links,page',
    );
    assert.equal(lines.length, 5);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      [sample, sample, second, second],
    );
    assert.ok(lines.some((l) => l.includes(",'=cmd|calc,")));
    assert.ok(lines.some((l) => l.includes('"A ""real"" offer, or not"')));

    const one = await parley('export', '--format', 'csv', '--document', second, '--notebook', notebook);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stdout.split('\r\n').length - 2, 2);
    assert.ok(!one.stdout.includes(sample));
  });

  test('--topic PATH writes the topic and its subtopics across documents, to --out', async () => {
    const { notebook } = await notebookWithTwoDocuments('topic.json');
    const out = join(dir(), 'iran.md');
    const result = await parley('export', '--topic', 'IRAN', '--out', out, '--notebook', notebook);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Wrote .*iran\.md/);
    const md = await readFile(out, 'utf8');
    assert.match(md, /^# Topic: iran$/m);
    assert.match(md, /^## Miliband: bilateral differences will not obscure our relationship$/m);
    assert.match(md, /^## Talks in Geneva$/m);
    assert.match(md, /^### iran\/nuclear$/m);
    assert.ok(md.includes('> Iran offered a proposal on enrichment.'));
    assert.ok(!md.includes('extradition to UK'));

    const missing = await parley('export', '--topic', 'visas', '--notebook', notebook);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No topic visas/);
  });

  test('--topic PATH that only subtopics sit under (an implied parent) exports those subtopics, for the comparison too', async () => {
    const { notebook, id } = await sampleNotebook(dir(), 'implied.json');
    const withParty = (exact: string, topic: string, party: string) => ({
      ...tagged(exact, topic),
      'parley:party': { type: 'parley:Party', 'parley:name': party },
    });
    const file = await writeJson(dir(), 'implied.jsonld', [
      withParty('his extradition to UK is absolutely out of the question', 'russia/extradition', 'Russia'),
      withParty('Iran’s nuclear programme', 'russia/iran', 'United Kingdom'),
    ]);
    const imported = await parley('annotations', 'import', file, '--document', id, '--notebook', notebook);
    assert.equal(imported.code, 0, imported.stderr);

    const topic = await parley('export', '--topic', 'Russia', '--notebook', notebook);
    assert.equal(topic.code, 0, topic.stderr);
    assert.match(topic.stdout, /^# Topic: Russia$/m);
    assert.match(topic.stdout, /^### russia\/extradition$/m);
    assert.match(topic.stdout, /^### russia\/iran$/m);
    assert.match(topic.stdout, /^topics: \["russia\/extradition", "russia\/iran"\]$/m);

    const compared = await parley('export', '--view', 'compare', '--topic', 'russia', '--notebook', notebook);
    assert.equal(compared.code, 0, compared.stderr);
    assert.deepEqual(
      compared.stdout.split('\n').filter((line) => line.startsWith('## ')),
      ['## russia/extradition', '## russia/iran', '## Common ground'],
    );

    // A path that is no topic's and has no subtopics is still refused; so is a prefix that is not a whole segment.
    for (const missing of ['visas', 'russ']) {
      for (const argv of [
        ['--topic', missing],
        ['--view', 'compare', '--topic', missing],
      ]) {
        const result = await parley('export', ...argv, '--notebook', notebook);
        assert.equal(result.code, 1, argv.join(' '));
        assert.match(result.stderr, new RegExp(`No topic ${missing}`));
      }
    }
  });

  test('--all writes every document under one front matter', async () => {
    const { notebook } = await notebookWithTwoDocuments('all.json');
    const result = await parley('export', '--all', '--notebook', notebook);
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.ok(md.startsWith('---\ndocuments: ['));
    assert.equal(md.match(/^---$/gm)?.length, 2);
    assert.match(md, /^highlights: 4$/m);
    assert.deepEqual(
      md.split('\n').filter((l) => /^#{1,2} /.test(l)),
      [
        '# Notebook',
        '## Miliband: bilateral differences will not obscure our relationship',
        '## Talks in Geneva',
      ],
    );
  });

  test('conflicting options are usage errors and write nothing', async () => {
    const { notebook } = await notebookWithTwoDocuments('usage.json');
    for (const argv of [
      ['--all', '--document', 'x'],
      ['--all', '--format', 'csv'],
      ['--topic', 'iran', '--format', 'csv'],
      ['--topic', 'iran', '--document', 'x'],
      ['--format', 'xlsx'],
    ]) {
      const result = await parley(
        'export',
        ...argv,
        '--out',
        join(dir(), 'never.txt'),
        '--notebook',
        notebook,
      );
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /Usage: parley/);
    }
    await assert.rejects(readFile(join(dir(), 'never.txt')));
  });
});

describe('parley export --out never writes over the notebook', () => {
  test('the notebook, through a symlink or a hard link, its lock and its backups are refused; nothing changes', async () => {
    const folder = join(dir(), 'guarded');
    await mkdir(folder);
    const notebook = join(folder, 'nb.json');
    assert.equal((await parley('init', '--sample', '--notebook', notebook)).code, 0);
    // A write that makes a backup, so the backup folder exists.
    const article = join(folder, 'extra.txt');
    await writeFile(article, 'Written for this test: one more article.\n');
    assert.equal((await parley('import', article, '--notebook', notebook)).code, 0);
    const before = await readFile(notebook, 'utf8');
    await symlink(notebook, join(folder, 'link.json'));
    await link(notebook, join(folder, 'hard.json'));
    const backups = join(folder, 'nb.json.backups');
    for (const out of [
      notebook,
      join(folder, 'link.json'),
      join(folder, 'hard.json'),
      join(folder, '..', 'guarded', 'nb.json'),
      `${notebook}.lock`,
      join(backups, 'mine.md'),
    ]) {
      const result = await parley('export', '--all', '--out', out, '--notebook', notebook);
      assert.equal(result.code, 1, `${out}: ${result.stderr}`);
      assert.match(
        result.stderr,
        /is the notebook itself, its lock or its backups; nothing was written/,
        out,
      );
    }
    assert.equal(await readFile(notebook, 'utf8'), before);
    await assert.rejects(readFile(`${notebook}.lock`, 'utf8'), { code: 'ENOENT' });
    await assert.rejects(readFile(join(backups, 'mine.md'), 'utf8'), { code: 'ENOENT' });
    // Any other file is written as before.
    const elsewhere = await parley(
      'export',
      '--all',
      '--out',
      join(folder, 'all.md'),
      '--notebook',
      notebook,
    );
    assert.equal(elsewhere.code, 0, elsewhere.stderr);
  });
});
