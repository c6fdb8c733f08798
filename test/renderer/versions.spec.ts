// Versions of a document as a reader meets them: a newer version imported from File › Import New Version… or by
// dropping it on the open document, the notice of what came through, the review of the moved, changed and lost
// highlights (accept, re-select, keep on the old version, delete, each undone with Ctrl+Z), an earlier version read
// with its highlights, and the changes between two versions with their words marked.
//
// The edited versions of the sample below were written for these tests, from the sample; they are not real
// reporting.
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, selectPhrase, test } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const samplePath = fileURLToPath(new URL('../../assets/sample-miliband-lavrov.txt', import.meta.url));

// The passages highlighted on version 1, and what version 2 does to each.
/** Not touched: kept. */
const KEPT = 'called his talks with the head of British Foreign Office successful and fruitful';
/** Its paragraph moved to the end: moved. */
const MOVED = 'Russia would like to see EU ratifying the Lisbon Treaty as soon as possible';
/** One word put in: changed. */
const IRAN = 'he expects Iran to accept IAEA proposal on enriching uranium abroad';
const IRAN_NEW = 'he expects Iran to accept the IAEA proposal on enriching uranium abroad';
/** One word replaced: changed. */
const EXTRADITION = 'his extradition to UK is absolutely out of the question';
/** Its paragraph taken out: lost. */
const LOST = 'he sees no obstacles for London to launch an investigation in Russia';

const LISBON_PARAGRAPH =
  'He also said Russia would like to see EU ratifying the Lisbon Treaty as soon as possible to accelerate elaborating the future partnership agreement between Russia and the EU.';
const LOST_PARAGRAPH =
  'Andrey Lugovoy, suspected by British police of the murder of Alexander Litvinenko, has told RT that he sees no obstacles for London to launch an investigation in Russia.';

/** Version 2 of the sample, as an edited page would read: the four edits above, the rest as it was. */
async function secondVersion(): Promise<string> {
  const sample = await readFile(samplePath, 'utf8');
  const edited = sample
    .replace(`${LISBON_PARAGRAPH}\n\n`, '')
    .replace(`${LOST_PARAGRAPH}\n\n`, '')
    .replace('accept IAEA proposal', 'accept the IAEA proposal')
    .replace('is absolutely out of the question', 'is entirely out of the question');
  for (const gone of [LISBON_PARAGRAPH, LOST_PARAGRAPH, 'accept IAEA', 'absolutely out']) {
    if (edited.includes(gone)) throw new Error(`the edit of “${gone}” did not take`);
  }
  return `${edited.trimEnd()}\n\n${LISBON_PARAGRAPH}\n`;
}

function card(page: Page, quote: string) {
  return page
    .locator('.margin')
    .getByRole('article', { name: new RegExp(`^Note on “${quote.slice(0, 30)}`) });
}

async function highlight(page: Page, phrase: string, note: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill(note);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(card(page, phrase)).toBeVisible();
}

