// Hostile content shown by the app: web pages made of the whole script-injection corpus (test/fixtures/xss) dropped
// on the window, and highlight notes and document notes carrying every payload, written through the editors and
// the API the editors use. Nothing may run (a trap stands in for alert, confirm, prompt and print and for the
// corpus' own __pwned), no dialog may open, no request may leave for another origin, the page may not navigate,
// and no event handler attribute or active link may reach the DOM. A click on an https link goes to main's
// window-open policy, which hands it to the system browser; a click on a javascript:, file: or data: link does
// nothing at all.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Request } from '@playwright/test';
import type { WebContents } from 'electron';
import { hardenWebContents } from '../../main/security';
import { APP_URL, ORIGIN, dropFiles, expect, test, type Parley } from './harness';

interface Payload {
  title: string;
  payload: string;
}

function corpus(name: string): { payloads?: Payload[]; html?: Payload[]; markdown?: Payload[] } {
  return JSON.parse(readFileSync(new URL(`../fixtures/xss/${name}`, import.meta.url), 'utf8')) as {
    payloads?: Payload[];
    html?: Payload[];
    markdown?: Payload[];
  };
}

const CLASSICS = corpus('classics.json').payloads ?? [];
const VECTORS = corpus('vectors.json');
const HTML_VECTORS = VECTORS.html ?? [];
const MARKDOWN_VECTORS = VECTORS.markdown ?? [];
const EVERY_PAYLOAD = [...CLASSICS, ...HTML_VECTORS, ...MARKDOWN_VECTORS];

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const CHUNK = 12;
/** Node.TEXT_NODE, which the test's own side has no DOM to name. */
const Node_TEXT = 3;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const PARAGRAPH =
  'The committee met on Tuesday to weigh the proposal for a new bridge across the estuary, and its members ' +
  'heard from engineers, fishermen and the harbour authority about tides, costs and the shipping lanes.';

