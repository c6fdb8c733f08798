// A document read from pages (a PDF's) shows each page's number in the margin beside the first block on that page,
// outside the text: selecting and copying the text gives the document's words without the marks. A Word file's
// footnotes, kept at the end as notes, are set apart from the article as notes. (Test text written for Parley, not
// real reporting.)
import { expect, test } from './harness';

const TITLE = 'Paged report';
const PARAGRAPHS = [
  'The first page opens the report.',
  'It goes on over the same page.',
  'The second page starts here.',
  'The third page has one paragraph.',
  '1. A note at the end of the report.',
];

test('page marks sit in the margin beside the first block of each page, outside the text; notes are set apart', async ({
  parley,
}) => {
  let text = '';
  const blocks: Array<{ kind: 'paragraph' | 'note'; start: number; end: number; page: number }> = [];
  const pages = [1, 1, 2, 3, 3];
  PARAGRAPHS.forEach((paragraph, i) => {
    if (i > 0) text += '\n\n';
    blocks.push({
      kind: i === PARAGRAPHS.length - 1 ? 'note' : 'paragraph',
      start: text.length,
      end: text.length + paragraph.length,
      page: pages[i]!,
    });
    text += paragraph;
  });
  parley.store.change((nb) => {
    nb.documents.push({
      id: 'paged',
      title: TITLE,
      source: '',
      published: '',
      url: '',
      importedAt: '2026-12-05T12:00:00.000Z',
      format: 'pdf',
      text,
      blocks,
      contentHash: '',
      note: '',
      byline: '',
      marks: [],
      openedAt: '',
      authors: [],
      pages: '',
      citationKey: 'paged',
      version: 1,
      pageStarts: [0, blocks[2]!.start, blocks[3]!.start],
    });
  });
  const page = await parley.reload();
  await page.getByRole('combobox', { name: 'Document' }).selectOption({ label: TITLE });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);

  // One mark per page, on the block the page begins with, shown before it in the margin.
  const marked = page.locator('.doc-text [data-page]');
  await expect(marked).toHaveCount(3);
  expect(
    await marked.evaluateAll((els) => els.map((el) => [el.getAttribute('data-page'), el.textContent])),
  ).toEqual([
    ['p. 1', PARAGRAPHS[0]],
    ['p. 2', PARAGRAPHS[2]],
    ['p. 3', PARAGRAPHS[3]],
  ]);
  const shown = await marked.nth(1).evaluate((el) => {
    const before = getComputedStyle(el, '::before');
    return { content: before.content, position: before.position };
  });
  expect(shown.content).toBe('"p. 2"');
  expect(shown.position).toBe('absolute');

  // The marks are not text: the column's text, and a selection copied across a page break, are the document's.
  const column = await page.locator('.doc-text').evaluate((el) => el.textContent);
  expect(column).not.toContain('p. ');
  const selected = await page.evaluate(() => {
    const from = document.querySelector('.doc-text [data-page="p. 1"]')!.firstChild!;
    const to = document.querySelector('.doc-text [data-page="p. 2"]')!.firstChild!;
    const range = document.createRange();
    range.setStart(from, 0);
    range.setEnd(to, 'The second'.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  });
  expect(selected).not.toContain('p. 2');
  expect(selected.replace(/\s+/g, ' ')).toBe(`${PARAGRAPHS[0]} ${PARAGRAPHS[1]} The second`);

  // The note at the end is a note, set apart from the paragraphs.
  const note = page.getByRole('note');
  await expect(note).toHaveText(PARAGRAPHS[4]!);
  await expect(note).toHaveClass(/doc-text__note--first/);
});
