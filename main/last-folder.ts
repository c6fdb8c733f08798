/**
 * The folder each file dialog opens in. Since Electron 43 a dialog given no absolute `defaultPath` opens in
 * Downloads, wherever the user keeps their work; so Parley remembers the last folder used for each kind of dialog
 * (importing articles, importing annotations, saving an export, exporting to a folder, saving a shared notebook
 * joined) in a small file in the profile, where it survives a restart. A folder that is gone (an unplugged drive) or
 * a damaged file falls back to Documents, then the home folder, so the answer is always an absolute folder that
 * exists. Losing this file costs only the convenience, so a failed write is logged, and the folder is still
 * remembered until Parley quits.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute } from 'node:path';
import { writeSmallFileSync } from './small-file';

export type FolderKind = 'import' | 'annotations' | 'export' | 'export-folder' | 'notebook';

const KINDS: readonly FolderKind[] = ['import', 'annotations', 'export', 'export-folder', 'notebook'];

export interface FolderMemory {
  /** An absolute folder that exists, to pass as the dialog's `defaultPath`. */
  folderFor(kind: FolderKind): string;
  /** Remembers the folder the user just chose in (or of) a dialog of this kind. */
  remember(kind: FolderKind, folder: string): void;
}

function isFolder(path: string): boolean {
  try {
    return isAbsolute(path) && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readFolders(file: string): Partial<Record<FolderKind, string>> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const folders: Partial<Record<FolderKind, string>> = {};
  for (const kind of KINDS) {
    const value = (raw as Record<string, unknown>)[kind];
    if (typeof value === 'string' && isAbsolute(value)) folders[kind] = value;
  }
  return folders;
}

/**
 * `file` is where the folders are kept (`last-folders.json` in the profile); `documents` gives the Documents
 * folder (Electron's `app.getPath('documents')`, which may throw when there is none).
 */
export function folderMemory(file: string, documents: () => string): FolderMemory {
  let folders: Partial<Record<FolderKind, string>> | null = null;
  const known = () => (folders ??= readFolders(file));
  const fallback = () => {
    try {
      const path = documents();
      if (isFolder(path)) return path;
    } catch {
      // No Documents folder on this system: the home folder will do.
    }
    return homedir();
  };
  return {
    folderFor(kind) {
      const remembered = known()[kind];
      return remembered && isFolder(remembered) ? remembered : fallback();
    },
    remember(kind, folder) {
      if (!isAbsolute(folder)) return;
      const next = { ...known(), [kind]: folder };
      folders = next;
      try {
        writeSmallFileSync(file, JSON.stringify(next));
      } catch (error) {
        console.error('[parley] could not remember the folder last used', error);
      }
    },
  };
}
