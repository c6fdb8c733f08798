/**
 * A notebook's replica of its team notebook: the notebook's Automerge document (doc-model.ts) kept in an
 * automerge-repo with Node filesystem storage, in a folder beside the notebook (`NOTEBOOK.sync/`), and synced with
 * the team's server through the websocket adapter.
 *
 * The lowdb notebook stays the file of record. Every committed change of the store (change, undo, redo,
 * bookkeeping) is written into the document as the edits it made; changes that arrive from the server are applied
 * to the store as one `sync` commit (changeFromSync), so the renderer's change event, the save state and undo see
 * them like any other. Nothing arrives in the notebook before the repo has stored it, and `sync.json` records the
 * document's heads that the notebook file holds once it is on disk (`fileHeads`). On opening, the notebook, the
 * document at those heads and the document now are merged field by field (reconcile): what the notebook changed
 * since (edits made while the replica was not attached, or not yet stored by the repo when the process ended) is
 * written into the document, what the document changed since (changes received and stored, not yet in the
 * notebook) goes into the notebook. So a process killed anywhere loses no edit that either file held.
 */
import * as A from '@automerge/automerge';
import {
  Repo,
  isValidAutomergeUrl,
  parseAutomergeUrl,
  stringifyAutomergeUrl,
  type AutomergeUrl,
  type DocHandle,
  type PeerId,
} from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs';
import { mkdir, readFile, rename, writeFile, open as openFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  AnnotationSchema,
  DocumentSchema,
  EventSchema,
  PartySchema,
  SCHEMA_VERSION,
  TopicSchema,
  VersionSchema,
  type Notebook,
} from '../../shared/model';
import type { SyncConflict, SyncPhase, SyncStatus } from '../../shared/contract';
import type { NotebookStore, StoreCommit } from '../storage/notebook-store';
import {
  DOC_FORMAT,
  KINDS,
  SETS,
  initDoc,
  isLive,
  keyOf,
  mergeField,
  readEntry,
  readNotebook,
  readSet,
  sameValue,
  touchedBy,
  writeDiff,
  type Entry,
  type Kind,
  type NotebookDoc,
  type Touched,
} from './doc-model';
import { findConflicts, parseConflictId, pickValue, settleLink } from './conflicts';
import { serverAddress, shownAddress } from './probe';

/**
 * The stock websocket client adapter, with two things fixed for a long-running app. Its error handler throws
 * every error but a refused connection (a 401 from the token gate, a reset, an unknown host), which would end the
 * process: here each is told to `onTrouble` and the adapter retries. And a reconnection it schedules when the
 * server goes away would run after it was disconnected: here nothing connects once it is disconnected.
 */
class ClientAdapter extends WebSocketClientAdapter {
  private stopped = false;

  constructor(url: string, retryMs: number, onTrouble: (error: Error) => void) {
    super(url, retryMs);
    this.onError = (event: unknown) => {
      const error = (event as { error?: Error }).error;
      if (error) onTrouble(error);
    };
  }

  override connect(...args: Parameters<WebSocketClientAdapter['connect']>): void {
    if (this.stopped) return;
    super.connect(...args);
  }

  override disconnect(): void {
    this.stopped = true;
    // Closing a socket that is still connecting makes it report an error; nobody is listening by then.
    const socket = this.socket as unknown as
      { on?: (event: string, listener: () => void) => void } | undefined;
    socket?.on?.('error', () => {});
    if (this.socket && this.peerId) super.disconnect();
  }
}

/** What `sync.json` beside the notebook holds. */
export interface SyncFile {
  format: 1;
  /** The notebook's document (`automerge:…`): the link colleagues join with. */
  url: string;
  server: string | null;
  token: string | null;
  /** Heads of the document that the notebook file is known to hold. */
  fileHeads: string[] | null;
  /** SHA-256 of the notebook's content when `fileHeads` was recorded: unchanged since, there is nothing to merge. */
  fileHash?: string | null;
  /** Heads the server was known to hold after the last sync that finished. */
  serverHeads: string[] | null;
  lastSynced: string | null;
}

