// The native dialogs, with a stand-in for Electron's dialog module: the filters and options they pass, and
// what they return when the user chooses or cancels.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindow, Dialog } from 'electron';
import {
  askHowToRecover,
  askWhileSaving,
  confirmQuitWithoutSaving,
  electronDialogs,
  notebookOpenFailure,
  recoveryPrompt,
} from '../../../main/dialogs';
import type { FolderKind, FolderMemory } from '../../../main/last-folder';
import type { RecoveryQuestion } from '../../../main/storage/recovery';
import { homedir } from 'node:os';
import { join } from 'node:path';

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
    assert.deepEqual(filters[0]!.extensions, [
      'txt',
      'md',
      'markdown',
      'html',
      'htm',
      'xhtml',
      'pdf',
      'docx',
    ]);
    assert.deepEqual(calls[0]!.options.properties, ['openFile', 'multiSelections']);
  });

  test('import annotations: one W3C JSON-LD file at a time', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/notes.jsonld'] });
    const paths = await electronDialogs(dialog, () => win).chooseImportFiles('annotations');
    assert.deepEqual(paths, ['/notes.jsonld']);
    assert.equal(calls[0]!.options.title, 'Import Annotations');
    const filters = calls[0]!.options.filters as Array<{ extensions: string[] }>;
    assert.deepEqual(filters[0]!.extensions, ['jsonld', 'json']);
    assert.deepEqual(calls[0]!.options.properties, ['openFile']);
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
    assert.equal(chosen.calls[0]!.options.defaultPath, join(homedir(), 'miliband.md'));
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

// Written for the project: since Electron 43 a dialog with no absolute defaultPath opens in Downloads. Each
// dialog opens in the folder last used for its kind (kept by main/last-folder.ts) and tells it what was chosen.
describe('the folder a file dialog opens in', () => {
  function memory(start: Partial<Record<FolderKind, string>> = {}) {
    const folders: Partial<Record<FolderKind, string>> = { ...start };
    const remembered: Array<[FolderKind, string]> = [];
    const api: FolderMemory = {
      folderFor: (kind) => folders[kind] ?? '/home/ana/Documents',
      remember: (kind, folder) => {
        remembered.push([kind, folder]);
        folders[kind] = folder;
      },
    };
    return { api, remembered };
  }

  test('import opens in the last import folder and remembers the folder of the files chosen', async () => {
    const { api, remembered } = memory({ import: '/home/ana/articles' });
    const { dialog, calls } = fakeDialog({
      canceled: false,
      filePaths: ['/home/ana/press/2009/a.html', '/home/ana/press/2009/b.html'],
    });
    const dialogs = electronDialogs(dialog, () => win, api);
    await dialogs.chooseImportFiles();
    assert.equal(calls[0]!.options.defaultPath, '/home/ana/articles');
    assert.deepEqual(remembered, [['import', '/home/ana/press/2009']]);
    await dialogs.chooseImportFiles();
    assert.equal(calls[1]!.options.defaultPath, '/home/ana/press/2009');

    // A cancelled dialog of any kind remembers nothing.
    const before = remembered.length;
    const open = fakeDialog({ canceled: true, filePaths: [] });
    const save = fakeDialog({ canceled: true, filePath: '' });
    await electronDialogs(open.dialog, () => win, api).chooseImportFiles();
    await electronDialogs(open.dialog, () => win, api).chooseImportFiles('annotations');
    await electronDialogs(open.dialog, () => win, api).chooseExportFolder();
    await electronDialogs(save.dialog, () => win, api).chooseExportPath('x.md');
    assert.equal(remembered.length, before);
  });

  test('annotations have a folder of their own', async () => {
    const { api, remembered } = memory({ import: '/home/ana/articles', annotations: '/home/ana/hypothesis' });
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/home/ana/exports/notes.jsonld'] });
    await electronDialogs(dialog, () => win, api).chooseImportFiles('annotations');
    assert.equal(calls[0]!.options.defaultPath, '/home/ana/hypothesis');
    assert.deepEqual(remembered, [['annotations', '/home/ana/exports']]);
  });

  test('export suggests the file name in the last export folder, as an absolute path', async () => {
    const { api, remembered } = memory({ export: '/home/ana/thesis/chapter 2' });
    const { dialog, calls } = fakeDialog({
      canceled: false,
      filePath: '/home/ana/thesis/chapter 3/comparison.md',
    });
    const dialogs = electronDialogs(dialog, () => win, api);
    await dialogs.chooseExportPath('comparison.md');
    assert.equal(calls[0]!.options.defaultPath, '/home/ana/thesis/chapter 2/comparison.md');
    assert.deepEqual(remembered, [['export', '/home/ana/thesis/chapter 3']]);
    await dialogs.chooseExportPath('highlights.csv', 'csv');
    assert.equal(calls[1]!.options.defaultPath, '/home/ana/thesis/chapter 3/highlights.csv');
  });

  test('folder export opens in the last export folder and remembers the folder chosen', async () => {
    const { api, remembered } = memory();
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/home/ana/out'] });
    await electronDialogs(dialog, () => win, api).chooseExportFolder();
    assert.equal(calls[0]!.options.defaultPath, '/home/ana/Documents');
    assert.deepEqual(remembered, [['export-folder', '/home/ana/out']]);
  });

  test('a shared notebook joined: a save dialog for a new JSON file in its own last folder; null when cancelled', async () => {
    const { api, remembered } = memory({ notebook: '/home/ana/team' });
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/home/ana/team/moscow/shared.json' });
    const dialogs = electronDialogs(dialog, () => win, api);
    assert.equal(
      await dialogs.chooseNotebookPath!('Shared notebook.json'),
      '/home/ana/team/moscow/shared.json',
    );
    assert.equal(calls[0]!.method, 'showSaveDialog');
    assert.equal(calls[0]!.parent, win);
    assert.equal(calls[0]!.options.defaultPath, '/home/ana/team/Shared notebook.json');
    assert.deepEqual(calls[0]!.options.filters, [{ name: 'Parley notebook', extensions: ['json'] }]);
    assert.deepEqual(remembered, [['notebook', '/home/ana/team/moscow']]);
    const cancelled = fakeDialog({ canceled: true, filePath: '' });
    assert.equal(await electronDialogs(cancelled.dialog, () => win, api).chooseNotebookPath!('x.json'), null);
    assert.equal(remembered.length, 1);
  });

  test('without a folder memory the dialogs still get an absolute folder (home), never none', async () => {
    const { dialog, calls } = fakeDialog({ canceled: true, filePaths: [] });
    const dialogs = electronDialogs(dialog, () => null);
    await dialogs.chooseImportFiles();
    await dialogs.chooseExportFolder();
    assert.equal(calls[0]!.options.defaultPath, homedir());
    assert.equal(calls[1]!.options.defaultPath, homedir());
  });
});

test('notebookOpenFailure says what is wrong, that the file was left untouched, and that Parley quits', () => {
  const { title, message } = notebookOpenFailure('/home/ana/nb.json', 'too-new', 'schemaVersion 9');
  assert.match(title, /cannot open the notebook/);
  assert.match(message, /\/home\/ana\/nb\.json/);
  assert.match(message, /newer version of Parley/);
  assert.match(message, /schemaVersion 9/);
  assert.match(message, /left untouched/);
  assert.match(message, /will now quit/);
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

// Written for the project: the question asked when quitting waits too long for the notebook to be written.
test('askWhileSaving: says what is lost and what is kept, waits by default, and can be closed when the write ends', async () => {
  const wait = fakeDialog({ response: 0 });
  const signal = new AbortController().signal;
  assert.equal(await askWhileSaving(wait.dialog, win, '/mnt/share/notebook.json', 10, signal), 'wait');
  const options = wait.calls[0]!.options;
  assert.equal(wait.calls[0]!.parent, win);
  assert.deepEqual(options.buttons, ['Keep Waiting', 'Quit Without Saving']);
  assert.equal(options.defaultId, 0);
  assert.equal(options.cancelId, 0);
  assert.equal(options.signal, signal);
  assert.match(String(options.message), /still saving/);
  assert.match(String(options.detail), /\/mnt\/share\/notebook\.json[\s\S]*10 seconds/);
  assert.match(String(options.detail), /changes not yet written are lost/);
  assert.match(String(options.detail), /keeps its last saved version/);
  const quit = fakeDialog({ response: 1 });
  assert.equal(await askWhileSaving(quit.dialog, null, '/nb.json', 10, signal), 'quit');
  assert.equal(quit.calls[0]!.parent, null);
});

describe('the recovery question', () => {
  const question: RecoveryQuestion = {
    path: '/home/ana/notebook.json',
    problem: 'not-json',
    message:
      'Cannot open the notebook /home/ana/notebook.json: it is not valid JSON (Unexpected end of JSON input)',
    keptAsidePath: '/home/ana/notebook.json.damaged-2026-11-30T18-22-05-123Z.json',
    movedAside: false,
    backup: {
      path: '/home/ana/notebook.json.backups/notebook-2026-11-29T09-00-00-000Z.json',
      time: new Date('2026-11-29T09:00:00.000Z'),
      size: 1234,
      valid: true,
      documents: 3,
      highlights: 1,
    },
    choices: ['restore', 'empty', 'quit'],
  };
  const iso = (time: Date) => time.toISOString();

  test('says in plain words what is wrong, where the file is kept, and what the last good backup holds', () => {
    const prompt = recoveryPrompt(question, iso);
    assert.equal(prompt.message, 'Parley could not read your notebook.');
    assert.deepEqual(prompt.buttons, ['Restore Backup', 'Start Empty Notebook', 'Quit']);
    assert.equal(prompt.defaultId, 0);
    assert.equal(prompt.cancelId, 2);
    const { detail } = prompt;
    assert.match(
      detail,
      /The notebook at\n\/home\/ana\/notebook\.json\ncould not be opened because .*not JSON/,
    );
    assert.match(
      detail,
      /kept unchanged at\n\/home\/ana\/notebook\.json\.damaged-2026-11-30T18-22-05-123Z\.json/,
    );
    assert.match(detail, /restore a backup or start an empty notebook, the file is first kept unchanged/);
    assert.match(
      detail,
      /last good backup is from 2026-11-29T09:00:00\.000Z, with 3 documents and 1 highlight\./,
    );
    assert.match(detail, /Quit leaves everything as it is\./);
    assert.match(detail, /Details: .*Unexpected end of JSON input/);
  });

  test('without a backup there is no Restore button, and a failed restore is told first', () => {
    const prompt = recoveryPrompt(
      {
        ...question,
        problem: 'too-new',
        backup: null,
        movedAside: true,
        choices: ['empty', 'quit'],
        failure: 'Restoring the backup /b.json failed: ENOSPC',
      },
      iso,
    );
    assert.deepEqual(prompt.buttons, ['Start Empty Notebook', 'Quit']);
    assert.equal(prompt.cancelId, 1);
    assert.ok(prompt.detail.startsWith('Restoring the backup /b.json failed: ENOSPC'), prompt.detail);
    assert.match(prompt.detail, /newer version of Parley/);
    assert.match(prompt.detail, /It has been kept unchanged at/);
    assert.match(prompt.detail, /no backup Parley can restore/);
    assert.match(prompt.detail, /Quit puts the file back where it was/);
    assert.doesNotMatch(prompt.detail, /last good backup/);
  });

  test('when there is no file to keep, it does not say it keeps one', () => {
    const { detail } = recoveryPrompt({ ...question, problem: 'unreadable', keptAsidePath: null }, iso);
    assert.doesNotMatch(detail, /kept unchanged/);
    assert.match(detail, /could not be read/);
  });

  test('askHowToRecover returns the button chosen, and Quit when the box is closed', async () => {
    for (const [response, choice] of [
      [0, 'restore'],
      [1, 'empty'],
      [2, 'quit'],
      [7, 'quit'],
    ] as const) {
      const { dialog, calls } = fakeDialog({ response });
      assert.equal(await askHowToRecover(dialog, question), choice);
      assert.equal(calls[0]!.method, 'showMessageBox');
      assert.equal(calls[0]!.parent, null, 'no window is open yet');
      assert.deepEqual(calls[0]!.options.buttons, ['Restore Backup', 'Start Empty Notebook', 'Quit']);
    }
    const { dialog } = fakeDialog({ response: 0 });
    assert.equal(
      await askHowToRecover(dialog, { ...question, backup: null, choices: ['empty', 'quit'] }),
      'empty',
    );
  });
});
