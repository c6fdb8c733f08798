// `npm start`: the built app is opened in the Electron binary named by PARLEY_ELECTRON (a stand-in here that prints
// what it was given), with the user's arguments passed on, and --no-sandbox added only as root on Linux, where
// Chromium will not start otherwise.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { electronArgs, findOrFetchElectron } from '../../../scripts/start.mjs';

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

  /** A stand-in for Electron's npm package, whose install.js runs the given script body. */
  const electronPackage = (name: string, install: string) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'electron', version: '45.5.0', engines: { node: '>= 22.12.0' } }),
    );
    writeFileSync(join(dir, 'install.js'), install);
    return dir;
  };

  it('fetches the binary on first start through the package’s own install.js, then uses it', () => {
    const dir = electronPackage(
      'fetches',
      `const fs = require('fs');
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/electron', '');
fs.writeFileSync('path.txt', 'electron');`,
    );
    const said: string[] = [];
    const found = findOrFetchElectron(dir, { log: (text) => said.push(text) });
    assert.equal(found.binary, join(dir, 'dist', 'electron'));
    assert.match(said.join('\n'), /fetching Electron 45\.5\.0 .*needs the network/);
    // Fetched once: the next start finds it without running install.js.
    rmSync(join(dir, 'install.js'));
    assert.equal(findOrFetchElectron(dir, { log: () => {} }).binary, join(dir, 'dist', 'electron'));
  });

  it('says in words why the download failed and what to do, naming the Node version Electron asks for', () => {
    const dir = electronPackage(
      'offline',
      `console.error('TypeError: fetch failed');
console.error('    at node:internal/deps/undici/undici:13502:13');
process.exit(1);`,
    );
    const found = findOrFetchElectron(dir, { nodeVersion: '20.20.0', log: () => {} });
    assert.equal(found.binary, undefined);
    assert.match(found.error ?? '', /^Electron 45\.5\.0 could not be fetched \(TypeError: fetch failed\)\./);
    assert.match(found.error ?? '', /asks for Node >= 22\.12\.0; this is Node 20\.20\.0/);
    assert.match(found.error ?? '', /PARLEY_ELECTRON/);
    const newer = findOrFetchElectron(dir, { nodeVersion: '22.14.0', log: () => {} });
    assert.doesNotMatch(newer.error ?? '', /this is Node/);
  });
});
