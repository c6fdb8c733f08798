// Written for Parley's layout, measured in Chromium with the boxes the reader sees (getBoundingClientRect): a
// one-row toolbar at 1280 and 800 px; notes beside their passages, or directly under their paragraph, at 800 px
// and never gathered at the bottom of the page; the highlight editor beside its passage, never over it; Find and
// Suggestions docked beside the text, pushing it rather than covering the text, the notes or Undo; the
// comparison's party columns never squeezed by the library; and the command palette that carries what left the
// toolbar. The notes and topics seeded here were written for these tests.
import type { Page } from '@playwright/test';
import { expect, phraseRect, selectPhrase, test, type Parley } from './harness';

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 700 },
] as const;

/** Passages of the sample, in reading order, each given a note (the last one far down the article). */
const PASSAGES = [
  'non-proliferation',
  'his extradition to UK is absolutely out of the question',
  'he sees no obstacles for London to launch an investigation in Russia',
] as const;

const overlaps = (a: Box, b: Box) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

async function box(page: Page, selector: string): Promise<Box> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { top, bottom, left, right };
    });
}

/** Seeds a note on each passage (a topic and a party on each, for the comparison) and reloads. */
async function seedNotes(parley: Parley): Promise<Page> {
  const doc = parley.store.data.documents[0]!;
  const now = new Date().toISOString();
  parley.store.change((nb) => {
    nb.topics.push({ id: 'layout-topic', path: 'layout test', colour: '#4477aa', description: '' });
    PASSAGES.forEach((phrase, i) => {
      const start = doc.text.indexOf(phrase);
      if (start < 0) throw new Error(`"${phrase}" is not in the sample`);
      const end = start + phrase.length;
      nb.annotations.push({
        id: `layout-${i}`,
        documentId: doc.id,
        target: {
          start,
          end,
          exact: phrase,
          prefix: doc.text.slice(Math.max(0, start - 32), start),
          suffix: doc.text.slice(end, end + 32),
        },
        topicIds: ['layout-topic'],
        partyId: nb.parties[i % nb.parties.length]!.id,
        stance: null,
        note: `Layout test note ${i + 1}, written for this test.`,
        links: [],
        createdAt: now,
        updatedAt: now,
      });
    });
  });
  return parley.reload();
}

/** Each note card's box and its passage's: the first line, and the block (paragraph) it ends in. */
async function notesAndPassages(page: Page) {
  return page.evaluate((phrases) => {
    const rect = (r: DOMRect) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
    return phrases.map((phrase, i) => {
      const card = document.querySelector(`.margin [data-annotation-id="layout-${i}"]`)!;
      for (const block of document.querySelectorAll('.doc-text [data-start]')) {
        const node = block.firstChild;
        if (!(node instanceof Text) || !node.data.includes(phrase)) continue;
        const at = node.data.indexOf(phrase);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        const next = block.nextElementSibling;
        return {
          card: rect(card.getBoundingClientRect()),
          line: rect(range.getClientRects()[0]!),
          block: rect(block.getBoundingClientRect()),
          nextBlockTop: next ? next.getBoundingClientRect().top : null,
        };
      }
      throw new Error(`"${phrase}" is not in the text`);
    });
  }, PASSAGES);
}

