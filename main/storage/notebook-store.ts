/**
 * The open notebook: one lowdb JSON file, held in memory and written back durably. Changes apply at once in memory
 * and are saved in coalesced writes (a burst of edits is one write, never two writes at once), and the save state
 * is reported so the window can say "Saving…" / "Saved" / what went wrong. Every change is a step of history that
 * undo and redo walk (see history.ts); the data is immutable between changes. A file that cannot be read or is not
 * a valid notebook is refused with a plain message and is never written over.
 *
 * A store opened for writing holds the notebook's lock (notebook-lock.ts) from before it reads the file until it
 * is closed, so no other process writes the file meanwhile and no save of ours overwrites another's work; a store
 * opened to read takes no lock, refuses changes and touches nothing on disk.
 *
 * Saving writes the changes since the last save as one record appended to the notebook's journal (journal.ts), so a
 * change costs what it changed, not the whole notebook; the journal is folded into the notebook file (a whole
 * durable write, and a new journal) when it grows past a size or a count, after a while without changes, and on
 * close. Opening applies the journal, so every reader sees every saved change. A store given its own file adapter
 * (`adapterFor`, for tests) writes the whole file on every save instead, as it did before the journal.
 *
 * The store reads and writes the notebook's real path (realNotebookPath in notebook-lock.ts), resolved once when
 * it opens, so a notebook reached through a symlink is saved into its target and the symlink stays a symlink;
 * `path` is that real path.
 */
