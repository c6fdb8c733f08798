// Written for Parley: what main tells a page waits until the page says it listens, across loads and reloads.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { MAX_WAITING, RendererEvents } from '../../../main/renderer-events';
import type { SaveState } from '../../../shared/contract';

/** A web contents that records what reaches its page, with Electron's navigation events to emit. */
class Contents extends EventEmitter {
  received: Array<[string, unknown]> = [];
  destroyed = false;
  send(channel: string, payload: unknown) {
    this.received.push([channel, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** A main-frame navigation as Electron 45 reports its start: details first, then url, isInPlace, isMainFrame. */
  startNavigation(fields: { isMainFrame?: boolean; isSameDocument?: boolean } = {}) {
    const details = { url: 'app://parley/index.html', isMainFrame: true, isSameDocument: false, ...fields };
    this.emit('did-start-navigation', details, details.url, details.isSameDocument, details.isMainFrame);
  }
}

const saved = (status: SaveState['status']) => ({ status }) as SaveState;

function watched(): { events: RendererEvents; contents: Contents } {
  const events = new RendererEvents();
  const contents = new Contents();
  events.watch(contents);
  return { events, contents };
}

describe('RendererEvents', () => {
  test('holds messages until the page is ready, then delivers them in order, and later ones at once', () => {
    const { events, contents } = watched();
    events.send(contents, 'documentsAdded', ['d1']);
    events.send(contents, 'menuCommand', 'import');
    events.send(contents, 'documentsAdded', ['d2']);
    assert.deepEqual(contents.received, []);
    assert.equal(events.waitingFor(contents), 3);
    events.ready(contents);
    assert.deepEqual(contents.received, [
      ['event:documents-added', ['d1']],
      ['event:menu-command', 'import'],
      ['event:documents-added', ['d2']],
    ]);
    events.send(contents, 'menuCommand', 'find');
    assert.deepEqual(contents.received.at(-1), ['event:menu-command', 'find']);
    assert.equal(events.waitingFor(contents), 0);
  });

  test('state messages keep only the newest while waiting; the others all stay', () => {
    const { events, contents } = watched();
    events.send(contents, 'saveState', saved('saving'));
    events.send(contents, 'menuCommand', 'import');
    events.send(contents, 'saveState', saved('saved'));
    events.send(contents, 'progress', { task: 'import', done: 1, total: 3 });
    events.send(contents, 'progress', { task: 'import', done: 3, total: 3 });
    const sync = { server: 'ws://127.0.0.1:1', link: 'automerge:x', conflicts: 0, lastSynced: null };
    events.send(contents, 'syncStatus', { ...sync, phase: 'syncing' });
    events.send(contents, 'syncStatus', { ...sync, phase: 'offline', message: 'Unreachable.' });
    events.ready(contents);
    assert.deepEqual(contents.received, [
      ['event:menu-command', 'import'],
      ['event:save-state', { status: 'saved' }],
      ['event:progress', { task: 'import', done: 3, total: 3 }],
      ['event:sync-status', { ...sync, phase: 'offline', message: 'Unreachable.' }],
    ]);
  });

  test('a reload holds messages from its start until the new page is ready', () => {
    const { events, contents } = watched();
    events.ready(contents);
    contents.startNavigation();
    events.send(contents, 'documentsAdded', ['during-navigation']);
    contents.emit('did-navigate', {}, 'app://parley/index.html', 200, 'OK');
    events.send(contents, 'menuCommand', 'import');
    contents.emit('did-stop-loading');
    assert.deepEqual(contents.received, [], 'the new page does not listen yet');
    events.ready(contents);
    assert.deepEqual(contents.received, [
      ['event:documents-added', ['during-navigation']],
      ['event:menu-command', 'import'],
    ]);
  });

  test('the old page saying ready during the navigation does not release what the new page needs', () => {
    const { events, contents } = watched();
    events.ready(contents);
    contents.startNavigation();
    events.send(contents, 'documentsAdded', ['d1']);
    events.ready(contents);
    assert.deepEqual(contents.received, []);
    contents.emit('did-navigate', {}, 'app://parley/index.html', 200, 'OK');
    events.ready(contents);
    assert.deepEqual(contents.received, [['event:documents-added', ['d1']]]);
  });

  test('a navigation that never commits (stopped or failed) leaves the listening page as it was', () => {
    for (const end of ['did-stop-loading', 'did-fail-load'] as const) {
      const { events, contents } = watched();
      events.ready(contents);
      contents.startNavigation();
      events.send(contents, 'menuCommand', 'import');
      assert.deepEqual(contents.received, []);
      if (end === 'did-fail-load') contents.emit(end, {}, -3, 'ERR_ABORTED', 'https://x/', true);
      else contents.emit(end);
      assert.deepEqual(contents.received, [['event:menu-command', 'import']], end);
      events.send(contents, 'menuCommand', 'find');
      assert.equal(contents.received.length, 2, end);
    }
  });

  test('a navigation refused or aborted before it commits (Electron: did-fail-provisional-load alone) ends the wait', () => {
    // Electron reports an aborted navigation (a will-navigate that was prevented, ERR_ABORTED) only through
    // did-fail-provisional-load: no did-fail-load for ERR_ABORTED, and no load ever started to stop.
    const { events, contents } = watched();
    events.ready(contents);
    contents.startNavigation();
    events.send(contents, 'documentsAdded', ['d1']);
    contents.emit('did-fail-provisional-load', {}, -3, 'ERR_ABORTED', 'https://example.com/', true, 1, 1);
    assert.deepEqual(contents.received, [['event:documents-added', ['d1']]]);
    // A subframe's failure is not the page's.
    contents.startNavigation();
    events.send(contents, 'menuCommand', 'find');
    contents.emit('did-fail-provisional-load', {}, -3, 'ERR_ABORTED', 'https://ads.example/', false, 1, 2);
    assert.equal(contents.received.length, 1);
  });

  test('in-page and subframe navigations change nothing', () => {
    const { events, contents } = watched();
    events.ready(contents);
    contents.startNavigation({ isSameDocument: true });
    contents.startNavigation({ isMainFrame: false });
    events.send(contents, 'menuCommand', 'import');
    assert.deepEqual(contents.received, [['event:menu-command', 'import']]);
  });

  test('a closed window is sent nothing, and its waiting messages go with it', () => {
    const { events, contents } = watched();
    events.send(contents, 'menuCommand', 'import');
    contents.destroyed = true;
    contents.emit('destroyed');
    events.send(contents, 'menuCommand', 'find');
    events.ready(contents);
    assert.deepEqual(contents.received, []);
    assert.equal(events.waitingFor(contents), 0);
  });

  test('a page that never becomes ready keeps at most MAX_WAITING messages, the newest', () => {
    const { events, contents } = watched();
    const warn = console.warn;
    console.warn = () => {};
    try {
      for (let i = 0; i < MAX_WAITING + 5; i++) events.send(contents, 'documentsAdded', [`d${i}`]);
    } finally {
      console.warn = warn;
    }
    assert.equal(events.waitingFor(contents), MAX_WAITING);
    events.ready(contents);
    assert.deepEqual(contents.received[0], ['event:documents-added', ['d5']]);
  });

  test('contents it does not watch are sent to directly', () => {
    const events = new RendererEvents();
    const contents = new Contents();
    events.send(contents, 'menuCommand', 'import');
    assert.deepEqual(contents.received, [['event:menu-command', 'import']]);
  });
});
