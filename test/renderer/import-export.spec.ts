// Importing and exporting as a reader does: a saved web page dropped on the window comes in as its article; a
// web page pasted outside a field likewise; a binary file is refused with a reason and leaves nothing behind;
// every kind of export goes through the (stubbed) save dialogs and the files say what they should.
import type { Page } from '@playwright/test';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const EXTRADITION = 'his extradition to UK is absolutely out of the question';

const PARAGRAPH =
  'The committee met on Tuesday to weigh the proposal for a new bridge across the estuary, and its members ' +
  'heard from engineers, fishermen and the harbour authority about tides, costs and the shipping lanes. ';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge over the estuary | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> Subscribe now</nav>
<article>
<h1>Bridge over the estuary</h1>
<p class="byline">By Ann Example</p>
<p>${PARAGRAPH}The first speaker said the estuary bridge would cut the journey by an hour.</p>
<p>${PARAGRAPH}The fishermen warned that piers would change the currents.</p>
<p>${PARAGRAPH}The authority promised a report before the summer.</p>
</article>
<footer>Cookie settings · Privacy · Advertise with us</footer>
</body></html>`;

async function dropFile(page: Page, name: string, bytes: number[] | string): Promise<void> {
  await page.evaluate(
    ({ name, bytes }) => {
      const data = new DataTransfer();
      const content = typeof bytes === 'string' ? bytes : new Uint8Array(bytes);
      data.items.add(new File([content], name));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    },
    { name, bytes },
  );
}

test('a saved web page dropped on the window imports as its article, with its site and date', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await dropFile(page, 'bridge.html', PAGE);
  // A web page is read on the import worker, which from source first loads tsx and jsdom: on a busy machine that
  // alone can take longer than expect's usual wait.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Bridge over the estuary/, {
    timeout: 30_000,
  });
  await expect(page.locator('.doc-text')).toContainText('cut the journey by an hour');
  await expect(page.locator('.doc-text')).not.toContainText('Cookie settings');
  await expect(page.locator('.doc-text')).not.toContainText('Subscribe now');
  await expect(page.locator('.doc-meta')).toContainText('The Harbour Times');
  await expect(page.locator('.notice[role=status]')).toHaveText(/^Imported “Bridge over the estuary/);
  const doc = parley.store.data.documents.find((d) => d.format === 'html');
  expect(doc?.published.startsWith('2024-03-05')).toBe(true);
});

test('a web page pasted outside a field is offered for import and imports as HTML', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Bridge over the estuary');
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, PAGE);
  const offer = page.getByRole('group', { name: 'Import pasted text' });
  await expect(offer).toContainText('Import the pasted web page as a new document?');
  await offer.getByRole('button', { name: 'Import' }).click();
  // Read on the import worker (see the test above).
  await expect(page.locator('.doc-text')).toContainText(
    'The fishermen warned that piers would change the currents.',
    { timeout: 30_000 },
  );
  expect(parley.store.data.documents.map((d) => d.format)).toEqual(['text', 'html']);
});

test('a binary file is refused with a reason that names it, and nothing is added', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const bytes = [0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0, 0x08, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3];
  await dropFile(page, 'notes.txt', [...bytes, ...bytes, ...bytes]);
  await expect(page.getByRole('alert')).toContainText('notes.txt');
  expect(parley.store.data.documents).toHaveLength(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // A file over 20 MB is refused before it is read.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(21 * 1024 * 1024)], 'huge.txt'));
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByRole('alert')).toContainText('Cannot import "huge.txt": it is 21.0 MB');
  expect(parley.store.data.documents).toHaveLength(1);
});

test('every export through the Export menu and the menu commands, read back from disk', async ({
  parley,
}) => {
  let page = parley.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // A topic and a tagged highlight, made through the API, then a fresh page that shows them.
  await page.evaluate(
    async ({ quote }) => {
      const documents = await window.parley.listDocuments();
      const opened = await window.parley.openDocument({ id: documents[0]!.id });
      const topic = await window.parley.createTopic({ path: 'extradition' });
      const start = opened.document.text.indexOf(quote);
      await window.parley.createAnnotation({
        documentId: opened.document.id,
        start,
        end: start + quote.length,
        topicIds: [topic.id],
        note: 'Ruled out.',
      });
    },
    { quote: EXTRADITION },
  );
  page = await parley.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const exportMenu = page.getByRole('button', { name: 'Export', exact: true });
  const status = page.locator('.notice[role=status]');

  // CSV of highlights, opened from the keyboard.
  await exportMenu.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.getByRole('menuitem', { name: 'CSV of highlights…' }).click();
  await expect(status).toHaveText(/^Exported the highlights as CSV to /);
  const csvPath = parley.exportPaths.at(-1)!;
  expect(csvPath.endsWith('.csv')).toBe(true);
  const csv = await readFile(csvPath, 'utf8');
  expect(csv).toContain(EXTRADITION);
  expect(csv).toContain('extradition');
  expect(csv).toContain('Ruled out.');

  // One topic: the dialog asks which.
  await exportMenu.click();
  await page.getByRole('menuitem', { name: 'Markdown: one topic…' }).click();
  const topicDialog = page.getByRole('dialog', { name: 'Export a topic' });
  await expect(topicDialog.getByRole('combobox', { name: /^Topic/ })).toHaveValue(
    parley.store.data.topics[0]!.id,
  );
  await topicDialog.getByRole('button', { name: 'Export…' }).click();
  await expect(status).toHaveText(/^Exported the topic “extradition” to /);
  const topicMarkdown = await readFile(parley.exportPaths.at(-1)!, 'utf8');
  expect(topicMarkdown).toContain('extradition');
  expect(topicMarkdown).toContain(EXTRADITION);

  // The whole notebook as one file.
  await exportMenu.click();
  await page.getByRole('menuitem', { name: 'Markdown: whole notebook, one file…' }).click();
  await expect(status).toHaveText(/^Exported the notebook to /);
  expect(await readFile(parley.exportPaths.at(-1)!, 'utf8')).toContain(TITLE);

  // One file per document in a folder; a second export to the same folder asks before replacing, and a No
  // leaves the file as it was.
  await exportMenu.click();
  await page.getByRole('menuitem', { name: 'Markdown: whole notebook, one file per document…' }).click();
  await expect(status).toHaveText(/^Exported 1 file to /);
  const folder = parley.exportFolders[0]!;
  const [name] = await readdir(folder);
  expect(await readFile(join(folder, name!), 'utf8')).toContain(TITLE);
  await writeFile(join(folder, name!), 'mine', 'utf8');
  parley.nextExportFolder = folder;
  await parley.menuCommand('export-notebook');
  const notebookDialog = page.getByRole('dialog', { name: 'Export the notebook' });
  await notebookDialog.getByRole('button', { name: 'One file per document…' }).click();
  await expect.poll(() => parley.overwriteQuestions.length).toBe(1);
  expect(parley.overwriteQuestions[0]).toEqual([name]);
  expect(await readFile(join(folder, name!), 'utf8')).toBe('mine');

  // The menu commands for a topic and the CSV.
  const before = parley.exportPaths.length;
  await parley.menuCommand('export-csv');
  await expect.poll(() => parley.exportPaths.length).toBe(before + 1);
  await parley.menuCommand('export-topic');
  await page.getByRole('dialog', { name: 'Export a topic' }).getByRole('button', { name: 'Export…' }).click();
  await expect.poll(() => parley.exportPaths.length).toBe(before + 2);

  // The comparison and this document, from the same menu.
  await exportMenu.click();
  await page.getByRole('menuitem', { name: 'Comparison (Markdown)…' }).click();
  await expect(status).toHaveText(/^Exported the comparison to /);
  await exportMenu.click();
  await page.getByRole('menuitem', { name: 'Markdown: this document…' }).click();
  await expect(status).toHaveText(/^Exported to .*\.md$/);
  // The title is the front matter's first key; the body has no `#` heading repeating it.
  const single = await readFile(parley.exportPaths.at(-1)!, 'utf8');
  expect(single).toContain(`---\ntitle: "${TITLE}"\n`);
  expect(single).not.toContain(`# ${TITLE}`);
});
