// Written for the project: quitting waits for the notebook to be on disk, but not for ever. With a stand-in app
// (whose quit emits a cancellable before-quit, as Electron's does), a store whose write the test finishes, fails
// or leaves hanging, and timers the test fires by hand, so no test waits for real time.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';
import type { SaveState } from '../../../shared/contract';
import { flushOnSessionEnd, guardQuit, type QuitTimers } from '../../../main/quit-flush';

class StandInApp extends EventEmitter {
  quits = 0;
  exited = false;
  quit() {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.quits++;
      this.exited = true;
    }
  }
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function standInStore(status: SaveState['status'] = 'saving') {
  const writes: Array<ReturnType<typeof deferred>> = [];
  const store = {
    path: '/home/ana/notebook.json',
    saveState: { status } as SaveState,
    closed: false,
    flush() {
      const write = deferred();
      writes.push(write);
      return write.promise;
    },
    async close() {
      store.closed = true;
    },
  };
  return { store, writes };
}

function handTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const timers: QuitTimers = {
    setTimeout: (fn, ms) => {
      pending.set(++next, { fn, ms });
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const fire = () => {
    const due = [...pending.entries()];
    pending.clear();
    for (const [, { fn }] of due) fn();
  };
  return { timers, pending, fire };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function setUp(limitMs = 10_000) {
  const app = new StandInApp();
  const { store, writes } = standInStore();
  const clock = handTimers();
  const asked: Array<{
    path: string;
    seconds: number;
    signal: AbortSignal;
    answer: (a: 'quit' | 'wait') => void;
  }> = [];
  const failures: Array<{ path: string; detail: string }> = [];
  let quitAfterFailure = false;
  let stays = 0;
  guardQuit({
    app,
    store: () => store,
    limitMs,
    timers: clock.timers,
    ask: {
      whileSlow: (path, seconds, signal) =>
        new Promise((answer) => asked.push({ path, seconds, signal, answer })),
      afterFailure: (path, detail) => {
        failures.push({ path, detail });
        return quitAfterFailure;
      },
    },
    stay: () => void stays++,
  });
  return {
    app,
    store,
    writes,
    clock,
    asked,
    failures,
    stays: () => stays,
    quitAnyway: () => (quitAfterFailure = true),
  };
}

describe('guardQuit', () => {
  test('quitting waits for the write, then quits once', async () => {
    const { app, store, writes } = setUp();
    app.quit();
    assert.equal(app.exited, false, 'held back while the notebook is written');
    app.quit();
    assert.equal(writes.length, 1, 'a second quit does not start a second flush');
    writes[0]!.resolve();
    await settle();
    assert.equal(store.closed, true);
    assert.equal(app.quits, 1);
  });

  test('team sync is closed first, then the notebook is written and closed; a sync that fails to close is no reason to lose the write', async () => {
    for (const fails of [false, true]) {
      const app = new StandInApp();
      const { store, writes } = standInStore();
      const order: string[] = [];
      const closing = deferred();
      const errors: unknown[][] = [];
      const logged = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      try {
        guardQuit({
          app,
          store: () => store,
          closeFirst: () => {
            order.push('sync closing');
            return closing.promise.then(() => void order.push('sync closed'));
          },
          timers: handTimers().timers,
          ask: { whileSlow: () => new Promise(() => {}), afterFailure: () => false },
          stay: () => {},
        });
        app.quit();
        await settle();
        assert.deepEqual(order, ['sync closing']);
        assert.equal(writes.length, 0, 'nothing written while sync may still change the notebook');
        if (fails) closing.reject(new Error('the replica would not close'));
        else closing.resolve();
        await settle();
        assert.equal(writes.length, 1);
        writes[0]!.resolve();
        await settle();
        assert.equal(store.closed, true);
        assert.equal(app.quits, 1);
        assert.equal(errors.length, fails ? 1 : 0);
      } finally {
        console.error = logged;
      }
    }
  });

  test('a failed write asks; keeping Parley open quits nothing and the next quit writes again', async () => {
    const ctx = setUp();
    ctx.app.quit();
    ctx.writes[0]!.reject(new Error('ENOSPC: no space left on device'));
    await settle();
    assert.deepEqual(ctx.failures, [
      { path: '/home/ana/notebook.json', detail: 'ENOSPC: no space left on device' },
    ]);
    assert.equal(ctx.app.exited, false);
    assert.equal(ctx.stays(), 1);
    assert.equal(ctx.clock.pending.size, 0, 'no time limit left running');
    ctx.quitAnyway();
    ctx.app.quit();
    assert.equal(ctx.writes.length, 2);
    ctx.writes[1]!.reject(new Error('ENOSPC again'));
    await settle();
    assert.equal(ctx.app.quits, 1, 'the user chose to quit without saving');
  });

  test('a write that hangs past the limit asks whether to keep waiting or quit', async () => {
    const ctx = setUp(8_000);
    ctx.app.quit();
    assert.deepEqual(
      [...ctx.clock.pending.values()].map(({ ms }) => ms),
      [8_000],
    );
    ctx.clock.fire();
    assert.equal(ctx.asked.length, 1);
    assert.equal(ctx.asked[0]!.path, '/home/ana/notebook.json');
    assert.equal(ctx.asked[0]!.seconds, 8);
    ctx.asked[0]!.answer('quit');
    await settle();
    assert.equal(ctx.app.quits, 1, 'quits although the write never finished');
    ctx.writes[0]!.resolve();
    await settle();
    assert.equal(ctx.app.quits, 1);
  });

  test('keeping on waiting asks again after another limit; a write that ends closes the question and quits', async () => {
    const ctx = setUp();
    ctx.app.quit();
    ctx.clock.fire();
    ctx.asked[0]!.answer('wait');
    await settle();
    assert.equal(ctx.app.exited, false);
    assert.equal(ctx.clock.pending.size, 1, 'the limit runs again');
    ctx.clock.fire();
    assert.equal(ctx.asked.length, 2);
    assert.equal(ctx.asked[1]!.signal.aborted, false);
    ctx.writes[0]!.resolve();
    await settle();
    assert.equal(ctx.asked[1]!.signal.aborted, true, 'the open question is closed');
    assert.equal(ctx.app.quits, 1);
    ctx.asked[1]!.answer('wait');
    await settle();
    assert.equal(ctx.clock.pending.size, 0);
  });

  test('a write that ends in time leaves no timer behind and asks nothing', async () => {
    const ctx = setUp();
    ctx.app.quit();
    ctx.writes[0]!.resolve();
    await settle();
    assert.equal(ctx.clock.pending.size, 0);
    assert.equal(ctx.asked.length, 0);
  });

  test('with no notebook open, quitting is not held back', () => {
    const app = new StandInApp();
    guardQuit({
      app,
      store: () => null,
      ask: { whileSlow: async () => 'wait', afterFailure: () => false },
      stay: () => {},
    });
    app.quit();
    assert.equal(app.quits, 1);
  });
});

describe('flushOnSessionEnd (Windows shutdown and log-off, where before-quit never comes)', () => {
  function sessionWindow() {
    const win = new EventEmitter();
    const fire = (name: string) => {
      let prevented = false;
      win.emit(name, { reasons: ['shutdown'], preventDefault: () => (prevented = true) });
      return prevented;
    };
    return { win, fire };
  }

  test('query-session-end with unsaved changes holds the shutdown back, saves the window and quits through the flush', () => {
    const { win, fire } = sessionWindow();
    const { store } = standInStore('saving');
    const done: string[] = [];
    flushOnSessionEnd(win, {
      store: () => store,
      saveWindowState: () => done.push('window'),
      quit: () => done.push('quit'),
    });
    assert.equal(fire('query-session-end'), true);
    assert.deepEqual(done, ['window', 'quit']);
  });

  test('query-session-end with everything saved lets the session end and still saves the window', () => {
    const { win, fire } = sessionWindow();
    const { store } = standInStore('saved');
    const done: string[] = [];
    flushOnSessionEnd(win, {
      store: () => store,
      saveWindowState: () => done.push('window'),
      quit: () => done.push('quit'),
    });
    assert.equal(fire('query-session-end'), false);
    assert.deepEqual(done, ['window']);
  });

  test('session-end (cannot be held back) saves the window at once and starts the write', () => {
    const { win, fire } = sessionWindow();
    const { store, writes } = standInStore('saving');
    const done: string[] = [];
    flushOnSessionEnd(win, {
      store: () => store,
      saveWindowState: () => done.push('window'),
      quit: () => done.push('quit'),
    });
    fire('session-end');
    assert.deepEqual(done, ['window']);
    assert.equal(writes.length, 1);
    writes[0]!.reject(new Error('gone'));
  });
});
