// Written for the project: the folder each file dialog opens in. Electron 43 and later open a dialog without an
// absolute defaultPath in Downloads, so Parley remembers the last folder used for each kind of dialog, in the
// profile (it survives a restart), and falls back to Documents, then the home folder.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { folderMemory } from '../../../main/last-folder';

describe('folderMemory', () => {
  let dir: string;
  let documents: string;
  let articles: string;
  let exports: string;
  let n = 0;
  const profile = () => join(dir, `profile-${++n}`);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-folders-'));
    documents = join(dir, 'Documents');
    articles = join(dir, 'research', 'articles');
    exports = join(dir, 'research', 'exports');
    for (const folder of [documents, articles, exports]) await mkdir(folder, { recursive: true });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('with nothing remembered, every dialog opens in Documents', () => {
    const folders = folderMemory(join(profile(), 'last-folders.json'), () => documents);
    for (const kind of ['import', 'annotations', 'export', 'export-folder'] as const) {
      assert.equal(folders.folderFor(kind), documents);
    }
  });

  test('the folder last used for a kind of dialog is remembered across a restart, for that kind only', () => {
    const file = join(profile(), 'last-folders.json');
    folderMemory(file, () => documents).remember('import', articles);
    folderMemory(file, () => documents).remember('export', exports);
    const restarted = folderMemory(file, () => documents);
    assert.equal(restarted.folderFor('import'), articles);
    assert.equal(restarted.folderFor('export'), exports);
    assert.equal(restarted.folderFor('annotations'), documents);
    assert.equal(restarted.folderFor('export-folder'), documents);
  });

  test('a remembered folder that is gone (an unplugged drive) falls back to Documents', async () => {
    const file = join(profile(), 'last-folders.json');
    const gone = join(dir, 'usb-stick');
    await mkdir(gone);
    folderMemory(file, () => documents).remember('import', gone);
    await rm(gone, { recursive: true });
    assert.equal(folderMemory(file, () => documents).folderFor('import'), documents);
  });

  test('a damaged or hand-edited file is ignored: relative paths and junk fall back, nothing throws', async () => {
    const folder = profile();
    await mkdir(folder);
    const file = join(folder, 'last-folders.json');
    for (const text of ['{not json', '[]', 'null', JSON.stringify({ import: 'relative/dir', export: 42 })]) {
      await writeFile(file, text);
      const folders = folderMemory(file, () => documents);
      assert.equal(folders.folderFor('import'), documents, text);
      assert.equal(folders.folderFor('export'), documents, text);
    }
  });

  test('relative folders are never remembered', () => {
    const folders = folderMemory(join(profile(), 'last-folders.json'), () => documents);
    folders.remember('import', 'articles');
    assert.equal(folders.folderFor('import'), documents);
  });

  test('without a Documents folder, the home folder; the answer is always absolute', () => {
    const folders = folderMemory(join(profile(), 'last-folders.json'), () => join(dir, 'no-such-documents'));
    assert.equal(folders.folderFor('import'), homedir());
    assert.ok(isAbsolute(folders.folderFor('export')));
    const throwing = folderMemory(join(profile(), 'last-folders.json'), () => {
      throw new Error('Failed to get documents path');
    });
    assert.equal(throwing.folderFor('import'), homedir());
  });

  test('a profile that cannot be written still remembers the folder until Parley quits', async () => {
    const blocker = join(dir, `blocker-${++n}`);
    await writeFile(blocker, '');
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const folders = folderMemory(join(blocker, 'last-folders.json'), () => documents);
      folders.remember('export', exports);
      assert.equal(folders.folderFor('export'), exports);
      assert.match(String(errors[0]?.[0]), /could not remember the folder/);
    } finally {
      console.error = original;
    }
  });

  test('the file is written whole: no temp file is left beside it', async () => {
    const folder = profile();
    folderMemory(join(folder, 'last-folders.json'), () => documents).remember('import', articles);
    assert.deepEqual(await readdir(folder), ['last-folders.json']);
  });
});
