// Exports beyond one document: a topic with its subtopics across documents, the notebook as one file or a file
// per document with names every file system accepts, and a highlights CSV that an RFC 4180 reader (written here)
// gets every value back from, with formulas disarmed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import {
  CSV_COLUMNS,
  exportDocumentMarkdown,
  csvCell,
  exportCsv,
  exportNotebookFiles,
  exportNotebookMarkdown,
  exportTopicMarkdown,
  safeFileStem,
} from '../../../main/core/export';
import { emptyNotebook, ParleyError, type Notebook } from '../../../shared/model';
import { highlightMaker, makeDocument } from './fixtures';
import { runs } from '../properties/seed';

const NOW = new Date('2026-11-30T12:00:00.000Z');

const highlight = highlightMaker({
  createdAt: '2026-11-02T10:00:00.000Z',
  updatedAt: '2026-11-03T10:00:00.000Z',
});

function fixture() {
  const nb: Notebook = emptyNotebook();
  const rt = makeDocument(
    'rt',
    [
      'Lavrov said his extradition to UK is absolutely out of the question.',
      'Miliband said Iran must stop enrichment, "now", and return to talks.',
      'Both agreed, the trade talks would continue.',
    ],
    {
      title: 'Miliband: bilateral differences',
      source: 'RT',
      published: '2009-11-02',
      url: 'https://rt.com/a',
    },
  );
  const bbc = makeDocument(
    'bbc',
    ['Iran offered = a proposal on enrichment.', 'Nothing was said about extradition.'],
    { title: 'Talks in Geneva' },
  );
  const empty = makeDocument('empty', ['No highlights here.'], { title: 'Miliband: bilateral differences' });
  nb.documents.push(rt, bbc, empty);
  nb.topics.push(
    { id: 'iran', path: 'iran', colour: '', description: 'Everything about Iran.\n# not a heading' },
    { id: 'nuc', path: 'iran/nuclear', colour: '', description: '' },
    { id: 'deal', path: 'iran-deal', colour: '', description: '' },
    { id: 'ext', path: 'extradition', colour: '', description: '' },
  );
  nb.parties.push(
    { id: 'uk', name: 'United Kingdom', short: 'UK', colour: '', aliases: [] },
    { id: 'ru', name: 'Russia', short: 'RU', colour: '', aliases: [] },
  );
  const refusal = highlight(rt, 'his extradition to UK is absolutely out of the question', {
    topicIds: ['ext'],
    partyId: 'ru',
    stance: 'refusal',
    note: 'Flat **refusal**.',
  });
  const enrichment = highlight(rt, 'Iran must stop enrichment, "now"', {
    topicIds: ['nuc', 'iran', 'ext'],
    partyId: 'uk',
    stance: 'demand',
    note: '=SUM(A1:A9)\nsecond line, with comma',
  });
  const offer = highlight(bbc, 'Iran offered = a proposal on enrichment.', { topicIds: ['nuc'] });
  const dealOnly = highlight(bbc, 'Nothing was said about extradition.', { topicIds: ['deal'] });
  const untagged = highlight(rt, 'Both agreed, the trade talks would continue.');
  nb.annotations.push(offer, untagged, refusal, dealOnly, enrichment);
  return { nb, rt, bbc, empty, refusal, enrichment, offer, dealOnly, untagged };
}

function frontMatter(markdown: string): string[] {
  const lines = markdown.split('\n');
  assert.equal(lines[0], '---');
  const end = lines.indexOf('---', 1);
  assert.ok(end > 0);
  return lines.slice(1, end);
}

