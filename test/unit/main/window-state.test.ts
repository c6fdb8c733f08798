/** Remembered window bounds are used only when they are sane and on a screen that is still there. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadWindowState, parseWindowState, trackWindowState } from '../../../main/window-state';

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

test('the state written on close is read back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-window-'));
  try {
    const path = join(dir, 'window-state.json');
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
    for (let i = 0; i < 50 && !(await readFile(path, 'utf8').catch(() => '')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.deepEqual(loadWindowState(path, screen), {
      bounds: { x: 20, y: 30, width: 1000, height: 700 },
      maximized: false,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