import { Low, type Adapter } from 'lowdb';
import { access, copyFile, constants as fsConstants, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { emptyNotebook, SCHEMA_VERSION, type HistoryState, type Notebook } from '../../shared/model';
import type { SaveState } from '../../shared/contract';
import { DurableJsonFile, removeStaleTempFiles, writeFileDurably } from './durable-file';
import {
  applyJournal,
  diffStates,
  encodeRecord,
  journalDamage,
  journalDamageMessage,
  journalPathOf,
  keepJournalAside,
  makeHeader,
  notebookText,
  readOnDisk,
  asciiJson,
  type JournalDamageKind,
  type NotebookOnDisk,
} from './journal';
import { acquireNotebookLock, realNotebookPath, type LockRequest, type NotebookLock } from './notebook-lock';
import { applyChange, freezeState, UndoHistory } from './history';
import { MigrationError, migrate, schemaVersionOf } from './migrations/index';
import { errorMessage as messageOf } from '../errors';

export type NotebookFileProblem = 'unreadable' | 'not-json' | 'invalid' | 'too-new';

export class NotebookFileError extends Error {
  readonly path: string;
  readonly reason: NotebookFileProblem;

  constructor(path: string, reason: NotebookFileProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NotebookFileError';
    this.path = path;
    this.reason = reason;
  }
}

export interface NotebookStore {
  readonly path: string;
  /** True when this open created the file (first run): the caller seeds the sample then. */
  readonly created: boolean;
  /** The current notebook, frozen: each change replaces it with a new state that shares what did not change. */
  readonly data: Notebook;
  /**
   * Runs `mutate` on a draft of the data synchronously, makes the result the current state, records it as a step
   * of history named `label` ("Delete highlight"; a generic name without one) and schedules a coalesced durable
   * write; returns mutate's result, copied out of the draft. If mutate throws, nothing changes, nothing is recorded
   * and nothing is scheduled. A change that changes nothing records and schedules nothing.
   */
  change<T>(mutate: (nb: Notebook) => T, label?: string): T;
  /**
   * Like change, but not a step of history: for bookkeeping that is not the reader's work (when a document was last
   * opened), which undo must neither take back nor be blocked by. Saved like any change.
   */
  changeOutsideHistory<T>(mutate: (nb: Notebook) => T): T;
  /**
   * Applies changes made on another machine (team sync): not a step of history, so undo never takes back someone
   * else's work. Undo's steps are patches by position: a change that removes anything, or adds anywhere but at
   * the end of a list, would make them take back the wrong thing, so it ends the history here (Undo greys).
   */
  changeFromSync<T>(mutate: (nb: Notebook) => T): T;
  /** Takes back the last step (saved like any change); does nothing when there is none. */
  undo(): HistoryState;
  /** Makes the last undone step again; does nothing when there is none. A new change clears what redo would do. */
  redo(): HistoryState;
  readonly history: HistoryState;
  /** Hears the history state after every change, undo and redo. */
  onHistory(listener: (s: HistoryState) => void): () => void;
  /** How many steps have been committed since the store opened (0 at first); each commit adds one. */
  readonly revision: number;
  /**
   * Hears every committed step, in order, once each: a change, a change outside history, an undo or a redo that
   * changed something. A listener that throws is logged and does not stop the others or the change.
   */
  onCommit(listener: (commit: StoreCommit) => void): () => void;
  /** Resolves once every change made so far is on disk (rejects if the write failed). */
  flush(): Promise<void>;
  /**
   * Resolves once every change made so far is in the notebook file itself, the journal folded into it (see the top
   * of this module); for a copy of the file that must hold everything, such as a backup.
   */
  checkpoint(): Promise<void>;
  readonly saveState: SaveState;
  onSaveState(listener: (s: SaveState) => void): () => void;
  /** Flushes, then refuses further changes. */
  close(): Promise<void>;
  /**
   * Set when the notebook's journal could not be applied whole as it opened (damaged, written for another file, or
   * not a journal at all): what was applied and where the journal is kept, for the window and the command line to
   * tell. Null when there was nothing to tell.
   */
  readonly journalProblem: JournalProblem | null;
}

/** A journal that could not be applied whole: kept aside (by a writer) or left in place (by a reader). */
export interface JournalProblem {
  kind: JournalDamageKind;
  /** How many of its saved changes were applied. */
  applied: number;
  /** Where the journal's bytes are kept, unchanged; null when a reader left it where it was. */
  keptAsidePath: string | null;
  /** What happened and where the journal is, in a sentence or two for the user. */
  message: string;
}

/** One committed step: what kind, its name, the states on either side and what Undo and Redo do after it. */
export interface StoreCommit {
  revision: number;
  kind: 'change' | 'undo' | 'redo' | 'bookkeeping' | 'sync';
  /** The step's name ("Delete highlight"); null for bookkeeping. */
  label: string | null;
  before: Notebook;
  after: Notebook;
  history: HistoryState;
}

export interface OpenOptions {
  /** How long after the first unsaved change the write starts, gathering the changes made meanwhile. */
  debounceMs?: number;
  /** Create an empty notebook when the file does not exist (default true); otherwise refuse with 'unreadable'. */
  createIfMissing?: boolean;
  /** The file adapter to use; tests wrap the default to count or fail writes. */
  adapterFor?: (path: string) => Adapter<Notebook>;
  /** How many steps undo reaches back (default MAX_HISTORY_STEPS). */
  historyLimit?: number;
  /**
   * 'write' (default) takes the notebook's lock before reading it and holds it until close; another writer's
   * live lock is refused with NotebookLockedError. 'read' takes no lock: the file is only read (never created,
   * upgraded on disk or tidied), and every change is refused.
   */
  access?: 'write' | 'read';
  /** Who is writing, for the lock and its messages (default: the app). */
  lock?: LockRequest;
  /** When the journal is folded into the notebook file; tests make it small to fold often. */
  journal?: JournalOptions;
  /**
   * The notebook's lock, already taken (recovery holds it across its question). The store opened owns it from
   * then on and releases it on close; if opening fails, it stays with the caller.
   */
  heldLock?: NotebookLock;
}

export interface JournalOptions {
  /** Fold once the journal holds this many bytes (default 8 MB). */
  foldAfterBytes?: number;
  /** Fold once the journal holds this many records (default 10,000). */
  foldAfterRecords?: number;
  /** Fold this long after the last save when nothing else changed (default 30 s). */
  foldWhenIdleMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 100;
const DEFAULT_FOLD_AFTER_BYTES = 8 * 1024 * 1024;
const DEFAULT_FOLD_AFTER_RECORDS = 10_000;
const DEFAULT_FOLD_WHEN_IDLE_MS = 30_000;

/** How the store puts a state on disk. */
interface Saver {
  /** Whether the next save must write the whole file (see JournalSaver). */
  readonly mustFold: boolean;
  /** Whether the notebook file lacks changes that the journal holds. */
  readonly hasUnfolded: boolean;
  /** Writes `data` whole. Serializes it before its first await, so later changes do not reach this write. */
  fold(data: Notebook): Promise<void>;
  /** Records the edits from `before` (the state saved last) to `after`. Serializes before its first await. */
  append(before: Notebook, after: Notebook): Promise<void>;
  close(): Promise<void>;
}

/** Every save writes the whole file through the adapter (a test's, which counts or fails writes). */
class WholeFileSaver implements Saver {
  readonly mustFold = true;
  readonly hasUnfolded = false;
  constructor(private readonly adapter: Adapter<Notebook>) {}
  fold(data: Notebook): Promise<void> {
    return this.adapter.write(data);
  }
  append(): Promise<void> {
    return Promise.reject(new Error('a whole-file store has no journal'));
  }
  async close(): Promise<void> {}
}

/**
 * Saves to the journal: each save appends one record (written at the journal's end and fdatasynced), and a fold
 * writes the whole notebook durably, then a new journal holding only its header (durably too). Until a fold has
 * put a journal in place that matches the file (after opening a file without one, after a torn journal, after a
 * failed write), every save folds, so a record is never written where a reader would not apply it.
 */
class JournalSaver implements Saver {
  private readonly journalPath: string;
  private needsFold: boolean;
  private generation: number;
  private records: number;
  private bytes: number;

  constructor(
    private readonly path: string,
    disk: NotebookOnDisk,
    private readonly options: Required<JournalOptions>,
  ) {
    this.journalPath = journalPathOf(path);
    const journal = disk.journal;
    this.needsFold = !disk.matches || !journal || journal.torn;
    this.generation = journal?.header?.generation ?? 0;
    this.records = disk.matches && journal ? journal.records.length : 0;
    this.bytes = disk.matches && journal ? journal.validBytes : 0;
  }

  get mustFold(): boolean {
    return (
      this.needsFold ||
      this.records >= this.options.foldAfterRecords ||
      this.bytes >= this.options.foldAfterBytes
    );
  }

  get hasUnfolded(): boolean {
    return this.records > 0;
  }

  async fold(data: Notebook): Promise<void> {
    // ASCII only, so that opening it decodes a copy, not UTF-8 (see asciiJson).
    const bytes = Buffer.from(asciiJson(JSON.stringify(data)), 'latin1');
    this.needsFold = true;
    await writeFileDurably(this.path, bytes);
    const header = encodeRecord(makeHeader(bytes, this.generation + 1, true));
    await writeFileDurably(this.journalPath, header);
    this.generation++;
    this.records = 0;
    this.bytes = header.length;
    this.needsFold = false;
  }

  async append(before: Notebook, after: Notebook): Promise<void> {
    const line = encodeRecord({ seq: this.records + 1, ops: diffStates(before, after) });
    try {
      // Opened for each append: a journal removed or replaced behind the store is noticed, not written unseen;
      // 'r+', so a missing journal is an error (and a fold), never a new one without a header.
      const handle = await open(this.journalPath, 'r+');
      try {
        let written = 0;
        while (written < line.length) {
          const { bytesWritten } = await handle.write(
            line,
            written,
            line.length - written,
            this.bytes + written,
          );
          written += bytesWritten;
        }
        await handle.datasync();
      } finally {
        await handle.close();
      }
    } catch {
      // The journal may now end in part of this record: write the whole notebook (states never change, so
      // `after` is still exactly this save's state) and start a new journal.
      this.needsFold = true;
      return this.fold(after);
    }
    this.records++;
    this.bytes += line.length;
  }

  async close(): Promise<void> {}
}

function cannotOpen(path: string): string {
  return `Cannot open the notebook ${path}:`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

interface Waiter {
  revision: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

class LowNotebookStore implements NotebookStore {
  readonly path: string;
  readonly created: boolean;
  private readonly db: Low<Notebook>;
  private readonly debounceMs: number;
  /** Bumped by every change; the file holds `savedRevision`. */
  private committed = 0;
  private savedRevision = 0;
  private writing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiters: Waiter[] = [];
  private state: SaveState = { status: 'saved' };
  private readonly listeners = new Set<(s: SaveState) => void>();
  private readonly history_: UndoHistory;
  private readonly historyListeners = new Set<(s: HistoryState) => void>();
  private readonly commitListeners = new Set<(commit: StoreCommit) => void>();
  private closed = false;
  /** The notebook's lock while open for writing; null when opened to read. */
  private readonly lock: NotebookLock | null;
  /** How saves reach the disk; null when opened to read. */
  private readonly saver: Saver | null;
  /** The state the last successful save put on disk (the journal's records are edits from it). */
  private onDisk: Notebook;
  /** A fold asked for (by checkpoint, close or the idle timer), done by the next write. */
  private foldWanted = false;
  /** Callers of checkpoint, each done by the first fold of a revision at or after theirs. */
  private foldWaiters: Waiter[] = [];
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly foldWhenIdleMs: number;
  readonly journalProblem: JournalProblem | null;

  constructor(
    path: string,
    created: boolean,
    db: Low<Notebook>,
    debounceMs: number,
    historyLimit: number | undefined,
    lock: NotebookLock | null,
    saver: Saver | null,
    foldWhenIdleMs: number,
    journalProblem: JournalProblem | null,
  ) {
    this.journalProblem = journalProblem;
    this.path = path;
    this.created = created;
    this.db = db;
    this.debounceMs = debounceMs;
    this.history_ = new UndoHistory(historyLimit === undefined ? {} : { limit: historyLimit });
    this.lock = lock;
    this.saver = saver;
    this.onDisk = db.data;
    this.foldWhenIdleMs = foldWhenIdleMs;
  }

  get data(): Notebook {
    return this.db.data;
  }

  get saveState(): SaveState {
    return { ...this.state };
  }

  get history(): HistoryState {
    return this.history_.state;
  }

  get revision(): number {
    return this.committed;
  }

  change<T>(mutate: (nb: Notebook) => T, label?: string): T {
    this.checkOpen();
    const { state, result, step } = applyChange(this.db.data, mutate, label);
    if (step) {
      this.history_.record(step);
      this.commit(state, 'change', step.label);
    }
    return result;
  }

  changeOutsideHistory<T>(mutate: (nb: Notebook) => T): T {
    this.checkOpen();
    const { state, result, step } = applyChange(this.db.data, mutate);
    if (step) this.commit(state, 'bookkeeping', null);
    return result;
  }

  changeFromSync<T>(mutate: (nb: Notebook) => T): T {
    this.checkOpen();
    const { state, result, step } = applyChange(this.db.data, mutate);
    if (step) {
      if (!this.history_.survives(this.db.data, step.patches)) this.history_.clear();
      this.commit(state, 'sync', null);
    }
    return result;
  }

  undo(): HistoryState {
    this.checkOpen();
    const undone = this.history_.undo(this.db.data);
    if (undone) this.commit(undone.state, 'undo', undone.step.label);
    return this.history_.state;
  }

  redo(): HistoryState {
    this.checkOpen();
    const redone = this.history_.redo(this.db.data);
    if (redone) this.commit(redone.state, 'redo', redone.step.label);
    return this.history_.state;
  }

  onCommit(listener: (commit: StoreCommit) => void): () => void {
    this.commitListeners.add(listener);
    return () => {
      this.commitListeners.delete(listener);
    };
  }

  onHistory(listener: (s: HistoryState) => void): () => void {
    this.historyListeners.add(listener);
    return () => {
      this.historyListeners.delete(listener);
    };
  }

  private checkOpen(): void {
    if (this.closed) throw new Error(`The notebook ${this.path} is closed; the change was not made.`);
    if (!this.lock) {
      throw new Error(`The notebook ${this.path} was opened to read only; the change was not made.`);
    }
  }

  /**
   * Makes `next` the current state, schedules its write, tells the commit listeners, and the history listeners when
   * history moved (every kind but bookkeeping).
   */
  private commit(next: Notebook, kind: StoreCommit['kind'], label: string | null): void {
    const before = this.db.data;
    this.db.data = next;
    this.committed++;
    this.clearIdleTimer();
    this.setState({ status: 'saving' });
    if (!this.timer && !this.writing) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, this.debounceMs);
    }
    const state = this.history_.state;
    const commit: StoreCommit = {
      revision: this.committed,
      kind,
      label,
      before,
      after: next,
      history: state,
    };
    for (const listener of [...this.commitListeners]) {
      try {
        listener({ ...commit, history: { ...state } });
      } catch (error) {
        console.error('[parley] commit listener failed', error);
      }
    }
    if (kind === 'bookkeeping') return;
    for (const listener of [...this.historyListeners]) {
      try {
        listener({ ...state });
      } catch (error) {
        console.error('[parley] history listener failed', error);
      }
    }
  }

  flush(): Promise<void> {
    if (this.savedRevision >= this.committed) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => {
      this.waiters.push({ revision: this.committed, resolve, reject });
    });
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pump();
    return done;
  }

  onSaveState(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  checkpoint(): Promise<void> {
    if (!this.saver || (!this.saver.hasUnfolded && this.savedRevision >= this.committed)) return this.flush();
    // A fold already running may have started before the latest changes: only a fold of this revision or a later
    // one is this checkpoint's.
    const revision = this.committed;
    const done = new Promise<void>((resolve, reject) => this.foldWaiters.push({ revision, resolve, reject }));
    this.foldWanted = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pump();
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.clearIdleTimer();
    try {
      await this.flush();
      // The journal holds every change already; folding it leaves the file whole for whoever opens it next.
      await this.checkpoint().catch((error: unknown) => {
        console.error(`[parley] could not fold the journal of ${this.path}; its changes stay in it`, error);
      });
    } finally {
      await this.saver?.close();
      await this.lock?.release();
    }
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
  }

  /** Starts a write of everything changed so far, unless one is already running (its end starts the next). */
  private pump(): void {
    if (this.writing || !this.saver) return;
    if (this.savedRevision >= this.committed && !this.foldWanted) return;
    this.writing = true;
    const revision = this.committed;
    const before = this.onDisk;
    const after = this.db.data;
    const fold = this.foldWanted || this.saver.mustFold;
    this.foldWanted = false;
    // Both kinds of write serialize what they write before their first await, so the bytes written are exactly the
    // data at `revision` even if changes keep arriving during the write.
    const carriesChanges = revision > this.savedRevision;
    const write = fold ? this.saver.fold(after) : this.saver.append(before, after);
    write.then(
      () => {
        this.onDisk = after;
        this.written(revision, fold);
      },
      (error: unknown) => (carriesChanges ? this.failed(error) : this.foldFailed(error)),
    );
  }

  private written(revision: number, folded: boolean): void {
    this.writing = false;
    this.savedRevision = revision;
    if (folded) {
      this.foldWaiters = this.foldWaiters.filter((waiter) => {
        if (waiter.revision > revision) return true;
        waiter.resolve();
        return false;
      });
      // A checkpoint asked for during this fold, of changes it did not hold, gets a fold of its own.
      if (this.foldWaiters.length > 0) this.foldWanted = true;
    }
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.revision > revision) return true;
      waiter.resolve();
      return false;
    });
    if (this.committed > revision) {
      // Changes made during the write: they have waited one write already, so go again now unless a
      // flush or the debounce has it in hand.
      if (!this.timer) this.pump();
    } else if (this.foldWanted) {
      this.pump();
    } else {
      this.setState({ status: 'saved' });
      this.scheduleIdleFold();
    }
  }

  /** Folds the journal once nothing has changed for a while, so the file on disk does not lag far behind. */
  private scheduleIdleFold(): void {
    if (!this.saver?.hasUnfolded || this.closed || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.closed || this.writing || this.savedRevision < this.committed) return;
      this.foldWanted = true;
      this.pump();
    }, this.foldWhenIdleMs);
    this.idleTimer.unref?.();
  }

  private failed(error: unknown): void {
    this.writing = false;
    const message = `Could not save the notebook ${this.path}: ${messageOf(error)}`;
    const waiters = [...this.waiters, ...this.foldWaiters];
    this.waiters = [];
    this.foldWaiters = [];
    // Kept in memory; the next change or flush tries again.
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.setState({ status: 'error', error: message });
    for (const waiter of waiters) waiter.reject(new Error(message, { cause: error }));
  }

  /** A fold of changes already saved in the journal failed: they are safe, so only the fold's callers hear. */
  private foldFailed(error: unknown): void {
    this.writing = false;
    const waiters = this.foldWaiters;
    this.foldWaiters = [];
    const message = `Could not fold the journal into the notebook ${this.path}: ${messageOf(error)}`;
    for (const waiter of waiters) waiter.reject(new Error(message, { cause: error }));
    if (this.savedRevision < this.committed && !this.timer) this.pump();
  }

  private setState(next: SaveState): void {
    if (next.status === this.state.status && next.error === this.state.error) return;
    this.state = next;
    for (const listener of [...this.listeners]) {
      try {
        listener({ ...next });
      } catch (error) {
        console.error('[parley] save-state listener failed', error);
      }
    }
  }
}

