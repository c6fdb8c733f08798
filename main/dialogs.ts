/**
 * The native dialogs Parley shows: choosing files to import, choosing where to save an export or a shared notebook
 * joined, and the messages about the notebook file itself (it could not be read: restore a backup, start empty or
 * quit; it could not be opened at all; the last changes could not be saved). The `dialog` module is passed in and read at call
 * time, so tests (and the e2e suite) can stand in for it. File dialogs open in the folder last used for their kind
 * (see last-folder.ts), always given as an absolute path: since Electron 43 a dialog without one opens in Downloads.
 */
import type { BrowserWindow, Dialog } from 'electron';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Dialogs, ExportKind, ImportKind } from './ipc/handlers';
import type { FolderMemory } from './last-folder';
import type { RecoveryChoice, RecoveryQuestion } from './storage/recovery';
import { IMPORT_FILTERS } from '../shared/import-formats';

export { IMPORT_FILTERS };
export const ANNOTATION_FILTERS = [{ name: 'W3C annotations (JSON-LD)', extensions: ['jsonld', 'json'] }];
export const NOTEBOOK_FILTERS = [{ name: 'Parley notebook', extensions: ['json'] }];
export const EXPORT_FILTERS: Record<ExportKind, Array<{ name: string; extensions: string[] }>> = {
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON-LD', extensions: ['jsonld', 'json'] }],
};

type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;

/** Used when no memory is given: the home folder, so a dialog still never falls back to Downloads. */
const HOME_ONLY: FolderMemory = { folderFor: () => homedir(), remember: () => undefined };

