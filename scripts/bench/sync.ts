/**
 * Part `sync`: team notebooks through the real sync server (scripts/sync-server.mjs, started here on 127.0.0.1).
 *
 * - `sync_converge_ms`: two replicas of a shared notebook each make 1,000 changes offline (600 new highlights,
 *   397 lines added to one shared note, a topic renamed, a stance set, a highlight deleted on one and linked on the
 *   other), then reconnect: from the first sync until both hold the same notebook (each syncs once, the first once
 *   more). The peer, `sync_converge_raw_ms`: the same number of changes made by two bare automerge-repo clients to a
 *   plain document (a map entry each, and lines added to one text), until both have the same heads.
 * - `sync_join_ms` and `sync_join_mb`: a new replica joins a notebook of 10,000 highlights (joinNotebook: fetched,
 *   written as a notebook, its sync state stored), in a process of its own, and how much its resident memory grew
 *   at the peak. The peer, `sync_join_raw_ms`: a bare automerge-repo client fetching the same document.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Repo, type DocHandle } from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import * as A from '@automerge/automerge';
import * as ops from '../../main/core/notebook';
import { linkAnnotations } from '../../main/core/links';
import { joinNotebook, openSync, type SyncService } from '../../main/sync/service';
import { serverAddress } from '../../main/sync/probe';
import type { NotebookStore } from '../../main/storage/notebook-store';
import { startSyncServer, type RunningSyncServer } from '../../test/unit/sync/server-process';
import { addHighlights, addTestDocument, canonical, openStore, tempDir } from '../../test/unit/sync/fixtures';
import { log, notes, record, timeRuns } from './context';
import { median } from './report';

const CONVERGE_RUNS = 3;
const JOIN_RUNS = 3;
const JOIN_HIGHLIGHTS = 10_000;
const HERE = fileURLToPath(new URL('.', import.meta.url));

interface Machine {
  store: NotebookStore;
  sync: SyncService;
}

async function machine(path: string, author: string): Promise<Machine> {
  const store = await openStore(path);
  return { store, sync: await openSync(store, { author: () => author, connect: false }) };
}

async function closeAll(...machines: Machine[]): Promise<void> {
  for (const m of machines) {
    await m.sync.close();
    await m.store.close();
  }
}

/** Two replicas, 1,000 offline changes each; the time from reconnecting until they hold the same notebook. */
async function convergeOnce(server: RunningSyncServer, folder: string): Promise<number> {
  const ana = await machine(join(folder, 'ana.json'), 'Ana');
  const docId = addTestDocument(ana.store, 200);
  const topic = ana.store.change((nb) => ops.createTopic(nb, { path: 'talks' }), 'New topic');
  const [shared, doomed] = addHighlights(ana.store, docId, 2, { sentences: 200, note: () => 'first line' });
  const { link } = await ana.sync.share(server.url, server.token);
  ana.sync.goOffline();
  await joinNotebook({
    link: link!,
    server: server.url,
    token: server.token,
    path: join(folder, 'ben.json'),
    author: 'Ben',
  });
  const ben = await machine(join(folder, 'ben.json'), 'Ben');
  for (const [m, from, name] of [
    [ana, 2, 'Ana'],
    [ben, 100, 'Ben'],
  ] as const) {
    const made = addHighlights(m.store, docId, 600, { from, sentences: 200 });
    for (let i = 0; i < 397; i++) {
      m.store.change((nb) => {
        const a = nb.annotations.find((x) => x.id === shared)!;
        a.note = `${a.note}\n${name}'s line ${i}`;
      }, 'Edit note');
    }
    m.store.change((nb) => {
      nb.topics.find((t) => t.id === topic.id)!.path = `talks/${name}`;
    }, 'Rename topic');
    m.store.change((nb) => {
      nb.annotations.find((x) => x.id === shared)!.stance = name === 'Ana' ? 'demand' : 'refusal';
    }, 'Set stance');
    if (m === ana) m.store.change((nb) => ops.deleteAnnotation(nb, doomed!), 'Delete highlight');
    else
      m.store.change(
        (nb) => linkAnnotations(nb, { fromId: made[0]!, toId: doomed!, type: 'rebuts' }, new Date()),
        'Link',
      );
  }
  const start = performance.now();
  await ana.sync.syncWith(server.url, server.token);
  await ben.sync.syncWith(server.url, server.token);
  await ana.sync.syncWith(server.url, server.token);
  const ms = performance.now() - start;
  if (JSON.stringify(canonical(ana.store.data)) !== JSON.stringify(canonical(ben.store.data))) {
    throw new Error('the two replicas did not converge');
  }
  notes.push(
    `sync: converged with ${ana.sync.conflicts().length} conflicts listed (rename, stance, dangling link)`,
  );
  await closeAll(ana, ben);
  return ms;
}