function readFailure(path: string, error: unknown): NotebookFileError {
  if (error instanceof SyntaxError) {
    return new NotebookFileError(
      path,
      'not-json',
      `${cannotOpen(path)} it is not valid JSON (it may be damaged or cut short): ${error.message}`,
      { cause: error },
    );
  }
  return new NotebookFileError(path, 'unreadable', `${cannotOpen(path)} ${messageOf(error)}`, {
    cause: error,
  });
}

/** Keeps the file as it was before the first write in a newer schema, so an upgrade can always be undone. */
async function backUpBeforeUpgrade(path: string, fromVersion: number): Promise<void> {
  try {
    await copyFile(path, `${path}.schema-${fromVersion}.bak`, fsConstants.COPYFILE_EXCL);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code !== 'EEXIST') throw error;
  }
}

/**
 * Opens (or on first run creates) the notebook at `path`. Throws NotebookFileError, without touching the file,
 * when it cannot be read, is not JSON, is not a valid notebook, or was written by a newer Parley; and, to write,
 * NotebookLockedError (notebook-lock.ts) when another process has it open for writing.
 */
export async function openNotebookStore(shown: string, options: OpenOptions = {}): Promise<NotebookStore> {
  if (options.access === 'read') {
    return openStore(await realNotebookPath(shown), { ...options, createIfMissing: false }, null);
  }
  const lock = options.heldLock ?? (await acquireNotebookLock(shown, options.lock));
  try {
    // The file the lock is for: its real path, so every write goes where the lock is.
    return await openStore(lock.path, options, lock);
  } catch (error) {
    if (!options.heldLock) await lock.release();
    throw error;
  }
}

