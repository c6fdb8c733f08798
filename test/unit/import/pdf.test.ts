// The PDF importer on PDFs written for the test by scripts/fixtures/make-pdf.ts: one and two columns, a running
// header and footer with page numbers, words hyphenated at line ends, the fi and fl ligature glyphs, a title and a
// by-line on the first page, Info metadata or none. What the importer reads must be exactly what was written. Then
// the files it must refuse (a scan, a password, a file cut short, one that is not a PDF), and the rules of reading
// order on their own.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { authorLine, importPdf, parseAuthors, pdfDate } from '../../../main/import/pdf';
import { cleanRunText, isPageNumber, joinLines, layOutPages } from '../../../main/import/pdf-layout';
import { pageAt } from '../../../shared/model';
import {
  makeEncryptedPdf,
  makePdf,
  makeScanPdf,
  truncated,
  type PdfDescription,
} from '../../../scripts/fixtures/make-pdf';

// Test text written for Parley, not real reporting. `¦` forces a line break there (make-pdf.ts): inside a word it
// hyphenates it, after a hyphen it breaks a compound at its own hyphen.
const PARAGRAPHS = [
  'The harbour board met on Tuesday for the first flight of nego¦tiations about the eastern channel, which has silted up since the storms of last winter.',
  'Councillors said the well-known problem of the sea wall could not be left to the next council, and asked for the confidential figures to be published.',
  'The mayor called the plan well-¦known to every resident of the town, and said that the fishing fleet could not wait for another winter.',
  'A representative of the ferry company asked whether the old quay would stay open during the works; the engineers said it would, except at the highest tides.',
  'The committee agreed a non-proliferation rule for new moorings, so that the flotilla of small boats would not block the channel again.',
  'Residents who spoke at the meeting were divided. Some welcomed the plan as overdue; others said the town could not afford the dredging at all.',
  'The finance officer explained that the first instalment would be paid from the reserves, and the rest from a loan that the council would take out in the spring.',
  'Several speakers raised the question of the flood defences along the estuary, which the plan does not mention.',
];