/** An article page with the payloads between its paragraphs; named so the reader can tell the pages apart. */
function hostilePage(name: string, payloads: readonly Payload[]): string {
  const body = payloads.map(
    (entry, i) => `<p>${name} paragraph ${i + 1}. ${PARAGRAPH}</p>\n${entry.payload}`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${name}</title></head>
<body><article><h1>${name}</h1>
${body.join('\n')}
<p>${name} closing paragraph. ${PARAGRAPH}</p>
</article></body></html>`;
}

/** Installed in every frame before any of its scripts: records any call a payload could make. */
function installTrap(): void {
  const calls: string[] = [];
  const record = (what: string) => {
    calls.push(what);
    // Visible to the harness from any frame: a console error fails the test.
    console.error(`[pwned] ${what}`);
    try {
      if (window.top && window.top !== window) {
        (window.top as unknown as { __pwned: (what: string) => void }).__pwned(`frame: ${what}`);
      }
    } catch {
      // A cross-origin frame cannot reach the top; its console error still counts.
    }
  };
  Object.defineProperty(window, '__pwnedCalls', { value: calls });
  Object.defineProperty(window, '__pwned', { value: (what: unknown) => record(String(what)) });
  for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
    Object.defineProperty(window, name, {
      value: (...args: unknown[]) => {
        record(`${name}(${args.map(String).join(', ')})`);
        return null;
      },
    });
  }
}

interface Watch {
  pwned(): Promise<string[]>;
  dialogs: string[];
  /** Requests of the app's page to anything but its own origin. */
  foreignRequests: string[];
  /** Where the app's main frame went after it first loaded. */
  navigations: string[];
  /** Requests that tried to leave from any page, new windows included; each was aborted. */
  escaped: string[];
  popups: Page[];
}

/** The trap in every new page of the context; anything that tries to reach the network off the app is stopped. */
async function guard(context: BrowserContext): Promise<string[]> {
  const escaped: string[] = [];
  await context.addInitScript(installTrap);
  await context.route(
    (url) => !url.href.startsWith(`${ORIGIN}/`),
    async (route) => {
      escaped.push(route.request().url());
      await route.abort();
    },
  );
  return escaped;
}

function watch(page: Page, escaped: string[]): Watch {
  const result: Watch = {
    pwned: () => page.evaluate(() => [...(window as unknown as { __pwnedCalls: string[] }).__pwnedCalls]),
    dialogs: [],
    foreignRequests: [],
    navigations: [],
    escaped,
    popups: [],
  };
  page.on('dialog', (dialog) => {
    result.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request: Request) => {
    const url = request.url();
    if (!url.startsWith(`${ORIGIN}/`)) result.foreignRequests.push(url);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) result.navigations.push(frame.url());
  });
  page.on('popup', (popup) => result.popups.push(popup));
  return result;
}

/**
 * Gives whatever a payload could have set going its chance to run: every image loaded or failed (an onerror would
 * have run), two frames drawn and the task queue passed (focus, animation and javascript: link handlers).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.images].every((img) => img.complete), null, {
    timeout: 10_000,
  });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve))),
      ),
  );
  // The point is that nothing happens: a payload's own timer (a refresh, an animation's begin) has 300 ms to fire.
  await page.waitForTimeout(300);
}

/** Nothing ran, asked, fetched or navigated. */
async function assertQuiet(page: Page, seen: Watch): Promise<void> {
  expect(await seen.pwned(), 'calls made by payloads').toEqual([]);
  expect(seen.dialogs, 'dialogs opened').toEqual([]);
  expect(seen.foreignRequests, 'requests to other origins').toEqual([]);
  expect(
    seen.navigations.filter((url) => url !== APP_URL),
    'navigations',
  ).toEqual([]);
  expect(page.url()).toBe(APP_URL);
}

/**
 * No event handler attribute anywhere in the page (template contents included), no address with an active scheme
 * (javascript:, vbscript:, file:, blob:, or data: anywhere but on an image, which never runs script) on any link,
 * form, frame or embed, no CSS that could fetch or run; and inside what the app shows of documents and notes, no
 * element that could run, embed, play, submit or navigate.
 */
async function assertInertDom(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => el.outerHTML.slice(0, 160);
    const addressed = [
      'href',
      'xlink:href',
      'action',
      'formaction',
      'src',
      'data',
      'srcdoc',
      'poster',
      'srcset',
    ];
    const check = (el: Element) => {
      for (const attribute of el.attributes) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
        if (name.startsWith('on')) found.push(`handler ${name}: ${describe(el)}`);
        if (addressed.includes(name)) {
          const image = el.localName === 'img' && (name === 'src' || name === 'srcset');
          if (
            /^(?:javascript|vbscript|file|blob|filesystem):/.test(value) ||
            (value.startsWith('data:') && !image)
          ) {
            found.push(`${name}: ${describe(el)}`);
          }
        }
        if (
          name === 'style' &&
          /url\(\s*['"]?\s*(?:javascript|vbscript|data:text)|expression\(/i.test(attribute.value)
        ) {
          found.push(`style: ${describe(el)}`);
        }
      }
    };
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        check(el);
        if (el instanceof HTMLTemplateElement) walk(el.content);
      }
    };
    walk(document.body);
    const shown = '.doc-text, .markdown';
    const active =
      'script, iframe, frame, frameset, object, embed, applet, base, meta, link, form, input, button, textarea, select, style, svg, math, isindex, keygen, video, audio, source, track';
    for (const el of document.querySelectorAll(`:is(${shown}) :is(${active})`)) {
      found.push(`element: ${describe(el)}`);
    }
    return found;
  });
  expect(problems, 'active markup in the page').toEqual([]);
}

/** Opens a document from the library by its title. */
async function openFromLibrary(page: Page, title: string): Promise<void> {
  const library = page.getByRole('complementary', { name: 'Library' });
  if ((await library.count()) === 0) await page.getByRole('button', { name: 'Library' }).click();
  // "part 1" is not "part 12": the title must end where the name's next word begins.
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await library.getByRole('button', { name: new RegExp(`^${escaped}(?![\\p{L}\\p{N}])`, 'u') }).click();
  await expect(page.locator('#doc-title')).toHaveText(title);
}

/**
 * The policy's own refusals, which are expected: those Chromium reports while DOMPurify parses a hostile note in an
 * inert document (handlers, inline styles, a <base>), and a note's image from another site.
 */
function allowPolicyRefusals(parley: Parley): void {
  parley.allowCspViolations(
    /^(?:script-src-attr|style-src-attr|style-src-elem) inline http:\/\/parley\.test\/app\.js:\d+$/,
  );
  parley.allowCspViolations(/^base-uri \S* ?http:\/\/parley\.test\/app\.js:\d+$/);
  parley.allowCspViolations(/^img-src https:\/\/evil\.example\//);
}

test.describe.configure({ timeout: 240_000 });

test('web pages made of the whole corpus import and read as text: nothing runs, loads or navigates', async ({
  parley,
  context,
}) => {
  const escaped = await guard(context);
  allowPolicyRefusals(parley);
  const page = await parley.reload();
  const seen = watch(page, escaped);
  await expect(page.locator('#doc-title')).toHaveText(TITLE);

  // A NUL byte makes a file binary to the importer: the vector that carries them goes in a file of its own.
  const withNul = (entry: Payload) => entry.payload.includes('\u0000');
  const pages = [
    ...chunks(
      CLASSICS.filter((e) => !withNul(e)),
      CHUNK,
    ).map((payloads, i) => ({
      name: `Classic bypasses part ${i + 1}`,
      payloads,
    })),
    ...chunks(
      HTML_VECTORS.filter((e) => !withNul(e)),
      CHUNK,
    ).map((payloads, i) => ({
      name: `Cheat sheet part ${i + 1}`,
      payloads,
    })),
  ];
  const nul = [...CLASSICS, ...HTML_VECTORS].filter(withNul);
  expect(nul.length).toBeGreaterThan(0);
  await dropFiles(
    page,
    pages.map(({ name, payloads }) => ({ name: `${name}.html`, text: hostilePage(name, payloads) })),
  );
  await expect.poll(() => parley.store.data.documents.length, { timeout: 120_000 }).toBe(1 + pages.length);
  await expect(page.locator('.notice[role=status]')).toHaveText(`Imported ${pages.length} documents`);
  await dropFiles(page, [{ name: 'nul-bytes.html', text: hostilePage('NUL bytes', nul) }]);
  await expect(page.getByRole('alert')).toContainText('"nul-bytes.html" does not contain readable text');
  expect(parley.store.data.documents).toHaveLength(1 + pages.length);

  for (const { name } of pages) {
    const doc = parley.store.data.documents.find((d) => d.title === name);
    expect(doc, `${name} was imported`).toBeDefined();
    await openFromLibrary(page, name);
    // Whatever survives of a payload is text: every block of the reading column is one text node holding exactly
    // the document's words (how much of a page made of broken markup Readability takes as the article is its own
    // affair; the importer's tests check the article of each payload alone).
    const blocks = await page.evaluate(() =>
      [...document.querySelectorAll('.doc-text [data-start]')].map((block) => ({
        start: Number(block.getAttribute('data-start')),
        nodes: [...block.childNodes].map((node) => node.nodeType),
        text: block.textContent ?? '',
      })),
    );
    expect(blocks.length, `${name}: blocks shown`).toBe(doc!.blocks.length);
    for (const [i, block] of blocks.entries()) {
      const stored = doc!.blocks[i]!;
      expect(block.start).toBe(stored.start);
      expect(block.nodes, `${name}: block ${i} holds one text node`).toEqual([Node_TEXT]);
      expect(block.text).toBe(doc!.text.slice(stored.start, stored.end));
    }
    expect(doc!.text).toContain(`${name} paragraph`);
    await assertInertDom(page);
  }
  await settle(page);
  await assertQuiet(page, seen);
  expect(seen.escaped, 'requests that tried to leave').toEqual([]);
  expect(seen.popups).toHaveLength(0);
});

test('every payload as a highlight note and as a document note renders inert', async ({
  parley,
  context,
}) => {
  const escaped = await guard(context);
  allowPolicyRefusals(parley);
  let page = await parley.reload();
  let seen = watch(page, escaped);
  await expect(page.locator('#doc-title')).toHaveText(TITLE);
  expect(EVERY_PAYLOAD.length).toBeGreaterThan(120);
  // The trap is in place: a call would be recorded, not made.
  expect(
    await page.evaluate(() => [
      typeof (window as unknown as { __pwned?: unknown }).__pwned,
      /\[native code\]/.test(String(window.alert)),
    ]),
  ).toEqual(['function', false]);

  // Through the editors first, as a reader would: one highlight note and the document note.
  const sample = parley.store.data.documents[0]!;
  const everyMarkdown = MARKDOWN_VECTORS.map((entry) => entry.payload).join('\n\n');
  const section = page.getByRole('region', { name: 'Document note' });
  await section.getByRole('button', { name: 'Write a note' }).click();
  await section.getByRole('textbox', { name: 'Note on this document (Markdown)' }).fill(everyMarkdown);
  await section.getByRole('button', { name: 'Save note' }).click();
  await expect(section.locator('.doc-note__body')).toContainText('MD-HTTPS');
  expect(parley.store.data.documents[0]!.note).toBe(everyMarkdown);

  // Then every payload, one highlight each, through the same calls the editor makes.
  const spans = sample.blocks
    .filter((block) => block.kind === 'paragraph')
    .flatMap((block) => {
      const out: Array<{ start: number; end: number }> = [];
      for (let at = block.start; at + 6 <= block.end; at += 8) out.push({ start: at, end: at + 6 });
      return out;
    })
    .filter(({ start, end }) => sample.text.slice(start, end).trim().length === 6);
  expect(spans.length).toBeGreaterThanOrEqual(EVERY_PAYLOAD.length);
  const created = await page.evaluate(
    async ({ documentId, notes, spans }) => {
      let count = 0;
      for (const [i, note] of notes.entries()) {
        await window.parley.createAnnotation({ documentId, ...spans[i]!, topicIds: [], note });
        count += 1;
      }
      return count;
    },
    { documentId: sample.id, notes: EVERY_PAYLOAD.map((entry) => entry.payload), spans },
  );
  expect(created).toBe(EVERY_PAYLOAD.length);

  // A second document carrying the HTML payloads in its own note, written through the API too.
  await dropFiles(page, [{ name: 'plain.txt', text: `Plain page\n\n${PARAGRAPH}\n` }]);
  await expect(page.locator('#doc-title')).toHaveText('Plain page');
  const plain = parley.store.data.documents.find((d) => d.title === 'Plain page')!;
  const htmlNote = [...CLASSICS, ...HTML_VECTORS].map((entry) => entry.payload).join('\n\n');
  await page.evaluate(({ id, note }) => window.parley.updateDocument({ id, note }), {
    id: plain.id,
    note: htmlNote,
  });

  // Shown fresh from the notebook file: every card, the document notes, and the margin.
  await assertQuiet(page, seen);
  page = await parley.reload();
  seen = watch(page, escaped);
  await openFromLibrary(page, TITLE);
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await expect(notes.locator('.card__note')).toHaveCount(EVERY_PAYLOAD.length, { timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Document note' }).locator('.doc-note__body')).toContainText(
    'MD-JS-LINK',
  );
  await assertInertDom(page);
  await openFromLibrary(page, 'Plain page');
  await expect(
    page.getByRole('region', { name: 'Document note' }).locator('.doc-note__body'),
  ).not.toBeEmpty();
  await assertInertDom(page);
  await openFromLibrary(page, TITLE);
  await expect(notes.locator('.card__note')).toHaveCount(EVERY_PAYLOAD.length, { timeout: 60_000 });

  // Hover and focus everything a handler could have waited on.
  const body = page.locator('body');
  await body.hover({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Tab');
  await settle(page);
  await assertQuiet(page, seen);
  expect(seen.escaped, 'requests that tried to leave').toEqual([]);
});

test('links in notes: https goes to the system browser through main, javascript:, file: and data: do nothing', async ({
  parley,
  context,
}) => {
  const escaped = await guard(context);
  let page = await parley.reload();
  let seen = watch(page, escaped);
  await expect(page.locator('#doc-title')).toHaveText(TITLE);

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

  const links = [
    '[MD-HTTPS](https://example.org/article)',
    '<a href="http://example.org/plain">HTML-HTTP</a>',
    "[MD-JS-LINK](javascript:__pwned('md-click'))",
    "[MD-JS-CASE](JaVaScRiPt:__pwned('md-case-click'))",
    '[MD-FILE](file:///etc/passwd)',
    `[MD-DATA](data:text/html;base64,${Buffer.from("<script>__pwned('data-click')</script>").toString('base64')})`,
    '<a href="javascript:__pwned(\'html-click\')">HTML-JS</a>',
    '<a href="file:///etc/hosts">HTML-FILE</a>',
    '<a href="data:text/html,<script>__pwned(\'html-data-click\')</script>">HTML-DATA</a>',
    '<a href="&#106;avascript:__pwned(\'entity-click\')">HTML-ENTITY</a>',
  ].join(' · ');
  const sample = parley.store.data.documents[0]!;
  const block = sample.blocks.find((b) => b.kind === 'paragraph')!;
  await page.evaluate(
    ({ documentId, start, note }) =>
      window.parley.createAnnotation({ documentId, start, end: start + 12, topicIds: [], note }),
    { documentId: sample.id, start: block.start, note: links },
  );
  await page.evaluate(({ id, note }) => window.parley.updateDocument({ id, note }), {
    id: sample.id,
    note: links,
  });
  await assertQuiet(page, seen);
  page = await parley.reload();
  seen = watch(page, escaped);
  await expect(page.locator('#doc-title')).toHaveText(TITLE);
  const card = page.getByRole('complementary', { name: 'Notes' }).locator('.card__note');
  const docNote = page.getByRole('region', { name: 'Document note' }).locator('.doc-note__body');
  await expect(card).toContainText('MD-HTTPS');
  await expect(docNote).toContainText('MD-HTTPS');

  for (const place of [card, docNote]) {
    // An http(s) link asks for a new window; main hands its address to the system browser and denies the window.
    for (const [name, url] of [
      ['MD-HTTPS', 'https://example.org/article'],
      ['HTML-HTTP', 'http://example.org/plain'],
    ] as const) {
      const link = place.getByRole('link', { name });
      await expect(link).toHaveAttribute('href', url);
      await expect(link).toHaveAttribute('target', '_blank');
      const before = escaped.length;
      const popup = page.waitForEvent('popup');
      await link.click();
      const opening = await popup;
      await expect
        .poll(() => escaped.length, { message: `${name}: the new window asks for the link` })
        .toBe(before + 1);
      const requested = escaped.at(-1)!;
      expect(requested).toBe(url);
      // In Electron the window is never made: main's handler takes the address and denies it.
      expect(windowOpen!({ url: requested })).toEqual({ action: 'deny' });
      await opening.close();
    }
    // The others lost their address when the note was sanitized: a click is a click on plain text.
    for (const name of [
      'MD-JS-LINK',
      'MD-JS-CASE',
      'MD-FILE',
      'MD-DATA',
      'HTML-JS',
      'HTML-FILE',
      'HTML-DATA',
      'HTML-ENTITY',
    ]) {
      const text = place.getByText(name, { exact: true });
      await expect(text).toHaveCount(1);
      expect(await text.evaluate((el) => el.closest('a')?.getAttribute('href') ?? null)).toBeNull();
      const popups = seen.popups.length;
      await text.click();
      expect(seen.popups.length, `${name}: no new window`).toBe(popups);
    }
  }
  expect(opened).toEqual([
    'https://example.org/article',
    'http://example.org/plain',
    'https://example.org/article',
    'http://example.org/plain',
  ]);
  // The policy refuses what the sanitizer already took away, should any ever get through.
  for (const url of ["javascript:__pwned('policy')", 'file:///etc/passwd', 'data:text/html,x']) {
    expect(windowOpen!({ url })).toEqual({ action: 'deny' });
  }
  expect(opened).toHaveLength(4);
  await settle(page);
  await assertQuiet(page, seen);
  // Only the new windows asked for the web: the app's page never did.
  expect(escaped).toEqual([
    'https://example.org/article',
    'http://example.org/plain',
    'https://example.org/article',
    'http://example.org/plain',
  ]);
});
