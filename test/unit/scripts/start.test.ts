// `npm start`: the built app is opened in the Electron binary named by PARLEY_ELECTRON (a stand-in here that prints
// what it was given), with the user's arguments passed on, and --no-sandbox added only as root on Linux, where
// Chromium will not start otherwise.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { electronArgs } from '../../../scripts/start.mjs';

const ROOT = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'parley-start-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('scripts/start.mjs', () => {
  it('adds --no-sandbox as root on Linux, and only there', () => {
    assert.ok(
      electronArgs(['--notebook', 'n.json'], { uid: 0, platform: 'linux' }).args.includes('--no-sandbox'),
    );
    assert.ok(!electronArgs([], { uid: 1000, platform: 'linux' }).args.includes('--no-sandbox'));
    assert.ok(!electronArgs([], { uid: undefined, platform: 'win32' }).args.includes('--no-sandbox'));
    const given = electronArgs(['--no-sandbox'], { uid: 0, platform: 'linux' }).args;
    assert.equal(given.filter((arg) => arg === '--no-sandbox').length, 1);
  });

  it('starts the binary with the app folder and the arguments given, and passes its exit code on', () => {
    const stub = join(work, 'electron');
    writeFileSync(stub, `#!/bin/sh\nprintf '%s\\n' "$@"\nexit 3\n`);
    chmodSync(stub, 0o755);
    const result = spawnSync(process.execPath, ['scripts/start.mjs', '--notebook', 'my notes.json'], {
      cwd: ROOT,
      env: { ...process.env, PARLEY_ELECTRON: stub },
      encoding: 'utf8',
    });
    assert.equal(result.status, 3);
    const args = result.stdout.trim().split('\n');
    assert.equal(join(args[0]!), join(ROOT));
    assert.deepEqual(args.slice(1, 3), ['--notebook', 'my notes.json']);
    const asRoot = process.getuid?.() === 0 && process.platform === 'linux';
    assert.equal(args.includes('--no-sandbox'), asRoot);
    assert.equal(/--no-sandbox/.test(result.stderr), asRoot);
  });

  it('says so when the binary cannot be started', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: { ...process.env, PARLEY_ELECTRON: join(work, 'missing-electron') },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /could not start Electron at .*missing-electron/);
  });
});
