/**
 * The `app://parley/` scheme: serves the built renderer from dist/renderer and nothing else. Pages get a real,
 * secure origin (not file://, which would open the whole disk to them) and a strict Content-Security-Policy on
 * every response. Electron itself is passed in, so the resolver and the handler run under plain Node in tests.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME, APP_URL_PREFIX } from './url-policy';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Registered before `ready`: a standard, secure origin that may use fetch. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an `app://parley/…` URL to a file under `root`, or null when the request must be refused: another
 * scheme or host, a `.` / `..` segment (plain or percent-encoded), an encoded slash, a backslash, a drive
 * letter, an empty segment (`//`), a NUL, or a dotfile. The raw URL is checked before any normalisation, so
 * a traversal attempt is refused outright rather than quietly folded back inside the root.
 */
export function resolveAppPath(requestUrl: string, root: string): string | null {
  if (typeof requestUrl !== 'string' || !requestUrl.startsWith(APP_URL_PREFIX)) return null;
  const rest = requestUrl.slice(APP_URL_PREFIX.length);
  const rawPath = rest.split(/[?#]/, 1)[0] ?? '';
  if (rawPath === '') return join(root, 'index.html');
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment.startsWith('.')) return null;
    if (/[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const full = resolve(root, ...segments);
  const inside = relative(resolve(root), full);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return full;
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Answers one request for a file under `root`; exported so tests can call it without Electron. */
export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const filePath = resolveAppPath(request.url, root);
  if (!filePath) return textResponse(403, 'Refused');
  try {
    // A symbolic link inside dist/renderer must not lead out of it either.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
    const inside = relative(realRoot, realFile);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return textResponse(403, 'Refused');
    if (!(await stat(realFile)).isFile()) return textResponse(404, 'Not found');
    const body = await readFile(realFile);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(realFile),
        'Content-Length': String(body.byteLength),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  } catch {
    return textResponse(404, 'Not found');
  }
}

/** Installs the handler (after `ready`). `root` is the absolute path of dist/renderer. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, root));
}
