// Written for Parley's shell: what the real Electron app promises beyond its renderer and handlers, each a test
// that runs wherever an Electron binary exists (release CI fetches one) and is skipped with its reason elsewhere.
// The sample on first run; a passage selected and highlighted with the keyboard, its note saved and there after a
// restart; a change made just before quitting saved on quit; File › Import of a web page; the menu's export
// writing its file; a second launch with a file importing it into the first instance; a damaged notebook asking
// how to recover and losing nothing; the window coming back where it was.
import { expect, test, type ElectronApplication } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  answeredMessageBoxes,
  appArguments,
  clickMenu,
  documentTitles,
  fixtures,
  HEADLINE,
  highlightWithNote,
  launch,
  noteCard,
  readNotebook,
  removeWorkspace,
  requireBinary,
  secondLaunch,
  stubFileDialogs,
  workspace,
  type Workspace,
} from './support';

const EXTRADITION = 'his extradition to UK is absolutely out of the question';
const WEB_PAGE = join(fixtures, 'pages', 'news-article.html');
const WEB_PAGE_TITLE = 'Miliband and Lavrov agree to differ on Litvinenko';

let space: Workspace | undefined;
let app: ElectronApplication | undefined;

test.beforeEach(async () => {
  requireBinary();
  space = await workspace();
});

test.afterEach(async () => {
  await app?.close().catch(() => {});
  app = undefined;
  await removeWorkspace(space);
  space = undefined;
});

/** Quits the way a person does (app.quit through Playwright's close) and forgets the app. */
async function quit(): Promise<void> {
  await app?.close();
  app = undefined;
}

test('first run opens the sample article', async () => {
  const launched = await launch(space!);
  app = launched.app;
  await expect(launched.page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  expect(await documentTitles(launched.page)).toEqual([HEADLINE]);
});

test('a passage selected and highlighted with the keyboard keeps its note after a restart', async () => {
  const first = await launch(space!);
  app = first.app;
  await expect(first.page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  await highlightWithNote(first.page, EXTRADITION, 'Flatly refused.');
  await expect(noteCard(first.page, 'his extradition')).toContainText('Flatly refused.');
  // Saved while the app runs, before any quit.
  await expect
    .poll(async () => (await readNotebook(space!.notebook)).annotations.map((annotation) => annotation.note))
    .toContain('Flatly refused.');
  await quit();

  const again = await launch(space!);
  app = again.app;
  await expect(again.page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  await expect(noteCard(again.page, 'his extradition')).toContainText('Flatly refused.');
});

test('a change made just before quitting is saved on quit', async () => {
  const launched = await launch(space!);
  app = launched.app;
  await expect(launched.page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  await highlightWithNote(launched.page, EXTRADITION, 'Written a moment before quitting.');
  // No waiting for the save: quitting must write it.
  await quit();
  const saved = await readNotebook(space!.notebook);
  expect(saved.annotations.map((annotation) => annotation.note)).toContain(
    'Written a moment before quitting.',
  );
});

test('File › Import… imports a web page', async () => {
  const launched = await launch(space!);
  app = launched.app;
  await expect(launched.page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  await stubFileDialogs(app, { open: [WEB_PAGE] });
  await clickMenu(app, 'File', 'Import…');
  await expect.poll(() => documentTitles(launched.page)).toContain(WEB_PAGE_TITLE);
  await expect(launched.page.getByRole('heading', { level: 1 })).toHaveText(WEB_PAGE_TITLE);
  await quit();
  expect((await readNotebook(space!.notebook)).documents.map((doc) => doc.title)).toContain(WEB_PAGE_TITLE);
});

test('File › Export Markdown… writes its file', async () => {
  const launched = await launch(space!);
  app = launched.app;
  await expect(launched.page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  await highlightWithNote(launched.page, EXTRADITION, 'Flatly refused.');
  const out = join(space!.dir, 'exported.md');
  await stubFileDialogs(app, { save: out });
  await clickMenu(app, 'File', 'Export Markdown…');
  await expect(launched.page.getByText(`Exported to ${out}`)).toBeVisible();
  const markdown = await readFile(out, 'utf8');
  expect(markdown).toContain(HEADLINE);
  expect(markdown).toContain(EXTRADITION);
  expect(markdown).toContain('Flatly refused.');
});

test('a second launch with a file imports it into the first instance, from its own folder', async () => {
  const launched = await launch(space!);
  app = launched.app;
  await expect(launched.page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  // A file manager starts Parley again in the file's folder with a relative name; the lock sends it here.
  const second = await secondLaunch([...appArguments(space!), 'news-article.html'], join(fixtures, 'pages'));
  expect(second.code, second.output).toBe(0);
  await expect.poll(() => documentTitles(launched.page)).toContain(WEB_PAGE_TITLE);
  await expect(launched.page.getByRole('heading', { level: 1 })).toHaveText(WEB_PAGE_TITLE);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('a damaged notebook asks how to recover, and the damaged file is kept unchanged', async () => {
  const damaged = '{"schemaVersion": 1, "documents": [{"title": "Half a notebook"';
  await writeFile(space!.notebook, damaged);
  const launched = await launch(space!, { messageBoxAnswers: ['Start Empty Notebook'] });
  app = launched.app;
  await expect(launched.page).toHaveURL(/^app:\/\/parley\//);

  const boxes = await answeredMessageBoxes(app);
  expect(boxes.map((box) => [box.title, box.pressed])).toEqual([
    ['Parley could not read your notebook', 'Start Empty Notebook'],
  ]);
  expect(boxes[0]!.detail).toContain(space!.notebook);
  // The damaged bytes are kept, byte for byte, beside the new notebook.
  const kept = readdirSync(space!.dir)
    .filter((name) => name !== 'notebook.json' && name.startsWith('notebook.json'))
    .filter((name) => {
      try {
        return readFileSync(join(space!.dir, name), 'utf8') === damaged;
      } catch {
        return false;
      }
    });
  expect(kept, `no copy of the damaged file in ${readdirSync(space!.dir).join(', ')}`).toHaveLength(1);
  expect(boxes[0]!.detail).toContain(kept[0]!);
  await quit();
  expect((await readNotebook(space!.notebook)).schemaVersion).toBeGreaterThan(0);
});

test('the window comes back where it was', async () => {
  const first = await launch(space!);
  app = first.app;
  const placed = await app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0]!;
    win.setBounds({ x: 140, y: 110, width: 1000, height: 700 });
    return win.getBounds();
  });
  // What the window manager made of the request is what should come back.
  await expect
    .poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds()))
    .toEqual(placed);
  await quit();

  const again = await launch(space!);
  app = again.app;
  await expect
    .poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds()))
    .toEqual(placed);
});
