// Colour by party, as a reader uses it: a UK and a Russian passage on the same topic look the same until View ›
// Colour by Party is on; then each carries its party's colour as an underline while the fill stays the topic's, a
// passage with no party has no line, a key at the top of the text says which colour is which party, the choice holds
// when another document is opened and this one again, and the lines stay visible in the dark theme.
import type { Page } from '@playwright/test';
import { dropFiles, expect, highlightsCovering, selectPhrase, test, type Parley } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const RUSSIAN = 'his extradition to UK is absolutely out of the question';
const BRITISH = 'The horrific murder of Mr. Litvinenko in 2006 has been followed up';
const NO_PARTY = 'the extradition request for Andrey Lugovoy';

async function highlight(page: Page, phrase: string, party: string | null): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  const topics = editor.getByRole('combobox', { name: 'Topics' });
  await topics.fill('extradition');
  await topics.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic extradition', exact: true })).toBeVisible();
  if (party) {
    // The option reads "United Kingdom (UK)" where the party has a short name.
    const select = editor.getByRole('combobox', { name: 'Party' });
    const value = await select.locator('option', { hasText: party }).getAttribute('value');
    await select.selectOption(value!);
  }
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
}

interface Paint {
  /** The fill: the background of the highlight that has one. */
  fill: string | null;
  /** The party's line: the colour of the underline of the highlight that draws one. */
  line: string | null;
}

/** How the passage is painted: the computed styles of the CSS highlights that hold exactly its range. */
async function paintOf(page: Page, phrase: string): Promise<Paint> {
  // Only the passages near the viewport are registered: bring it into view, as a reader scrolls to it.
  await page.locator('.doc-text [data-start]', { hasText: phrase }).first().scrollIntoViewIfNeeded();
  // The active passage's own underline (the one last saved) says where focus is, not whose position it is.
  const held = async () =>
    (await highlightsCovering(page, phrase)).filter((name) => name !== 'parley-active');
  await expect.poll(async () => (await held()).length, `highlights holding “${phrase}”`).toBeGreaterThan(0);
  const names = await held();
  return page.evaluate((list) => {
    const column = document.querySelector('.reading')!;
    let fill: string | null = null;
    let line: string | null = null;
    for (const name of list) {
      const style = getComputedStyle(column, `::highlight(${name})`);
      if (style.textDecorationLine.includes('underline')) line = style.textDecorationColor;
      if (style.backgroundColor !== 'rgba(0, 0, 0, 0)') fill = style.backgroundColor;
    }
    return { fill, line };
  }, names);
}

/** A computed colour ("rgb(0, 119, 187)" or "color(srgb 0.3 0.6 0.8)") as 0–1 channels. */
function channels(colour: string): [number, number, number] {
  const rgb = /^rgba?\((\d+), (\d+), (\d+)/.exec(colour);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
  const srgb = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(colour);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3])];
  throw new Error(`not a colour I can read: ${colour}`);
}

function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

function partyColour(parley: Parley, name: string): string {
  const party = parley.store.data.parties.find((p) => p.name === name);
  if (!party) throw new Error(`no party named ${name}`);
  return party.colour;
}

