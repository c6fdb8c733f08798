// A stand-in for one Electron web contents, hardened by main/security as the app hardens its window's.
import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { hardenWebContents } from '../../../main/security';

export class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits a cancellable event whose first argument carries `fields`; true when a listener prevented it. */
  fire(event: string, fields: object = {}, ...rest: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true), ...fields }, ...rest);
    return prevented;
  }
  /** A navigation event (will-navigate, will-redirect, …) to `url`; true when it was stopped. */
  navigate(event: string, url: string): boolean {
    return this.fire(event, { url });
  }
}

/** A fake web contents after hardenWebContents, with the URLs it handed to the system browser. */
export function hardened(): { contents: FakeContents; opened: string[] } {
  const contents = new FakeContents();
  const opened: string[] = [];
  hardenWebContents(contents as unknown as WebContents, async (url) => void opened.push(url));
  return { contents, opened };
}

/** Runs `fn` with console.warn and console.error silenced: a refusal says why on the console. */
export function quietly<T>(fn: () => T): T {
  const { warn, error } = console;
  console.warn = () => {};
  console.error = () => {};
  try {
    return fn();
  } finally {
    Object.assign(console, { warn, error });
  }
}
