// A saved news page keeps its shape in the reading view: dropped on the window, the Guardian-like page written for
// these tests (test/fixtures/pages/guardian-like.html) shows its byline under the title, its figure caption set
// apart as a caption (smaller, muted, outside the paragraph numbering an export shows), its list and quotation, and
// its links as links: a click asks main for a new window, which main's policy hands to the system browser, and the
// page itself stays where it is. Highlights paint across a link and inside a caption.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { WebContents } from 'electron';
import { hardenWebContents } from '../../main/security';
import { APP_URL, ORIGIN, dropFiles, expect, highlightsCovering, test } from './harness';

const PAGE = readFileSync(new URL('../fixtures/pages/guardian-like.html', import.meta.url), 'utf8');
const TITLE = 'Ministers trade visits but not positions on extradition';
const CAPTION =
  'The two ministers at their joint press conference in Moscow on Monday. Photograph: Pool/Agency';

async function importPage(page: Page): Promise<void> {
  await dropFiles(page, [{ name: 'ministers.html', text: PAGE }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
}

/** Selects `phrase` (which may run across a link) inside the block of the reading column that holds it. */
async function selectAcross(page: Page, phrase: string): Promise<void> {
  const found = await page.evaluate((text) => {
    for (const block of document.querySelectorAll<HTMLElement>('.doc-text [data-start]')) {
      const at = (block.textContent ?? '').indexOf(text);
      if (at < 0) continue;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let before = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (before <= at && at < before + node.length) range.setStart(node, at - before);
        if (before < at + text.length && at + text.length <= before + node.length) {
          range.setEnd(node, at + text.length - before);
          break;
        }
        before += node.length;
      }
      block.scrollIntoView({ block: 'center' });
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, phrase);
  if (!found) throw new Error(`"${phrase}" is not in the reading column`);
}

async function highlight(page: Page, phrase: string): Promise<void> {
  await selectAcross(page, phrase);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('blockquote')).toHaveText(phrase);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
}

test('the byline, the caption, the list and the quotation of an imported page show as such', async ({
  parley,
}) => {
  const { page } = parley;
  await importPage(page);
  const header = page.locator('.doc-header');
  await expect(header.getByText('By Clara Mendez', { exact: true })).toBeVisible();

  const caption = page.locator('.doc-text').getByText(CAPTION, { exact: true });
  await expect(caption).toBeVisible();
  const paragraph = page.locator('.doc-text').getByText(/^Speaking after the talks/);
  const style = (locator: typeof caption) =>
    locator.evaluate((el) => {
      const s = getComputedStyle(el);
      return { size: parseFloat(s.fontSize), color: s.color, tag: el.tagName };
    });
  const [captionStyle, paragraphStyle] = [await style(caption), await style(paragraph)];
  expect(captionStyle.size).toBeLessThan(paragraphStyle.size * 0.9);
  expect(captionStyle.color).not.toBe(paragraphStyle.color);
  expect(captionStyle.tag).not.toBe('LI');

  const lists = page.locator('.doc-text').getByRole('list');
  await expect(lists.first().getByRole('listitem')).toHaveCount(3 + 2);
  await expect(page.locator('.doc-text blockquote')).toContainText('We will not let one case define');
  for (const gone of ['This embed is not available', 'Interactive', 'More on this story']) {
    await expect(page.locator('.doc-text').getByText(gone, { exact: true })).toHaveCount(0);
  }
});

test('a link opens in the system browser and the page stays; a highlight paints across a link and in a caption, and the export numbers paragraphs without the caption', async ({
  parley,
  context,
}) => {
  const { page } = parley;
  // Anything that tries to leave the app's origin is stopped and noted.
  const escaped: string[] = [];
  await context.route(
    (url) => !url.href.startsWith(`${ORIGIN}/`),
    async (route) => {
      escaped.push(route.request().url());
      await route.abort();
    },
  );
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  await importPage(page);

  // Main's own window-open policy, as main/security.ts installs it on the window's web contents.
  const opened: string[] = [];
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: () => contents,
    setWindowOpenHandler: (handler: typeof windowOpen) => {
      windowOpen = handler;
    },
  };
  hardenWebContents(contents as unknown as WebContents, async (url) => void opened.push(url));

  const link = page.locator('.doc-text').getByRole('link', { name: 'Iranian nuclear programme' });
  await expect(link).toHaveAttribute('href', 'https://www.northgate-chronicle.example/world/iran');
  const popup = page.waitForEvent('popup');
  await link.click();
  const opening = await popup;
  await expect.poll(() => escaped.at(-1)).toBe('https://www.northgate-chronicle.example/world/iran');
  expect(windowOpen!({ url: escaped.at(-1)! })).toEqual({ action: 'deny' });
  await expect.poll(() => opened).toEqual(['https://www.northgate-chronicle.example/world/iran']);
  await opening.close();
  expect(page.url()).toBe(APP_URL);
  expect(navigations).toEqual([]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);

  const acrossLink = 'that the Iranian nuclear programme had brought';
  await highlight(page, acrossLink);
  await expect.poll(() => highlightsCovering(page, acrossLink)).not.toEqual([]);
  const inCaption = 'joint press conference in Moscow';
  await highlight(page, inCaption);
  await expect.poll(() => highlightsCovering(page, inCaption)).not.toEqual([]);
  const after = 'the Russian minister said extradition was out of the question';
  await highlight(page, after);

  await parley.menuCommand('export-markdown');
  await expect.poll(() => parley.exportPaths.length).toBe(1);
  const markdown = await readFile(parley.exportPaths[0]!, 'utf8');
  // The standfirst is ¶1 and the first paragraph ¶2; the caption is not counted, so the paragraph after it is ¶3.
  expect(markdown).toMatch(/> — ¶2 \^p2-that-the-iranian/);
  expect(markdown).toMatch(/> — caption after ¶2 \^/);
  expect(markdown).toMatch(/> — ¶3 \^p3-the-russian-minister/);
});