/** The paragraphs again and again, numbered, so that the text runs over several pages. */
function longText(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Section ${i + 1}. ${PARAGRAPHS[i % PARAGRAPHS.length]!}`);
}

const BASE: PdfDescription = {
  info: {
    title: 'The harbour plan',
    author: 'Morwenna Tregear and Jory Penrose',
    creationDate: "D:20260314093000+01'00'",
  },
  title: 'The harbour plan',
  byline: 'By Morwenna Tregear',
  header: 'Harbour Review, volume 12',
  footer: 'Page # of ##',
  paragraphs: [...PARAGRAPHS, ...longText(40)],
};

/** Imports what make-pdf wrote and checks the text, blocks, pages and page starts against it exactly. */
async function readsAsWritten(description: PdfDescription) {
  const made = makePdf(description);
  const draft = await importPdf(made.bytes, { fileName: 'harbour.pdf' });
  assert.ok(made.pageCount >= 3, `the text runs over several pages (${made.pageCount})`);
  assert.deepEqual(draft.text.split('\n\n'), made.paragraphs);
  assert.equal(draft.text, made.paragraphs.join('\n\n'));
  assert.deepEqual(
    draft.blocks.map((block) => block.page),
    made.pages,
    'each block starts on the page it was written on',
  );
  assert.deepEqual(draft.pageStarts, made.pageStarts);
  for (const block of draft.blocks) assert.equal(pageAt(draft, block.start), block.page);
  return { made, draft };
}

describe('importPdf reads the text as it was written', () => {
  test('one column: paragraphs, pages and page starts; header, footer and page numbers gone', async () => {
    const { made, draft } = await readsAsWritten({ ...BASE, columns: 1 });
    assert.equal(draft.format, 'pdf');
    assert.ok(!draft.text.includes('Harbour Review'));
    assert.ok(!/Page \d+ of \d+/.test(draft.text));
    assert.ok(made.hyphenated.includes('negotiations'), 'a word was broken at a line end');
    assert.ok(draft.text.includes('first flight of negotiations about'));
  });

  test('two columns: left column then right, and paragraphs run on across columns and pages', async () => {
    const { made, draft } = await readsAsWritten({
      ...BASE,
      columns: 2,
      paragraphs: [...PARAGRAPHS, ...longText(90)],
    });
    assert.ok(made.hyphenated.length >= 5, `words were hyphenated at line ends (${made.hyphenated.length})`);
    // A paragraph begun on one page and ended on the next: its page is the first, and the next page begins in it.
    const across = made.pageStarts
      .slice(1)
      .some((start) => !draft.blocks.some((block) => block.start === start));
    assert.ok(across, 'some page begins inside a paragraph');
  });

  test('two columns: a short last page (3 lines left, 2 right) is read left column, then right', async () => {
    const paragraphs = [
      ...PARAGRAPHS,
      ...longText(60),
      'The last page holds a short ¦column on its left side, ¦of three lines in all.',
      'And two lines on its ¦right, which end the article.',
    ];
    const { made } = await readsAsWritten({
      ...BASE,
      columns: 2,
      paragraphs,
      pageBreaksBefore: [paragraphs.length - 2],
      columnBreaksBefore: [paragraphs.length - 1],
    });
    assert.deepEqual(made.pages.slice(-2), [made.pageCount, made.pageCount], 'both on the last page');
  });

  test('a compound broken at its own hyphen keeps it; a word broken by hyphenation is whole again', async () => {
    const { draft } = await readsAsWritten({ ...BASE, columns: 1 });
    assert.ok(draft.text.includes('called the plan well-known to every resident'));
    assert.ok(!draft.text.includes('wellknown'));
    assert.ok(draft.text.includes('non-proliferation'));
  });

  test('the fi and fl ligature glyphs are read as their letters', async () => {
    const made = makePdf({ paragraphs: ['The first flight of the flotilla was confirmed by the office.'] });
    const content = Buffer.from(made.bytes).toString('latin1');
    assert.match(content, /\\256rst \\257ight/, 'the file writes the ligature glyphs');
    const draft = await importPdf(made.bytes, { fileName: 'ligatures.pdf' });
    assert.equal(draft.text, 'The first flight of the flotilla was confirmed by the office.');
  });

  test('title, authors and date from the Info dictionary; the file by name, size and SHA-256', async () => {
    const made = makePdf({ ...BASE, columns: 2 });
    const draft = await importPdf(made.bytes, { fileName: 'harbour.pdf' });
    assert.equal(draft.title, 'The harbour plan');
    assert.deepEqual(draft.authors, ['Tregear, Morwenna', 'Penrose, Jory']);
    assert.equal(draft.published, '2026-03-14');
    assert.deepEqual(draft.file, {
      name: 'harbour.pdf',
      size: made.bytes.length,
      sha256: createHash('sha256').update(made.bytes).digest('hex'),
    });
  });

  test('without metadata, the title and authors come from the first page, and leave the body', async () => {
    const { draft } = await readsAsWritten({
      ...BASE,
      info: undefined,
      title: 'Dredging the eastern channel',
    });
    assert.equal(draft.title, 'Dredging the eastern channel');
    assert.deepEqual(draft.authors, ['Tregear, Morwenna']);
    assert.equal(draft.published, '');
  });

  test('without metadata, a line of names and a date line under the title are the authors and the date', async () => {
    const { draft } = await readsAsWritten({
      ...BASE,
      info: undefined,
      byline: 'Peter Novak and Hana Kim',
      dateline: '12 March 2018',
    });
    assert.deepEqual(draft.authors, ['Novak, Peter', 'Kim, Hana']);
    assert.equal(draft.published, '2018-03-12');
  });

  test('a "By" line with a date line under it gives the author and the date, never a name with the date in it', async () => {
    const { draft } = await readsAsWritten({
      ...BASE,
      info: undefined,
      byline: 'By Peter Novak',
      dateline: '12 March 2018',
    });
    assert.deepEqual(draft.authors, ['Novak, Peter']);
    assert.equal(draft.published, '2018-03-12');
  });

  test('a "By" line that ends in a date gives the authors and the date; one with other digits stays text', async () => {
    const dated = await readsAsWritten({
      ...BASE,
      info: undefined,
      byline: 'By Peter Novak and Hana Kim, 12 March 2018',
    });
    assert.deepEqual(dated.draft.authors, ['Novak, Peter', 'Kim, Hana']);
    assert.equal(dated.draft.published, '2018-03-12');
    const other = await importPdf(
      makePdf({ ...BASE, info: undefined, byline: 'By Room 12 of the Harbour Office' }).bytes,
      { fileName: 'room.pdf' },
    );
    assert.equal(other.authors, undefined);
    assert.match(other.text, /By Room 12 of the Harbour Office/);
  });

  test('a sentence under the title is not read as names; it stays in the text', async () => {
    const { draft } = await readsAsWritten({
      ...BASE,
      info: undefined,
      byline: undefined,
      paragraphs: ['Harbour Board and Town Council, meeting together, agreed the plan.', ...longText(60)],
      flushLeft: [0],
    });
    assert.equal(draft.authors, undefined);
  });

  test('without metadata or a title on the page, the file name is the title', async () => {
    const made = makePdf({ paragraphs: PARAGRAPHS.slice(0, 3) });
    const draft = await importPdf(made.bytes, { fileName: 'board-minutes.pdf' });
    assert.equal(draft.title, 'board-minutes');
    assert.equal(draft.authors, undefined);
  });

  test('roman page numbers in dashes in the footer are dropped', async () => {
    for (const footer of ['- # -', '\u2014 # \u2014']) {
      const { made, draft } = await readsAsWritten({
        ...BASE,
        columns: 1,
        footer,
        romanPageNumbers: true,
        paragraphs: [...PARAGRAPHS, ...longText(100)],
      });
      assert.ok(made.pageCount >= 4, 'pages up to iv at least');
      assert.ok(!/[-\u2014] [ivx]+ [-\u2014]/.test(draft.text), footer);
    }
  });

  test('a number range broken after its hyphen stays one range', async () => {
    const { draft } = await readsAsWritten({
      ...BASE,
      columns: 1,
      paragraphs: [
        'The figures are on pages 12-¦14 of the report, and the tables on pages 20-¦24.',
        ...longText(60),
      ],
    });
    assert.ok(draft.text.includes('pages 12-14 of the report'));
    assert.ok(draft.text.includes('pages 20-24.'));
  });

  test('bulleted and numbered lines are list items, each its own block', async () => {
    const paragraphs = [
      'The board listed what it had agreed:',
      '\u2022 first bullet item of the list',
      '\u2022 second bullet item of the list, long enough to run onto a second line of the column as items do',
      '1. a numbered item',
      '2. another numbered item',
      'The meeting closed at nine.',
    ];
    const made = makePdf({ paragraphs, flushLeft: [1, 2, 3, 4] });
    const draft = await importPdf(made.bytes, { fileName: 'list.pdf' });
    assert.deepEqual(draft.text.split('\n\n'), [
      'The board listed what it had agreed:',
      'first bullet item of the list',
      'second bullet item of the list, long enough to run onto a second line of the column as items do',
      'a numbered item',
      'another numbered item',
      'The meeting closed at nine.',
    ]);
    assert.deepEqual(
      draft.blocks.map(({ kind, ordered, number }) => [kind, ordered, number]),
      [
        ['paragraph', undefined, undefined],
        ['list-item', false, undefined],
        ['list-item', false, undefined],
        ['list-item', true, 1],
        ['list-item', true, 2],
        ['paragraph', undefined, undefined],
      ],
    );
  });

  test('reports each page read as a step', async () => {
    const made = makePdf({ ...BASE, columns: 1 });
    const steps: [number, number][] = [];
    await importPdf(made.bytes, {
      fileName: 'steps.pdf',
      onStep: (done, total) => steps.push([done, total]),
    });
    assert.deepEqual(
      steps,
      Array.from({ length: made.pageCount + 1 }, (_, i) => [i, made.pageCount]),
    );
  });
});

describe('importPdf refuses what it cannot read, saying why', () => {
  test('a scan: no text layer', async () => {
    await assert.rejects(
      importPdf(makeScanPdf(), { fileName: 'scan.pdf' }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'no-text');
        assert.match(error.message, /^"scan\.pdf" has no text to read: .*a scan, .*\(OCR\)/);
        return true;
      },
    );
  });

  test('a password-protected file', async () => {
    await assert.rejects(
      importPdf(await makeEncryptedPdf(), { fileName: 'locked.pdf' }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'encrypted');
        assert.match(error.message, /^"locked\.pdf" is password-protected/);
        return true;
      },
    );
  });

  test('a file cut short, one whose structure is broken, and one that is not a PDF', async () => {
    const whole = makePdf({ ...BASE, columns: 1 }).bytes;
    await assert.rejects(
      importPdf(truncated(whole), { fileName: 'cut.pdf' }),
      /^ParleyError: "cut\.pdf" is damaged: it seems cut short/,
    );
    // Cut short and then given an ending: the ending is there, but the objects it points to are not.
    const patched = new Uint8Array([...truncated(whole), ...new TextEncoder().encode('\n%%EOF\n')]);
    await assert.rejects(
      importPdf(patched, { fileName: 'patched.pdf' }),
      /^ParleyError: "patched\.pdf" is damaged or not a PDF/,
    );
    await assert.rejects(
      importPdf(new TextEncoder().encode('Minutes of the harbour board.\n'), { fileName: 'minutes.pdf' }),
      /^ParleyError: "minutes\.pdf" is not a PDF/,
    );
    await assert.rejects(importPdf(new Uint8Array(), { fileName: 'empty.pdf' }), /"empty\.pdf" is empty/);
  });

  test('a whole file with bytes after its end, or without "%%EOF", is read', async () => {
    const made = makePdf({ ...BASE, columns: 1 });
    const padded = new Uint8Array([...made.bytes, ...new Uint8Array(3000)]);
    const text = Buffer.from(made.bytes).toString('latin1');
    const unended = Uint8Array.from(Buffer.from(text.replace(/%%EOF\n$/, ''), 'latin1'));
    assert.ok(!Buffer.from(unended).toString('latin1').includes('%%EOF'));
    for (const [name, bytes] of [
      ['padded.pdf', padded],
      ['unended.pdf', unended],
    ] as const) {
      const draft = await importPdf(bytes, { fileName: name });
      assert.equal(draft.text, made.paragraphs.join('\n\n'), name);
    }
  });

  test('PDF.js writes nothing to the console, for a good file or a broken one', async () => {
    const written: unknown[] = [];
    const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    console.log = console.warn = console.error = console.info = (...args: unknown[]) => written.push(args);
    try {
      const whole = makePdf({ ...BASE, columns: 2 }).bytes;
      await importPdf(whole, { fileName: 'good.pdf' });
      const patched = new Uint8Array([...truncated(whole), ...new TextEncoder().encode('\n%%EOF\n')]);
      await importPdf(patched, { fileName: 'patched.pdf' }).catch(() => undefined);
      await importPdf(makeScanPdf(), { fileName: 'scan.pdf' }).catch(() => undefined);
    } finally {
      Object.assign(console, saved);
    }
    assert.deepEqual(written, []);
  });
});

describe('the reading rules on their own', () => {
  test('ligatures become letters; other characters are left as they are', () => {
    assert.equal(cleanRunText('\ufb00 \ufb01 \ufb02 \ufb03 \ufb04 \ufb05 \ufb06'), 'ff fi fl ffi ffl st st');
    assert.equal(cleanRunText('caf\u00e9\u00a0\u2460 \uff21'), 'café \u2460 \uff21');
  });

  test('words broken at line ends', () => {
    const none = new Set<string>();
    assert.equal(
      joinLines('first round of nego-', 'tiations began', none),
      'first round of negotiations began',
    );
    assert.equal(joinLines('a well-', 'known problem', new Set(['well-known'])), 'a well-known problem');
    assert.equal(
      joinLines('a well-', 'known problem', new Set(['well-known', 'wellknown'])),
      'a wellknown problem',
    );
    assert.equal(joinLines('the anti-', 'British line', none), 'the anti-British line');
    assert.equal(joinLines('before the pre-', '1990 rules', none), 'before the pre-1990 rules');
    assert.equal(joinLines('soft\u00ad', 'ware', none), 'software');
    assert.equal(joinLines('the inter\u00ad', 'national rules', none), 'the international rules');
    assert.equal(joinLines('the inter \u00ad', 'national rules', none), 'the international rules');
    assert.equal(joinLines('see pages 12-', '14 of it', none), 'see pages 12-14 of it');
    assert.equal(joinLines('the plan\u2014', 'which failed', none), 'the plan\u2014which failed');
    assert.equal(joinLines('and so -', 'it went', none), 'and so - it went');
    assert.equal(joinLines('the end.', 'Then', none), 'the end. Then');
  });

  test('page numbers', () => {
    for (const text of [
      ...['4', '- 4 -', '— 12 —', 'Page 4', 'page 4 of 12', '4 of 12', '4 / 12', 'iv', 'xii'],
      ...['- i -', '- vi -', '— iv —', '– XII –', '-iv-'],
    ]) {
      assert.ok(isPageNumber(text), text);
    }
    for (const text of ['4 ministers met', 'Page four', 'Vivid', 'mix', 'I.', '- in -', '- iv', '- Iv -'])
      assert.ok(!isPageNumber(text), text);
  });

  test('a soft hyphen at a line end, in its run or a run of its own, joins the word with nothing', () => {
    const line = (y: number, parts: [string, number, number][]) =>
      parts.map(([text, x, width]) => ({ text, x, y, width, size: 10 }));
    const blocks = layOutPages([
      {
        width: 600,
        height: 800,
        runs: [
          ...line(700, [['The inter\u00ad', 50, 40]]),
          ...line(687, [
            ['national rules and the re', 50, 110],
            ['\u00ad', 163, 0],
          ]),
          ...line(674, [['ports were read.', 50, 70]]),
        ],
      },
    ]);
    assert.deepEqual(
      blocks.map((block) => block.text),
      ['The international rules and the reports were read.'],
    );
  });

  test('a list item that wraps, its next line set under its text, is one item', () => {
    const line = (y: number, x: number, text: string) => ({ text, x, y, width: 250, size: 10 });
    const blocks = layOutPages([
      {
        width: 600,
        height: 800,
        runs: [
          line(700, 50, 'The plan has two parts.'),
          line(687, 50, '• a bullet item that is long enough that it wraps onto a'),
          line(674, 62, 'second line set under the text of the item above'),
          line(661, 50, '• a second item.'),
          line(648, 50, '1. a numbered item that is long and wraps onto a'),
          line(635, 64, 'second line under its text.'),
        ],
      },
    ]);
    assert.deepEqual(
      blocks.map((block) => [block.kind, block.text]),
      [
        ['paragraph', 'The plan has two parts.'],
        [
          'list-item',
          'a bullet item that is long enough that it wraps onto a second line set under the text of the item above',
        ],
        ['list-item', 'a second item.'],
        ['list-item', 'a numbered item that is long and wraps onto a second line under its text.'],
      ],
    );
  });

  test('a number or dash that wraps mid-sentence to a line start is not a list item', () => {
    const line = (y: number, text: string) => ({ text, x: 50, y, width: 250, size: 10 });
    const blocks = layOutPages([
      {
        width: 600,
        height: 800,
        runs: [
          line(700, 'The council met in the spring of'),
          line(687, '2018. It agreed the plan, and so'),
          line(674, '- as the minutes say - it began the works'),
          line(661, 'at once, along the whole of the quay.'),
        ],
      },
    ]);
    assert.deepEqual(
      blocks.map((block) => [block.kind, block.text]),
      [
        [
          'paragraph',
          'The council met in the spring of 2018. It agreed the plan, and so - as the minutes say - it began the works at once, along the whole of the quay.',
        ],
      ],
    );
  });

  test('a running header repeated on most pages goes; a line repeated on one page only stays', () => {
    const page = (top: string, body: string) => ({
      width: 600,
      height: 800,
      runs: [
        { text: top, x: 50, y: 760, width: 100, size: 8 },
        { text: body, x: 50, y: 400, width: 300, size: 10 },
      ],
    });
    const blocks = layOutPages([
      page('Harbour Review 1', 'The first page.'),
      page('Harbour Review 2', 'The second page.'),
      page('A heading of its own', 'The third page.'),
    ]);
    // The one-line bodies run on as one paragraph across the pages (nothing marks a new one).
    assert.deepEqual(
      blocks.map((block) => block.text),
      ['The first page. The second page.', 'A heading of its own', 'The third page.'],
    );
  });

  test('a by-line of names', () => {
    assert.deepEqual(authorLine('Peter Novak and Hana Kim'), ['Novak, Peter', 'Kim, Hana']);
    assert.deepEqual(authorLine('Ann Lee, Bo Chan & Cy Vos'), ['Lee, Ann', 'Chan, Bo', 'Vos, Cy']);
    for (const line of [
      'Peter Novak',
      'The board and the council',
      'Harbour Board and Town Council',
      'Harbour Board and Town Council, meeting together',
      'Ann Lee, Bo Chan, Cy Vos, Di Ray and Ed Fox',
    ])
      assert.equal(authorLine(line), null, line);
  });

  test('authors and dates from metadata fields', () => {
    assert.deepEqual(parseAuthors('Morwenna Tregear; Jory Penrose'), ['Tregear, Morwenna', 'Penrose, Jory']);
    assert.deepEqual(parseAuthors('Tregear, Morwenna'), ['Tregear, Morwenna']);
    assert.deepEqual(parseAuthors('Ann Lee, Bo Chan and Cy Vos'), ['Lee, Ann', 'Chan, Bo', 'Vos, Cy']);
    assert.deepEqual(parseAuthors('Harbour Board'), ['Harbour Board']);
    assert.deepEqual(parseAuthors('Pieter van Dijk'), ['van Dijk, Pieter']);
    assert.deepEqual(parseAuthors(''), []);
    assert.equal(pdfDate("D:20260314093000+01'00'"), '2026-03-14');
    assert.equal(pdfDate('2026-03-14T09:30:00Z'), '2026-03-14');
    assert.equal(pdfDate('D:2026'), '');
    assert.equal(pdfDate('yesterday'), '');
  });
});
