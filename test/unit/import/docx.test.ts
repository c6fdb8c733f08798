// Word files: each generated document (scripts/fixtures/make-docx.ts) reads back as exactly the text, blocks and
// emphasis it was written with; tracked deletions and comments are never read; the file's properties give the
// title, authors and date; and every bad file is refused with a message that says what is wrong with it.
// Test text written for Parley, not real reporting.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { importDocx } from '../../../main/import/docx';
import { importFileBytes } from '../../../main/import';
import { DocumentSchema, ParleyError, type Block } from '../../../shared/model';
import type { DocumentDraft } from '../../../main/core/import-text';
import {
  benchDocxSpec,
  makeBenchDocx,
  makeDocx,
  zip,
  type DocxSpec,
  type ExpectedBlock,
  type MadeDocx,
} from '../../../scripts/fixtures/make-docx';

const REPORT: DocxSpec = {
  body: [
    { kind: 'title', runs: ['Geneva talks: ', { text: 'the second day', em: true }] },
    { kind: 'paragraph', runs: ['The delegations met for six hours on Tuesday.'] },
    { kind: 'heading', level: 1, runs: ['The proposal'] },
    {
      kind: 'paragraph',
      runs: [
        'The council ',
        { text: 'renewed', em: true },
        ' the measures ',
        { text: 'for a year', strong: true },
        ', and the envoy called the offer ',
        { text: 'useful', em: true, strong: true },
        '.',
      ],
    },
    { kind: 'heading', level: 2, runs: ['What was agreed'] },
    { kind: 'list-item', ordered: true, depth: 1, runs: ['A second round in Vienna.'] },
    { kind: 'list-item', ordered: false, depth: 2, runs: ['Experts meet first.'] },
    { kind: 'list-item', ordered: false, depth: 2, runs: ['Ministers join later.'] },
    { kind: 'list-item', ordered: true, depth: 1, runs: ['Inspections resume.'] },
    { kind: 'list-item', ordered: true, depth: 1, runs: ['A joint statement.'] },
    { kind: 'paragraph', runs: ['Left open:'] },
    { kind: 'list-item', ordered: false, depth: 1, runs: ['The timetable.'] },
    { kind: 'list-item', ordered: false, depth: 1, runs: ['The guarantees.'] },
    { kind: 'heading', level: 3, runs: ['In their words'] },
    { kind: 'quote', runs: ['Nothing is agreed until everything is agreed.'] },
    { kind: 'quote', runs: ['The door remains open.'], intense: true },
    {
      kind: 'paragraph',
      runs: ['The minutes are ', { text: 'published online', link: 'https://example.org/minutes' }, '.'],
    },
  ],
  core: {
    title: 'Draft 3 (do not circulate)',
    creator: 'Jane Porter; Smith, John; Microsoft Office User',
    created: '2009-11-02T10:22:00Z',
    modified: '2009-11-09T16:05:00Z',
  },
};

const NOTES: DocxSpec = {
  body: [
    { kind: 'heading', level: 1, runs: ['Sources'] },
    {
      kind: 'paragraph',
      runs: [
        { text: 'The resolution was renewed', footnote: 'Resolution 1887, adopted on 24 September.' },
        ' and the envoy ',
        { text: 'agreed', endnote: 'Statement to the press, 2 November.' },
        '.',
      ],
    },
    {
      kind: 'paragraph',
      runs: [{ text: 'A second round follows', footnote: 'According to two officials present.' }, '.'],
    },
  ],
};

const REVISED: DocxSpec = {
  body: [
    {
      kind: 'paragraph',
      runs: [
        'The talks ',
        { text: 'collapsed on Monday', deleted: true },
        { text: 'resumed on Tuesday', inserted: true },
        ' in Geneva',
        { text: ' after a long delay', comment: 'REVIEWERNOTE check the date with the desk' },
        '.',
      ],
    },
    {
      kind: 'paragraph',
      runs: [
        { text: 'Both sides ', comment: 'REVIEWERNOTE second comment' },
        { text: 'refused', deleted: true },
        { text: 'welcomed', inserted: true, em: true },
        ' the text.',
      ],
    },
  ],
};

