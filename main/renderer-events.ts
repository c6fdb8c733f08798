/**
 * What main tells a window's page, held until the page listens. Electron drops a message sent to a web contents
 * whose page has not yet subscribed: the renderer subscribes in an effect after its first render, so a file
 * opened by double-click, a second instance or the dock (`documentsAdded`), or a menu command that had to open a
 * window first (`menuCommand`), would reach no one. Each page therefore calls the contract's `rendererReady` once
 * it listens; until then its messages wait here, and are then delivered in the order they were sent.
 *
 * Every new document starts again not listening: a navigation of the main frame (a reload) holds messages from its
 * start, and the page that commits must say it is ready again. A navigation that ends without committing (stopped
 * or failed) leaves the old page, which still listens, as it was. Messages that only carry the latest state
 * (save state, progress, sync status) replace an earlier one of the same kind still waiting.
 */
import { eventChannels, type EventName, type Events } from '../shared/contract';

/** The part of Electron's WebContents used here. */
export interface EventContents {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** Events that carry the whole current state: only the newest waiting one matters. */
const LATEST_ONLY: ReadonlySet<EventName> = new Set<EventName>(['saveState', 'progress', 'syncStatus']);

/** More waiting than a person could cause means a page that never became ready: the oldest go. */
export const MAX_WAITING = 200;

interface Page {
  ready: boolean;
  /** A main-frame navigation has started and not yet committed or ended. */
  navigating: boolean;
  /** Whether the page was ready (or said so) before that navigation: it still is if the navigation goes nowhere. */
  readyBeforeNavigation: boolean;
  waiting: Array<[EventName, unknown]>;
}

/** Electron passes details first (newer) and the flags after the URL (older); either says which frame. */
function mainFrameNavigation(details: unknown, isInPlace: unknown, isMainFrame: unknown): boolean {
  const d = details as { isMainFrame?: boolean; isSameDocument?: boolean } | undefined;
  const main = typeof d?.isMainFrame === 'boolean' ? d.isMainFrame : isMainFrame === true;
  const sameDocument = typeof d?.isSameDocument === 'boolean' ? d.isSameDocument : isInPlace === true;
  return main && !sameDocument;
}

export class RendererEvents {
  private readonly pages = new WeakMap<EventContents, Page>();

  /** Starts holding messages for a new window's contents until its page is ready. */
  watch(contents: EventContents): void {
    if (this.pages.has(contents)) return;
    const page: Page = { ready: false, navigating: false, readyBeforeNavigation: false, waiting: [] };
    this.pages.set(contents, page);
    contents.on(
      'did-start-navigation',
      (details: unknown, _url: unknown, isInPlace: unknown, isMain: unknown) => {
        if (!mainFrameNavigation(details, isInPlace, isMain)) return;
        if (!page.navigating) page.readyBeforeNavigation = page.ready;
        page.navigating = true;
        page.ready = false;
      },
    );
    // A new document committed: the old page is gone, and the new one says when it listens.
    contents.on('did-navigate', () => {
      page.navigating = false;
      page.ready = false;
    });
    const ended = () => {
      if (!page.navigating) return;
      page.navigating = false;
      if (page.readyBeforeNavigation) this.ready(contents);
    };
    contents.on('did-stop-loading', ended);
    // A failed load, and a navigation that never committed: Electron reports an aborted one (a refused
    // will-navigate, ERR_ABORTED) only as did-fail-provisional-load.
    const failed = (_event: unknown, _code: unknown, _text: unknown, _url: unknown, isMain: unknown) => {
      if (isMain !== false) ended();
    };
    contents.on('did-fail-load', failed);
    contents.on('did-fail-provisional-load', failed);
    contents.on('destroyed', () => {
      page.waiting = [];
    });
  }

  /** Sends now when the page listens, else keeps the message for when it does. */
  send<K extends EventName>(contents: EventContents, name: K, payload: Events[K]): void {
    if (contents.isDestroyed()) return;
    const page = this.pages.get(contents);
    if (!page || (page.ready && !page.navigating)) {
      contents.send(eventChannels[name], payload);
      return;
    }
    if (LATEST_ONLY.has(name)) page.waiting = page.waiting.filter(([waiting]) => waiting !== name);
    page.waiting.push([name, payload]);
    if (page.waiting.length > MAX_WAITING) {
      console.warn(
        `[parley] the window's page is not listening; dropping the oldest of ${MAX_WAITING} messages`,
      );
      page.waiting.shift();
    }
  }

  /** The page listens: what waited is delivered in order. During a navigation the new page will say so itself. */
  ready(contents: EventContents): void {
    const page = this.pages.get(contents);
    if (!page || contents.isDestroyed()) return;
    if (page.navigating) {
      page.readyBeforeNavigation = true;
      return;
    }
    page.ready = true;
    const waiting = page.waiting;
    page.waiting = [];
    for (const [name, payload] of waiting) contents.send(eventChannels[name], payload);
  }

  /** How many messages wait for this page. */
  waitingFor(contents: EventContents): number {
    return this.pages.get(contents)?.waiting.length ?? 0;
  }
}
