/** Remembered window bounds are used only when they are sane and on a screen that is still there. */
import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import {
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
} from '../../../main/window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

test('bounds on a screen are kept, with the maximized flag', () => {
  const state = parseWindowState(
    { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true },
    screen,
  );
  assert.deepEqual(state, { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true });
});

test('a position off every screen keeps only the size', () => {
  const state = parseWindowState({ bounds: { x: 3000, y: 50, width: 1200, height: 800 } }, screen);
  assert.deepEqual(state, { bounds: { width: 1200, height: 800 }, maximized: false });
  const above = parseWindowState({ bounds: { x: 10, y: -500, width: 1200, height: 800 } }, screen);
  assert.deepEqual(above?.bounds, { width: 1200, height: 800 });
});

test('junk is refused', () => {
  for (const raw of [
    null,
    'x',
    {},
    { bounds: { width: 'a', height: 3 } },
    { bounds: { width: 50, height: 50 } },
  ]) {
    assert.equal(parseWindowState(raw, screen), null);
  }
});

// Written for the project: the window's place is written whole, synchronously, in `close` (a quit closes the
// window and goes on at once, so an asynchronous, truncating write could leave window-state.json empty).
test('the state is on disk, whole, as soon as close returns', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-window-'));
  try {
    const path = join(dir, 'profile', 'window-state.json');
    assert.equal(loadWindowState(path, screen), null, 'no file yet');
    let close = () => {};
    trackWindowState(
      {
        getNormalBounds: () => ({ x: 20, y: 30, width: 1000, height: 700 }),
        isMaximized: () => false,
        on: (_event, listener) => (close = listener),
      },
      path,
    );
    close();
    assert.deepEqual(loadWindowState(path, screen), {
      bounds: { x: 20, y: 30, width: 1000, height: 700 },
      maximized: false,
    });
    assert.deepEqual(await readdir(dirname(path)), ['window-state.json'], 'no temp file is left');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('saveWindowState writes the state now (for the session-end events, where no close comes)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-window-'));
  try {
    const path = join(dir, 'window-state.json');
    saveWindowState(path, {
      getNormalBounds: () => ({ x: 5, y: 6, width: 900, height: 600 }),
      isMaximized: () => true,
    });
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')), {
      bounds: { x: 5, y: 6, width: 900, height: 600 },
      maximized: true,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe('a write that fails half-way', () => {
  const previous = JSON.stringify({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false });
  const win = {
    getNormalBounds: () => ({ x: 20, y: 30, width: 1000, height: 700 }),
    isMaximized: () => false,
  };

  for (const step of ['writeSync', 'fsyncSync', 'renameSync'] as const) {
    test(`(${step} fails) keeps the previous state whole and removes its temp file`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'parley-window-'));
      try {
        const path = join(dir, 'window-state.json');
        await writeFile(path, previous);
        const fs = {
          ...nodeFs,
          [step]: () => {
            throw Object.assign(new Error(`${step}: ENOSPC`), { code: 'ENOSPC' });
          },
        };
        // A real disk-full write may leave some bytes behind: make writeSync write half, then fail.
        if (step === 'writeSync') {
          fs.writeSync = ((fd: number, text: string) => {
            nodeFs.writeSync(fd, text.slice(0, 10));
            throw Object.assign(new Error('writeSync: ENOSPC'), { code: 'ENOSPC' });
          }) as unknown as typeof nodeFs.writeSync;
        }
        assert.throws(() => saveWindowState(path, win, fs), /ENOSPC/);
        assert.equal(await readFile(path, 'utf8'), previous);
        assert.deepEqual(await readdir(dir), ['window-state.json']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  test('in close, a failed write is reported and the window still closes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-window-'));
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      // The profile path is a file, so the folder cannot be made: the write fails at once.
      await writeFile(join(dir, 'profile'), '');
      let close = () => {};
      trackWindowState(
        { ...win, on: (_event, listener) => (close = listener) },
        join(dir, 'profile', 'w.json'),
      );
      assert.doesNotThrow(() => close());
      assert.match(String(errors[0]?.[0]), /could not remember the window position/);
    } finally {
      console.error = original;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