async function read(
  made: MadeDocx,
  fileName = 'report.docx',
  onStep?: (done: number, total: number) => void,
) {
  return importDocx(made.bytes, { fileName, ...(onStep ? { onStep } : {}) });
}

function blockText(draft: DocumentDraft, block: Block): string {
  return draft.text.slice(block.start, block.end);
}

/** The draft's blocks as the generator describes what should be read. */
function asExpected(draft: DocumentDraft): ExpectedBlock[] {
  return draft.blocks.map((block) => {
    const shape: ExpectedBlock = { kind: block.kind as ExpectedBlock['kind'], text: blockText(draft, block) };
    if (block.level !== undefined) shape.level = block.level;
    if (block.depth !== undefined) shape.depth = block.depth;
    if (block.ordered !== undefined) shape.ordered = block.ordered;
    if (block.number !== undefined) shape.number = block.number;
    return shape;
  });
}

function markTexts(draft: DocumentDraft): string[] {
  return (draft.marks ?? []).map((mark) => `${mark.kind}:${draft.text.slice(mark.start, mark.end)}`).sort();
}

/** The draft is a document the notebook accepts: blocks cover the text in order, one blank line apart. */
function assertWellFormed(draft: DocumentDraft): void {
  assert.equal(draft.format, 'docx');
  assert.equal(draft.blocks.map((block) => blockText(draft, block)).join('\n\n'), draft.text);
  DocumentSchema.parse({
    ...draft,
    id: 'd1',
    importedAt: '2009-11-02T10:22:00Z',
    contentHash: '',
    note: '',
    byline: '',
  });
}

async function refusal(bytes: Uint8Array, fileName = 'bad.docx'): Promise<ParleyError> {
  try {
    await importDocx(bytes, { fileName });
  } catch (error) {
    assert.ok(error instanceof ParleyError, `a ParleyError, not ${String(error)}`);
    return error;
  }
  assert.fail(`${fileName} was imported`);
}

describe('a report with headings, lists, quotes and emphasis', async () => {
  const made = makeDocx(REPORT);
  const draft = await read(made);

  test('reads exactly the text written, block by block', () => {
    assertWellFormed(draft);
    assert.equal(draft.text, made.text);
    assert.deepEqual(asExpected(draft), made.blocks);
  });

  test('headings keep their levels', () => {
    const headings = draft.blocks.filter((block) => block.kind === 'heading');
    assert.deepEqual(
      headings.map((block) => [blockText(draft, block), block.level]),
      [
        ['The proposal', 1],
        ['What was agreed', 2],
        ['In their words', 3],
      ],
    );
  });

  test('lists keep their kind, nesting and numbers', () => {
    const items = draft.blocks.filter((block) => block.kind === 'list-item');
    assert.deepEqual(
      items.map((block) => [blockText(draft, block), block.depth, block.ordered, block.number]),
      [
        ['A second round in Vienna.', 1, true, 1],
        ['Experts meet first.', 2, false, undefined],
        ['Ministers join later.', 2, false, undefined],
        ['Inspections resume.', 1, true, 2],
        ['A joint statement.', 1, true, 3],
        ['The timetable.', 1, false, undefined],
        ['The guarantees.', 1, false, undefined],
      ],
    );
  });

  test('the Quote and Intense Quote styles are block quotes', () => {
    const quotes = draft.blocks
      .filter((block) => block.kind === 'quote')
      .map((block) => blockText(draft, block));
    assert.deepEqual(quotes, ['Nothing is agreed until everything is agreed.', 'The door remains open.']);
  });

  test('italic and bold are emphasis and strong marks over their words; links are link marks', () => {
    assert.deepEqual(markTexts(draft), made.marks.map((mark) => `${mark.kind}:${mark.text}`).sort());
    assert.ok(markTexts(draft).includes('em:useful') && markTexts(draft).includes('strong:useful'));
    const link = draft.marks?.find((mark) => mark.kind === 'link');
    assert.equal(link?.href, 'https://example.org/minutes');
  });

  test('the Title paragraph is the title and not part of the text', () => {
    assert.equal(draft.title, 'Geneva talks: the second day');
    assert.equal(made.titleParagraph, draft.title);
    assert.doesNotMatch(draft.text, /second day/);
  });

  test('authors and date come from the core properties; placeholders are dropped', () => {
    assert.deepEqual(draft.authors, ['Porter, Jane', 'Smith, John']);
    assert.equal(draft.published, '2009-11-02');
    assert.equal(draft.source, '');
    assert.equal(draft.url, '');
  });

  test('the file is named, sized and hashed', () => {
    assert.deepEqual(draft.file, {
      name: 'report.docx',
      size: made.bytes.length,
      sha256: createHash('sha256').update(made.bytes).digest('hex'),
    });
  });
});