async function openStore(
  path: string,
  options: OpenOptions,
  lock: NotebookLock | null,
): Promise<NotebookStore> {
  const journalOptions: Required<JournalOptions> = {
    foldAfterBytes: options.journal?.foldAfterBytes ?? DEFAULT_FOLD_AFTER_BYTES,
    foldAfterRecords: options.journal?.foldAfterRecords ?? DEFAULT_FOLD_AFTER_RECORDS,
    foldWhenIdleMs: options.journal?.foldWhenIdleMs ?? DEFAULT_FOLD_WHEN_IDLE_MS,
  };
  const adapter = options.adapterFor?.(path) ?? null;
  let raw: unknown;
  let disk: NotebookOnDisk | null = null;
  try {
    if (adapter) {
      raw = await adapter.read();
    } else {
      // A reader holds no lock, so it may catch the writer between writing the file and its new journal.
      disk = await readOnDisk(path, lock ? 0 : 4);
      raw = disk.bytes === null ? null : JSON.parse(notebookText(disk));
    }
  } catch (error) {
    throw readFailure(path, error);
  }

  // A journal that cannot be applied whole is moved aside, byte for byte, before anything is written beside the
  // notebook, and told; a reader, which writes nothing, leaves it where it is and tells.
  const damage = disk ? journalDamage(disk) : null;
  let journalProblem: JournalProblem | null = null;
  if (damage) {
    let keptAt: string | null = null;
    if (lock) {
      try {
        keptAt = await keepJournalAside(path);
      } catch (error) {
        throw new NotebookFileError(
          path,
          'unreadable',
          `${cannotOpen(path)} its journal ${journalPathOf(path)} cannot be applied whole and could not be ` +
            `kept aside, so nothing was changed: ${messageOf(error)}`,
          { cause: error },
        );
      }
    }
    journalProblem = {
      ...damage,
      keptAsidePath: keptAt,
      message: journalDamageMessage(path, damage, keptAt),
    };
  }

  let data: Notebook;
  let created = false;
  if (raw === null && (disk ? disk.bytes !== null : await exists(path))) {
    // The file holds the JSON literal `null`: present but not a notebook, so it must not be replaced.
    throw new NotebookFileError(
      path,
      'invalid',
      `${cannotOpen(path)} it is not a Parley notebook (it holds null).`,
    );
  }
  const saver: Saver | null =
    lock === null
      ? null
      : adapter
        ? new WholeFileSaver(adapter)
        : // A journal kept aside is gone from beside the file: the first save writes the file whole.
          new JournalSaver(path, journalProblem ? { ...disk!, journal: null } : disk!, journalOptions);
  if (raw === null) {
    if (options.createIfMissing === false) {
      throw new NotebookFileError(path, 'unreadable', `${cannotOpen(path)} the file does not exist.`);
    }
    data = emptyNotebook();
    try {
      await mkdir(dirname(path), { recursive: true });
      // Only a store opened to write gets this far: a reader never creates the file.
      await saver!.fold(data);
    } catch (error) {
      throw new NotebookFileError(
        path,
        'unreadable',
        `Cannot create the notebook ${path}: ${messageOf(error)}`,
        { cause: error },
      );
    }
    created = true;
  } else if (disk?.matches) {
    // The file is byte for byte what this Parley wrote from a checked notebook of this schema, and the journal
    // holds the changes saved since: no migration and no schema check to do.
    try {
      data = applyJournal(raw, disk.journal!);
    } catch (error) {
      throw new NotebookFileError(
        path,
        'invalid',
        `${cannotOpen(path)} its journal ${journalPathOf(path)} does not fit it: ${messageOf(error)}`,
        { cause: error },
      );
    }
  } else {
    let fromVersion: number;
    try {
      fromVersion = schemaVersionOf(raw);
      data = migrate(raw);
    } catch (error) {
      if (error instanceof MigrationError) {
        throw new NotebookFileError(path, error.reason, `${cannotOpen(path)} ${error.message}`, {
          cause: error,
        });
      }
      throw new NotebookFileError(path, 'invalid', `${cannotOpen(path)} ${messageOf(error)}`, {
        cause: error,
      });
    }
    if (fromVersion < SCHEMA_VERSION && lock) {
      try {
        await backUpBeforeUpgrade(path, fromVersion);
      } catch (error) {
        throw new NotebookFileError(
          path,
          'unreadable',
          `${cannotOpen(path)} could not keep a copy of it before upgrading: ${messageOf(error)}`,
          { cause: error },
        );
      }
    }
  }

  if (lock) {
    await removeStaleTempFiles(path);
    await removeStaleTempFiles(journalPathOf(path));
    if (journalProblem && journalProblem.applied > 0) {
      // The changes applied from the journal kept aside are in no file now: write them into the notebook at once.
      try {
        await saver!.fold(data);
      } catch (error) {
        throw new NotebookFileError(
          path,
          'unreadable',
          `${cannotOpen(path)} could not write the changes read from its journal: ${messageOf(error)}. ` +
            journalProblem.message,
          { cause: error },
        );
      }
    }
  }
  const db = new Low<Notebook>(adapter ?? new DurableJsonFile<Notebook>(path), freezeState(data));
  return new LowNotebookStore(
    path,
    created,
    db,
    options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    options.historyLimit,
    lock,
    saver,
    journalOptions.foldWhenIdleMs,
    journalProblem,
  );
}