/** The peer: two bare repo clients, 1,000 changes each to a plain document, until their heads are the same. */
async function convergeRawOnce(server: RunningSyncServer): Promise<number> {
  type Plain = { entries: Record<string, unknown>; note: string; topic: string };
  const address = serverAddress(server.url, server.token);
  const first = new Repo({ network: [new WebSocketClientAdapter(address)] });
  const handle = first.create<Plain>({ entries: {}, note: 'first line', topic: 'talks' });
  const second = new Repo({ network: [] });
  // The second starts from the same document, as a join would give it.
  const other: DocHandle<Plain> = second.import(A.save(handle.doc()), { docId: handle.documentId });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const edit = (h: DocHandle<Plain>, name: string) => {
    for (let i = 0; i < 600; i++)
      h.change((d) => (d.entries[`${name}${i}`] = { quote: new A.ImmutableString(`q${i}`) }));
    for (let i = 0; i < 398; i++)
      h.change((d) => A.splice(d, ['note'], d.note.length, 0, `\n${name}'s line ${i}`));
    h.change((d) => (d.topic = `talks/${name}`));
    h.change((d) => (d.entries[`${name}0`] = null));
  };
  first.networkSubsystem.adapters.forEach((adapter) => first.networkSubsystem.removeNetworkAdapter(adapter));
  edit(handle, 'a');
  edit(other, 'b');
  const start = performance.now();
  first.networkSubsystem.addNetworkAdapter(new WebSocketClientAdapter(address));
  second.networkSubsystem.addNetworkAdapter(new WebSocketClientAdapter(address));
  for (;;) {
    const a = JSON.stringify(handle.heads());
    if (a === JSON.stringify(other.heads()) && Object.keys(handle.doc().entries).length === 1200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const ms = performance.now() - start;
  await first.shutdown();
  await second.shutdown();
  return ms;
}

function joinInChild(
  link: string,
  server: RunningSyncServer,
  path: string,
  raw: boolean,
): Promise<{ ms: number; mb: number }> {
  const args = ['--import', 'tsx', join(HERE, 'sync-join-child.ts'), link, server.url, server.token, path];
  if (raw) args.push('raw');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').pop()!) as { ms: number; mb: number });
      else reject(new Error(`the join ended with ${code}: ${err}`));
    });
  });
}

export async function benchSync(): Promise<void> {
  log('Team sync through the sync server…');
  const dir = tempDir('parley-bench-sync-');
  const server = await startSyncServer({ dataDir: join(dir.path, 'server') });
  try {
    record(
      'sync_converge_ms',
      await timeRuns(CONVERGE_RUNS, (i) => convergeOnce(server, join(dir.path, `converge-${i}`))),
    );
    record('sync_converge_raw_ms', await timeRuns(CONVERGE_RUNS, () => convergeRawOnce(server)));

    const owner = await machine(join(dir.path, 'owner.json'), 'Owner');
    const docId = addTestDocument(owner.store, 500);
    addHighlights(owner.store, docId, JOIN_HIGHLIGHTS, {
      sentences: 500,
      perChange: 500,
      note: (i) => `note ${i}`,
    });
    const { link } = await owner.sync.share(server.url, server.token);
    await closeAll(owner);
    const joins = [];
    for (let i = 0; i < JOIN_RUNS; i++)
      joins.push(await joinInChild(link!, server, join(dir.path, `joined-${i}.json`), false));
    record(
      'sync_join_ms',
      joins.map((j) => j.ms),
    );
    record(
      'sync_join_mb',
      joins.map((j) => j.mb),
    );
    const raw = [];
    for (let i = 0; i < JOIN_RUNS; i++) raw.push(await joinInChild(link!, server, '', true));
    record(
      'sync_join_raw_ms',
      raw.map((j) => j.ms),
    );
    notes.push(
      `sync: a join of ${JOIN_HIGHLIGHTS.toLocaleString('en')} highlights grew the joining process by ` +
        `${median(joins.map((j) => j.mb)).toFixed(0)} MB at its peak (a bare repo client: ${median(raw.map((j) => j.mb)).toFixed(0)} MB)`,
    );
  } finally {
    await server.stop();
    dir.remove();
  }
}