describe('footnotes and endnotes', async () => {
  const made = makeDocx(NOTES);
  const draft = await read(made);

  test('are note blocks after the body, labelled as their references in the text', () => {
    assertWellFormed(draft);
    assert.equal(draft.text, made.text);
    assert.deepEqual(asExpected(draft), made.blocks);
    const notes = draft.blocks
      .filter((block) => block.kind === 'note')
      .map((block) => blockText(draft, block));
    assert.deepEqual(notes, [
      '[1] Resolution 1887, adopted on 24 September.',
      '[2] Statement to the press, 2 November.',
      '[3] According to two officials present.',
    ]);
    const lastBodyBlock = draft.blocks.findLastIndex((block) => block.kind !== 'note');
    assert.equal(lastBodyBlock, draft.blocks.length - 4);
    assert.match(draft.text, /The resolution was renewed\[1\] and the envoy agreed\[2\]\./);
  });

  test('leave no back-link arrows and no links within the document', () => {
    assert.doesNotMatch(draft.text, /↑/);
    assert.deepEqual(
      (draft.marks ?? []).filter((mark) => mark.kind === 'link'),
      [],
    );
  });
});

describe('tracked changes and comments', async () => {
  const made = makeDocx(REVISED);
  const draft = await read(made);

  test('the text reads as it now stands: insertions in, deletions out', () => {
    assertWellFormed(draft);
    assert.equal(draft.text, made.text);
    assert.equal(
      draft.text,
      'The talks resumed on Tuesday in Geneva after a long delay.\n\nBoth sides welcomed the text.',
    );
    assert.doesNotMatch(draft.text, /collapsed|refused/);
    assert.deepEqual(markTexts(draft), ['em:welcomed']);
  });

  test("a comment's words are never read, while the words it is anchored to are", () => {
    assert.ok(made.unread.some((words) => words.includes('REVIEWERNOTE')));
    for (const words of made.unread) {
      assert.ok(!draft.text.includes(words), `"${words}" was read`);
      assert.ok(!draft.title.includes(words));
    }
    assert.match(draft.text, /after a long delay/);
  });
});

describe('the title and the date when the document says less', () => {
  test("without a Title paragraph, the title is the properties' title", async () => {
    const made = makeDocx({ body: REPORT.body.slice(1), core: REPORT.core! });
    const draft = await read(made);
    assert.equal(draft.title, 'Draft 3 (do not circulate)');
    assert.equal(draft.text, made.text);
  });

  test('without either, the first heading; without a heading, the file name', async () => {
    const headed = await read(makeDocx({ body: REPORT.body.slice(1), core: null }));
    assert.equal(headed.title, 'The proposal');
    assert.deepEqual(headed.authors, []);
    assert.equal(headed.published, '');
    const plain = await read(makeDocx({ body: REVISED.body, core: {} }), 'Notes from Geneva.docx');
    assert.equal(plain.title, 'Notes from Geneva');
  });

  test('a later Title paragraph is a top heading; a missing creation date falls back to the last change', async () => {
    const made = makeDocx({
      body: [
        { kind: 'title', runs: ['Part one'] },
        { kind: 'paragraph', runs: ['First.'] },
        { kind: 'title', runs: ['Part two'] },
        { kind: 'paragraph', runs: ['Second.'] },
      ],
      core: { modified: '2010-01-15T08:00:00Z', creator: 'jporter' },
    });
    const draft = await read(made);
    assert.equal(draft.title, 'Part one');
    assert.deepEqual(asExpected(draft), made.blocks);
    assert.deepEqual(draft.blocks[1], { ...draft.blocks[1]!, kind: 'heading', level: 1 });
    assert.equal(draft.published, '2010-01-15');
    assert.deepEqual(draft.authors, ['jporter']);
  });
});

