// The durable adapter: atomic replace through a temp file, nothing left behind, stale temps from dead writers swept.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DurableJsonFile, removeStaleTempFiles } from '../../../main/storage/durable-file';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that surely belongs to no running process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('DurableJsonFile', () => {
  test('read() is null when the file does not exist', async () => {
    const file = new DurableJsonFile<{ a: number }>(join(dir, 'missing.json'));
    assert.equal(await file.read(), null);
  });

  test('write then read round-trips, as compact JSON, with no temp file left', async () => {
    const path = join(dir, 'nb.json');
    const file = new DurableJsonFile<{ text: string; list: number[] }>(path);
    const data = { text: 'Miliband — “Lavrov” 😀\n', list: [1, 2, 3] };
    await file.write(data);
    assert.deepEqual(await file.read(), data);
    const bytes = await readFile(path, 'utf8');
    assert.equal(bytes, JSON.stringify(data));
    assert.ok(!bytes.includes('\n  '), 'no indentation');
    await file.write({ text: 'second', list: [] });
    assert.deepEqual(await file.read(), { text: 'second', list: [] });
    assert.deepEqual(await readdir(dir), ['nb.json']);
  });

  test('serializes before its first await, so later mutation does not reach the file', async () => {
    const path = join(dir, 'nb.json');
    const file = new DurableJsonFile<{ n: number }>(path);
    const data = { n: 1 };
    const pending = file.write(data);
    data.n = 2;
    await pending;
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')), { n: 1 });
  });

  test('read() throws SyntaxError on text that is not JSON', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, '{"schemaVersion": 1, "documents": [');
    await assert.rejects(new DurableJsonFile(path).read(), SyntaxError);
  });

  test('keeps the existing file mode', { skip: process.platform === 'win32' }, async () => {
    const path = join(dir, 'nb.json');
    await writeFile(path, '{}');
    await chmod(path, 0o600);
    await new DurableJsonFile<object>(path).write({ a: 1 });
    assert.equal((await stat(path)).mode & 0o777, 0o600);
  });

  test('a failed rename leaves the target alone and removes its temp file', async () => {
    // The target is a non-empty folder, so rename over it fails after the temp file was written.
    const path = join(dir, 'nb.json');
    await mkdir(path);
    await writeFile(join(path, 'keep'), 'x');
    await assert.rejects(new DurableJsonFile<object>(path).write({ a: 1 }));
    assert.deepEqual((await readdir(dir)).sort(), ['nb.json']);
    assert.equal(await readFile(join(path, 'keep'), 'utf8'), 'x');
  });

  test('a write into a missing folder fails without creating anything', async () => {
    const path = join(dir, 'nope', 'nb.json');
    await assert.rejects(new DurableJsonFile<object>(path).write({ a: 1 }), { code: 'ENOENT' });
    assert.deepEqual(await readdir(dir), []);
  });
});

describe('removeStaleTempFiles', () => {
  test("removes a dead writer's temp files and keeps live ones and unrelated files", async () => {
    const path = join(dir, 'nb.json');
    const dead = deadPid();
    const names = [
      `nb.json.${dead}-1.tmp`,
      `nb.json.${dead}-27.tmp`,
      `nb.json.${process.pid}-3.tmp`,
      'nb.json',
      'other.json.123-1.tmp',
      'nb.json.bak',
    ];
    for (const name of names) await writeFile(join(dir, name), 'x');
    const removed = await removeStaleTempFiles(path);
    assert.deepEqual(removed.sort(), [`nb.json.${dead}-1.tmp`, `nb.json.${dead}-27.tmp`]);
    assert.deepEqual(
      (await readdir(dir)).sort(),
      ['nb.json', `nb.json.${process.pid}-3.tmp`, 'nb.json.bak', 'other.json.123-1.tmp'].sort(),
    );
  });

  test('is quiet when the folder does not exist', async () => {
    assert.deepEqual(await removeStaleTempFiles(join(dir, 'gone', 'nb.json')), []);
  });
});
