/**
 * App-wide hardening, in one place: every web contents may navigate only within app://parley/, opens no
 * windows (http and https links go to the system browser, nothing else does), attaches no webviews; the session
 * grants no permission, downloads no spellchecker dictionary and stamps our Content-Security-Policy on app://
 * responses; and IPC is answered only for our own window's main frame. Electron objects are passed in, so the
 * rules run under plain Node in tests.
 */
import type { BrowserWindow, Session, WebContents, WebFrameMain } from 'electron';
import { CONTENT_SECURITY_POLICY } from './protocol';
import { isAppUrl, isSafeExternalUrl } from './url-policy';

export type OpenExternal = (url: string) => Promise<void>;

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/** Locks down one web contents; call it from `app.on('web-contents-created')` so none is missed. */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const refuseUnlessApp = (event: NavigationEvent) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      console.warn(`[parley] refused navigation to ${event.url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', refuseUnlessApp);
  contents.on('will-redirect', refuseUnlessApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      openExternal(url).catch((error: unknown) => console.error('[parley] could not open a link', error));
    }
    return { action: 'deny' };
  });
}

type Headers = Record<string, string[]>;

/** The response headers to use for `url`: ours get the app's CSP, replacing any other spelling of it. */
export function withContentSecurityPolicy(url: string, headers: Headers | undefined): Headers {
  const result: Headers = { ...headers };
  if (!isAppUrl(url)) return result;
  for (const name of Object.keys(result)) {
    if (name.toLowerCase() === 'content-security-policy') delete result[name];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * Where the spellchecker may fetch dictionaries from: nowhere. On Linux Chromium would otherwise download them from
 * Google; a file: URL keeps the request off the network (it simply fails), and dictionaries already in the
 * profile's Dictionaries folder still work. Windows and macOS use the system's spellchecker and download nothing.
 */
export const SPELLCHECK_DICTIONARY_URL = 'file:///nonexistent/parley-downloads-no-dictionaries/';

/**
 * No camera, microphone, notifications, geolocation or anything else: Parley needs no permission. And the
 * spellchecker downloads nothing.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.url, details.responseHeaders) });
  });
}

/**
 * The IPC sender check: only the main frame of our own window, showing one of our own pages, may call main.
 * Subframes, other windows and anything that navigated away are refused.
 */
export function isTrustedSender(frame: WebFrameMain | null | undefined, win: BrowserWindow | null): boolean {
  if (!frame || !win || win.isDestroyed()) return false;
  return frame === win.webContents.mainFrame && isAppUrl(frame.url);
}
