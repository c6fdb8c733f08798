/**
 * Which URLs the app trusts and which it may hand to the system browser. Pure string decisions, kept apart from
 * Electron so the security rules can be tested under plain Node and reused by the window, the IPC sender check
 * and the protocol handler alike.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'parley';
/** Every page of ours lives under this prefix; nothing else is trusted. */
export const APP_URL_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

/** Longest URL handed to the system browser; longer ones are refused rather than truncated. */
const MAX_EXTERNAL_URL_LENGTH = 4096;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL served by our own `app://parley/` protocol handler. */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || !url.startsWith(APP_URL_PREFIX)) return false;
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * True only for a plain http(s) web address with a host and no embedded credentials: the one kind of link
 * the app passes to the system browser. `javascript:`, `file:`, `data:`, `mailto:` and anything malformed stay
 * inside, where they are refused.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.hostname === '') return false;
  return parsed.username === '' && parsed.password === '';
}
