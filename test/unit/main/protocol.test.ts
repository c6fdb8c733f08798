// The app:// handler: which files it serves, what it refuses, and the headers every response carries.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  resolveAppPath,
  serveAppProtocol,
  serveAppRequest,
} from '../../../main/protocol';

const root = join(sep, 'opt', 'parley', 'dist', 'renderer');

describe('resolveAppPath', () => {
  test('maps app://parley/ paths to files under the root', () => {
    assert.equal(resolveAppPath('app://parley/index.html', root), join(root, 'index.html'));
    assert.equal(resolveAppPath('app://parley/', root), join(root, 'index.html'));
    assert.equal(resolveAppPath('app://parley/assets/app.css?v=2#x', root), join(root, 'assets', 'app.css'));
    assert.equal(resolveAppPath('app://parley/my%20font.woff2', root), join(root, 'my font.woff2'));
  });

  test('refuses traversal, plain or encoded', () => {
    for (const url of [
      'app://parley/../secret.txt',
      'app://parley/a/../../secret.txt',
      'app://parley/%2e%2e/secret.txt',
      'app://parley/%2E%2E/%2e%2e/etc/passwd',
      'app://parley/.%2e/secret.txt',
      'app://parley/%2e%2e%2fsecret.txt',
      'app://parley/./index.html',
      'app://parley/.env',
    ]) {
      assert.equal(resolveAppPath(url, root), null, url);
    }
  });

  test('refuses absolute paths, backslashes, drive letters, NUL and bad escapes', () => {
    for (const url of [
      'app://parley//etc/passwd',
      'app://parley/%2fetc%2fpasswd',
      'app://parley/..\\..\\secret.txt',
      'app://parley/..%5c..%5csecret.txt',
      'app://parley/a%5cb',
      'app://parley/C:/Windows/win.ini',
      'app://parley/C%3a%5cWindows%5cwin.ini',
      'app://parley/index.html%00.png',
      'app://parley/%E0%A4%A',
    ]) {
      assert.equal(resolveAppPath(url, root), null, url);
    }
  });

  test('refuses other schemes and hosts', () => {
    for (const url of [
      'file:///etc/passwd',
      'https://parley/index.html',
      'app://other/index.html',
      'app://parley.evil/index.html',
      'app://parley',
    ]) {
      assert.equal(resolveAppPath(url, root), null, url);
    }
  });
});

test('contentTypeFor names the types the renderer uses', () => {
  assert.equal(contentTypeFor('/x/index.html'), 'text/html; charset=utf-8');
  assert.equal(contentTypeFor('/x/app.js'), 'text/javascript; charset=utf-8');
  assert.equal(contentTypeFor('/x/app.CSS'), 'text/css; charset=utf-8');
  assert.equal(contentTypeFor('/x/icon.svg'), 'image/svg+xml');
  assert.equal(contentTypeFor('/x/font.woff2'), 'font/woff2');
  assert.equal(contentTypeFor('/x/unknown.bin'), 'application/octet-stream');
  assert.equal(contentTypeFor('/x/noextension'), 'application/octet-stream');
});

test('the scheme is registered standard, secure and fetch-capable, and the CSP is strict', () => {
  assert.equal(APP_SCHEME_PRIVILEGES.scheme, 'app');
  assert.deepEqual(APP_SCHEME_PRIVILEGES.privileges, { standard: true, secure: true, supportFetchAPI: true });
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
  assert.equal(directives.get('default-src'), "'none'");
  assert.equal(directives.get('script-src'), "'self'");
  assert.equal(directives.get('connect-src'), "'none'");
  assert.equal(directives.get('object-src'), "'none'");
  assert.equal(directives.get('frame-ancestors'), "'none'");
  assert.equal(directives.get('img-src'), "'self' data:");
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-(inline|eval)/);
});

describe('serveAppRequest', () => {
  let dir: string;
  let rendererRoot: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-protocol-'));
    rendererRoot = join(dir, 'renderer');
    await mkdir(join(rendererRoot, 'assets'), { recursive: true });
    await writeFile(join(rendererRoot, 'index.html'), '<!doctype html><title>Parley</title>');
    await writeFile(join(rendererRoot, 'app.js'), 'console.log(1);');
    await writeFile(join(dir, 'secret.txt'), 'outside the root');
    await symlink(join(dir, 'secret.txt'), join(rendererRoot, 'leak.txt'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('serves a file with its type, the CSP and nosniff', async () => {
    const response = await serveAppRequest(new Request('app://parley/index.html'), rendererRoot);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await response.text(), '<!doctype html><title>Parley</title>');

    const script = await serveAppRequest(new Request('app://parley/app.js'), rendererRoot);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await script.text(), 'console.log(1);');
  });

  test('answers 404 for a missing file or a folder, with the CSP still set', async () => {
    const missing = await serveAppRequest(new Request('app://parley/nope.js'), rendererRoot);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    const folder = await serveAppRequest(new Request('app://parley/assets'), rendererRoot);
    assert.equal(folder.status, 404);
  });

  test('refuses traversal and a symbolic link leading out of the root', async () => {
    // A Request (like Chromium) folds `%2e%2e` away before the handler sees it: the path stays inside the root.
    const encoded = await serveAppRequest(new Request('app://parley/%2e%2e/secret.txt'), rendererRoot);
    assert.equal(encoded.status, 404);
    assert.doesNotMatch(await encoded.text(), /outside the root/);
    // One that reaches the handler unnormalised is refused outright.
    const raw = { method: 'GET', url: 'app://parley/%2e%2e/secret.txt' } as Request;
    const refused = await serveAppRequest(raw, rendererRoot);
    assert.equal(refused.status, 403);
    assert.doesNotMatch(await refused.text(), /outside the root/);
    const link = await serveAppRequest(new Request('app://parley/leak.txt'), rendererRoot);
    assert.equal(link.status, 403);
    assert.doesNotMatch(await link.text(), /outside the root/);
  });

  test('accepts only GET and HEAD', async () => {
    const post = await serveAppRequest(
      new Request('app://parley/index.html', { method: 'POST', body: 'x' }),
      rendererRoot,
    );
    assert.equal(post.status, 405);
    const head = await serveAppRequest(
      new Request('app://parley/index.html', { method: 'HEAD' }),
      rendererRoot,
    );
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('serveAppProtocol installs the handler on the app scheme', async () => {
    const installed: Array<[string, (request: Request) => Response | Promise<Response>]> = [];
    serveAppProtocol({ handle: (scheme, handler) => void installed.push([scheme, handler]) }, rendererRoot);
    assert.equal(installed.length, 1);
    const [scheme, handler] = installed[0]!;
    assert.equal(scheme, 'app');
    const response = await handler(new Request('app://parley/app.js'));
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'console.log(1);');
  });
});
