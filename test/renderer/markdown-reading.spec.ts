// A Markdown document is read with its formatting — headings, emphasis, links, lists, quotes, code — and annotated
// on its plain text: a passage selected across a bold word's edge is highlighted with exactly the words the reader
// sees as its quote, painted, and still painted after a reload. Raw HTML in the file stays text.
import type { Page } from '@playwright/test';
import { expect, highlightsCovering, test } from './harness';

const TITLE = 'Talks in Moscow';

const MARKDOWN = `---
title: ${TITLE}
source: Wire
---

## Where they stand

The ministers met on **Monday morning** in Moscow and talked for *three hours* about [the treaty](https://example.org/treaty "The treaty"), with \`IAEA\` on the table and ~~no~~ some progress.

> Russia will not extradite him, said the *minister*.
>
> > A quote inside the quote.

3. Non-proliferation first.
4. Then Iran, with **enrichment abroad**.
   - a nested point
5. The EU last.

- one bullet
- another bullet

\`\`\`
const talks = 'over';

return talks;
\`\`\`

Raw <b>bold tag</b> and <img src=x onerror="window.__pwned = 1"> stay words; [a script link](javascript:window.__pwned=2) is text.
`;

/** Imports the Markdown file through the Import… button, as a reader does. */
async function importMarkdown(parley: {
  page: Page;
  importPaths: string[];
  writeFile(name: string, content: string): Promise<string>;
}): Promise<void> {
  parley.importPaths.push(await parley.writeFile('talks.md', MARKDOWN));
  await parley.page.getByRole('button', { name: 'Import…' }).click();
  await expect(parley.page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
}

interface OwnTextWindow {
  __ownTextNodes(block: HTMLElement): Text[];
}

/**
 * Gives the page `__ownTextNodes(block)`: the text nodes that belong to a `[data-start]` block, in order, and not
 * those inside a block nested in it (a list inside a list item). The page's own code is not reachable from here,
 * so the walk is written out once for every check that reads the rendered blocks.
 */
async function installOwnTextNodes(page: Page): Promise<void> {
  await page.evaluate(() => {
    if ('__ownTextNodes' in window) return;
    const ownTextNodes = (block: HTMLElement): Text[] => {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.nodeType === Node.TEXT_NODE
            ? NodeFilter.FILTER_ACCEPT
            : (node as Element).hasAttribute('data-start')
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_SKIP,
      });
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      return nodes;
    };
    Object.defineProperty(window, '__ownTextNodes', { value: ownTextNodes });
  });
}

/**
 * Viewport points just inside the first and the last character of `phrase` in the reading column, found over
 * every text node of a block (the phrase may run across inline elements), after scrolling it into view.
 */
async function phraseEnds(
  page: Page,
  phrase: string,
): Promise<{ x0: number; y0: number; x1: number; y1: number }> {
  await installOwnTextNodes(page);
  const points = await page.evaluate((text) => {
    for (const block of document.querySelectorAll<HTMLElement>('.doc-text [data-start]')) {
      const nodes = (window as unknown as OwnTextWindow).__ownTextNodes(block);
      const at = nodes
        .map((node) => node.data)
        .join('')
        .indexOf(text);
      if (at < 0) continue;
      const charRect = (offset: number) => {
        let before = 0;
        for (const node of nodes) {
          if (offset < before + node.length) {
            const range = document.createRange();
            range.setStart(node, offset - before);
            range.setEnd(node, offset - before + 1);
            return range.getBoundingClientRect();
          }
          before += node.length;
        }
        throw new Error('offset past the block');
      };
      block.scrollIntoView({ block: 'center' });
      const first = charRect(at);
      const last = charRect(at + text.length - 1);
      return {
        x0: first.left + 1,
        y0: first.top + first.height / 2,
        x1: last.right - 1,
        y1: last.top + last.height / 2,
      };
    }
    return null;
  }, phrase);
  if (!points) throw new Error(`"${phrase}" is not in the reading column`);
  return points;
}

function card(page: Page, quoteStart: string) {
  return page
    .getByRole('complementary', { name: 'Notes' })
    .getByRole('article', { name: new RegExp(`^Note on “${quoteStart}`) });
}

