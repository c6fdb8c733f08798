/**
 * Team sync for an open notebook, as the window and the command line use it (SyncApi): share, join, sync, stop,
 * and the conflicts to settle. Sync is off until the user shares or joins: for a notebook that never was, opening
 * this touches nothing and makes no network call. A notebook shared or joined before syncs again when opened, and
 * keeps trying while the server cannot be reached.
 */
import { access, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { SyncConflict, SyncStatus } from '../../shared/contract';
import { openNotebookStore, type NotebookStore } from '../storage/notebook-store';
import { probe } from './probe';
import { Replica, SyncError, readSyncFile, type SyncCounts } from './replica';
import { syncOff, type SyncApi } from './types';

export { SyncError, forgetFileState } from './replica';
export type { SyncCounts } from './replica';

export interface SyncOptions {
  /** The author name recorded for this machine's changes and highlights. */
  author: () => string;
  /** How long to wait between attempts to reach the server (default 5 s). */
  retryMs?: number;
  /**
   * Whether a notebook shared before connects to its server at once (default true); the command line connects
   * only when it syncs, to count what it sends and receives.
   */
  connect?: boolean;
}

/** Refuses, in words, a server that will not take the token or cannot be reached. */
export async function checkServer(server: string, token: string): Promise<void> {
  const result = await probe(server, token);
  if (!result.ok)
    throw new SyncError(result.message, result.reason === 'refused' ? 'refused' : 'unreachable');
}

export class SyncService implements SyncApi {
  private replica: Replica | null;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private stopReplicaStatus: (() => void) | null = null;

  private constructor(
    private readonly store: NotebookStore,
    private readonly options: SyncOptions,
    replica: Replica | null,
  ) {
    this.replica = null;
    if (replica) this.adopt(replica);
  }

  /** The sync of `store`'s notebook: on (and connecting) when it was shared or joined before, off otherwise. */
  static async open(store: NotebookStore, options: SyncOptions): Promise<SyncService> {
    const replica = await Replica.open(store, options);
    const service = new SyncService(store, options, replica);
    const file = replica ? await readSyncFile(store.path) : null;
    if (replica && file?.server && file.token && options.connect !== false)
      replica.connect(file.server, file.token);
    return service;
  }

  private adopt(replica: Replica): void {
    this.stopReplicaStatus?.();
    this.replica = replica;
    this.stopReplicaStatus = replica.onStatus(() => this.emit());
    this.emit();
  }

  status(): SyncStatus {
    return this.replica?.status() ?? syncOff();
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const status = this.status();
    for (const listener of [...this.listeners]) {
      try {
        listener({ ...status });
      } catch (error) {
        console.error('[parley] sync status listener failed', error);
      }
    }
  }

  async share(server: string, token: string): Promise<SyncStatus> {
    await checkServer(server, token);
    if (this.replica) {
      this.replica.connect(server, token);
      await this.replica.syncOnce(server, token);
      return this.status();
    }
    const replica = await Replica.create(this.store, server, token, this.options);
    this.adopt(replica);
    replica.connect(server, token);
    await replica.syncOnce(server, token);
    return this.status();
  }

  async syncNow(): Promise<SyncStatus> {
    const replica = this.requireReplica();
    const file = await readSyncFile(this.store.path);
    if (!file?.server || !file.token) {
      throw new SyncError(
        'This notebook has no sync server: share it again with a server address and token.',
        'not-shared',
      );
    }
    await checkServer(file.server, file.token).catch((error: SyncError) => {
      replica.setPhase(error.reason === 'refused' ? 'refused' : 'offline', error.message);
      throw error;
    });
    await replica.syncOnce(file.server, file.token);
    return this.status();
  }

  /** Syncs once with the server given (the command line): what was sent and received, and the conflicts left. */
  async syncWith(server: string, token: string): Promise<SyncCounts> {
    const replica = this.requireReplica();
    await checkServer(server, token);
    return replica.syncOnce(server, token);
  }

  /** Connects to a server (another address or token than the notebook's own) and goes on syncing with it. */
  connect(server: string, token: string): void {
    this.requireReplica().connect(server, token);
  }

  /** Whether the notebook and the server hold the same changes now. */
  isSynced(): boolean {
    return this.replica?.isSynced() ?? false;
  }

  /** Stops talking to the server until the next sync (edits go on being recorded, to be sent then). */
  goOffline(): void {
    this.replica?.disconnect();
    this.replica?.setPhase('offline', 'Working offline.');
  }

  async stop(): Promise<SyncStatus> {
    if (!this.replica) return this.status();
    await this.replica.forgetServer();
    await this.replica.close();
    this.stopReplicaStatus?.();
    this.stopReplicaStatus = null;
    this.replica = null;
    this.emit();
    return this.status();
  }

  conflicts(): SyncConflict[] {
    return this.replica?.conflicts() ?? [];
  }

  resolve(id: string, choice: number | 'restore' | 'remove'): SyncStatus {
    this.requireReplica().resolve(id, choice);
    return this.status();
  }

  async join(link: string, server: string, token: string, path: string): Promise<void> {
    await joinNotebook({ link, server, token, path, author: this.options.author() });
  }

  /** The notebook link, once shared. */
  get link(): string | null {
    return this.replica?.url ?? null;
  }

  async close(): Promise<void> {
    this.stopReplicaStatus?.();
    await this.replica?.close();
  }

  private requireReplica(): Replica {
    if (!this.replica)
      throw new SyncError('This notebook is not shared: share it first, or join a shared one.', 'not-shared');
    return this.replica;
  }
}

export async function openSync(store: NotebookStore, options: SyncOptions): Promise<SyncService> {
  return SyncService.open(store, options);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a local copy of the shared notebook `link` at `path`, a file that must not exist yet: fetched from the
 * server, written, and left closed, ready to open. The counts are of the changes received.
 */
export async function joinNotebook(options: {
  link: string;
  server: string;
  token: string;
  path: string;
  author: string;
  timeoutMs?: number;
}): Promise<{ received: number }> {
  if (await exists(options.path)) {
    throw new SyncError(
      `${options.path} exists already: join into a new file, so no notebook is written over.`,
    );
  }
  await checkServer(options.server, options.token);
  // A join that fails leaves no notebook, journal or sync folder behind: what it made beside the file is removed.
  const folder = dirname(resolve(options.path));
  const name = basename(options.path);
  const ours = (entry: string) => entry === name || entry.startsWith(`${name}.`);
  const before = new Set((await readdir(folder).catch(() => [] as string[])).filter(ours));
  const removeMade = async () => {
    const made = (await readdir(folder).catch(() => [] as string[])).filter(
      (entry) => ours(entry) && !before.has(entry),
    );
    for (const entry of made) await rm(join(folder, entry), { recursive: true, force: true });
    return made.length;
  };
  let joined = false;
  const store = await openNotebookStore(options.path, { createIfMissing: true });
  let replica: Replica | null = null;
  try {
    replica = await Replica.join(store, options.link, options.server, options.token, {
      author: () => options.author,
      timeoutMs: options.timeoutMs,
    });
    joined = true;
    return { received: store.data.annotations.length };
  } finally {
    await replica?.close();
    await store.close();
    if (!joined && (await removeMade()) > 0) {
      // The repo saves its sync state a little after the last message, which may come after the join gave up.
      await new Promise((resolveWait) => setTimeout(resolveWait, 300));
      await removeMade();
    }
  }
}