describe('what is written in the file but not safe to follow', () => {
  test('a link to script is kept as words without a link', async () => {
    const made = makeDocx({
      body: [
        { kind: 'paragraph', runs: ['Read ', { text: 'the statement', link: 'javascript:alert(1)' }, '.'] },
      ],
    });
    const draft = await read(made);
    assert.equal(draft.text, 'Read the statement.');
    assert.deepEqual(draft.marks, []);
  });
});

describe('progress and the importer for every format', () => {
  test('says how far it has got, ending with all its steps done', async () => {
    const steps: Array<[number, number]> = [];
    await read(makeDocx(NOTES), 'notes.docx', (done, total) => steps.push([done, total]));
    assert.ok(steps.length >= 3);
    const [total] = new Set(steps.map(([, all]) => all));
    assert.deepEqual(steps.at(-1), [total, total]);
    for (let i = 1; i < steps.length; i++) assert.ok(steps[i]![0] > steps[i - 1]![0]);
  });

  test('a .docx file goes to the Word importer by its name', async () => {
    const made = makeDocx(REPORT);
    const draft = await importFileBytes('folder/Report.DOCX', made.bytes);
    assert.equal(draft.format, 'docx');
    assert.equal(draft.text, made.text);
    assert.equal(draft.file?.name, 'Report.DOCX');
  });

  test('a long generated report reads back exactly', async () => {
    const pages = 20;
    const made = makeDocx(benchDocxSpec(pages));
    assert.deepEqual(makeBenchDocx(pages), made.bytes);
    const draft = await read(made, 'long.docx');
    assertWellFormed(draft);
    assert.equal(draft.text, made.text);
    assert.deepEqual(asExpected(draft), made.blocks);
    assert.ok(draft.text.split(' ').length > pages * 400);
    // Its deleted sentences are made of the same words as others it keeps; its comments are not.
    assert.ok(made.unread.includes('Check this against the minutes.'));
    assert.doesNotMatch(draft.text, /Check this against the minutes/);
  });
});

/** An OLE compound file's first sector, naming the streams given (as a directory sector does, in UTF-16LE). */
function oleFile(...streams: string[]): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let at = 512;
  for (const stream of ['Root Entry', ...streams]) {
    bytes.set(Buffer.from(stream, 'utf16le'), at);
    at += 128;
  }
  return bytes;
}

/** The zip with the part `name` saying, in its local header and the central directory, that it unpacks to `size`. */
function claimSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const copy = Buffer.from(bytes);
  const encoded = Buffer.from(name, 'utf8');
  let patched = 0;
  for (let at = 0; at + 46 < copy.length; at++) {
    const signature = copy.readUInt32LE(at);
    const [sizeAt, nameAt] =
      signature === 0x04034b50 ? [22, 30] : signature === 0x02014b50 ? [24, 46] : [-1, -1];
    if (sizeAt < 0 || !copy.subarray(at + nameAt, at + nameAt + encoded.length).equals(encoded)) continue;
    copy.writeUInt32LE(size, at + sizeAt);
    patched++;
  }
  assert.equal(patched, 2, `${name} is in the zip once`);
  return new Uint8Array(copy);
}