test('the toolbar is one row, at most 48 px high, with nothing cut off, from 1280 px down to the least window, 720', async ({
  parley,
}) => {
  const { page } = parley;
  // 720 px is the window's minimum width (main/window.ts).
  for (const size of [...SIZES, { width: 760, height: 700 }, { width: 720, height: 700 }]) {
    await page.setViewportSize(size);
    const toolbar = page.locator('.toolbar');
    await expect.poll(async () => (await toolbar.boundingBox())?.height).toBeLessThanOrEqual(48);
    const bar = await box(page, '.toolbar');
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll('.toolbar button, .toolbar select, .toolbar [role=status]')].flatMap(
        (element) => {
          const { top, bottom, left, right, width } = element.getBoundingClientRect();
          return width > 0 ? [{ name: element.textContent ?? '', top, bottom, left, right }] : [];
        },
      ),
    );
    // The frequent commands are all there, in one row, inside the window.
    for (const name of ['Reading', 'Compare', 'Import…', 'Export', 'Suggestions', 'Find', 'Undo', 'Redo']) {
      expect(controls.some((c) => c.name.startsWith(name))).toBe(true);
    }
    for (const control of controls) {
      expect(control.top, `${control.name} at ${size.width} px`).toBeGreaterThanOrEqual(bar.top);
      expect(control.bottom, `${control.name} at ${size.width} px`).toBeLessThanOrEqual(bar.bottom);
      expect(control.right, `${control.name} at ${size.width} px`).toBeLessThanOrEqual(size.width);
    }
    await expect(page.getByRole('button', { name: 'Commands' })).toBeVisible();
    // No sideways scroll of the page itself.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `page width at ${size.width} px`,
    ).toBe(size.width);
  }
});

test('at 800×700 each note stays beside its passage or directly under its paragraph, never at the bottom', async ({
  parley,
}) => {
  const page = await seedNotes(parley);
  await page.setViewportSize({ width: 800, height: 700 });
  for (const libraryOpen of [false, true]) {
    if (libraryOpen) {
      await page.getByRole('button', { name: 'Library' }).click();
      await expect(page.getByRole('button', { name: 'Library' })).toHaveAttribute('aria-pressed', 'true');
    }
    await expect(page.locator('.margin [data-annotation-id]')).toHaveCount(PASSAGES.length);
    await expect
      .poll(
        async () => {
          const placed = await notesAndPassages(page);
          return placed.every(({ card, line, block, nextBlockTop }) => {
            const beside = Math.abs(card.top - line.top) <= 4 && card.left >= block.right;
            const under =
              card.top >= block.bottom &&
              card.top - block.bottom <= 24 &&
              (nextBlockTop === null || card.bottom <= nextBlockTop);
            return beside || under;
          });
        },
        `notes beside or under their passages${libraryOpen ? ' with the library open' : ''}`,
      )
      .toBe(true);
    const text = await box(page, '.doc-text');
    for (const { card } of await notesAndPassages(page)) expect(card.top).toBeLessThan(text.bottom);
  }
});

test('the highlight editor opens beside the passage it edits, in the margin, not over it', async ({
  parley,
}) => {
  const { page } = parley;
  const phrase = 'his extradition to UK is absolutely out of the question';
  for (const [size, low] of SIZES.flatMap((s) => [[s, false] as const, [s, true] as const])) {
    await page.setViewportSize(size);
    // The passage mid-window, then low in it, where an editor placed under it has no room.
    await page.locator('.doc-text [data-start]').first().waitFor();
    await page.evaluate(
      ({ text, low }) => {
        for (const block of document.querySelectorAll('.doc-text [data-start]')) {
          if (!block.textContent?.includes(text)) continue;
          const at = low ? window.innerHeight - 140 : window.innerHeight / 2;
          window.scrollBy(0, block.getBoundingClientRect().top - at);
          return;
        }
      },
      { text: phrase, low },
    );
    await selectPhrase(page, phrase);
    await page.keyboard.press('h');
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await expect(editor).toBeVisible();
    const dialog = await box(page, 'dialog.editor');
    const passage = (await phraseRect(page, phrase))!;
    expect(overlaps(dialog, passage), `the editor covers its passage at ${size.width} px`).toBe(false);
    const toolbar = await box(page, '.toolbar');
    expect(dialog.top).toBeGreaterThanOrEqual(toolbar.bottom);
    expect(dialog.bottom).toBeLessThanOrEqual(size.height);
    if (size.width === 1280) {
      // Beside it, in the margin where its note will be, level with it.
      const text = await box(page, '.reading');
      expect(dialog.left).toBeGreaterThanOrEqual(text.right);
      // Level with it: the passage's first line is beside the editor (pushed up only as far as the window needs).
      expect(dialog.top).toBeLessThanOrEqual(passage.firstLineTop + 4);
      expect(dialog.bottom).toBeGreaterThan(passage.firstLineTop);
    }
    await page.keyboard.press('Escape');
    await expect(editor).toHaveCount(0);
  }
});

