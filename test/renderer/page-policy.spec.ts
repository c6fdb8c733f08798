// Written for Parley: the page's Content-Security-Policy shown by what Chromium does with the built page, not by
// reading the policy's text. Each probe asks for something the policy promises to refuse (an inline script, eval,
// a script, style, image, frame or fetch from another origin, a form post, a <base> change) with a server standing
// by at that other origin, so a load the policy let through would be seen. Run twice: the page as built, with only
// its own <meta> policy (a load without the header), and the page as main's app:// handler serves it, with the
// header alone (the <meta> taken out). A third test runs the whole app and sees it ask for nothing outside its
// origin. PAGE_POLICY_DIST names another built renderer folder (to check that a looser policy fails these tests).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { serveAppRequest } from '../../main/protocol';
import { APP_URL, ORIGIN, expect, test } from './harness';

const distDir = resolve(
  fileURLToPath(new URL('../../', import.meta.url)),
  process.env.PAGE_POLICY_DIST ?? 'dist/renderer',
);
const REMOTE = 'http://remote.test';
const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i;
/** A same-origin script, as the app's own are, that tries eval: code run from the test itself is exempt from CSP. */
const EVAL_PROBE = '/page-policy-eval-probe.js';
const EVAL_PROBE_SCRIPT = `
  const w = window;
  try { w.__evalRan = (0, eval)('true'); } catch { w.__evalRan = false; }
  try { w.__functionRan = new Function('return true')(); } catch { w.__functionRan = false; }
`;

/** What `REMOTE` serves, whoever asks: each answer would work if the page were let to use it. */
async function standByRemote(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route(`${REMOTE}/**`, (route) => {
    const url = route.request().url();
    asked.push(url);
    const type = url.endsWith('.js')
      ? 'text/javascript'
      : url.endsWith('.css')
        ? 'text/css'
        : url.endsWith('.svg')
          ? 'image/svg+xml'
          : 'text/html';
    const body = url.endsWith('.js')
      ? 'window.__remoteRan = true;'
      : url.endsWith('.css')
        ? 'body { outline: 3px solid red; }'
        : url.endsWith('.svg')
          ? '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
          : '<!doctype html><p>remote</p>';
    return route.fulfill({
      status: 200,
      contentType: type,
      headers: { 'access-control-allow-origin': '*' },
      body,
    });
  });
  return asked;
}

/** Serves the built renderer at ORIGIN through main's own app:// handler; `header` false drops its CSP header,
 *  `meta` false takes the page's <meta> policy out. */
async function servePage(page: Page, { header, meta }: { header: boolean; meta: boolean }): Promise<void> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === EVAL_PROBE) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: EVAL_PROBE_SCRIPT });
    }
    const served = await serveAppRequest(new Request(`app://parley${path}`), distDir);
    const headers = Object.fromEntries(served.headers);
    if (!header) delete headers['content-security-policy'];
    let body = Buffer.from(await served.arrayBuffer());
    if (!meta && path === '/index.html') {
      const html = body.toString('utf8');
      if (!META_CSP.test(html)) throw new Error('the built index.html has no <meta> policy to take out');
      body = Buffer.from(html.replace(META_CSP, ''));
    }
    await route.fulfill({ status: served.status, headers, body });
  });
}

interface Probed {
  inlineScriptRan: boolean;
  evalRan: boolean;
  functionRan: boolean;
  remoteScript: string;
  remoteStyle: string;
  remoteImage: string;
  remoteFetch: string;
  ownFetch: string;
  remoteScriptRan: boolean;
  baseURI: string;
}

