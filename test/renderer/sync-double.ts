// A stand-in for team sync (main/sync's SyncApi) that records what the window asks of it and says what the test
// tells it to: a status, the conflicts waiting. It makes no network call and changes no notebook; the specs that
// use it test the window's part (what the status bar, the dialogs and the conflicts panel show and ask), and say
// so. The real engine against the real server is tested in sync.spec.ts's main scenario.
import type { SyncConflict, SyncStatus } from '../../shared/contract';
import { ParleyError } from '../../shared/model';
import { syncOff, type SyncApi } from '../../main/sync/types';

export type SyncCall =
  | ['share', string, string]
  | ['syncNow']
  | ['stop']
  | ['resolve', string, number | 'restore' | 'remove']
  | ['join', string, string, string, string]
  | ['close'];

export class SyncDouble implements SyncApi {
  readonly calls: SyncCall[] = [];
  private current: SyncStatus = syncOff();
  private waiting: SyncConflict[] = [];
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  /** The link share() hands out. */
  link = 'automerge:2Zx9kQh7tQ1cZpVrQ3m8fZ1Jc4aB';
  /** When share() refuses, why (as the engine would when the server turns it away). */
  shareRefusal: string | null = null;

  /** Says a new status, as the engine does when sync's state changes. */
  tell(patch: Partial<SyncStatus>): void {
    this.current = { ...this.current, ...patch, conflicts: patch.conflicts ?? this.waiting.length };
    for (const listener of this.listeners) listener({ ...this.current });
  }

  /** Puts conflicts in wait, and says the new count. */
  setConflicts(conflicts: SyncConflict[]): void {
    this.waiting = conflicts.map((c) => ({ ...c }));
    this.tell({ conflicts: this.waiting.length });
  }

  status(): SyncStatus {
    return { ...this.current };
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async share(server: string, token: string): Promise<SyncStatus> {
    this.calls.push(['share', server, token]);
    if (this.shareRefusal) throw new ParleyError(this.shareRefusal, 'refused');
    this.tell({ phase: 'synced', server, link: this.link, lastSynced: new Date().toISOString() });
    return this.status();
  }

  async syncNow(): Promise<SyncStatus> {
    this.calls.push(['syncNow']);
    this.tell({ phase: 'synced', lastSynced: new Date().toISOString() });
    return this.status();
  }

  async stop(): Promise<SyncStatus> {
    this.calls.push(['stop']);
    this.waiting = [];
    this.current = syncOff();
    this.tell({});
    return this.status();
  }

  conflicts(): SyncConflict[] {
    return this.waiting.map((c) => ({ ...c }));
  }

  resolve(id: string, choice: number | 'restore' | 'remove'): SyncStatus {
    this.calls.push(['resolve', id, choice]);
    const found = this.waiting.find((c) => c.id === id);
    if (!found) throw new Error(`No conflict ${id}.`);
    this.waiting = this.waiting.filter((c) => c.id !== id);
    this.tell({ conflicts: this.waiting.length });
    return this.status();
  }

  async join(link: string, server: string, token: string, path: string): Promise<void> {
    this.calls.push(['join', link, server, token, path]);
  }

  async close(): Promise<void> {
    this.calls.push(['close']);
    this.listeners.clear();
  }
}