test('Find and Suggestions dock beside the text and push it: they cover no text, no note and not Undo', async ({
  parley,
}) => {
  const page = await seedNotes(parley);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const open of ['find', 'suggestions'] as const) {
      if (open === 'find') {
        await page.locator('.reading').focus();
        await page.keyboard.press('Control+f');
      } else await page.getByRole('button', { name: 'Suggestions' }).click();
      const panel = open === 'find' ? '.side-panel' : '.drawer';
      await expect(page.locator(panel)).toBeVisible();
      await expect
        .poll(async () => {
          const side = await box(page, panel);
          const covered = [await box(page, '.reading'), await box(page, '.toolbar__sign--undo')];
          for (const card of await page.locator('.margin [data-annotation-id]').all()) {
            const b = await card.boundingBox();
            if (b) covered.push({ top: b.y, bottom: b.y + b.height, left: b.x, right: b.x + b.width });
          }
          return covered.filter((b) => overlaps(side, b)).length;
        }, `${open} at ${size.width} px covers nothing`)
        .toBe(0);
      // The text keeps a readable measure beside it.
      expect((await box(page, '.reading')).right - (await box(page, '.reading')).left).toBeGreaterThan(300);
      if (open === 'find') await page.keyboard.press('Escape');
      else await page.getByRole('button', { name: 'Suggestions' }).click();
      await expect(page.locator(panel)).toHaveCount(0);
    }
  }
});

test('the comparison keeps each party column at least 240 px wide with the library open', async ({
  parley,
}) => {
  const page = await seedNotes(parley);
  await page.getByRole('tab', { name: 'Compare' }).click();
  const view = page.getByRole('tabpanel', { name: 'Compare' });
  await expect(view.getByRole('columnheader', { name: 'Russia' })).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const library = page.getByRole('button', { name: 'Library' });
    if ((await library.getAttribute('aria-pressed')) !== 'true') await library.click();
    await expect(library).toHaveAttribute('aria-pressed', 'true');
    const widths = await view
      .locator('.compare__party')
      .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().width));
    expect(widths).toHaveLength(2);
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(240);
    // The library and the table do not overlap: at 800 px the table scrolls sideways instead.
    const scroller = await box(page, '.compare__scroll');
    expect(scroller.left).toBeGreaterThanOrEqual((await box(page, '.library-slot')).right);
    // The table scrolls inside its own box; the page itself is no wider than the window.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `page width at ${size.width} px`,
    ).toBe(size.width);
  }
});

