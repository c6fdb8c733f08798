// W3C annotations in the app: File › Import Annotations… takes a JSON-LD file from another tool, whose targets
// name no source, into the open document; what anchors is added as one undoable change and what does not is
// named with the closest passage; and the Export menu writes the highlights as W3C annotations. Last, the
// review of moved highlights keeps to the same rules: a short quote changed under its highlight is listed under
// Needs review, not painted on the changed words.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Parley } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';

/** An annotation as other tools write it: a quote and nothing to say which document it belongs to. */
const sourceless = (exact: string, note: string) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  body: { type: 'TextualBody', purpose: 'commenting', value: note },
  target: { selector: { type: 'TextQuoteSelector', exact } },
});

/** Writes the annotations to a file of this name and imports it with File › Import Annotations…. */
async function importAnnotations(parley: Parley, name: string, annotations: unknown): Promise<void> {
  parley.importPaths.push(await parley.writeFile(name, JSON.stringify(annotations)));
  await parley.menuCommand('import-annotations');
}

/** Highlights each quote in the first document through the app's own calls, with its note; gives the document's id. */
function highlightFirstDocument(page: Page, marks: Array<{ quote: string; note: string }>): Promise<string> {
  return page.evaluate(async (marks) => {
    const documents = await window.parley.listDocuments();
    const opened = await window.parley.openDocument({ id: documents[0]!.id });
    for (const { quote, note } of marks) {
      const start = opened.document.text.indexOf(quote);
      await window.parley.createAnnotation({
        documentId: opened.document.id,
        start,
        end: start + quote.length,
        topicIds: [],
        note,
      });
    }
    return opened.document.id;
  }, marks);
}

test('Import Annotations adds quotes that name no source to the open document, says what it refused, and one Undo takes them back', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await importAnnotations(parley, 'notes.jsonld', {
    type: 'AnnotationCollection',
    items: [
      sourceless('revealed Lavrov', 'A note written for the tests.'),
      sourceless('retorted Lavrov', 'Another, written for the tests.'),
      sourceless('in the international arena', 'A look-alike, written for the tests.'),
    ],
  });

  await expect(page.locator('.notice[role=status]')).toHaveText('Imported 2 annotations from notes.jsonld.');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    '1 not imported from notes.jsonld: Annotation 3: its quote “in the international arena”',
  );
  await expect(alert).toContainText('the closest passage, in ¶');
  await expect(alert).toContainText('“on the international stage” (76% alike)');
  await expect(page.getByLabel('Note on “revealed Lavrov”')).toBeVisible();
  await expect(page.getByLabel('Note on “retorted Lavrov”')).toBeVisible();
  expect(parley.store.data.annotations.map((a) => a.note).sort()).toEqual([
    'A note written for the tests.',
    'Another, written for the tests.',
  ]);

  // One step of history for the whole import.
  const history = page.getByRole('group', { name: 'History' });
  await history.getByRole('button', { name: 'Undo Import 2 annotations' }).click();
  await expect(page.getByLabel('Note on “revealed Lavrov”')).toHaveCount(0);
  await expect(page.getByLabel('Note on “retorted Lavrov”')).toHaveCount(0);
  expect(parley.store.data.annotations).toEqual([]);
});

test('a file of which nothing anchors is refused whole, with the reason, and changes nothing', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await importAnnotations(parley, 'lookalike.jsonld', [
    sourceless('Sergey Ivanov has called his talks', 'Written for the tests.'),
  ]);
  await expect(page.getByRole('alert')).toContainText(
    'Nothing was imported from lookalike.jsonld. Annotation 1: its quote “Sergey Ivanov has called his talks” is not in',
  );
  await expect(page.getByRole('alert')).toContainText('“Sergey Lavrov has called his talks”');
  expect(parley.store.data.annotations).toEqual([]);
});

test('the Export menu writes W3C annotations of this document and of the whole notebook', async ({
  parley,
}) => {
  let page = parley.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const documentId = await highlightFirstDocument(page, [
    { quote: 'revealed Lavrov', note: 'Written for the tests.' },
  ]);
  page = await parley.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const exportMenu = page.getByRole('button', { name: 'Export', exact: true });

  await exportMenu.click();
  await page.getByRole('menuitem', { name: 'W3C annotations (JSON-LD): this document…' }).click();
  await expect(page.locator('.notice[role=status]')).toHaveText(
    /^Exported the highlights as W3C annotations to /,
  );
  const documentFile = parley.exportPaths.at(-1)!;
  expect(basename(documentFile)).toBe(
    'miliband-bilateral-differences-will-not-obscure-our-relationship.jsonld',
  );
  const collection = JSON.parse(await readFile(documentFile, 'utf8')) as {
    type: string;
    first: { items: Array<{ target: { source: string; selector: Array<{ exact?: string }> } }> };
  };
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items).toHaveLength(1);
  expect(collection.first.items[0]!.target.source).toBe(`urn:parley:document:${documentId}`);
  expect(collection.first.items[0]!.target.selector[1]!.exact).toBe('revealed Lavrov');

  await exportMenu.click();
  await page.getByRole('menuitem', { name: 'W3C annotations (JSON-LD): whole notebook…' }).click();
  await expect.poll(() => parley.exportPaths.length).toBe(2);
  const notebookFile = parley.exportPaths.at(-1)!;
  expect(basename(notebookFile)).toBe('notebook.jsonld');
  const all = JSON.parse(await readFile(notebookFile, 'utf8')) as { id: string; total: number };
  expect(all.id).toBe('urn:parley:export:notebook');
  expect(all.total).toBe(1);
});

test('a short highlight whose words changed goes to Needs review, while one whose words are unchanged is painted', async ({
  parley,
}) => {
  let page = parley.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await highlightFirstDocument(
    page,
    ['Lavrov said', 'revealed Lavrov'].map((quote) => ({
      quote,
      note: `On ${quote}, written for the tests.`,
    })),
  );
  // The text changes under the first highlight: one letter of its 11, the words around it as they were. The
  // same words stand in another paragraph ("Sergey Lavrov said at a news conference"): a look-alike, not it.
  parley.store.changeOutsideHistory((nb) => {
    const doc = nb.documents[0]!;
    doc.text = doc.text.replace('Lavrov said he expects', 'Lavrov sayd he expects');
  });
  page = await parley.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const review = page.getByRole('region', { name: 'Needs review' });
  await expect(review.getByLabel('Note on “Lavrov said”')).toBeVisible();
  await expect(review.getByLabel('Note on “revealed Lavrov”')).toHaveCount(0);
  await expect(page.getByLabel('Note on “revealed Lavrov”')).toBeVisible();
});
