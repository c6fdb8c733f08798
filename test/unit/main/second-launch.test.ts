// Written for Parley: what a second launch tells the first, and what the first says when it names another notebook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  askedNotebook,
  launchedAddresses,
  launchRequest,
  otherNotebookMessage,
  refusedAddressesMessage,
  sameFile,
} from '../../../main/second-launch';

const bin = '/opt/Parley/parley';
const home = '/home/ana';

test('launchRequest: the notebook this launch names, absolute; none when it names none or names it badly', () => {
  const none = { files: [], refused: [] };
  assert.deepEqual(launchRequest([bin, '--notebook', 'thesis.json'], {}, home), {
    ...none,
    notebook: resolve(home, 'thesis.json'),
  });
  assert.deepEqual(launchRequest([bin], { PARLEY_NOTEBOOK: '/data/nb.json' }, home), {
    ...none,
    notebook: '/data/nb.json',
  });
  assert.deepEqual(launchRequest([bin, 'notes.md'], {}, home), none);
  assert.deepEqual(launchRequest([bin, '--notebook'], {}, home), none);
});

test('launchRequest carries what the launch read itself to import, which the first instance takes over its argv', () => {
  const opened = { files: ['/home/ana/notes.md'], refused: ['smb://server/a.md'] };
  const request = launchRequest([bin, 'notes.md', '--notebook', 'nb.json'], {}, home, opened);
  assert.deepEqual(launchedAddresses(request), opened);
  // Through Electron the request is structured-cloned: plain data survives.
  assert.deepEqual(launchedAddresses(structuredClone(request)), opened);
});

test('launchedAddresses refuses what a launch could not have sent, so the first instance reads argv instead', () => {
  for (const data of [
    undefined,
    null,
    'files',
    {},
    { files: ['notes.md'], refused: [] },
    { files: ['/a.md'], refused: [42] },
    { files: '/a.md', refused: [] },
    { files: Array.from({ length: 1001 }, (_, i) => `/f${i}.md`), refused: [] },
    // A sparse array: its holes are no paths.
    { files: new Array(3), refused: [] },
    { files: Object.assign(new Array(3), { 0: '/a.md', 2: '/b.md' }), refused: [] },
  ]) {
    assert.equal(launchedAddresses(data), undefined, JSON.stringify(data)?.slice(0, 80));
  }
});

test('refusedAddressesMessage names each address and says what to do', () => {
  const box = refusedAddressesMessage(['https://example.com/a.html', 'smb://server/share/b.md']);
  assert.match(box.message, /not files on this computer/);
  assert.match(box.detail, /https:\/\/example\.com\/a\.html\nsmb:\/\/server\/share\/b\.md/);
  assert.match(box.detail, /File › Import/);
  // Another program's text cannot add lines to the box or turn its text around.
  const forged = refusedAddressesMessage([
    'https://x.example/a\n\nParley says: all is well',
    'smb://\u202Eevil',
  ]);
  assert.equal(forged.detail.split('\n\n')[0]!.split('\n').length, 2);
  assert.doesNotMatch(forged.detail, /\u202E/);
  const many = refusedAddressesMessage(Array.from({ length: 12 }, (_, i) => `https://x.example/${i}`));
  assert.match(many.detail, /… and 2 more/);
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