/** Drags files over the window, then drops them on the drop target with this text, as a reader's drag would. */
async function dropOn(
  page: Page,
  target: RegExp,
  files: Array<{ name: string; text: string }>,
): Promise<void> {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const file of list) data.items.add(new File([file.text], file.name));
    document.body.dispatchEvent(
      new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    document.body.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, files);
  const element = page.locator('.version-drop__target', { hasText: target });
  await expect(element).toBeVisible();
  await element.evaluate((node, list) => {
    const data = new DataTransfer();
    for (const file of list) data.items.add(new File([file.text], file.name));
    node.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    node.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

const reviewPanel = (page: Page) => page.getByRole('complementary', { name: 'Review highlights' });
const reviewItem = (page: Page, state: string, quote: string) =>
  reviewPanel(page).getByRole('article', { name: new RegExp(`^${state}: “${quote.slice(0, 25)}`) });

test('a new version from the menu: the notice, the review’s four choices, Ctrl+Z, version 1 and the changes', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  for (const [phrase, note] of [
    [KEPT, 'Upbeat.'],
    [MOVED, 'Lisbon.'],
    [IRAN, 'Iran.'],
    [EXTRADITION, 'Refusal.'],
    [LOST, 'Lugovoy.'],
  ] as const) {
    await highlight(page, phrase, note);
  }
  // One document, one version: no version line yet.
  await expect(page.locator('.reading').getByText(/^Version \d of \d/)).toHaveCount(0);

  // File › Import New Version…, the dialog answering with the edited page.
  parley.importPaths = [await parley.writeFile('miliband-edited.txt', await secondVersion())];
  await parley.menuCommand('import-version');
  const notice = page.getByRole('group', { name: 'New version' });
  await expect(notice).toContainText('Version 2 imported: 1 kept, 1 moved, 2 changed, 1 lost.');
  expect(parley.store.data.documents).toHaveLength(1);
  expect(parley.store.data.versions.map((v) => v.n)).toEqual([1]);

  // The latest text reads as version 2; the kept highlight is on it, the four others wait.
  const reading = page.locator('.reading');
  await expect(reading).toContainText('Version 2 of 2');
  await expect(reading).toContainText('is entirely out of the question');
  await expect(card(page, KEPT)).toBeVisible();
  for (const quote of [MOVED, IRAN, EXTRADITION, LOST]) await expect(card(page, quote)).toHaveCount(0);
  await expect(reading.getByRole('status')).toHaveText(/^4 highlights wait for review after version 2/);
  // The Highlights list is of the latest text: the kept one, not the four waiting on version 1.
  await parley.menuCommand('highlights');
  const listed = page
    .getByRole('complementary', { name: 'Library' })
    .getByRole('list', { name: 'Highlights in this document' });
  await expect(listed.locator('.highlight-list__quote')).toHaveCount(1);
  await expect(listed).toContainText(KEPT);

  // The notice's button opens the review: the four listed in the order they were in, the kept one counted.
  await notice.getByRole('button', { name: 'Open review' }).click();
  const panel = reviewPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('1 kept (not listed), 4 wait for review.');
  const items = panel.locator('.version-review__item');
  await expect(items).toHaveCount(4);
  await expect(reviewItem(page, 'Changed', IRAN)).toBeVisible();
  await expect(reviewItem(page, 'Moved', MOVED)).toBeVisible();
  await expect(reviewItem(page, 'Changed', EXTRADITION)).toBeVisible();
  await expect(reviewItem(page, 'Lost', LOST)).toBeVisible();
  // The changed words are marked, the old beside the new.
  const extradition = reviewItem(page, 'Changed', EXTRADITION);
  await expect(extradition.locator('del')).toContainText('absolutely');
  await expect(extradition.locator('ins')).toContainText('entirely');
  // A lost one cannot be accepted; it has nowhere to go.
  await expect(reviewItem(page, 'Lost', LOST).getByRole('button', { name: 'Accept' })).toHaveCount(0);

  // The list is walked with the arrows; Tab goes into a highlight's buttons. Accept the moved one from the keys.
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(reviewItem(page, 'Moved', MOVED)).toBeFocused();
  await page.keyboard.press('End');
  await expect(reviewItem(page, 'Lost', LOST)).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(reviewItem(page, 'Moved', MOVED).getByRole('button', { name: 'Accept' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reviewItem(page, 'Moved', MOVED)).toContainText('Accepted');
  await expect(card(page, MOVED)).toBeVisible();
  await expect(reading.getByRole('status')).toHaveText(/^3 highlights wait/);

  // Re-select the Iran one: its passage chosen again in the latest text.
  const iran = reviewItem(page, 'Changed', IRAN);
  await iran.getByRole('button', { name: 'Re-select' }).click();
  await expect(iran.getByRole('group', { name: 'Re-select the passage' })).toBeVisible();
  await selectPhrase(page, IRAN_NEW);
  await iran.getByRole('button', { name: 'Use selection' }).click();
  await expect(iran).toContainText('Re-selected');
  await expect(card(page, IRAN_NEW)).toBeVisible();
  const iranSaved = parley.store.data.annotations.find((a) => a.note === 'Iran.');
  expect(iranSaved?.target.exact).toBe(IRAN_NEW);
  expect(iranSaved?.version).toBeUndefined();

  // Keep the extradition one on version 1, and delete the lost one.
  await extradition.getByRole('button', { name: 'Keep on version 1' }).click();
  await expect(extradition).toContainText('Kept on version 1');
  await expect(card(page, EXTRADITION)).toHaveCount(0);
  await reviewItem(page, 'Lost', LOST).getByRole('button', { name: 'Delete' }).click();
  await expect(reviewItem(page, 'Lost', LOST)).toHaveCount(0);
  await expect(page.locator('.notice[role=status]')).toHaveText(
    /^Deleted the highlight on “he sees no obstacles/,
  );
  expect(parley.store.data.annotations.some((a) => a.note === 'Lugovoy.')).toBe(false);
  await expect(reading.getByText(/wait(s)? for review/)).toHaveCount(0);
  await expect(panel).toContainText('none waiting for review.');

  // Ctrl+Z brings the deleted one back, waiting; a second Ctrl+Z takes back keeping the other on version 1.
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+z');
  await expect(reviewItem(page, 'Lost', LOST)).toContainText('Waiting for review');
  await expect(reading.getByRole('status')).toHaveText(/^1 highlight waits for review/);
  await page.keyboard.press('Control+z');
  await expect(extradition).toContainText('Waiting for review');
  await expect(reading.getByRole('status')).toHaveText(/^2 highlights wait for review/);
  // Redo keeps it on version 1 again.
  await page.keyboard.press('Control+Shift+z');
  await expect(extradition).toContainText('Kept on version 1');

  // The history: two versions; version 1 opens read-only with the highlights that point into it.
  await reading.getByRole('button', { name: /^History/ }).click();
  const history = page.getByRole('complementary', { name: 'Version history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Version 1');
  await expect(history.getByRole('listitem').last()).toContainText('Version 2 (latest)');
  await history.getByRole('button', { name: 'Read version 1' }).click();
  const earlier = page.getByRole('note', { name: 'Earlier version' });
  await expect(earlier).toContainText('Version 1 of 2');
  await expect(earlier).toContainText('an earlier version, read-only');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const version1 = page.locator('.version-text');
  await expect(version1).toContainText('is absolutely out of the question');
  await expect(version1.locator('mark')).toHaveText([EXTRADITION, LOST]);
  const notes = page.getByRole('complementary', { name: 'Highlights on version 1' });
  await expect(notes.getByRole('listitem')).toHaveCount(2);
  await expect(notes).toContainText('Kept on version 1');
  await expect(notes).toContainText('Waiting for review');
  // The latest text gives way to it while it is shown.
  await expect(page.locator('.reading')).toBeHidden();

  // From version 1, the changes to version 2: counts at the top, the words marked, unchanged paragraphs folded.
  await earlier.getByRole('button', { name: 'Changes to version 2' }).click();
  const diff = page.getByRole('region', { name: `Changes to ‘${TITLE}’` });
  await expect(diff.getByRole('combobox', { name: 'From' })).toHaveValue('1');
  await expect(diff.getByRole('combobox', { name: 'To' })).toHaveValue('2');
  await expect(diff.getByRole('status')).toHaveText(
    /^\d+ words? inserted, \d+ words? deleted, in \d+ paragraphs\.$/,
  );
  await expect(diff.locator('del').filter({ hasText: 'absolutely' })).toHaveCount(1);
  await expect(diff.locator('ins').filter({ hasText: 'entirely' })).toHaveCount(1);
  await expect(
    diff
      .locator('ins')
      .filter({ hasText: /^\s*the\s*$/ })
      .first(),
  ).toBeVisible();
  await expect(diff.getByText('Not in version 2').first()).toBeVisible();
  const fold = diff.getByRole('button', { name: /^Show \d+ unchanged paragraphs?$/ }).first();
  await fold.click();
  await expect(
    diff.getByRole('button', { name: /^Hide \d+ unchanged paragraphs?$/ }).first(),
  ).toHaveAttribute('aria-expanded', 'true');
  // Back to the latest text, where reading and highlighting go on.
  await diff.getByRole('button', { name: 'Back to the latest version' }).click();
  await expect(page.locator('.reading')).toBeVisible();
  await expect(card(page, MOVED)).toBeVisible();
});

test('a file dropped on the open document’s new-version target is imported as its version 2', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await highlight(page, KEPT, 'Upbeat.');
  await highlight(page, LOST, 'Lugovoy.');

  // Two targets while dragging: a new document, or a new version of this one.
  await dropOn(page, new RegExp(`^Import as a new version of ‘${TITLE}’$`), [
    { name: 'miliband-edited.txt', text: await secondVersion() },
  ]);
  const notice = page.getByRole('group', { name: 'New version' });
  await expect(notice).toContainText('Version 2 imported: 1 kept, 0 moved, 0 changed, 1 lost.');
  await expect(page.locator('.version-drop')).toHaveCount(0);
  expect(parley.store.data.documents).toHaveLength(1);
  await expect(page.locator('.reading')).toContainText('Version 2 of 2');
  await expect(page.locator('.reading').getByRole('status')).toHaveText(/^1 highlight waits for review/);

  // The banner's Review opens the same review.
  await page.locator('.reading').getByRole('button', { name: 'Review', exact: true }).click();
  await expect(reviewItem(page, 'Lost', LOST)).toBeVisible();

  // The other target imports as before: a new document.
  await dropOn(page, /^Import as a new document$/, [
    { name: 'lisbon.txt', text: `Lisbon\n\n${LISBON_PARAGRAPH}\n` },
  ]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lisbon');
  await expect.poll(() => parley.store.data.documents.length).toBe(2);
  // Two files on the version target are refused, and nothing is imported.
  await page.getByRole('combobox', { name: 'Document' }).selectOption({ label: TITLE });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await dropOn(page, /^Import as a new version of/, [
    { name: 'a.txt', text: 'A\n\nOne.\n' },
    { name: 'b.txt', text: 'B\n\nTwo.\n' },
  ]);
  await expect(page.getByRole('alert')).toContainText('Drop one file to import it as a new version');
  expect(parley.store.data.documents).toHaveLength(2);
});

/** A computed colour ("rgb(0, 119, 187)") as 0–1 channels. */
function channels(colour: string): [number, number, number] {
  const rgb = /^rgba?\((\d+), (\d+), (\d+)/.exec(colour);
  if (!rgb) throw new Error(`not a colour I can read: ${colour}`);
  return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
}

function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = channels(colour).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('deleted and inserted words keep 4.5:1 against their background in the light and the dark theme', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  parley.importPaths = [await parley.writeFile('miliband-edited.txt', await secondVersion())];
  await parley.menuCommand('import-version');
  await expect(page.getByRole('group', { name: 'New version' })).toBeVisible();
  await parley.menuCommand('compare-versions');
  const diff = page.getByRole('region', { name: `Changes to ‘${TITLE}’` });
  await expect(diff.locator('del').first()).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    for (const tag of ['del', 'ins']) {
      const { color, background } = await diff
        .locator(tag)
        .first()
        .evaluate((node) => {
          const style = getComputedStyle(node);
          return { color: style.color, background: style.backgroundColor };
        });
      expect(contrast(color, background), `${tag} in the ${scheme} theme`).toBeGreaterThanOrEqual(4.5);
      const line = await diff
        .locator(tag)
        .first()
        .evaluate((node) => getComputedStyle(node).textDecorationLine);
      // Not by colour alone: struck through, or underlined.
      expect(line).toBe(tag === 'del' ? 'line-through' : 'underline');
    }
  }
});

/** A saved web page of the story at one address (its canonical URL), as a browser's Save Page would keep it. */
function page(headline: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${headline}</title>
<link rel="canonical" href="https://news.example.org/2009/11/02/miliband-lavrov">
</head><body><article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

test('a page imported with the address of one already read is offered as its new version', async ({
  parley,
}) => {
  const { page: window } = parley;
  await expect(window.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const paragraphs = [
    LISBON_PARAGRAPH,
    LOST_PARAGRAPH,
    'Both ministers said the talks would go on in the spring.',
  ];
  parley.importPaths = [await parley.writeFile('story.html', page('Ministers meet in Moscow', paragraphs))];
  await parley.menuCommand('import');
  await expect(window.getByRole('heading', { level: 1 })).toHaveText('Ministers meet in Moscow');
  await highlight(window, LOST, 'Lugovoy.');

  // The same address, a later edit of the page: imported as a document, then offered as a version of the first.
  parley.importPaths = [
    await parley.writeFile(
      'story-updated.html',
      page('Ministers meet in Moscow, agree to differ', [paragraphs[0]!, paragraphs[2]!]),
    ),
  ];
  await parley.menuCommand('import');
  const offer = window.getByRole('group', { name: 'Same address' });
  await expect(offer).toContainText(
    '‘Ministers meet in Moscow, agree to differ’ has the same address as ‘Ministers meet in Moscow’. Make it a new version of it?',
  );
  await expect.poll(() => parley.store.data.documents.length).toBe(3);
  await offer.getByRole('button', { name: 'Make it a new version' }).click();
  await expect(offer).toHaveCount(0);
  await expect(window.getByRole('group', { name: 'New version' })).toContainText(
    'Version 2 imported: 0 kept, 0 moved, 0 changed, 1 lost.',
  );
  await expect.poll(() => parley.store.data.documents.length).toBe(2);
  await expect(window.locator('.reading')).toContainText('Version 2 of 2');
  await expect(window.getByRole('heading', { level: 1 })).toHaveText(
    'Ministers meet in Moscow, agree to differ',
  );
});
