// Written for Parley: what a second launch tells the first, and what the first says when it names another notebook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { askedNotebook, launchRequest, otherNotebookMessage, sameFile } from '../../../main/second-launch';

const bin = '/opt/Parley/parley';
const home = '/home/ana';

test('launchRequest: the notebook this launch names, absolute; none when it names none or names it badly', () => {
  assert.deepEqual(launchRequest([bin, '--notebook', 'thesis.json'], {}, home), {
    notebook: resolve(home, 'thesis.json'),
  });
  assert.deepEqual(launchRequest([bin], { PARLEY_NOTEBOOK: '/data/nb.json' }, home), {
    notebook: '/data/nb.json',
  });
  assert.deepEqual(launchRequest([bin, 'notes.md'], {}, home), {});
  assert.deepEqual(launchRequest([bin, '--notebook'], {}, home), {});
});

test('askedNotebook: what the launch passed, else its --notebook from its own folder', () => {
  assert.equal(askedNotebook([], home, { notebook: '/data/nb.json' }), '/data/nb.json');
  assert.equal(askedNotebook(['--notebook', 'b.json'], '/work/x', {}), resolve('/work/x', 'b.json'));
  assert.equal(askedNotebook(['--notebook', 'b.json'], '/work/x', null), resolve('/work/x', 'b.json'));
  assert.equal(askedNotebook(['notes.md'], home, {}), undefined);
  assert.equal(askedNotebook(['--notebook'], home, 'not an object'), undefined);
});

test('sameFile: one file by two names is the same; case counts only where the disk says so', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-same-file-'));
  try {
    const file = join(dir, 'notebook.json');
    await writeFile(file, '{}');
    await symlink(file, join(dir, 'link.json'));
    assert.ok(sameFile(join(dir, 'link.json'), file, 'linux'));
    assert.ok(sameFile(join(dir, 'sub', '..', 'notebook.json'), file, 'linux'));
    assert.ok(!sameFile(join(dir, 'other.json'), file, 'linux'));
    assert.ok(sameFile('/Data/NB.json', '/data/nb.json', 'darwin'));
    assert.ok(!sameFile('/Data/NB.json', '/data/nb.json', 'linux'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('otherNotebookMessage names both notebooks, the files left alone, and how to open the other', () => {
  const box = otherNotebookMessage('/home/ana/a.json', '/home/ana/b.json', [
    '/tmp/notes.md',
    '/tmp/memo.txt',
  ]);
  assert.equal(box.type, 'info');
  assert.deepEqual(box.buttons, ['OK']);
  assert.match(box.detail, /works in\n\/home\/ana\/a\.json/);
  assert.match(box.detail, /asked for\n\/home\/ana\/b\.json/);
  assert.match(box.detail, /Not imported.*notes\.md, memo\.txt/);
  assert.match(box.detail, /--notebook \/home\/ana\/b\.json/);
  assert.match(box.detail, /--user-data-dir/);
  assert.doesNotMatch(otherNotebookMessage('/a.json', '/b.json', []).detail, /Not imported/);
});