/** Puts each probe to the page and says what became of it: 'loaded' or 'refused'. */
function probe(page: Page): Promise<Probed> {
  return page.evaluate(
    async ([remote, evalProbeUrl]) => {
      const w = window as unknown as Record<string, unknown>;
      const seen: string[] = [];
      w.__policyRefusals = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
      const outcome = (element: HTMLElement & { onload: unknown; onerror: unknown }) =>
        new Promise<string>((done) => {
          element.onload = () => done('loaded');
          element.onerror = () => done('refused');
        });

      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true;';
      document.head.append(inline);
      const evalProbe = document.createElement('script');
      const evalProbeDone = outcome(evalProbe);
      evalProbe.src = evalProbeUrl;
      document.head.append(evalProbe);

      const script = document.createElement('script');
      const scriptDone = outcome(script);
      script.src = `${remote}/probe.js`;
      document.head.append(script);
      const style = document.createElement('link');
      const styleDone = outcome(style);
      style.rel = 'stylesheet';
      style.href = `${remote}/probe.css`;
      document.head.append(style);
      const image = document.createElement('img');
      const imageDone = outcome(image);
      image.src = `${remote}/probe.svg`;
      document.body.append(image);
      const frame = document.createElement('iframe');
      frame.src = `${remote}/probe.html`;
      document.body.append(frame);
      const fetched = (url: string) =>
        fetch(url).then(
          () => 'loaded',
          () => 'refused',
        );
      const base = document.createElement('base');
      base.href = `${remote}/`;
      document.head.append(base);

      if ((await evalProbeDone) !== 'loaded') throw new Error('the same-origin eval probe did not load');
      return {
        inlineScriptRan: w.__inlineRan === true,
        evalRan: w.__evalRan !== false,
        functionRan: w.__functionRan !== false,
        remoteScript: await scriptDone,
        remoteStyle: await styleDone,
        remoteImage: await imageDone,
        remoteFetch: await fetched(`${remote}/probe.json`),
        ownFetch: await fetched(`${location.origin}/index.html`),
        remoteScriptRan: w.__remoteRan === true,
        baseURI: document.baseURI,
      };
    },
    [REMOTE, EVAL_PROBE] as const,
  );
}

/** The probes, then a form posted to REMOTE: everything refused, nothing asked of REMOTE, the page still here. */
async function expectEverythingRefused(page: Page, asked: string[]): Promise<void> {
  const probed = await probe(page);
  expect(probed).toEqual({
    inlineScriptRan: false,
    evalRan: false,
    functionRan: false,
    remoteScript: 'refused',
    remoteStyle: 'refused',
    remoteImage: 'refused',
    remoteFetch: 'refused',
    ownFetch: 'refused',
    remoteScriptRan: false,
    baseURI: APP_URL,
  });
  await page.evaluate((remote) => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = `${remote}/post`;
    const field = document.createElement('input');
    field.name = 'notebook';
    field.value = 'everything';
    form.append(field);
    document.body.append(form);
    form.submit();
  }, REMOTE);
  // Refusals reach the page as events, a little after the request: wait until each directive has refused once.
  const refusals = () =>
    page.evaluate(() =>
      [...new Set((window as unknown as { __policyRefusals: string[] }).__policyRefusals)].sort(),
    );
  await expect
    .poll(refusals, { message: 'every probe refused by its own directive' })
    .toEqual([
      'base-uri',
      'connect-src',
      'form-action',
      'frame-src',
      'img-src',
      'script-src',
      'script-src-elem',
      'style-src-elem',
    ]);
  expect(page.url(), 'the form post went nowhere').toBe(APP_URL);
  expect(asked, `what reached ${REMOTE}`).toEqual([]);
}

test('the page as built refuses what its own <meta> policy promises to, with no header', async ({
  page,
  context,
}) => {
  const asked = await standByRemote(context);
  await servePage(page, { header: false, meta: true });
  await page.goto(APP_URL);
  await expectEverythingRefused(page, asked);
});

test('the header main puts on app:// responses refuses the same, with the <meta> policy taken out', async ({
  page,
  context,
}) => {
  const asked = await standByRemote(context);
  await servePage(page, { header: true, meta: false });
  await page.goto(APP_URL);
  await expectEverythingRefused(page, asked);
});

test('the app in full asks for nothing outside its origin, and the policy refuses nothing of its own', async ({
  parley,
  context,
}) => {
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  // A page opened from here on, on the same notebook: its every request is seen from the first.
  const page = await parley.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Miliband/ })).toBeVisible();
  expect(requested.length, 'the page loaded through the routed origin').toBeGreaterThan(0);
  expect(requested.filter((url) => !url.startsWith(`${ORIGIN}/`) && !url.startsWith('data:'))).toEqual([]);
  // The harness fails the test on any policy violation in the page: none of the app's own loads is refused.
});
