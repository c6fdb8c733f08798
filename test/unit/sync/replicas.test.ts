/**
 * Replicas of one notebook through the real sync server (started by the test on 127.0.0.1): offline edits on two
 * machines converge with nothing lost, conflicts and dangling links are listed, and a new replica joins a large
 * notebook whole. How long these take is measured by `npm run bench -- --only=sync`, not here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import * as ops from '../../../main/core/notebook';
import { linkAnnotations } from '../../../main/core/links';
import { openSync, joinNotebook, type SyncService } from '../../../main/sync/service';
import type { NotebookStore } from '../../../main/storage/notebook-store';
import { startSyncServer, type RunningSyncServer } from './server-process';
import { addHighlights, addTestDocument, canonical, openStore, sentenceRange, tempDir } from './fixtures';

let server: RunningSyncServer;
const dir = tempDir();

before(async () => {
  server = await startSyncServer();
});
after(async () => {
  await server.stop();
  dir.remove();
});

interface Machine {
  store: NotebookStore;
  sync: SyncService;
}

const opened: Machine[] = [];
after(async () => {
  for (const m of opened) await close(m).catch(() => {});
});

async function machine(name: string, author: string): Promise<Machine> {
  const store = await openStore(join(dir.path, `${name}.json`));
  const sync = await openSync(store, { author: () => author, connect: false });
  const m = { store, sync };
  opened.push(m);
  return m;
}

async function close(m: Machine): Promise<void> {
  const at = opened.indexOf(m);
  if (at >= 0) opened.splice(at, 1);
  await m.sync.close();
  await m.store.close();
}

describe('two replicas with 1,000 offline edits each', () => {
  test('converge to equal notebooks, keep every highlight and note line, list the conflicts and the dangling link', async () => {
    const ana = await machine('ana', 'Ana');
    const docId = addTestDocument(ana.store, 200);
    const topic = ana.store.change((nb) => ops.createTopic(nb, { path: 'talks' }), 'New topic');
    const [shared, doomed] = addHighlights(ana.store, docId, 2, { sentences: 200, note: () => 'first line' });
    const status = await ana.sync.share(server.url, server.token);
    assert.equal(status.phase, 'synced');
    assert.match(status.link!, /^automerge:/);
    ana.sync.goOffline();
    await joinNotebook({
      link: status.link!,
      server: server.url,
      token: server.token,
      path: join(dir.path, 'ben.json'),
      author: 'Ben',
    });
    const ben = await machine('ben', 'Ben');
    assert.deepEqual(
      canonical(ben.store.data),
      canonical(ana.store.data),
      'the joined copy is the shared notebook',
    );

    // Offline: each machine makes 1,000 changes, none of them sent yet.
    const anaLines: string[] = [];
    const benLines: string[] = [];
    const editNote = (m: Machine, line: string, lines: string[]) => {
      lines.push(line);
      m.store.change((nb) => {
        const a = nb.annotations.find((x) => x.id === shared)!;
        a.note = `${a.note}\n${line}`;
      }, 'Edit note');
    };
    const anaNew = addHighlights(ana.store, docId, 600, { from: 2, sentences: 200 });
    for (let i = 0; i < 397; i++) editNote(ana, `Ana's line ${i}`, anaLines);
    ana.store.change((nb) => ops.deleteAnnotation(nb, doomed!), 'Delete highlight');
    ana.store.change((nb) => {
      nb.topics.find((t) => t.id === topic.id)!.path = 'talks/ana';
    }, 'Rename topic');
    ana.store.change((nb) => {
      nb.annotations.find((x) => x.id === shared)!.stance = 'demand';
    }, 'Set stance');

    const benNew = addHighlights(ben.store, docId, 600, { from: 100, sentences: 200 });
    for (let i = 0; i < 397; i++) editNote(ben, `Ben's line ${i}`, benLines);
    ben.store.change(
      (nb) => linkAnnotations(nb, { fromId: benNew[0]!, toId: doomed!, type: 'rebuts' }, new Date()),
      'Link',
    );
    ben.store.change((nb) => {
      nb.topics.find((t) => t.id === topic.id)!.path = 'talks/ben';
    }, 'Rename topic');
    ben.store.change((nb) => {
      nb.annotations.find((x) => x.id === shared)!.stance = 'refusal';
    }, 'Set stance');

    // Reconnect: each syncs; Ana once more for what Ben sent after her.
    const syncOnce = async (m: Machine) => {
      const counts = await m.sync.syncWith(server.url, server.token);
      m.sync.goOffline();
      return counts;
    };
    const a1 = await syncOnce(ana);
    const b1 = await syncOnce(ben);
    const a2 = await syncOnce(ana);
    assert.equal(a1.sent, 1000, 'Ana sent her 1,000 changes');
    assert.equal(b1.sent, 1000, 'Ben sent his 1,000 changes');
    assert.equal(b1.received, 1000, 'Ben received Ana’s 1,000 changes');
    assert.equal(a2.received, 1000, 'Ana received Ben’s 1,000 changes');

    assert.deepEqual(canonical(ana.store.data), canonical(ben.store.data), 'the two notebooks are equal');
    const ids = new Set(ana.store.data.annotations.map((a) => a.id));
    for (const id of [...anaNew, ...benNew, shared!]) assert.ok(ids.has(id), `highlight ${id} is there`);
    assert.equal(
      ana.store.data.annotations.length,
      1 + 600 + 600,
      'no highlight lost or doubled, the deleted one gone',
    );
    const note = ana.store.data.annotations.find((a) => a.id === shared)!.note.split('\n');
    for (const line of [...anaLines, ...benLines, 'first line'])
      assert.ok(note.includes(line), `note line “${line}” kept`);
    assert.equal(note.length, 1 + anaLines.length + benLines.length, 'no note line doubled');
    // Each machine's lines stay in the order they were written.
    assert.deepEqual(
      note.filter((l) => l.startsWith('Ana')),
      anaLines,
    );
    assert.deepEqual(
      note.filter((l) => l.startsWith('Ben')),
      benLines,
    );

    for (const m of [ana, ben]) {
      const conflicts = m.sync.conflicts();
      const rename = conflicts.find((c) => c.kind === 'field' && c.id.includes(topic.id));
      assert.ok(rename, 'the topic renamed on both is a conflict');
      assert.deepEqual(rename.values.map((v) => `${v.text} by ${v.author}`).sort(), [
        'talks/ana by Ana',
        'talks/ben by Ben',
      ]);
      assert.equal(rename.values.filter((v) => v.shown).length, 1, 'one value is shown until the pick');
      const stance = conflicts.find((c) => c.kind === 'field' && c.id.endsWith(':stance'));
      assert.deepEqual(stance?.values.map((v) => `${v.text} by ${v.author}`).sort(), [
        'demand by Ana',
        'refusal by Ben',
      ]);
      const dangling = conflicts.find((c) => c.kind === 'dangling-link');
      assert.ok(dangling?.link, 'the link to the highlight Ana deleted is shown');
      assert.equal(dangling.link.from, benNew[0]);
      assert.equal(dangling.link.to, doomed);
      assert.equal(dangling.link.deletedBy, 'Ana');
      const doomedQuote = sentenceRange(ana.store.data, docId, 1);
      assert.ok(
        dangling.link.quote.startsWith(
          ana.store.data.documents[0]!.text.slice(doomedQuote.start, doomedQuote.start + 10),
        ),
      );
      assert.equal(m.sync.status().conflicts, 3);
    }

    // The pick settles it on both machines.
    const rename = ana.sync.conflicts().find((c) => c.id.includes(topic.id))!;
    const pick = rename.values.findIndex((v) => v.text === 'talks/ben');
    ana.sync.resolve(rename.id, pick);
    const restore = ana.sync.conflicts().find((c) => c.kind === 'dangling-link')!;
    ana.sync.resolve(restore.id, 'restore');
    assert.equal(ana.store.data.topics.find((t) => t.id === topic.id)!.path, 'talks/ben');
    assert.ok(
      ana.store.data.annotations.some((a) => a.id === doomed),
      'the deleted highlight is back',
    );
    await ana.sync.syncWith(server.url, server.token);
    await ben.sync.syncWith(server.url, server.token);
    assert.deepEqual(canonical(ana.store.data), canonical(ben.store.data));
    assert.deepEqual(
      ben.sync.conflicts().map((c) => c.kind),
      ['field'],
      'on the other machine too only the stance is left',
    );
    await close(ana);
    await close(ben);
  });
});

describe('a new replica joins a notebook of 10,000 highlights', () => {
  test('gets every highlight, each once, equal to the shared notebook', async () => {
    const owner = await machine('big', 'Owner');
    const docId = addTestDocument(owner.store, 500);
    addHighlights(owner.store, docId, 10_000, { sentences: 500, perChange: 500, note: (i) => `note ${i}` });
    const status = await owner.sync.share(server.url, server.token);
    const path = join(dir.path, 'joined.json');
    await joinNotebook({ link: status.link!, server: server.url, token: server.token, path, author: 'New' });
    const joined = await openStore(path);
    assert.equal(joined.data.annotations.length, 10_000);
    assert.equal(new Set(joined.data.annotations.map((a) => a.id)).size, 10_000);
    assert.deepEqual(canonical(joined.data), canonical(owner.store.data));
    await joined.close();
    await close(owner);
  });
});
