// The native dialogs, with a stand-in for Electron's dialog module: the filters and options they pass, and
// what they return when the user chooses or cancels.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindow, Dialog } from 'electron';
import { confirmQuitWithoutSaving, electronDialogs, notebookOpenFailure } from '../../../main/dialogs';

type Call = { method: string; parent: unknown; options: Record<string, unknown> };

function fakeDialog(answer: Record<string, unknown>) {
  const calls: Call[] = [];
  const record =
    (method: string) =>
    (...args: unknown[]) => {
      const [parent, options] = args.length === 2 ? args : [null, args[0]];
      calls.push({ method, parent, options: options as Record<string, unknown> });
      return method === 'showMessageBoxSync' ? answer.choice : Promise.resolve(answer);
    };
  const dialog = {
    showOpenDialog: record('showOpenDialog'),
    showSaveDialog: record('showSaveDialog'),
    showMessageBoxSync: record('showMessageBoxSync'),
    showMessageBox: record('showMessageBox'),
  } as unknown as Dialog;
  return { dialog, calls };
}

const win = { isDestroyed: () => false } as unknown as BrowserWindow;

describe('electronDialogs', () => {
  test('import: text, Markdown and web pages, several at once, over our window', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/a.txt', '/b.md'] });
    const paths = await electronDialogs(dialog, () => win).chooseImportFiles();
    assert.deepEqual(paths, ['/a.txt', '/b.md']);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.method, 'showOpenDialog');
    assert.equal(calls[0]!.parent, win);
    const filters = calls[0]!.options.filters as Array<{ extensions: string[] }>;
    assert.deepEqual(filters[0]!.extensions, ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml']);
    assert.deepEqual(calls[0]!.options.properties, ['openFile', 'multiSelections']);
  });

  test('import cancelled: no paths, even if some were reported', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePaths: ['/a.txt'] });
    assert.deepEqual(await electronDialogs(dialog, () => win).chooseImportFiles(), []);
  });

  test('export: a Markdown file named after the document; null when cancelled', async () => {
    const chosen = fakeDialog({ canceled: false, filePath: '/out/miliband.md' });
    assert.equal(
      await electronDialogs(chosen.dialog, () => win).chooseExportPath('miliband.md'),
      '/out/miliband.md',
    );
    assert.equal(chosen.calls[0]!.method, 'showSaveDialog');
    assert.equal(chosen.calls[0]!.options.defaultPath, 'miliband.md');
    assert.deepEqual(chosen.calls[0]!.options.filters, [{ name: 'Markdown', extensions: ['md'] }]);

    const cancelled = fakeDialog({ canceled: true, filePath: '' });
    assert.equal(await electronDialogs(cancelled.dialog, () => win).chooseExportPath('x.md'), null);
  });

  test('CSV exports offer a CSV filter', async () => {
    const chosen = fakeDialog({ canceled: false, filePath: '/out/highlights.csv' });
    await electronDialogs(chosen.dialog, () => win).chooseExportPath('highlights.csv', 'csv');
    assert.deepEqual(chosen.calls[0]!.options.filters, [{ name: 'CSV', extensions: ['csv'] }]);
  });

  test('folder export: a folder, or null when cancelled', async () => {
    const chosen = fakeDialog({ canceled: false, filePaths: ['/out'] });
    assert.equal(await electronDialogs(chosen.dialog, () => win).chooseExportFolder(), '/out');
    assert.deepEqual(chosen.calls[0]!.options.properties, ['openDirectory', 'createDirectory']);
    const cancelled = fakeDialog({ canceled: true, filePaths: [] });
    assert.equal(await electronDialogs(cancelled.dialog, () => win).chooseExportFolder(), null);
  });

  test('replacing files needs the Replace button; Cancel is the default', async () => {
    const replace = fakeDialog({ response: 1 });
    assert.equal(await electronDialogs(replace.dialog, () => win).confirmOverwrite(['a.md', 'b.md']), true);
    assert.match(String(replace.calls[0]!.options.detail), /a\.md\nb\.md/);
    assert.equal(replace.calls[0]!.options.defaultId, 0);
    const cancel = fakeDialog({ response: 0 });
    assert.equal(await electronDialogs(cancel.dialog, () => win).confirmOverwrite(['a.md']), false);
  });

  test('with no window open the dialogs still show, unparented', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/a.txt'] });
    await electronDialogs(dialog, () => null).chooseImportFiles();
    assert.equal(calls[0]!.parent, null);
  });
});

test('notebookOpenFailure says what is wrong and that the file was left untouched', () => {
  const { title, message } = notebookOpenFailure('/home/ana/nb.json', 'too-new', 'schemaVersion 9');
  assert.match(title, /cannot open the notebook/);
  assert.match(message, /\/home\/ana\/nb\.json/);
  assert.match(message, /newer version of Parley/);
  assert.match(message, /schemaVersion 9/);
  assert.match(message, /left untouched/);
  assert.match(notebookOpenFailure('/x', 'not-json', '').message, /not JSON/);
  assert.match(notebookOpenFailure('/x', undefined, 'EACCES').message, /could not be opened[\s\S]*EACCES/);
});

test('confirmQuitWithoutSaving: keeps Parley open unless the user chooses to lose the changes', () => {
  const stay = fakeDialog({ choice: 0 });
  assert.equal(confirmQuitWithoutSaving(stay.dialog, win, '/nb.json', 'ENOSPC'), false);
  const options = stay.calls[0]!.options;
  assert.equal(options.cancelId, 0);
  assert.equal(options.defaultId, 0);
  assert.match(String(options.detail), /\/nb\.json[\s\S]*ENOSPC/);
  const quit = fakeDialog({ choice: 1 });
  assert.equal(confirmQuitWithoutSaving(quit.dialog, null, '/nb.json', 'ENOSPC'), true);
  assert.equal(quit.calls[0]!.parent, null);
});
