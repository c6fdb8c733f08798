/**
 * The `parley` command line end to end: in-process through `run` for most cases, and as the built
 * `dist/cli.cjs` under plain Node to prove the shipped binary works.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import {
  builtCli,
  needsBuiltCli,
  parley,
  quoteAnnotation,
  sampleNotebook,
  samplePath,
  useTempDir,
  writeJson,
} from './support';

const dir = useTempDir('parley-cli-');

const freshSampleNotebook = (name: string) => sampleNotebook(dir(), name);

describe('parley init and list', () => {
  test('init --sample creates a notebook holding the sample article, with no highlights', async () => {
    const { id, title, count } = await freshSampleNotebook('init.json');
    assert.match(id, /\S/);
    assert.equal(title, 'Miliband: bilateral differences will not obscure our relationship');
    assert.equal(count, '0');
  });

  test('init refuses to replace an existing notebook and leaves it untouched', async () => {
    const { notebook } = await freshSampleNotebook('twice.json');
    const before = await readFile(notebook);
    const again = await parley('init', '--notebook', notebook);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    assert.deepEqual(await readFile(notebook), before);
  });

  test('list on a missing notebook fails plainly without creating it', async () => {
    const notebook = join(dir(), 'missing.json');
    const result = await parley('list', '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /missing\.json/);
    assert.equal(existsSync(notebook), false);
  });

  test('a corrupt notebook is reported and left byte for byte as it was', async () => {
    const notebook = join(dir(), 'corrupt.json');
    await writeFile(notebook, '{"schemaVersion": 1, "documents": [');
    const result = await parley('import', samplePath, '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /corrupt\.json/);
    assert.equal(await readFile(notebook, 'utf8'), '{"schemaVersion": 1, "documents": [');
  });

  test('unknown commands and options are usage errors (exit 2)', async () => {
    assert.equal((await parley('frobnicate')).code, 2);
    assert.equal((await parley('list', '--bogus')).code, 2);
    const badFormat = await parley('export', '--format', 'pdf', '--notebook', join(dir(), 'x.json'));
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /markdown or w3c/);
  });
});

describe('parley import', () => {
  test('adds text and Markdown files and prints id<TAB>title for each', async () => {
    const { notebook } = await freshSampleNotebook('import.json');
    const txt = join(dir(), 'talks.txt');
    const md = join(dir(), 'brief.md');
    await writeFile(txt, 'Talks resume in Geneva\n\nThe delegations met for six hours on Tuesday.\n');
    await writeFile(md, '# Briefing on sanctions\n\nThe council **renewed** the measures for a year.\n');
    const result = await parley('import', txt, md, '--notebook', notebook);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.deepEqual(
      lines.map((line) => line.split('\t')[1]),
      ['Talks resume in Geneva', 'Briefing on sanctions'],
    );
    const list = await parley('list', '--notebook', notebook);
    assert.equal(list.stdout.trim().split('\n').length, 3);
  });

  test('one unreadable file among good ones imports nothing', async () => {
    const { notebook } = await freshSampleNotebook('partial.json');
    const before = await readFile(notebook);
    const good = join(dir(), 'good.txt');
    const binary = join(dir(), 'image.txt');
    await writeFile(good, 'A fine headline\n\nA fine paragraph of text.\n');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0xff, 0xfe]));
    const result = await parley('import', good, binary, '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /image\.txt/);
    assert.deepEqual(await readFile(notebook), before);
  });

  test('an unsupported format is refused with the accepted ones named', async () => {
    const { notebook } = await freshSampleNotebook('format.json');
    const rtf = join(dir(), 'paper.rtf');
    await writeFile(rtf, 'plain enough');
    const result = await parley('import', rtf, '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /\.txt|\.md/);
  });
});

describe('parley annotations import and export', () => {
  test('quote-only W3C annotations anchor by quote, then export as Markdown and W3C', async () => {
    const { notebook, id } = await freshSampleNotebook('annotate.json');
    const file = await writeJson(dir(), 'notes.jsonld', {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      items: [
        quoteAnnotation(
          'his extradition to UK is absolutely out of the question',
          'Russia **refuses**.',
          'extradition',
        ),
        quoteAnnotation('enriching uranium abroad', 'The IAEA proposal.', 'iran/nuclear'),
      ],
    });
    const imported = await parley('annotations', 'import', file, '--document', id, '--notebook', notebook);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 2/);
    assert.match((await parley('list', '--notebook', notebook)).stdout, /\t2\n$/);

    const md = await parley('export', '--document', id, '--notebook', notebook);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^---\n/);
    assert.match(md.stdout, /his extradition to UK is absolutely out of the question/);
    assert.match(md.stdout, /Russia \*\*refuses\*\*\./);
    assert.match(md.stdout, /#iran\/nuclear/);

    const out = join(dir(), 'export.jsonld');
    const w3c = await parley('export', '--format', 'w3c', '--out', out, '--notebook', notebook);
    assert.equal(w3c.code, 0, w3c.stderr);
    const collection = JSON.parse(await readFile(out, 'utf8'));
    assert.equal(collection['@context'][0], 'http://www.w3.org/ns/anno.jsonld');

    // Round trip into another notebook holding the same article.
    const other = await freshSampleNotebook('roundtrip.json');
    const again = await parley(
      'annotations',
      'import',
      out,
      '--document',
      other.id,
      '--notebook',
      other.notebook,
    );
    assert.equal(again.code, 0, again.stderr);
    const otherMd = await parley('export', '--notebook', other.notebook);
    const strip = (text: string) => text.replace(/^exported: .*$/m, '');
    assert.equal(strip(otherMd.stdout), strip(md.stdout));
  });

  test('if any annotation cannot be anchored, none is written', async () => {
    const { notebook, id } = await freshSampleNotebook('atomic.json');
    const before = await readFile(notebook);
    const file = await writeJson(dir(), 'mixed.jsonld', [
      quoteAnnotation('absolutely out of the question', 'fine', 'extradition'),
      quoteAnnotation('a sentence that appears nowhere in this article at all', 'lost', 'extradition'),
    ]);
    const result = await parley('annotations', 'import', file, '--document', id, '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Nothing was imported/);
    assert.deepEqual(await readFile(notebook), before);
  });

  test('without --document, a source that is no document here is refused, naming --document', async () => {
    const { notebook } = await freshSampleNotebook('unknown-source.json');
    const file = await writeJson(dir(), 'elsewhere.jsonld', {
      type: 'Annotation',
      target: {
        source: 'https://elsewhere.example/story',
        selector: { type: 'TextQuoteSelector', exact: 'revealed Lavrov' },
      },
    });
    const result = await parley('annotations', 'import', file, '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /which is no document in this notebook; name the document to import into with --document ID \(see parley list\)/,
    );
  });

  test('a file that is not JSON is refused', async () => {
    const { notebook, id } = await freshSampleNotebook('notjson.json');
    const file = join(dir(), 'broken.jsonld');
    await writeFile(file, '{ not json');
    const result = await parley('annotations', 'import', file, '--document', id, '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /as JSON/);
  });

  test('export of an unknown document names it', async () => {
    const { notebook } = await freshSampleNotebook('unknown.json');
    const result = await parley('export', '--document', 'nope', '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /nope/);
  });
});

describe('parley suggest and the comparison', () => {
  test('suggest prints party<TAB>speaker<TAB>quote, and --accept adds them with their party', async () => {
    const { notebook, id } = await freshSampleNotebook('suggest.json');
    const listed = await parley('suggest', '--document', id, '--notebook', notebook);
    assert.equal(listed.code, 0, listed.stderr);
    const rows = listed.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    assert.ok(rows.length >= 8, `expected the sample's statements, got ${rows.length}`);
    for (const row of rows) assert.equal(row.length, 3, `three fields: ${row.join(' | ')}`);
    const refusal = rows.find(([, , quote]) => quote!.includes('absolutely out of the question'));
    assert.deepEqual(refusal?.slice(0, 1), ['Russia']);
    assert.ok(rows.some(([party, speaker]) => party === 'United Kingdom' && /Miliband/.test(speaker!)));
    assert.match((await parley('list', '--notebook', notebook)).stdout, /\t0\n$/, 'listing changes nothing');

    const accepted = await parley('suggest', '--document', id, '--accept', '--notebook', notebook);
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stderr, new RegExp(`Added ${rows.length} highlight`));
    assert.match((await parley('list', '--notebook', notebook)).stdout, new RegExp(`\t${rows.length}\n$`));
    const again = await parley('suggest', '--document', id, '--notebook', notebook);
    assert.equal(again.stdout, '', 'accepted statements are not suggested again');
  });

  test('suggest without --document is a usage error', async () => {
    const result = await parley('suggest', '--notebook', join(dir(), 'x.json'));
    assert.equal(result.code, 2);
  });

  test('W3C round trip keeps party and stance, and export --view compare tables them per topic', async () => {
    const { notebook, id } = await freshSampleNotebook('compare.json');
    await parley('suggest', '--document', id, '--accept', '--notebook', notebook);
    const out = join(dir(), 'accepted.jsonld');
    assert.equal((await parley('export', '--format', 'w3c', '--out', out, '--notebook', notebook)).code, 0);
    // Tag every statement and give the extradition ones stances, as a researcher would, in the file itself.
    const collection = JSON.parse(await readFile(out, 'utf8'));
    for (const item of collection.first.items) {
      const exact: string = item.target.selector.find(
        (s: { type: string }) => s.type === 'TextQuoteSelector',
      ).exact;
      const extradition = /extradition|Litvinenko/.test(exact);
      item.body = [
        { type: 'TextualBody', purpose: 'tagging', value: extradition ? 'extradition' : 'diplomacy' },
      ];
      const party = item['parley:party']?.['parley:name'];
      if (extradition && party) item['parley:stance'] = party === 'Russia' ? 'refusal' : 'demand';
    }
    await writeFile(out, JSON.stringify(collection));

    const other = await freshSampleNotebook('compare-2.json');
    const imported = await parley(
      'annotations',
      'import',
      out,
      '--document',
      other.id,
      '--notebook',
      other.notebook,
    );
    assert.equal(imported.code, 0, imported.stderr);
    const back = join(dir(), 'back.jsonld');
    await parley('export', '--format', 'w3c', '--out', back, '--notebook', other.notebook);
    // The other notebook has its own ids for the document and the parties (matched by name); all else must match.
    const items = (file: unknown) =>
      (file as { first: { items: Array<Record<string, unknown>> } }).first.items.map(
        ({ target, 'parley:party': party, ...rest }) => ({
          ...rest,
          party: party ? { ...(party as object), id: undefined } : undefined,
          selector: (target as { selector: unknown }).selector,
        }),
      );
    assert.deepEqual(items(JSON.parse(await readFile(back, 'utf8'))), items(collection), 'nothing lost');

    const md = await parley('export', '--view', 'compare', '--notebook', other.notebook);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Comparison$/m);
    assert.match(md.stdout, /^## extradition$/m);
    assert.match(md.stdout, /extradition: UK demand ↔ Russia refusal/);
    assert.match(md.stdout, /\| United Kingdom \| Russia \|/);
    const one = await parley(
      'export',
      '--view',
      'compare',
      '--topic',
      'extradition',
      '--notebook',
      other.notebook,
    );
    assert.doesNotMatch(one.stdout, /^## diplomacy$/m);
    const unknown = await parley(
      'export',
      '--view',
      'compare',
      '--topic',
      'nope',
      '--notebook',
      other.notebook,
    );
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No topic nope/);
  });
});

describe('the built dist/cli.cjs', () => {
  test('runs under plain Node and honours PARLEY_NOTEBOOK', needsBuiltCli, async () => {
    const notebook = join(dir(), 'built.json');
    const exec = promisify(execFile);
    const env = { ...process.env, PARLEY_NOTEBOOK: notebook };
    await exec(process.execPath, [builtCli, 'init', '--sample'], { env });
    const { stdout } = await exec(process.execPath, [builtCli, 'list'], { env });
    assert.match(stdout, /^\S+\tMiliband: bilateral differences will not obscure our relationship\t0\n$/);
    await assert.rejects(
      exec(process.execPath, [builtCli, 'import', join(dir(), 'nothing-here.txt')], { env }),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr, /nothing-here\.txt/);
        return true;
      },
    );
  });
});