export function electronDialogs(
  dialog: DialogApi,
  getWindow: () => BrowserWindow | null,
  folders: FolderMemory = HOME_ONLY,
): Dialogs {
  const parent = () => {
    const win = getWindow();
    return win && !win.isDestroyed() ? win : null;
  };
  return {
    async chooseImportFiles(kind: ImportKind = 'documents') {
      // Documents come several at a time; annotations one file at a time, into the notebook's documents.
      const folderKind = kind === 'annotations' ? 'annotations' : 'import';
      const defaultPath = folders.folderFor(folderKind);
      const options =
        kind === 'annotations'
          ? {
              title: 'Import Annotations',
              buttonLabel: 'Import',
              defaultPath,
              filters: ANNOTATION_FILTERS,
              properties: ['openFile'] as Array<'openFile' | 'multiSelections'>,
            }
          : {
              title: 'Import',
              buttonLabel: 'Import',
              defaultPath,
              filters: IMPORT_FILTERS,
              properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
            };
      const win = parent();
      const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
      if (result.canceled) return [];
      if (result.filePaths[0]) folders.remember(folderKind, dirname(result.filePaths[0]));
      return result.filePaths;
    },
    async chooseExportPath(defaultName: string, kind: ExportKind = 'markdown') {
      const options = {
        title: 'Export',
        buttonLabel: 'Export',
        defaultPath: isAbsolute(defaultName)
          ? defaultName
          : join(folders.folderFor('export'), basename(defaultName)),
        filters: EXPORT_FILTERS[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      };
      const win = parent();
      const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      if (result.canceled || !result.filePath) return null;
      folders.remember('export', dirname(result.filePath));
      return result.filePath;
    },
    async chooseExportFolder() {
      const options = {
        title: 'Export each document to a folder',
        buttonLabel: 'Export here',
        defaultPath: folders.folderFor('export-folder'),
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const win = parent();
      const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
      const folder = result.canceled ? undefined : result.filePaths[0];
      if (!folder) return null;
      folders.remember('export-folder', folder);
      return folder;
    },
    async chooseNotebookPath(defaultName: string) {
      // A new file only: the join refuses one that exists (main/ipc/sync-handlers.ts), so no replace question.
      const options = {
        title: 'Save the shared notebook',
        buttonLabel: 'Save',
        message: 'Where to keep your copy of the shared notebook',
        defaultPath: join(folders.folderFor('notebook'), basename(defaultName)),
        filters: NOTEBOOK_FILTERS,
        properties: ['createDirectory'] as Array<'createDirectory'>,
      };
      const win = parent();
      const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      if (result.canceled || !result.filePath) return null;
      folders.remember('notebook', dirname(result.filePath));
      return result.filePath;
    },
    async confirmOverwrite(names: string[]) {
      const shown =
        names.slice(0, 10).join('\n') + (names.length > 10 ? `\n… and ${names.length - 10} more` : '');
      const options = {
        type: 'warning' as const,
        title: 'Replace files?',
        message: `${names.length} file(s) already exist in that folder. Replace them?`,
        detail: shown,
        buttons: ['Cancel', 'Replace'],
        defaultId: 0,
        cancelId: 0,
      };
      const win = parent();
      const result = await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
      return result.response === 1;
    },
  };
}

export type NotebookFailure = 'unreadable' | 'not-json' | 'invalid' | 'too-new';

const FAILURE_REASONS: Record<NotebookFailure, string> = {
  unreadable: 'the file could not be read',
  'not-json': 'the file is not a Parley notebook (it is not JSON)',
  invalid: 'the file does not match the Parley notebook format',
  'too-new': 'the file was written by a newer version of Parley',
};

/** Title and body of the error box shown when the notebook cannot be opened and Parley has to quit. */
export function notebookOpenFailure(path: string, reason: NotebookFailure | undefined, detail: string) {
  const why = reason ? FAILURE_REASONS[reason] : 'the file could not be opened';
  return {
    title: 'Parley cannot open the notebook',
    message:
      `Parley could not open the notebook at\n${path}\nbecause ${why}.\n\n` +
      (detail ? `Details: ${detail}\n\n` : '') +
      'The file was left untouched. Parley will now quit; to start with another notebook, run it with ' +
      '--notebook FILE or set PARLEY_NOTEBOOK.',
  };
}

export const RECOVERY_BUTTONS: Record<RecoveryChoice, string> = {
  restore: 'Restore Backup',
  empty: 'Start Empty Notebook',
  quit: 'Quit',
};

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * The message box asking what to do with a notebook Parley could not read: what is wrong, where the file is (or
 * will be) kept unchanged, the last good backup, and one button per choice offered, in the question's order.
 */
export function recoveryPrompt(
  question: RecoveryQuestion,
  formatTime: (time: Date) => string = (time) => time.toLocaleString(),
) {
  const { path, problem, message, keptAsidePath, movedAside, backup, choices, failure } = question;
  const parts: string[] = [];
  if (failure) parts.push(failure);
  parts.push(`The notebook at\n${path}\ncould not be opened because ${FAILURE_REASONS[problem]}.`);
  if (problem === 'too-new') parts.push('A newer version of Parley can still open it as it is.');
  if (keptAsidePath) {
    parts.push(
      movedAside
        ? `It has been kept unchanged at\n${keptAsidePath}`
        : `If you restore a backup or start an empty notebook, the file is first kept unchanged at\n${keptAsidePath}`,
    );
  }
  if (backup && choices.includes('restore')) {
    const documents = backup.documents ?? 0;
    const highlights = backup.highlights ?? 0;
    parts.push(
      `The last good backup is from ${formatTime(backup.time)}, with ${count(documents, 'document')} and ` +
        `${count(highlights, 'highlight')}.`,
    );
  } else {
    parts.push('There is no backup Parley can restore.');
  }
  parts.push(
    movedAside
      ? 'Quit puts the file back where it was and changes nothing else.'
      : 'Quit leaves everything as it is.',
  );
  parts.push(`Details: ${message}`);
  return {
    type: 'warning' as const,
    title: 'Parley could not read your notebook',
    message: 'Parley could not read your notebook.',
    detail: parts.join('\n\n'),
    buttons: choices.map((choice) => RECOVERY_BUTTONS[choice]),
    defaultId: 0,
    cancelId: choices.indexOf('quit'),
    noLink: true,
  };
}

/** Shows the recovery question (no window is open yet) and returns the choice; closing the box quits. */
export async function askHowToRecover(
  dialog: Pick<Dialog, 'showMessageBox'>,
  question: RecoveryQuestion,
): Promise<RecoveryChoice> {
  const { response } = await dialog.showMessageBox(recoveryPrompt(question));
  return question.choices[response] ?? 'quit';
}

/** Asks whether to quit although the last changes could not be written; true means quit anyway. */
export function confirmQuitWithoutSaving(
  dialog: Pick<Dialog, 'showMessageBoxSync'>,
  win: BrowserWindow | null,
  path: string,
  detail: string,
): boolean {
  const options = {
    type: 'warning' as const,
    title: 'Parley could not save',
    message: 'Your latest changes could not be saved.',
    detail: `Writing ${path} failed: ${detail}\n\nIf you quit now, those changes are lost.`,
    buttons: ['Keep Parley Open', 'Quit Without Saving'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const choice =
    win && !win.isDestroyed() ? dialog.showMessageBoxSync(win, options) : dialog.showMessageBoxSync(options);
  return choice === 1;
}

/**
 * Asks, when quitting has waited too long for the notebook to be written, whether to keep waiting (the default)
 * or quit without it. `signal` closes the box when the write ends meanwhile.
 */
export async function askWhileSaving(
  dialog: Pick<Dialog, 'showMessageBox'>,
  win: BrowserWindow | null,
  path: string,
  seconds: number,
  signal: AbortSignal,
): Promise<'wait' | 'quit'> {
  const options = {
    type: 'warning' as const,
    title: 'Parley is still saving',
    message: 'Parley is still saving your notebook.',
    detail:
      `Writing ${path} has not finished after ${seconds} seconds: the disk may be slow or not answering.\n\n` +
      'If you quit now, the changes not yet written are lost. The notebook file keeps its last saved version: ' +
      'an unfinished write never replaces it.',
    buttons: ['Keep Waiting', 'Quit Without Saving'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    signal,
  };
  const { response } = await (win && !win.isDestroyed()
    ? dialog.showMessageBox(win, options)
    : dialog.showMessageBox(options));
  return response === 1 ? 'quit' : 'wait';
}