test('colour by party underlines UK and Russian passages of one topic in their parties’ colours', async ({
  parley,
}) => {
  const { page } = parley;
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await highlight(page, RUSSIAN, 'Russia');
  await highlight(page, BRITISH, 'United Kingdom');
  await highlight(page, NO_PARTY, null);

  // Off: the two sides look the same, the topic's fill and nothing else.
  const before = { russian: await paintOf(page, RUSSIAN), british: await paintOf(page, BRITISH) };
  expect(before.russian.fill).not.toBeNull();
  expect(before.russian).toEqual(before.british);
  expect(before.russian.line).toBeNull();
  await expect(page.getByRole('region', { name: 'Colour by party' })).toHaveCount(0);

  await parley.menuCommand('party-colours');
  const legend = page.getByRole('region', { name: 'Colour by party' });
  await expect(legend).toBeVisible();
  await expect(legend.getByRole('listitem')).toHaveText(['United Kingdom', 'Russia', 'no line: no party']);
  await expect(page.locator('.notice[role=status]')).toHaveText(/^Colour by party: /);

  const russian = await paintOf(page, RUSSIAN);
  const british = await paintOf(page, BRITISH);
  expect(russian.line).toBe(hexToRgb(partyColour(parley, 'Russia')));
  expect(british.line).toBe(hexToRgb(partyColour(parley, 'United Kingdom')));
  expect(russian.line).not.toBe(british.line);
  // The fill is still the topic's, the same for both sides.
  expect(russian.fill).toBe(before.russian.fill);
  expect(british.fill).toBe(before.russian.fill);
  // A passage without a party has no line.
  expect(await paintOf(page, NO_PARTY)).toEqual({ fill: before.russian.fill, line: null });
  // Not even while it is the active passage (the last saved): a line now means a party, so the active passage is
  // marked by its tint alone.
  expect(await highlightsCovering(page, NO_PARTY)).toContain('parley-active');
  const activeLine = () =>
    page.evaluate(
      () =>
        getComputedStyle(document.querySelector('.reading .doc-text')!, '::highlight(parley-active)')
          .textDecorationLine,
    );
  expect(await activeLine()).toBe('none');
  // The key draws each party's line in the colour of its passages' underline.
  const keyLine = await legend
    .getByRole('listitem')
    .filter({ hasText: 'Russia' })
    .locator('.party-legend__line')
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(keyLine).toBe(russian.line);

  // The choice belongs to the window: another document opened, then this one again, still coloured by party.
  await dropFiles(page, [
    { name: 'other.txt', text: 'Another text\n\nWritten for the tests of colour by party.\n' },
  ]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Another text');
  await expect(legend).toBeVisible();
  await page
    .getByRole('complementary', { name: 'Library' })
    .getByRole('button', { name: new RegExp(`^${TITLE}`) })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(legend).toBeVisible();
  expect((await paintOf(page, RUSSIAN)).line).toBe(russian.line);

  // The menu's tick follows: main was told of the change.
  expect(parley.calls.filter((call) => call === 'app:view-options')).toHaveLength(1);

  // Off again from the key itself: no lines, the key gone, focus back in the text, main told again.
  await legend.getByRole('button', { name: 'Turn off colour by party' }).click();
  await expect(legend).toHaveCount(0);
  await expect(page.locator('.reading')).toBeFocused();
  expect((await paintOf(page, RUSSIAN)).line).toBeNull();
  expect((await paintOf(page, BRITISH)).line).toBeNull();
  expect(await activeLine()).toBe('underline');
  await expect.poll(() => parley.calls.filter((call) => call === 'app:view-options').length).toBe(2);
});

test('in the dark theme the party lines are lightened and stay visible', async ({ parley }) => {
  const { page } = parley;
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await highlight(page, RUSSIAN, 'Russia');
  await highlight(page, BRITISH, 'United Kingdom');
  await parley.menuCommand('party-colours');
  await expect(page.getByRole('region', { name: 'Colour by party' })).toBeVisible();

  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  for (const [phrase, party] of [
    [RUSSIAN, 'Russia'],
    [BRITISH, 'United Kingdom'],
  ] as const) {
    const { line } = await paintOf(page, phrase);
    expect(line).not.toBeNull();
    const own = hexToRgb(partyColour(parley, party));
    expect(luminance(line!)).toBeGreaterThan(luminance(own));
    // Non-text contrast (WCAG 1.4.11): at least 3:1 against the page.
    expect(contrast(line!, background)).toBeGreaterThanOrEqual(3);
  }
  const [russian, british] = [await paintOf(page, RUSSIAN), await paintOf(page, BRITISH)];
  expect(russian.line).not.toBe(british.line);
});
