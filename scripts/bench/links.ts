/**
 * Deleting one highlight among 10,000 that have links (`delete_one_ms`), as the reader feels it: the built reading
 * view over the real handlers, a document of the notebook open with its cards in the margin; a card's Delete, then
 * its confirmation "Delete highlight" pressed with Enter; timed from that key press (the event's own time stamp)
 * until the card is gone from the page and that frame is painted. Between them: the call to main, the notebook's
 * change and its event, the store, the margin and the painter.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LinkType, Notebook } from '../../shared/model';
import { LINK_TYPES } from '../../shared/model';
import { DurableJsonFile } from '../../main/storage/durable-file';
import { seededRandom } from '../seeded-random';
import { appPage } from './app-page';
import { log, notes, record, SEED } from './context';
import { generateNotebook } from './data';
import type { BenchPart } from './parts';

const DOCUMENTS = 100;
const ANNOTATIONS = 10_000;
const RUNS = 15;
/** The share of links that go to a passage of another document. */
const ACROSS = 0.3;

/** The notebook: 10,000 highlights in 100 documents, each linking to one other, some across documents. */
function linkedNotebook(): { nb: Notebook; links: number; across: number } {
  const nb = generateNotebook(SEED + 4, DOCUMENTS, 10_000, ANNOTATIONS);
  const random = seededRandom(SEED + 40);
  const types = Object.keys(LINK_TYPES) as LinkType[];
  const byDocument = new Map<string, string[]>();
  for (const a of nb.annotations) {
    const list = byDocument.get(a.documentId) ?? [];
    list.push(a.id);
    byDocument.set(a.documentId, list);
  }
  let links = 0;
  let across = 0;
  for (const a of nb.annotations) {
    const far = random() < ACROSS;
    const pool = far
      ? nb.annotations[Math.floor(random() * nb.annotations.length)]!.documentId
      : a.documentId;
    const ids = byDocument.get(pool)!;
    const to = ids[Math.floor(random() * ids.length)]!;
    if (to === a.id) continue;
    a.links.push({ type: types[Math.floor(random() * types.length)]!, annotationId: to });
    links++;
    if (pool !== a.documentId) across++;
  }
  return { nb, links, across };
}

/** Deletes the highlight of card `id` with the keyboard, and returns the milliseconds from the key to the frame. */
async function deleteByKeyboard(page: Page, id: string): Promise<number> {
  // The last deletion's aftermath (its message, the focus moved to the next card, the save) is over.
  await page.waitForTimeout(400);
  const card = page.locator(`.card[data-annotation-id="${id}"]`);
  await card.scrollIntoViewIfNeeded();
  await card.getByRole('button', { name: 'Delete', exact: true }).focus();
  await page.keyboard.press('Enter');
  const confirm = card.getByRole('button', { name: 'Delete highlight' });
  await confirm.focus();
  // Written as a string: the page runs it as it stands (a function would be compiled with helpers it lacks).
  const done = page.evaluate<number>(`new Promise((resolve, reject) => {
    let started = null;
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') started = event.timeStamp;
    }, { capture: true, once: true });
    const timeout = setTimeout(() => reject(new Error('the card was still there after 20 s')), 20000);
    const observer = new MutationObserver(() => {
      if (started === null || document.querySelector('.card[data-annotation-id="${id}"]')) return;
      observer.disconnect();
      // The frame with the card gone: the next animation frame, then what runs once it is painted.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          clearTimeout(timeout);
          resolve(performance.now() - started);
        };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  })`);
  // The listener and observer are in place once evaluate has started them; a short wait makes sure of it.
  await page.waitForTimeout(50);
  // What the last deletion did next (focus to the following card) is over: the key goes to the confirmation.
  await confirm.focus();
  const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
  if (focused.trim() !== 'Delete highlight')
    throw new Error(`The focus was on "${focused}", not the confirmation.`);
  await page.keyboard.press('Enter');
  return done;
}

async function benchDelete(browser: Browser): Promise<void> {
  log('Deleting one highlight among 10,000 with links…');
  const { nb, links, across } = linkedNotebook();
  // The document read last opens first: one in the middle of the library.
  const open = nb.documents[DOCUMENTS / 2]!;
  open.openedAt = new Date(Date.UTC(2026, 10, 30)).toISOString();
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-links-'));
  try {
    const path = join(dir, 'notebook.json');
    await new DurableJsonFile<Notebook>(path).write(nb);
    const app = await appPage(browser, path);
    try {
      const { page } = app;
      const inOpen = nb.annotations.filter((a) => a.documentId === open.id);
      await page.locator(`.card[data-annotation-id="${inOpen[0]!.id}"]`).waitFor({ timeout: 120_000 });
      // Those with links both ways, in reading order (their cards' order), spread through the document.
      const incoming = new Set(nb.annotations.flatMap((a) => a.links.map((l) => l.annotationId)));
      const chosen = inOpen
        .filter((a) => a.links.length > 0 && incoming.has(a.id))
        .sort((a, b) => a.target.start - b.target.start);
      const step = Math.max(1, Math.floor(chosen.length / (RUNS + 1)));
      const ids = Array.from({ length: RUNS + 1 }, (_, i) => chosen[i * step]!.id);
      await deleteByKeyboard(page, ids[0]!); // warm-up
      const samples: number[] = [];
      for (const id of ids.slice(1)) samples.push(await deleteByKeyboard(page, id));
      if (app.problems.length > 0) throw new Error(`The reading view failed: ${app.problems.join(' | ')}`);
      record('delete_one_ms', samples);
      notes.push(
        `delete one: ${ANNOTATIONS.toLocaleString('en')} highlights in ${DOCUMENTS} documents with ` +
          `${links.toLocaleString('en')} links (${across.toLocaleString('en')} across documents), one document ` +
          `open (${inOpen.length} cards); a card's Delete, then Enter on "Delete highlight", timed from that key ` +
          'press to the painted frame without its card, through the real handlers; each deleted highlight had ' +
          'links both ways',
      );
    } finally {
      await app.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const linksPart: BenchPart = { name: 'links', run: benchDelete };