function headings(markdown: string): string[] {
  return markdown.split('\n').filter((l) => /^#{1,6} /.test(l));
}

describe('topic export', () => {
  test('the topic and its subtopics across documents, grouped by document then subtopic, no look-alike sibling', () => {
    const { nb } = fixture();
    const md = exportTopicMarkdown(nb, 'iran', { now: NOW });
    assert.deepEqual(frontMatter(md), [
      'topic: "iran"',
      'topics: ["iran", "iran/nuclear"]',
      'documents: ["Miliband: bilateral differences", "Talks in Geneva"]',
      'highlights: 2',
      'exported: "2026-11-30T12:00:00.000Z"',
    ]);
    assert.deepEqual(headings(md), [
      '# Topic: iran',
      '## Miliband: bilateral differences',
      '### iran',
      '### iran/nuclear',
      '## Talks in Geneva',
      // No two headings alike (markdownlint MD024): a repeat names its document.
      '### iran/nuclear (Talks in Geneva)',
    ]);
    assert.ok(
      md.includes('\nEverything about Iran.\n\\# not a heading\n'),
      'description escaped, not a heading',
    );
    assert.ok(md.includes('Source: [RT](<https://rt.com/a>) · Published: 2009-11-02'));
    // The quote as the document export writes it, with every topic of the passage as tags.
    assert.ok(md.includes('> — United Kingdom · demand · ¶2 · #extradition #iran #iran/nuclear'));
    assert.equal(md.split('> Iran must stop enrichment, "now"').length - 1, 2, 'under iran and iran/nuclear');
    assert.ok(!md.includes('Nothing was said'), 'iran-deal is not under iran');
    assert.ok(!md.includes('out of the question'));
  });

  test('quotes and notes read the same as in the document export', () => {
    const { nb } = fixture();
    const topic = exportTopicMarkdown(nb, 'ext', { now: NOW });
    const single = exportDocumentMarkdown(nb, 'rt', { now: NOW });
    const block = single.slice(single.indexOf('> his extradition'), single.indexOf('Flat **refusal**.') + 17);
    assert.ok(block.length > 40);
    assert.ok(topic.includes(block), 'the same block');
  });

  test('a subtopic alone, an unused topic, and an unknown one', () => {
    const { nb } = fixture();
    assert.deepEqual(headings(exportTopicMarkdown(nb, 'nuc', { now: NOW })), [
      '# Topic: iran/nuclear',
      '## Miliband: bilateral differences',
      '### iran/nuclear',
      '## Talks in Geneva',
      '### iran/nuclear (Talks in Geneva)',
    ]);
    nb.topics.push({ id: 'unused', path: 'visas', colour: '', description: '' });
    const unused = exportTopicMarkdown(nb, 'unused', { now: NOW });
    assert.ok(unused.includes('No highlights for this topic yet.'));
    assert.ok(frontMatter(unused).includes('highlights: 0'));
    assert.throws(() => exportTopicMarkdown(nb, 'nope', { now: NOW }), ParleyError);
  });

  test('renders as CommonMark with the passage text intact', async () => {
    const { nb } = fixture();
    const html = await marked.parse(
      exportTopicMarkdown(nb, 'iran', { now: NOW }).replace(/^---[\s\S]*?\n---\n/, ''),
    );
    assert.ok(html.includes('<h1>Topic: iran</h1>'));
    assert.ok(html.includes('Iran must stop enrichment, &quot;now&quot;'));
  });
});

describe('notebook export', () => {
  test('one file: one front matter, then each document as its own export writes it, headings one level down', () => {
    const { nb, rt, bbc, empty } = fixture();
    const md = exportNotebookMarkdown(nb, { now: NOW });
    assert.deepEqual(frontMatter(md), [
      'documents: ["Miliband: bilateral differences", "Talks in Geneva", "Miliband: bilateral differences"]',
      'topics: ["extradition", "iran", "iran/nuclear", "iran-deal"]',
      'highlights: 5',
      'exported: "2026-11-30T12:00:00.000Z"',
    ]);
    assert.equal(md.split('\n---\n').length, 2, 'a single front matter');
    let expected = '';
    for (const doc of [rt, bbc, empty]) {
      const single = exportDocumentMarkdown(nb, doc.id, { now: NOW });
      // The single export's title is its front matter's; here each document is a `##` heading of its own.
      const body = single.slice(single.indexOf('\n---\n') + 5);
      expected += `\n## ${doc.title}\n` + body.replace(/^(#+) /gm, '#$1 ');
    }
    // Headings that repeat an earlier one name their document, or count (markdownlint MD024).
    expected = expected
      .replace(
        '\n### iran/nuclear\n\n> Iran offered',
        '\n### iran/nuclear (Talks in Geneva)\n\n> Iran offered',
      )
      .replace(
        /\n## Miliband: bilateral differences\n\nNo highlights yet\.\n$/,
        '\n## Miliband: bilateral differences (2)\n\nNo highlights yet.\n',
      );
    assert.equal(md.slice(md.indexOf('# Notebook\n') + '# Notebook\n'.length), expected);
    assert.deepEqual(headings(md).slice(0, 5), [
      '# Notebook',
      '## Miliband: bilateral differences',
      '### extradition',
      '### iran',
      '### iran/nuclear',
    ]);
  });

  test('a note’s own heading is shown as typed, never a heading of the export', () => {
    const { nb, refusal } = fixture();
    refusal.note = '# My heading\n\ntext';
    const md = exportNotebookMarkdown(nb, { now: NOW });
    assert.ok(md.includes('\n\\# My heading\n\ntext\n'), md);
    assert.ok(!headings(md).includes('# My heading'), md);
  });

  test('an empty notebook says so', () => {
    const md = exportNotebookMarkdown(emptyNotebook(), { now: NOW });
    assert.ok(md.endsWith('# Notebook\n\nNo documents yet.\n'));
    assert.deepEqual(exportNotebookFiles(emptyNotebook(), { now: NOW }), []);
  });

  test('files: one per document, the document export each, names unique ignoring case', () => {
    const { nb } = fixture();
    nb.documents.push(
      makeDocument('x', ['x'], { title: 'talks in geneva' }),
      makeDocument('y', ['y'], { title: '' }),
    );
    const files = exportNotebookFiles(nb, { now: NOW });
    assert.deepEqual(
      files.map((f) => f.fileName),
      [
        'Miliband- bilateral differences.md',
        'Talks in Geneva.md',
        'Miliband- bilateral differences (2).md',
        'talks in geneva (2).md',
        'Untitled.md',
      ],
    );
    assert.equal(files[1]!.markdown, exportDocumentMarkdown(nb, 'bbc', { now: NOW }));
    // Each file's title is its front matter's first key, read back by a YAML library; no `#` heading repeats it.
    files.forEach((file, i) => {
      const doc = nb.documents[i]!;
      const yaml = file.markdown.slice(4, file.markdown.indexOf('\n---\n'));
      assert.ok(yaml.startsWith('title: '), yaml);
      const data = parseYaml(yaml) as Record<string, unknown>;
      assert.equal(data.title, doc.title === '' ? 'Untitled' : doc.title);
      assert.equal(data.url, doc.url);
      assert.equal(data.author, doc.byline);
      assert.ok(!/^# /m.test(file.markdown), file.markdown);
    });
  });

  test('file names are safe on Windows, macOS and Linux', (t) => {
    assert.equal(safeFileStem('a/b\\c:d*e?f"g<h>i|j'), 'a-b-c-d-e-f-g-h-i-j');
    assert.equal(safeFileStem('  ..hidden. . '), 'hidden');
    assert.equal(safeFileStem('CON'), 'CON (document)');
    assert.equal(safeFileStem('lpt1.txt'), 'lpt1.txt (document)');
    assert.equal(safeFileStem('line\nbreak\ttab\u0000nul'), 'line break tab nul');
    assert.equal(safeFileStem('///'), 'Untitled');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (title) => {
        const stem = safeFileStem(title);
        assert.ok(stem.length > 0 && stem.length <= 80);
        assert.ok(!/[<>:"/\\|?*\p{Cc}]/u.test(stem), stem);
        assert.ok(!/^[.\s]|[.\s]$/.test(stem), stem);
        assert.ok(!/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(stem), stem);
        assert.ok(!/[\ud800-\udbff]$/.test(stem), 'no half character at the cut');
      }),
      runs(t, 100),
    );
  });
});

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes, nothing else after a closing quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        assert.ok(i < text.length, 'unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        assert.ok(text[i] !== '"' && text[i] !== '\n', `bare quote or line feed at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    assert.equal(text.slice(i, i + 2), '\r\n', `record must end with CRLF at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
    if (i === text.length) return rows;
  }
}

describe('CSV export', () => {
  test('one row per highlight and topic, untagged on one row; documents, text and codebook order', () => {
    const { nb, rt, refusal, enrichment, untagged, offer, dealOnly } = fixture();
    const csv = exportCsv(nb);
    assert.ok(!csv.startsWith('\ufeff'), 'no byte order mark');
    const [header, ...rows] = parseCsv(csv);
    assert.deepEqual(header, [...CSV_COLUMNS]);
    const cell = (r: string[], column: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(column)];
    assert.deepEqual(
      rows.map((r) => [cell(r, 'document'), cell(r, 'quote')?.slice(0, 12), cell(r, 'topic')]),
      [
        ['rt', refusal.target.exact.slice(0, 12), 'extradition'],
        ['rt', enrichment.target.exact.slice(0, 12), 'extradition'],
        ['rt', enrichment.target.exact.slice(0, 12), 'iran'],
        ['rt', enrichment.target.exact.slice(0, 12), 'iran/nuclear'],
        ['rt', untagged.target.exact.slice(0, 12), ''],
        ['bbc', offer.target.exact.slice(0, 12), 'iran/nuclear'],
        ['bbc', dealOnly.target.exact.slice(0, 12), 'iran-deal'],
      ],
    );
    const first = rows[1]!;
    assert.deepEqual(first, [
      'rt',
      rt.title,
      '2',
      String(enrichment.target.start),
      String(enrichment.target.end),
      'Iran must stop enrichment, "now"',
      'extradition',
      'United Kingdom',
      'demand',
      "'=SUM(A1:A9)\nsecond line, with comma",
      '2026-11-02T10:00:00.000Z',
      '2026-11-03T10:00:00.000Z',
      '',
      '',
    ]);
    assert.equal(rt.text.slice(Number(first[3]), Number(first[4])), first[5]);
    assert.equal(cell(rows[0]!, 'party'), 'Russia');
    assert.equal(cell(rows[4]!, 'party'), '');
    assert.equal(cell(rows[4]!, 'stance'), '');
  });

  test('links: a column naming the passages at both ends, with the other document when it is another', () => {
    const { nb, refusal, enrichment, offer } = fixture();
    refusal.links = [{ type: 'rebuts', annotationId: enrichment.id }];
    offer.links = [{ type: 'concedes-to', annotationId: refusal.id }];
    const [header, ...rows] = parseCsv(exportCsv(nb));
    const links = (quote: string) =>
      rows.find((r) => r[CSV_COLUMNS.indexOf('quote')] === quote)![header!.indexOf('links')];
    assert.equal(
      links(refusal.target.exact),
      'rebuts ¶2 “Iran must stop enrichment, "now"”; conceded to by Talks in Geneva ¶1 “Iran offered = a proposal on enrichment.”',
    );
    assert.equal(
      links(enrichment.target.exact),
      'rebutted by ¶1 “his extradition to UK is absolutely out of…”',
    );
    assert.equal(
      links(offer.target.exact),
      'concedes to Miliband: bilateral differences ¶1 “his extradition to UK is absolutely out of…”',
    );
    assert.equal(links('Both agreed, the trade talks would continue.'), '');
  });

  test('cells that a spreadsheet would run as a formula are prefixed with a quote', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      assert.equal(csvCell(`${start}1+1`).replace(/^"|"$/g, '').startsWith(`'${start}`), true, start);
    }
    assert.equal(csvCell('a=1'), 'a=1');
    assert.equal(csvCell(''), '');
    assert.equal(csvCell('say "hi", then\nleave'), '"say ""hi"", then\nleave"');
  });

  test('any text survives the round trip through a strict RFC 4180 reader, guard apart', (t) => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 6 }),
        (values) => {
          const line = values.map(csvCell).join(',') + '\r\n';
          const [parsed] = parseCsv(line);
          assert.deepEqual(
            parsed,
            values.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)),
          );
        },
      ),
      runs(t, 100),
    );
  });

  test('an empty notebook is the header alone', () => {
    assert.equal(exportCsv(emptyNotebook()), CSV_COLUMNS.join(',') + '\r\n');
  });
});