/** Opens the editor on the selection with H, gives it a topic and saves. */
async function highlightSelection(page: Page, expectedQuote: string, topic: string): Promise<void> {
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('blockquote')).toHaveText(expectedQuote);
  const topics = editor.getByRole('combobox', { name: 'Topics' });
  await topics.fill(topic);
  await topics.press('Enter');
  await expect(editor.getByRole('button', { name: `Remove topic ${topic}`, exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
}

test('a Markdown document shows its headings, emphasis, links, lists, quotes and code', async ({
  parley,
}) => {
  const { page } = parley;
  await importMarkdown(parley);
  const text = page.locator('.doc-text');

  await expect(text.getByRole('heading', { level: 2, name: 'Where they stand' })).toBeVisible();
  await expect(text.getByRole('strong').first()).toHaveText('Monday morning');
  await expect(text.getByRole('emphasis').first()).toHaveText('three hours');
  await expect(text.getByRole('deletion')).toHaveText('no');
  await expect(text.locator('p').getByRole('code')).toHaveText('IAEA');

  const link = text.getByRole('link', { name: 'the treaty' });
  await expect(link).toHaveAttribute('href', 'https://example.org/treaty');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(text.getByRole('link')).toHaveCount(1);

  const quote = text.getByRole('blockquote').first();
  await expect(quote).toContainText('Russia will not extradite him, said the minister.');
  await expect(quote.getByRole('emphasis')).toHaveText('minister');
  await expect(quote.getByRole('blockquote')).toHaveText('A quote inside the quote.');

  // The numbered list keeps its numbers, with the bullet point nested under its item.
  const numbered = text.locator('ol');
  await expect(numbered.locator(':scope > li')).toHaveText([
    'Non-proliferation first.',
    /^Then Iran, with enrichment abroad\.\s*a nested point$/,
    'The EU last.',
  ]);
  expect(
    await numbered
      .locator(':scope > li')
      .evaluateAll((items) => items.map((li) => (li as HTMLLIElement).value)),
  ).toEqual([3, 4, 5]);
  await expect(numbered.getByRole('list').getByRole('listitem')).toHaveText('a nested point');
  await expect(numbered.getByRole('strong')).toHaveText('enrichment abroad');
  await expect(text.locator('ul:not(ol ul) > li')).toHaveText(['one bullet', 'another bullet']);

  await expect(text.locator('pre').getByRole('code')).toHaveText("const talks = 'over';\n\nreturn talks;");

  // Raw HTML and a javascript: link are words, never markup.
  await expect(text).toContainText('Raw bold tag and stay words; a script link is text.');
  await expect(text.locator('b, img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Every character of every block is rendered once, in order, in its block's own element.
  const doc = parley.store.data.documents.find((d) => d.title === TITLE)!;
  await installOwnTextNodes(page);
  const rendered = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.doc-text [data-start]')].map((block) => ({
      start: Number(block.dataset.start),
      own: (window as unknown as OwnTextWindow)
        .__ownTextNodes(block)
        .map((node) => node.data)
        .join(''),
    })),
  );
  expect(rendered).toEqual(doc.blocks.map((b) => ({ start: b.start, own: doc.text.slice(b.start, b.end) })));

  // Links and code read in both themes, in the theme's own colours.
  const accent = () => link.evaluate((a) => getComputedStyle(a).color);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await accent()).toBe('rgb(44, 93, 143)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await accent()).toBe('rgb(141, 180, 226)');
});

