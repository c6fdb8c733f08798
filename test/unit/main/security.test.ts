// The hardening of web contents and session, and the IPC sender check, driven through stand-ins for Electron.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindow, HandlerDetails, Session, WebFrameMain } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../../main/protocol';
import {
  hardenSession,
  isTrustedSender,
  SPELLCHECK_DICTIONARY_URL,
  withContentSecurityPolicy,
} from '../../../main/security';
import { hardened, quietly } from './fake-contents';

describe('hardenWebContents', () => {
  test('navigation and redirects stay inside app://parley/', () => {
    const { contents } = hardened();
    for (const event of ['will-navigate', 'will-redirect']) {
      assert.equal(contents.navigate(event, 'app://parley/index.html'), false, `${event} within the app`);
      for (const url of [
        'https://example.com/',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'data:text/html,hi',
        'app://evil/index.html',
      ]) {
        assert.equal(
          quietly(() => contents.navigate(event, url)),
          true,
          `${event} to ${url}`,
        );
      }
    }
  });

  test('webviews are never attached', () => {
    const { contents } = hardened();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    assert.equal(prevented, true);
  });

  test('new windows are denied; only http(s) links go to the system browser', async () => {
    const { contents, opened } = hardened();
    assert.ok(contents.openHandler);
    for (const url of [
      'https://example.com/a',
      'http://example.org/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'mailto:a@example.com',
      'app://parley/index.html',
      'nonsense',
    ]) {
      const result = contents.openHandler({ url } as HandlerDetails);
      assert.deepEqual(result, { action: 'deny' }, url);
    }
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(opened, ['https://example.com/a', 'http://example.org/']);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const calls: {
      dictionaryUrl?: string;
      request?: (c: unknown, p: string, cb: (granted: boolean) => void) => void;
      check?: (...args: unknown[]) => boolean;
      headers?: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void;
    } = {};
    const session = {
      setSpellCheckerDictionaryDownloadURL: (url: string) => (calls.dictionaryUrl = url),
      setPermissionRequestHandler: (h: typeof calls.request) => (calls.request = h),
      setPermissionCheckHandler: (h: typeof calls.check) => (calls.check = h),
      webRequest: { onHeadersReceived: (h: typeof calls.headers) => (calls.headers = h) },
    };
    hardenSession(session as unknown as Session);
    return calls;
  }

  test('denies every permission request and check', () => {
    const calls = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      calls.request!(null, permission, (granted) => answers.push(granted));
      assert.deepEqual(answers, [false], permission);
      assert.equal(calls.check!(null, permission, 'app://parley', {}), false, permission);
    }
  });

  test('points the spellchecker dictionary download off the network', () => {
    const { dictionaryUrl } = fakeSession();
    assert.ok(dictionaryUrl, 'download URL left at the default');
    assert.equal(new URL(dictionaryUrl).protocol, 'file:');
    assert.equal(dictionaryUrl, SPELLCHECK_DICTIONARY_URL);
  });

  test('stamps the CSP on app:// responses and leaves others alone', () => {
    const calls = fakeSession();
    const results: Array<Record<string, string[]> | undefined> = [];
    calls.headers!(
      { url: 'app://parley/index.html', responseHeaders: { 'content-security-policy': ['default-src *'] } },
      (r) => results.push(r.responseHeaders),
    );
    calls.headers!({ url: 'https://example.com/', responseHeaders: { a: ['b'] } }, (r) =>
      results.push(r.responseHeaders),
    );
    assert.deepEqual(results[0], { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    assert.deepEqual(results[1], { a: ['b'] });
  });
});

test('withContentSecurityPolicy replaces any spelling of the header and keeps the rest', () => {
  assert.deepEqual(
    withContentSecurityPolicy('app://parley/app.js', {
      'Content-Type': ['text/javascript'],
      'CONTENT-SECURITY-POLICY': ["script-src 'unsafe-eval'"],
    }),
    { 'Content-Type': ['text/javascript'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
  );
  assert.deepEqual(withContentSecurityPolicy('app://parley/', undefined), {
    'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
  });
});

describe('isTrustedSender', () => {
  const frame = (url: string) => ({ url }) as unknown as WebFrameMain;
  const windowWith = (mainFrame: WebFrameMain, destroyed = false) =>
    ({ isDestroyed: () => destroyed, webContents: { mainFrame } }) as unknown as BrowserWindow;

  test("trusts our window's main frame on an app page", () => {
    const main = frame('app://parley/index.html');
    assert.equal(isTrustedSender(main, windowWith(main)), true);
  });

  test('refuses other frames, navigated-away frames, missing and destroyed windows', () => {
    const main = frame('app://parley/index.html');
    assert.equal(isTrustedSender(frame('app://parley/index.html'), windowWith(main)), false, 'a subframe');
    const away = frame('https://example.com/');
    assert.equal(isTrustedSender(away, windowWith(away)), false, 'navigated away');
    assert.equal(isTrustedSender(main, null), false, 'no window');
    assert.equal(isTrustedSender(main, windowWith(main, true)), false, 'destroyed');
    assert.equal(isTrustedSender(null, windowWith(main)), false, 'no frame');
  });
});