export class SyncError extends Error {
  constructor(
    message: string,
    readonly reason: 'refused' | 'unreachable' | 'not-shared' | 'invalid' | 'timeout' = 'invalid',
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

const SCHEMAS: Record<Kind, z.ZodType> = {
  documents: DocumentSchema,
  topics: TopicSchema,
  parties: PartySchema,
  annotations: AnnotationSchema,
  versions: VersionSchema,
  events: EventSchema,
};

export function syncFolderOf(notebookPath: string): string {
  return `${notebookPath}.sync`;
}

function syncFilePath(folder: string): string {
  return join(folder, 'sync.json');
}

/**
 * After the notebook file was put back from a backup, or started empty, in place of a damaged one: what it lacks is
 * no deletion of the user's, so the next opening must not send it as one. The record of what the file held is
 * dropped, and the opening merges without it: the file's values where both have an entry, and every entry either
 * side has (a notebook started empty gets the team's notebook back). Nothing to do for a notebook never shared.
 */
export async function forgetFileState(notebookPath: string): Promise<void> {
  let file: SyncFile | null;
  try {
    file = await readSyncFile(notebookPath);
  } catch {
    return;
  }
  if (!file) return;
  await writeSyncFile(syncFolderOf(notebookPath), { ...file, fileHeads: null, fileHash: null });
}

export async function readSyncFile(notebookPath: string): Promise<SyncFile | null> {
  let text: string;
  try {
    text = await readFile(syncFilePath(syncFolderOf(notebookPath)), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: SyncFile;
  try {
    parsed = JSON.parse(text) as SyncFile;
  } catch {
    throw new SyncError(
      `The sync settings beside the notebook (${syncFilePath(syncFolderOf(notebookPath))}) are damaged.`,
    );
  }
  if (parsed.format !== 1 || !isValidAutomergeUrl(parsed.url)) {
    throw new SyncError(
      `The sync settings beside the notebook (${syncFilePath(syncFolderOf(notebookPath))}) are not Parley's.`,
    );
  }
  return parsed;
}

/** Written whole, then renamed over the old, so a kill leaves one or the other; readable by the user alone. */
async function writeSyncFile(folder: string, file: SyncFile): Promise<void> {
  const path = syncFilePath(folder);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  const handle = await openFile(temp, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/** A notebook link as given (`automerge:…`, or the id alone, or a Parley link that carries one). */
export function parseLink(link: string): AutomergeUrl {
  const text = link.trim();
  const candidate = text.startsWith('automerge:') ? text : `automerge:${text.replace(/^.*[/#]/, '')}`;
  if (!isValidAutomergeUrl(candidate)) {
    throw new SyncError(
      `“${link}” is not a notebook link: a link looks like automerge:4MQy4ed5stNqcHb5yp8vFytj1eXB.`,
    );
  }
  return stringifyAutomergeUrl({ documentId: parseAutomergeUrl(candidate as AutomergeUrl).documentId });
}

/** How long a sync waits for the server to take the connection. */
const CONNECT_TIMEOUT_MS = 15_000;
/** How long a sync whose connection was lost waits for the adapter to reconnect before it gives up. */
const RECONNECT_GRACE_MS = 8_000;

const sameHeads = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export interface ReplicaOptions {
  /** The author name recorded for this machine's changes. */
  author: () => string;
  /** How long to wait between attempts to reach the server (the websocket adapter's retry). */
  retryMs?: number;
}

export interface SyncCounts {
  sent: number;
  received: number;
  conflicts: number;
}

/** A notebook's live replica: its document, its repo, and the store it is attached to. */
export class Replica {
  private handle!: DocHandle<NotebookDoc>;
  private repo!: Repo;
  private adapter: ClientAdapter | null = null;
  private file!: SyncFile;
  private readonly folder: string;
  private unsubscribe: (() => void) | null = null;
  private writingLocal = false;
  private pending: Touched | null = null;
  private applying: Promise<void> | null = null;
  private phase: SyncPhase = 'offline';
  private message: string | undefined;
  private serverPeer: PeerId | null = null;
  private heardFromServer = false;
  private conflictCache: SyncConflict[] = [];
  private readonly statusListeners = new Set<(status: SyncStatus) => void>();
  private closed = false;
  private markerTimer: NodeJS.Timeout | null = null;
  private problems: string[] = [];
  private persisting: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: NotebookStore,
    private readonly options: ReplicaOptions,
  ) {
    this.folder = syncFolderOf(store.path);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Opening: an existing replica, a new one (share), a copy of a shared notebook (join).

  /** The replica of a notebook shared or joined before; null when it never was (and then nothing is touched). */
  static async open(store: NotebookStore, options: ReplicaOptions): Promise<Replica | null> {
    const file = await readSyncFile(store.path);
    if (!file) return null;
    const replica = new Replica(store, options);
    replica.file = file;
    replica.makeRepo();
    replica.handle = await replica.findLocal(file.url as AutomergeUrl);
    await replica.reconcile();
    replica.attach();
    return replica;
  }

  /** Starts a replica of the open notebook: a new document holding all of it. */
  static async create(
    store: NotebookStore,
    server: string,
    token: string,
    options: ReplicaOptions,
  ): Promise<Replica> {
    if (await readSyncFile(store.path)) {
      throw new SyncError('This notebook is shared already: sync it, or stop syncing it first.');
    }
    const replica = new Replica(store, options);
    await mkdir(replica.folder, { recursive: true });
    replica.makeRepo();
    const data = store.data;
    const handle = replica.repo.create<NotebookDoc>();
    handle.change((d) => {
      replica.recordAuthor(d);
      initDoc(d, data, replica.actor(d));
    });
    replica.handle = handle;
    replica.file = {
      format: 1,
      url: handle.url,
      server,
      token,
      fileHeads: A.getHeads(handle.doc()),
      serverHeads: null,
      lastSynced: null,
    };
    await replica.persist();
    replica.attach();
    return replica;
  }

  /**
   * Makes `store` (a new, empty notebook) the local copy of the shared notebook `link`, fetched from the server.
   * Resolves once the document is here and in the notebook.
   */
  static async join(
    store: NotebookStore,
    link: string,
    server: string,
    token: string,
    options: ReplicaOptions & { timeoutMs?: number },
  ): Promise<Replica> {
    const url = parseLink(link);
    if (await readSyncFile(store.path)) throw new SyncError('This notebook is a replica already.');
    const replica = new Replica(store, options);
    await mkdir(replica.folder, { recursive: true });
    replica.makeRepo();
    replica.connect(server, token);
    const timeout = options.timeoutMs ?? 60_000;
    let handle: DocHandle<NotebookDoc>;
    try {
      handle = await replica.repo.find<NotebookDoc>(url, { signal: AbortSignal.timeout(timeout) });
    } catch (error) {
      await replica.repo.shutdown().catch(() => {});
      const aborted = (error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError';
      throw new SyncError(
        aborted
          ? `The server did not send the notebook ${url} within ${Math.round(timeout / 1000)} s.`
          : `The server does not have the notebook ${url}: check the link (${(error as Error).message}).`,
        aborted ? 'timeout' : 'invalid',
      );
    }
    const doc = handle.doc();
    if (doc.parley !== DOC_FORMAT) {
      await replica.repo.shutdown().catch(() => {});
      throw new SyncError(`${url} is not a Parley notebook, or one from a newer Parley.`);
    }
    replica.handle = handle;
    replica.file = {
      format: 1,
      url,
      server,
      token,
      fileHeads: null,
      serverHeads: A.getHeads(doc),
      lastSynced: new Date().toISOString(),
    };
    replica.applyTouched(allTouched(), doc);
    await replica.persist();
    replica.attach();
    return replica;
  }

  private makeRepo(): void {
    this.repo = new Repo({
      storage: new NodeFSStorageAdapter(join(this.folder, 'automerge')),
      network: [],
      // A replica shares the notebook's document with the server it is connected to, and has no other.
      sharePolicy: async () => true,
    });
    const network = this.repo.networkSubsystem;
    network.on('message', (message) => {
      // What the repo knows of the server's heads may be from an earlier connection: only once the server has
      // answered on this one do they say what it holds now.
      const about = 'documentId' in message ? message.documentId : undefined;
      if (message.senderId === this.serverPeer && this.handle && about === this.handle.documentId) {
        this.heardFromServer = true;
      }
    });
    network.on('peer', ({ peerId }) => {
      this.heardFromServer = false;
      this.serverPeer = peerId;
      this.setPhase('syncing');
      this.checkSynced();
    });
    network.on('peer-disconnected', ({ peerId }) => {
      if (peerId === this.serverPeer) this.serverPeer = null;
      if (!this.closed)
        this.setPhase('offline', 'The sync server cannot be reached; changes are kept and sent when it can.');
    });
  }

  /** Finds the document in the repo's storage (it is always there for a replica that was opened before). */
  private async findLocal(url: AutomergeUrl): Promise<DocHandle<NotebookDoc>> {
    try {
      const handle = await this.repo.find<NotebookDoc>(url, { signal: AbortSignal.timeout(30_000) });
      if (handle.doc().parley !== DOC_FORMAT) throw new Error('not a Parley notebook');
      return handle;
    } catch (error) {
      await this.repo.shutdown().catch(() => {});
      throw new SyncError(
        `The notebook's sync copy in ${this.folder} cannot be read (${(error as Error).message}). ` +
          'The notebook itself is unchanged; move that folder aside and share the notebook again.',
      );
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The network.

  get url(): string {
    return this.file.url;
  }

  get server(): string | null {
    return this.file.server;
  }

  /** Connects to the server (and stays connected, retrying, until disconnect or close). */
  connect(server: string, token: string): void {
    const address = serverAddress(server, token);
    this.disconnect();
    if (this.file) {
      this.file.server = server;
      this.file.token = token;
    }
    this.adapter = new ClientAdapter(address, this.options.retryMs ?? 5_000, (error) => {
      if (this.closed) return;
      const refused = /\b(401|403)\b/.test(error.message);
      this.setPhase(
        refused ? 'refused' : 'offline',
        refused
          ? `The sync server at ${shownAddress(server)} refused the token.`
          : `Cannot reach the sync server at ${shownAddress(server)}: ${error.message}`,
      );
    });
    this.repo.networkSubsystem.addNetworkAdapter(this.adapter);
    this.setPhase('offline', 'Connecting to the sync server…');
  }

  disconnect(): void {
    if (!this.adapter) return;
    // Removing the adapter disconnects it (twice would fail the adapter's own assertion).
    try {
      this.repo.networkSubsystem.removeNetworkAdapter(this.adapter);
    } catch (error) {
      console.error('[parley] the sync connection did not close cleanly', error);
    }
    this.adapter = null;
    this.serverPeer = null;
  }

  /** Whether the server holds every change this replica has, and this replica every change the server has. */
  isSynced(): boolean {
    if (!this.handle || !this.serverPeer || !this.heardFromServer || this.pending || this.applying)
      return false;
    const storageId = this.repo.getStorageIdOfPeer(this.serverPeer);
    if (!storageId) return false;
    const info = this.handle.getSyncInfo(storageId);
    if (!info) return false;
    return sameHeads(info.lastHeads as unknown as string[], this.handle.heads() as unknown as string[]);
  }

  private checkSynced(): void {
    if (this.closed || !this.serverPeer || !this.handle) return;
    if (this.isSynced()) {
      if (this.phase !== 'synced') {
        this.file.serverHeads = A.getHeads(this.handle.doc());
        this.file.lastSynced = new Date().toISOString();
        this.setPhase('synced');
        this.scheduleMarker();
      }
    } else if (this.phase !== 'syncing') {
      this.setPhase('syncing');
    }
  }

  /**
   * Syncs until the server and this replica hold the same changes; what was sent and received, and the
   * conflicts left. Refuses (SyncError 'timeout') when nothing moves for `idleMs`.
   */
  async syncOnce(server: string, token: string, idleMs = 30_000): Promise<SyncCounts> {
    const before = this.handle.doc();
    // What the server had at the last sync that finished, if it is the same server.
    const known =
      this.file.server && shownAddress(this.file.server) === shownAddress(server)
        ? this.file.serverHeads
        : null;
    const sent =
      known && A.hasHeads(before, known)
        ? A.getChangesSince(before, known).length
        : A.getAllChanges(before).length;
    if (!this.adapter || this.file.server !== server || this.file.token !== token)
      this.connect(server, token);
    let lastHeads = '';
    let lastMove = Date.now();
    let connected = this.serverPeer !== null;
    let lostAt: number | null = null;
    const connectBy = Date.now() + CONNECT_TIMEOUT_MS;
    for (;;) {
      if (this.isSynced()) break;
      if (this.closed)
        throw new SyncError('Sync stopped: the notebook was closed; what arrived is kept.', 'timeout');
      if (this.phase === 'refused')
        throw new SyncError(this.message ?? 'The sync server refused the token.', 'refused');
      if (this.serverPeer) {
        connected = true;
        lostAt = null;
      } else if (connected && lostAt === null) {
        // The adapter reconnects by itself: a connection back within a few seconds goes on with the sync.
        lostAt = Date.now();
      } else if (lostAt !== null && Date.now() - lostAt > RECONNECT_GRACE_MS) {
        throw new SyncError(
          `Lost the connection to ${shownAddress(server)}; what arrived is kept. Run it again when it is back.`,
          'unreachable',
        );
      } else if (!connected && Date.now() > connectBy) {
        throw new SyncError(
          `Could not connect to the sync server at ${shownAddress(server)} within ${CONNECT_TIMEOUT_MS / 1000} s.`,
          'unreachable',
        );
      }
      const heads = JSON.stringify([this.handle.heads(), this.serverHeadsNow()]);
      if (heads !== lastHeads) {
        lastHeads = heads;
        lastMove = Date.now();
      }
      if (Date.now() - lastMove > idleMs) {
        throw new SyncError(
          this.serverPeer
            ? `Sync with ${shownAddress(server)} stopped moving for ${Math.round(idleMs / 1000)} s; what arrived is kept. Run it again.`
            : `Lost the connection to ${shownAddress(server)}; what arrived is kept. Run it again when it is back.`,
          'timeout',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
      if (this.applying) await this.applying;
    }
    this.checkSynced();
    const after = this.handle.doc();
    const mine = A.getActorId(after);
    const received = A.getChanges(before, after).filter(
      (change) => A.decodeChange(change).actor !== mine,
    ).length;
    await this.persist();
    return { sent, received, conflicts: this.conflictCache.length };
  }

  private serverHeadsNow(): unknown {
    if (!this.serverPeer) return null;
    const storageId = this.repo.getStorageIdOfPeer(this.serverPeer);
    return storageId ? (this.handle.getSyncInfo(storageId)?.lastHeads ?? null) : null;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The store and the document.

  private actor(d?: NotebookDoc): string {
    return A.getActorId(d ?? this.handle.doc());
  }

  private recordAuthor(d: NotebookDoc): void {
    const name = this.options.author().trim();
    const actor = this.actor(d);
    d.authors ??= {};
    const current = d.authors[actor];
    const text =
      current === undefined ? undefined : A.isImmutableString(current) ? current.val : String(current);
    if (name && text !== name) d.authors[actor] = new A.ImmutableString(name);
  }

  /** Makes a change to the document from here (not one that arrived), and keeps the store in step with it. */
  private changeDoc(message: string, fn: (d: NotebookDoc) => void): void {
    this.writingLocal = true;
    try {
      this.handle.change(
        (d) => {
          this.recordAuthor(d);
          fn(d);
        },
        { message },
      );
    } finally {
      this.writingLocal = false;
    }
    this.checkSynced();
  }

  private attach(): void {
    const onChange = ({ patches }: { patches: A.Patch[] }) => {
      if (this.writingLocal || this.closed) return;
      this.queue(touchedBy(patches));
    };
    this.handle.on('change', onChange);
    const onRemoteHeads = () => this.checkSynced();
    this.handle.on('remote-heads', onRemoteHeads);
    const stopCommits = this.store.onCommit((commit) => this.onCommit(commit));
    this.unsubscribe = () => {
      this.handle.off('change', onChange);
      this.handle.off('remote-heads', onRemoteHeads);
      stopCommits();
    };
    this.conflictCache = findConflicts(this.handle.doc());
    this.emit();
  }

  private onCommit(commit: StoreCommit): void {
    if (commit.kind === 'sync' || this.closed) return;
    this.changeDoc(commit.label ?? 'Parley', (d) => writeDiff(d, commit.before, commit.after, this.actor(d)));
  }

  /** Queues what arrived; applies it once the repo has stored it, so the notebook never holds more than the repo. */
  private queue(touched: Touched): void {
    if (this.pending) mergeTouched(this.pending, touched);
    else this.pending = touched;
    if (this.applying) return;
    this.applying = (async () => {
      try {
        while (this.pending && !this.closed) {
          await this.repo.flush([this.handle.documentId]);
          const next = this.pending;
          this.pending = null;
          if (!this.closed) this.applyTouched(next, this.handle.doc());
        }
      } catch (error) {
        this.problems.push(`Changes from the server could not be stored: ${(error as Error).message}`);
        this.setPhase('offline', this.problems[this.problems.length - 1]);
      } finally {
        this.applying = null;
        this.checkSynced();
      }
    })();
  }

  /**
   * Brings the store in line with the document's entries that `touched` names: changed ones replaced in place,
   * new ones added at the end, deleted ones removed. An entry that is not a valid part of a notebook (from a
   * newer or broken client) is left out and said. One `sync` commit.
   */
  private applyTouched(touched: Touched, doc: NotebookDoc): void {
    const refused: string[] = [];
    this.store.changeFromSync((nb) => {
      for (const kind of KINDS) {
        const keys = touched.entries.get(kind);
        if (!keys) continue;
        const list = nb[kind] as Entry[];
        const index = new Map<string, number>();
        list.forEach((item, i) => index.set(keyOf(kind, item), i));
        const map = doc[kind] ?? {};
        const all = keys.has('*');
        const wanted = all ? new Set([...Object.keys(map), ...index.keys()]) : keys;
        const removals: number[] = [];
        for (const key of wanted) {
          const entry = map[key];
          const at = index.get(key);
          if (isLive(entry)) {
            const parsed = SCHEMAS[kind].safeParse(readEntry(kind, entry));
            if (!parsed.success) {
              refused.push(`${kind} ${key}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
              continue;
            }
            const item = parsed.data as Entry;
            if (at === undefined) list.push(item);
            else if (!sameValue(list[at], item)) list[at] = item;
          } else if (at !== undefined) {
            removals.push(at);
          }
        }
        removals.sort((a, b) => b - a);
        for (const at of removals) list.splice(at, 1);
      }
      for (const set of touched.sets) {
        const next = readSet(doc, set);
        const current = nb[set];
        if (!sameValue([...current].sort(), next)) {
          const keep = current.filter((value) => next.includes(value));
          nb[set] = [...keep, ...next.filter((value) => !keep.includes(value))];
        }
      }
      if (doc.schemaVersion !== undefined && doc.schemaVersion > SCHEMA_VERSION) {
        refused.push(`the shared notebook was written by a newer Parley (schema ${doc.schemaVersion})`);
      }
    });
    if (refused.length > 0) {
      this.problems.push(`Some changes from other machines were left out: ${refused.slice(0, 3).join('; ')}`);
    }
    this.refreshConflicts(touched);
    this.scheduleMarker();
  }

  private refreshConflicts(touched: Touched): void {
    const doc = this.handle.doc();
    const all = [...touched.entries.values()].some((keys) => keys.has('*'));
    if (all) {
      this.conflictCache = findConflicts(doc);
    } else {
      // Conflicts of the entries touched are found again; links into touched highlights may have changed too.
      const touchedIds = new Set<string>();
      for (const [kind, keys] of touched.entries) for (const key of keys) touchedIds.add(`${kind}:${key}`);
      // A dangling link or reference can come or go with a highlight, a topic, a party or a document.
      const annotationsTouched = (['annotations', 'topics', 'parties', 'documents'] as const).some((kind) =>
        touched.entries.has(kind),
      );
      const kept = this.conflictCache.filter((conflict) => {
        if (annotationsTouched && conflict.kind === 'dangling-link') return false;
        const parsed = parseConflictId(conflict.id);
        return !(parsed && parsed.kind === 'field' && touchedIds.has(`${parsed.entryKind}:${parsed.key}`));
      });
      const fresh = findConflicts(doc, touched.entries).filter((c) => c.kind === 'field');
      const dangling = annotationsTouched ? findConflicts(doc).filter((c) => c.kind === 'dangling-link') : [];
      this.conflictCache = [...kept, ...fresh, ...dangling];
    }
    this.emit();
  }

  /**
   * On opening: merges what the notebook file holds with what the document holds, against the document as the
   * file last held it (see the top of this module), then writes each side what it lacks.
   */
  private async reconcile(): Promise<void> {
    const doc = this.handle.doc();
    const local = this.store.data;
    const marker = this.file.fileHeads;
    if (
      marker &&
      this.file.fileHash &&
      sameHeads(marker, A.getHeads(doc)) &&
      this.file.fileHash === contentHash(local)
    ) {
      // Nothing arrived since the notebook was written, and the notebook is as it was then: they hold the same.
      return;
    }
    const base = marker && A.hasHeads(doc, marker) ? readNotebook(A.view(doc, marker)) : null;
    const remote = readNotebook(doc);
    const target = merge3(base, local, remote);
    if (!sameNotebook(target, remote)) {
      this.changeDoc('Changes made while not syncing', (d) => writeDiff(d, remote, target, this.actor(d)));
    }
    this.applyTouched(allTouched(), this.handle.doc());
    await this.persist();
  }

  /** Writes the notebook and the repo to disk, then records the heads the notebook file holds. One at a time. */
  persist(): Promise<void> {
    const run = this.persisting.then(async () => {
      if (this.applying) await this.applying;
      const heads = A.getHeads(this.handle.doc());
      await this.repo.flush([this.handle.documentId]);
      await this.store.flush();
      this.file.fileHeads = heads;
      // Only when the notebook holds exactly those heads (nothing changed meanwhile) is its content theirs.
      this.file.fileHash =
        sameHeads(heads, A.getHeads(this.handle.doc())) && !this.pending
          ? contentHash(this.store.data)
          : null;
      await writeSyncFile(this.folder, this.file);
    });
    this.persisting = run.catch(() => {});
    return run;
  }

  private scheduleMarker(): void {
    if (this.markerTimer || this.closed) return;
    this.markerTimer = setTimeout(() => {
      this.markerTimer = null;
      if (!this.closed) this.persist().catch((error) => this.problems.push((error as Error).message));
    }, 500);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Conflicts.

  conflicts(): SyncConflict[] {
    return this.conflictCache.map((conflict) => ({ ...conflict }));
  }

  resolve(id: string, choice: number | 'restore' | 'remove'): void {
    const parsed = parseConflictId(id);
    if (!parsed || !this.conflictCache.some((conflict) => conflict.id === id)) {
      throw new SyncError(
        'That conflict is not there any more: it may have been settled on another machine.',
      );
    }
    let done = false;
    if (parsed.kind === 'field') {
      if (typeof choice !== 'number') throw new SyncError('Pick one of the values to keep.');
      this.changeDoc('Settle a conflict', (d) => {
        done = pickValue(d, parsed.entryKind, parsed.key, parsed.field, choice);
      });
    } else {
      if (choice !== 'restore' && choice !== 'remove')
        throw new SyncError('Restore the highlight or remove the link.');
      this.changeDoc(choice === 'restore' ? 'Restore a deleted highlight' : 'Remove a link', (d) => {
        done = settleLink(d, parsed, choice);
      });
    }
    if (!done) throw new SyncError('That choice is not one of the values in conflict.');
    const keys = new Map<Kind, Set<string>>();
    if (parsed.kind === 'field') keys.set(parsed.entryKind, new Set([parsed.key]));
    else {
      const referred = REFERRED[parsed.type];
      keys.set('annotations', new Set(referred ? [parsed.from] : [parsed.from, parsed.to]));
      if (referred) keys.set(referred, new Set([parsed.to]));
    }
    this.applyTouched({ entries: keys, sets: new Set(), authors: false }, this.handle.doc());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Status.

  status(): SyncStatus {
    const status: SyncStatus = {
      phase: this.phase,
      server: this.file.server ? shownAddress(this.file.server) : null,
      link: this.file.url,
      conflicts: this.conflictCache.length,
      lastSynced: this.file.lastSynced,
    };
    const message = this.message ?? this.problems[this.problems.length - 1];
    if (message && this.phase !== 'synced') status.message = message;
    return status;
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  setPhase(phase: SyncPhase, message?: string): void {
    if (this.phase === phase && this.message === message) return;
    this.phase = phase;
    this.message = message;
    this.emit();
  }

  private emit(): void {
    if (!this.file) return;
    const status = this.status();
    for (const listener of [...this.statusListeners]) {
      try {
        listener({ ...status });
      } catch (error) {
        console.error('[parley] sync status listener failed', error);
      }
    }
  }

  /** Saves what it holds, lets go of the network and the repo. The store stays open (its owner closes it). */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.persist();
    } catch (error) {
      console.error('[parley] could not save the sync state', error);
    }
    this.closed = true;
    if (this.markerTimer) clearTimeout(this.markerTimer);
    this.unsubscribe?.();
    this.disconnect();
    await this.repo.shutdown().catch(() => {});
  }

  /** Forgets the server and token (stop syncing): the replica stays, to share again later. */
  async forgetServer(): Promise<void> {
    this.disconnect();
    this.file.server = null;
    this.file.token = null;
    await this.persist();
  }
}

/** What a dangling reference of each type points at (conflicts.ts); a link's types point at highlights. */
const REFERRED: Record<string, Kind | undefined> = {
  topic: 'topics',
  party: 'parties',
  document: 'documents',
};

function contentHash(notebook: Notebook): string {
  return createHash('sha256').update(JSON.stringify(notebook)).digest('hex');
}

function allTouched(): Touched {
  return {
    entries: new Map(KINDS.map((kind) => [kind, new Set(['*'])])),
    sets: new Set(SETS),
    authors: true,
  };
}

function mergeTouched(into: Touched, more: Touched): void {
  for (const [kind, keys] of more.entries) {
    const existing = into.entries.get(kind);
    if (existing) for (const key of keys) existing.add(key);
    else into.entries.set(kind, new Set(keys));
  }
  for (const set of more.sets) into.sets.add(set);
  into.authors ||= more.authors;
}

function sameNotebook(a: Notebook, b: Notebook): boolean {
  for (const kind of KINDS) {
    const left = a[kind] as Entry[];
    const right = new Map((b[kind] as Entry[]).map((item) => [keyOf(kind, item), item]));
    if (left.length !== right.size) return false;
    for (const item of left) if (!sameValue(item, right.get(keyOf(kind, item)))) return false;
  }
  return SETS.every((set) => sameValue([...a[set]].sort(), [...b[set]].sort()));
}

/**
 * Three-way merge of the notebook file (`local`) and the document (`remote`) against the document as the file last
 * held it (`base`), entry by entry and field by field: a side that changed a field since the base wins it; when
 * both did, the document does (its change is the later one: the file's edits reach the document as they are made).
 * With no base, the file wins where they differ and both sides' new entries are kept.
 */
export function merge3(base: Notebook | null, local: Notebook, remote: Notebook): Notebook {
  const out: Record<string, unknown> = { ...remote };
  for (const kind of KINDS) {
    const byKey = (list: readonly object[]) =>
      new Map(list.map((item) => [keyOf(kind, item as Entry), item as Entry]));
    const b = base ? byKey(base[kind]) : null;
    const l = byKey(local[kind]);
    const r = byKey(remote[kind]);
    const result: Entry[] = [];
    const keys = [...new Set([...r.keys(), ...l.keys()])];
    for (const key of keys) {
      const lb = b?.get(key);
      const ll = l.get(key);
      const rr = r.get(key);
      if (ll && rr) {
        if (!b || !lb) {
          result.push(sameValue(ll, rr) ? rr : { ...rr, ...ll });
          continue;
        }
        const merged: Entry = {};
        for (const field of new Set([...Object.keys(ll), ...Object.keys(rr), ...Object.keys(lb)])) {
          const value = sameValue(ll[field], lb[field])
            ? rr[field]
            : sameValue(rr[field], lb[field])
              ? ll[field]
              : mergeField(kind, field, lb[field], ll[field], rr[field]);
          if (value !== undefined) merged[field] = value;
        }
        result.push(merged);
      } else if (ll) {
        // Not in the document: new in the file, or deleted there (kept if the file changed it since).
        if (!b || !lb || !sameValue(ll, lb)) result.push(ll);
      } else if (rr) {
        // Not in the file: new in the document, or deleted in the file (kept if the document changed it since).
        if (!b || !lb || !sameValue(rr, lb)) result.push(rr);
      }
    }
    out[kind] = result;
  }
  for (const set of SETS) {
    const bs = new Set(base?.[set] ?? []);
    const ls = new Set(local[set]);
    const rs = new Set(remote[set]);
    const values = [...new Set([...rs, ...ls])].filter((value) => {
      if (ls.has(value) && rs.has(value)) return true;
      // On one side only: added there (keep), or removed on the other (drop), as the base says.
      return base ? !bs.has(value) : true;
    });
    out[set] = values;
  }
  return out as unknown as Notebook;
}