test('a passage selected across a bold word is highlighted on its plain text and stays painted', async ({
  parley,
}) => {
  let page = parley.page;
  await importMarkdown(parley);

  // By mouse: from plain text into the bold words.
  const across = 'met on Monday';
  const drag = await phraseEnds(page, across);
  await page.mouse.move(drag.x0, drag.y0);
  await page.mouse.down();
  await page.mouse.move(drag.x1, drag.y1, { steps: 8 });
  await page.mouse.up();
  await highlightSelection(page, across, 'meetings');
  await expect(card(page, across)).toBeVisible();
  expect(await highlightsCovering(page, across)).toContainEqual(expect.stringMatching(/^parley-t-\d+$/));

  // By mouse and keys: a drag over the first bold word, then Shift+→ on, out of the bold words.
  const out = 'enrichment abroad.';
  const first = await phraseEnds(page, 'enrichment');
  await page.mouse.move(first.x0, first.y0);
  await page.mouse.down();
  await page.mouse.move(first.x1, first.y1, { steps: 8 });
  await page.mouse.up();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('enrichment');
  for (let i = 'enrichment'.length; i < out.length; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(out);
  await highlightSelection(page, out, 'iran');
  await expect(card(page, out)).toBeVisible();
  expect(await highlightsCovering(page, out)).toContainEqual(expect.stringMatching(/^parley-t-\d+$/));

  // The notebook holds the plain words at their offsets in the text.
  const doc = parley.store.data.documents.find((d) => d.title === TITLE)!;
  const stored = parley.store.data.annotations.filter((a) => a.documentId === doc.id);
  expect(stored.map((a) => a.target.exact).sort()).toEqual([out, across].sort());
  for (const annotation of stored) {
    expect(doc.text.slice(annotation.target.start, annotation.target.end)).toBe(annotation.target.exact);
  }

  // After a reload, the document opens with its formatting and both passages painted.
  page = await parley.reload();
  const switcher = page.getByRole('combobox', { name: 'Document' });
  await expect(switcher).toBeVisible();
  if ((await page.getByRole('heading', { level: 1 }).textContent()) !== TITLE) {
    await switcher.selectOption({ label: TITLE });
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('.doc-text').getByRole('strong').first()).toHaveText('Monday morning');
  await expect(card(page, across)).toBeVisible();
  await expect(card(page, out)).toBeVisible();
  await expect
    .poll(() => highlightsCovering(page, across))
    .toContainEqual(expect.stringMatching(/^parley-t-\d+$/));
  await expect
    .poll(() => highlightsCovering(page, out))
    .toContainEqual(expect.stringMatching(/^parley-t-\d+$/));
  await expect(page.getByRole('region', { name: /Needs review/i })).toHaveCount(0);
});

test('marks that overlap without nesting are split so every character shows once, in order', async ({
  parley,
}) => {
  const text = 'Alpha beta gamma delta.\n\nSecond block.';
  parley.store.change((nb) => {
    nb.documents.push({
      id: 'overlap',
      title: 'Overlapping marks',
      source: '',
      published: '',
      url: '',
      importedAt: '2026-11-30T12:00:00.000Z',
      format: 'markdown',
      text,
      blocks: [
        { kind: 'paragraph', start: 0, end: 23 },
        { kind: 'list-item', start: 25, end: 38, ordered: true, number: 7 },
      ],
      contentHash: '',
      note: '',
      byline: '',
      // strong "Alpha beta", em "beta gamma", a link over "gamma delta." that runs on into the next block.
      marks: [
        { kind: 'em', start: 6, end: 16 },
        { kind: 'strong', start: 0, end: 10 },
        { kind: 'link', start: 11, end: 31, href: 'https://example.org/' },
      ],
      openedAt: '',
      authors: [],
      pages: '',
      citationKey: 'overlap',
      version: 1,
    });
  });
  const page = await parley.reload();
  await page.getByRole('combobox', { name: 'Document' }).selectOption({ label: 'Overlapping marks' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overlapping marks');
  const first = page.locator('.doc-text [data-start="0"]');
  await expect(first).toHaveText('Alpha beta gamma delta.');
  expect(await first.innerHTML()).toBe(
    '<strong>Alpha <em>beta</em></strong><em> <a class="doc-text__link" href="https://example.org/" ' +
      'target="_blank" rel="noopener noreferrer">gamma</a></em><a class="doc-text__link" ' +
      'href="https://example.org/" target="_blank" rel="noopener noreferrer"> delta.</a>',
  );
  const item = page.locator('.doc-text ol > li');
  await expect(item).toHaveText('Second block.');
  await expect(item.getByRole('link')).toHaveText('Second');
  expect(await item.evaluate((li) => (li as HTMLLIElement).value)).toBe(7);
});