test('Ctrl+Shift+P opens the command palette: filter by name, move with the arrows, Enter runs, Escape returns', async ({
  parley,
}) => {
  const { page } = parley;
  const reading = page.locator('.reading');
  await reading.focus();
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  const field = palette.getByRole('combobox', { name: 'Command' });
  await expect(field).toBeFocused();
  const options = palette.getByRole('option');
  // Every row shows the command's keys; a command that would do nothing now is shown disabled.
  await expect(options.filter({ hasText: 'Find…' })).toContainText('Ctrl+F');
  await expect(options.filter({ hasText: /^Redo/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(options.filter({ hasText: 'Import…' })).toHaveAttribute('aria-disabled', 'false');

  // Escape closes it and gives focus back.
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(reading).toBeFocused();

  // The toolbar's button opens it too; typing filters, ↓ moves, Enter runs the one chosen.
  await page.getByRole('button', { name: 'Commands' }).click();
  await page.keyboard.type('export');
  const labels = await options.allTextContents();
  expect(labels.length).toBeGreaterThan(3);
  for (const label of labels) expect(label.toLowerCase()).toContain('export');
  await field.fill('parties'); // ("part" also finds Colour by Party)
  await expect(options).toHaveCount(2);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(options.first()).toContainText('Parties…');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(1)).toContainText('Compare Parties');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  const parties = page.getByRole('dialog', { name: 'Parties' });
  await expect(parties).toBeVisible();
  await parties.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Commands' })).toBeFocused();

  // A disabled command is not run: Redo with nothing to redo leaves the palette open.
  await page.keyboard.press('Control+Shift+P');
  await field.fill('redo');
  await page.keyboard.press('Enter');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
});

test('a long passage (1,000+ characters): the editor beside it never covers it, and Save stays in the window above the status bar', async ({
  parley,
}) => {
  const { page } = parley;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const dismiss = page
      .getByRole('region', { name: 'Where to start' })
      .getByRole('button', { name: 'Dismiss' });
    if (await dismiss.count()) await dismiss.click();
    await page.locator('.doc-text [data-start]').first().waitFor();
    // Whole paragraphs from the second on, until the selection holds at least 1,000 characters.
    const length = await page.evaluate(() => {
      window.scrollTo({ top: 0, behavior: 'instant' });
      const blocks = [...document.querySelectorAll('.doc-text [data-start]')].filter(
        (block) => block.firstChild instanceof Text,
      );
      const first = blocks[1]!;
      let last = first;
      let length = 0;
      for (const block of blocks.slice(1)) {
        last = block;
        length += block.textContent!.length;
        if (length >= 1000) break;
      }
      first.scrollIntoView({ block: 'start', behavior: 'instant' });
      window.scrollBy({ top: -80, behavior: 'instant' });
      const range = document.createRange();
      range.setStart(first.firstChild!, 0);
      range.setEnd(last.firstChild!, (last.firstChild as Text).length);
      (window as unknown as { passage: Range }).passage = range;
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return length;
    });
    expect(length).toBeGreaterThanOrEqual(1000);
    await page.keyboard.press('h');
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await expect(editor).toBeVisible();
    const dialog = await box(page, 'dialog.editor');
    const lines = await page.evaluate(() =>
      [...(window as unknown as { passage: Range }).passage.getClientRects()].map(
        ({ top, bottom, left, right }) => ({
          top,
          bottom,
          left,
          right,
        }),
      ),
    );
    expect(lines.length).toBeGreaterThan(5);
    const covered = lines.filter((line) => line.right - line.left > 1 && overlaps(dialog, line));
    expect(covered, `the editor covers its passage at ${size.width} px`).toEqual([]);
    // Beside it, in the margin: both sizes have one.
    expect(dialog.left).toBeGreaterThanOrEqual((await box(page, '.doc-text')).right);
    const save = editor.getByRole('button', { name: 'Save' });
    const saveBox = (await save.boundingBox())!;
    const statusTop = (await box(page, '.status-bar')).top;
    expect(saveBox.y, `Save under the toolbar at ${size.width} px`).toBeGreaterThanOrEqual(
      (await box(page, '.toolbar')).bottom,
    );
    expect(saveBox.y + saveBox.height, `Save above the status bar at ${size.width} px`).toBeLessThanOrEqual(
      Math.min(statusTop, size.height),
    );
    expect(dialog.bottom, `the editor above the status bar at ${size.width} px`).toBeLessThanOrEqual(
      statusTop,
    );
    await save.click();
    await expect(editor).toHaveCount(0);
  }
});

test("the palette's Reading goes back from the comparison; the narrow toolbar's Commands sign is not the Mac's ⌘", async ({
  parley,
}) => {
  const { page } = parley;
  await page.setViewportSize({ width: 800, height: 700 });
  const commands = page.getByRole('button', { name: 'Commands' });
  const sign = await commands.evaluate((button) => getComputedStyle(button, '::before').content);
  expect(sign).not.toBe('none');
  expect(sign).not.toContain('⌘');

  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  await commands.click();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Command' }).fill('reading');
  await expect(palette.getByRole('option').first()).toHaveText(/^Reading/);
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Reading' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.doc-text')).toBeVisible();
});