describe('bad files are refused with a message', () => {
  const good = makeDocx(REPORT);

  test('an empty file', async () => {
    const error = await refusal(new Uint8Array(0), 'empty.docx');
    assert.match(error.message, /"empty\.docx" is empty/);
  });

  test('a file that is not a zip, and a PDF named .docx', async () => {
    const text = await refusal(new TextEncoder().encode('Talks resume in Geneva.\n'));
    assert.match(text.message, /"bad\.docx" is not a Word document: a \.docx file is a zip archive/);
    const pdf = await refusal(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'));
    assert.match(pdf.message, /It is a PDF: rename it to \.pdf/);
  });

  test('a password-protected Word file, and an old .doc', async () => {
    const locked = await refusal(oleFile('EncryptionInfo', 'EncryptedPackage'), 'locked.docx');
    assert.match(locked.message, /"locked\.docx" is password-protected/);
    assert.match(locked.message, /remove the password/);
    const old = await refusal(oleFile('WordDocument', '1Table'), 'old.docx');
    assert.match(old.message, /"old\.docx" is an old Word document \(\.doc\)/);
  });

  test('a damaged zip: cut short, or with a document that is not XML', async () => {
    const cut = await refusal(good.bytes.slice(0, Math.floor(good.bytes.length / 2)), 'cut.docx');
    assert.match(cut.message, /"cut\.docx" is (damaged|not a Word document)/);
    const garbled = makeDocx(REPORT, {
      'word/document.xml': `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Unclosed`,
    });
    assert.match((await refusal(garbled.bytes, 'garbled.docx')).message, /"garbled\.docx" is damaged/);
  });

  test('a zip that is not a Word document', async () => {
    const workbook = zip([
      ['[Content_Types].xml', '<Types/>'],
      ['xl/workbook.xml', '<workbook/>'],
    ]);
    assert.match(
      (await refusal(workbook, 'sheet.docx')).message,
      /is not a Word document: it is an Excel workbook/,
    );
    const odt = zip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>'],
    ]);
    assert.match((await refusal(odt, 'odt.docx')).message, /it is an OpenDocument text \(\.odt\) file/);
    const archive = zip([['notes.txt', 'Talks resume in Geneva.']]);
    assert.match((await refusal(archive, 'any.docx')).message, /a zip archive with no Word document in it/);
    const noDocument = makeDocx(REPORT, { 'word/document.xml': null });
    assert.match((await refusal(noDocument.bytes)).message, /a zip archive with no Word document in it/);
  });

  test('a document with no text', async () => {
    const blank = makeDocx({
      body: [
        { kind: 'paragraph', runs: [] },
        { kind: 'paragraph', runs: ['   '] },
      ],
    });
    assert.match((await refusal(blank.bytes, 'blank.docx')).message, /"blank\.docx" has no text to read/);
    const onlyDeleted = makeDocx({ body: [{ kind: 'paragraph', runs: [{ text: 'Gone.', deleted: true }] }] });
    assert.match((await refusal(onlyDeleted.bytes)).message, /has no text to read/);
  });

  test('a zip whose document unpacks to more than Parley reads', async () => {
    // A document part that says it unpacks to 201 MB (as a few hundred kilobytes of deflated spaces would) is
    // refused by that size, before anything is unpacked.
    const bomb = claimSize(good.bytes, 'word/document.xml', 201 * 1024 * 1024);
    const error = await refusal(bomb, 'bomb.docx');
    assert.equal(error.code, 'too-large');
    assert.match(error.message, /"bomb\.docx" is too large to read/);
  });
});

describe('quotation styles other programs write, and authors with multi-word family names', async () => {
  // pandoc writes a Markdown block quote in Word's "Block Text" style; LibreOffice has "Quotations"; some templates
  // have "Block Quotation". Each is a block quote, as Quote is.
  const made = makeDocx({
    body: [
      { kind: 'paragraph', runs: ['The envoy spoke after the session.'] },
      { kind: 'quote', style: 'BlockText', runs: ['We will return in the spring.'] },
      { kind: 'paragraph', runs: ['The minister answered briefly.'] },
      { kind: 'quote', style: 'BlockQuotation', runs: ['The offer stands.'] },
      { kind: 'paragraph', runs: ['The observers wrote:'] },
      { kind: 'quote', style: 'Quotations', runs: ['Both sides kept to the timetable.'] },
    ],
    core: { creator: 'van der Berg, Jan; World Health Organization; Ludwig van Beethoven' },
  });
  const draft = await read(made);

  test('Block Text, Block Quotation and Quotations paragraphs are block quotes', () => {
    assertWellFormed(draft);
    assert.deepEqual(asExpected(draft), made.blocks);
    assert.deepEqual(
      draft.blocks.filter((block) => block.kind === 'quote').map((block) => blockText(draft, block)),
      ['We will return in the spring.', 'The offer stands.', 'Both sides kept to the timetable.'],
    );
  });

  test('a multi-word family name stays one person, and an organisation is cited whole', () => {
    assert.deepEqual(draft.authors, [
      'van der Berg, Jan',
      'World Health Organization',
      'van Beethoven, Ludwig',
    ]);
  });
});
