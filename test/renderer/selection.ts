// Selecting text in the reading column, shared by the renderer specs and the end-to-end tests.
import type { Page } from '@playwright/test';

/**
 * Selects the first occurrence of `phrase` in the reading column through a DOM Range, as a drag would; with
 * `length`, only that many of its first characters (where a keyboard selection starts).
 */
export async function selectPhrase(page: Page, phrase: string, length = phrase.length): Promise<void> {
  await page.locator('.doc-text [data-start]').first().waitFor();
  const found = await page.evaluate(
    ({ text, length }) => {
      for (const block of document.querySelectorAll('.doc-text [data-start]')) {
        const node = block.firstChild;
        if (!(node instanceof Text)) continue;
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    },
    { text: phrase, length },
  );
  if (!found) throw new Error(`"${phrase}" is not in the reading column`);
}
