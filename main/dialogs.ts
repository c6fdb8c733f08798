/**
 * The native dialogs Parley shows: choosing files to import, choosing where to save an export, and the two
 * messages about the notebook file itself (it could not be opened; the last changes could not be saved). The
 * `dialog` module is passed in and read at call time, so tests (and the e2e suite) can stand in for it.
 */
import type { BrowserWindow, Dialog } from 'electron';
import type { Dialogs, ExportKind } from './ipc/handlers';

export const IMPORT_FILTERS = [
  { name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml'] },
  { name: 'Text', extensions: ['txt', 'text'] },
  { name: 'Markdown', extensions: ['md', 'markdown'] },
  { name: 'Web pages', extensions: ['html', 'htm', 'xhtml'] },
];
export const EXPORT_FILTERS: Record<ExportKind, Array<{ name: string; extensions: string[] }>> = {
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON-LD', extensions: ['jsonld', 'json'] }],
};

type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;

export function electronDialogs(dialog: DialogApi, getWindow: () => BrowserWindow | null): Dialogs {
  const parent = () => {
    const win = getWindow();
    return win && !win.isDestroyed() ? win : null;
  };
  return {
    async chooseImportFiles() {
      const options = {
        title: 'Import',
        buttonLabel: 'Import',
        filters: IMPORT_FILTERS,
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
      };
      const win = parent();
      const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
      return result.canceled ? [] : result.filePaths;
    },
    async chooseExportPath(defaultName: string, kind: ExportKind = 'markdown') {
      const options = {
        title: 'Export',
        buttonLabel: 'Export',
        defaultPath: defaultName,
        filters: EXPORT_FILTERS[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      };
      const win = parent();
      const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseExportFolder() {
      const options = {
        title: 'Export each document to a folder',
        buttonLabel: 'Export here',
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const win = parent();
      const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
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

/** Title and body of the error box shown when the notebook cannot be opened. */
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
