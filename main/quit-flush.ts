/**
 * Quitting waits for the notebook to be on disk, but a hung disk (a network share gone, a USB stick pulled) must
 * not keep Parley from quitting for ever, and must never lose the reader's work without saying so.
 *
 * - `guardQuit`: `before-quit` is held back until team sync is closed and the notebook flushed and closed, then the
 *   quit goes on. If the write fails, the user chooses: keep Parley open (nothing lost) or quit without saving. If
 *   it has not finished within the time limit, the user is asked whether to keep waiting (the default, asked again
 *   after another limit) or quit now, told that the changes not yet written are lost and that the notebook file
 *   keeps its last saved version: the write goes to a temp file renamed over the notebook only once complete, so quitting
 *   mid-write never leaves a half-written notebook. A write that ends while the question is open closes it. A
 *   person at the keyboard decides, because losing notes is worse than waiting; nothing is lost without being told.
 * - `flushOnSessionEnd`: on Windows shutdown or log-off `before-quit` is never emitted. The window's
 *   `query-session-end` (which may be prevented) saves the window's place and, when changes are not yet on disk,
 *   holds the session end back and quits through `guardQuit`; `session-end` (which may not) saves the window's
 *   place synchronously and starts the write, the most that can happen before Windows ends the process.
 *
 * The app, the store, the questions and the timers are passed in, so all of it runs under plain Node in tests.
 */
import type { SaveState } from '../shared/contract';
import { errorMessage as message } from './errors';

export const QUIT_FLUSH_LIMIT_MS = 10_000;

export interface QuitTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: QuitTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The part of the notebook store quitting needs. */
export interface FlushingStore {
  readonly path: string;
  readonly saveState: SaveState;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface QuitQuestions {
  /** The write failed: true quits anyway (the changes are lost), false keeps Parley open. */
  afterFailure(path: string, detail: string): boolean | Promise<boolean>;
  /** The write has not finished after `seconds`: keep waiting or quit now. Closed through `signal` if it ends. */
  whileSlow(path: string, seconds: number, signal: AbortSignal): Promise<'wait' | 'quit'>;
}

export interface QuitGuardOptions {
  app: {
    on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
    quit(): void;
  };
  /** The open notebook, or null before one is open (then quitting is not held back). */
  store: () => FlushingStore | null;
  /**
   * Closes what works on the open notebook (team sync) before it is flushed and closed, so nothing changes it
   * after its last write. A failure here is logged and the notebook is still written.
   */
  closeFirst?: () => Promise<void>;
  ask: QuitQuestions;
  /** The user kept Parley open after a failed write: bring a window back if there is none. */
  stay: () => void;
  limitMs?: number;
  timers?: QuitTimers;
}

export function guardQuit({
  app,
  store,
  closeFirst,
  ask,
  stay,
  limitMs = QUIT_FLUSH_LIMIT_MS,
  timers = realTimers,
}: QuitGuardOptions): void {
  let flushed = false;
  let running = false;
  app.on('before-quit', (event) => {
    const open = store();
    if (flushed || !open) return;
    event.preventDefault();
    if (running) return;
    running = true;

    let settled = false;
    let timer: unknown = null;
    let question: AbortController | null = null;
    const quitNow = () => {
      flushed = true;
      app.quit();
    };
    const stopAsking = () => {
      settled = true;
      timers.clearTimeout(timer);
      question?.abort();
      question = null;
    };
    const arm = () => {
      timer = timers.setTimeout(slow, limitMs);
    };
    function slow() {
      if (settled) return;
      const asking = new AbortController();
      question = asking;
      ask.whileSlow(open!.path, Math.round(limitMs / 1000), asking.signal).then(
        (choice) => {
          if (settled || asking.signal.aborted) return;
          question = null;
          if (choice === 'wait') return arm();
          stopAsking();
          console.error(`[parley] quit without waiting for ${open!.path} to be written`);
          quitNow();
        },
        (error: unknown) => {
          console.error('[parley] could not ask about the slow save', error);
          if (!settled) arm();
        },
      );
    }
    arm();

    const written = closeFirst
      ? closeFirst()
          .catch((error: unknown) =>
            console.error('[parley] could not close team sync before quitting', error),
          )
          .then(() => open.flush())
      : open.flush();
    written
      .then(() => open.close())
      .then(
        () => {
          if (settled) return;
          stopAsking();
          quitNow();
        },
        async (error: unknown) => {
          if (settled) return;
          stopAsking();
          running = false;
          if (await ask.afterFailure(open.path, message(error))) quitNow();
          else stay();
        },
      );
  });
}

interface SessionEndEvent {
  preventDefault(): void;
}

export interface SessionEndWindow {
  on(event: 'query-session-end' | 'session-end', listener: (event: SessionEndEvent) => void): unknown;
}

export interface SessionEndOptions {
  store: () => FlushingStore | null;
  /** Writes the window's place synchronously (it must not throw). */
  saveWindowState: () => void;
  /** app.quit: goes through guardQuit's flush. */
  quit: () => void;
}

/** Windows only (other systems never emit these events): see the module comment. */
export function flushOnSessionEnd(
  win: SessionEndWindow,
  { store, saveWindowState, quit }: SessionEndOptions,
): void {
  win.on('query-session-end', (event) => {
    saveWindowState();
    const open = store();
    if (!open || open.saveState.status === 'saved') return;
    // Electron: preventing this event "can delay the system shutdown ... if ending the session puts the user at
    // risk of losing data". Parley quits as soon as the notebook is written, and the session can end.
    event.preventDefault();
    quit();
  });
  win.on('session-end', () => {
    saveWindowState();
    store()
      ?.flush()
      .catch((error: unknown) => console.error('[parley] could not save the notebook at session end', error));
  });
}
