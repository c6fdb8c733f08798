/**
 * Exports written to disk, shared by the window's calls and the command line: the name a save dialog offers
 * (core/export/file-name.ts, where every export's file names are made), the W3C collection as text, and the notebook as a folder of one
 * Markdown file per document, asking before it replaces any file already there.
 */
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportNotebookFiles, offeredFileName, type CiteStyle } from '../core/export';
import { exportW3C } from '../core/w3c';
import type { Progress } from '../../shared/contract';
import type { Notebook } from '../../shared/model';

export { offeredFileName };

/** The notebook's W3C annotations (or one document's, refused when it does not exist) as JSON-LD text. */
export function w3cJson(nb: Notebook, options: { now: Date; documentId?: string | undefined }): string {
  const { now, documentId } = options;
  return JSON.stringify(exportW3C(nb, { now, ...(documentId ? { documentId } : {}) }), null, 2);
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Writes one Markdown file per document into `folder`. Files already there are named to `confirmOverwrite` first;
 * if it says no, nothing is written and the result is null.
 */
export async function writeNotebookFolder(
  nb: Notebook,
  folder: string,
  options: {
    now: Date;
    /** Whether each quote is followed by a Pandoc citation (core/export/pandoc-cite.ts). */
    cite?: CiteStyle | undefined;
    confirmOverwrite: (names: string[]) => Promise<boolean>;
    progress?: (progress: Progress) => void;
  },
): Promise<{ path: string; files: number } | null> {
  const progress = options.progress ?? (() => {});
  const files = exportNotebookFiles(nb, {
    now: options.now,
    ...(options.cite ? { cite: options.cite } : {}),
  });
  const taken: string[] = [];
  for (const file of files) if (await exists(join(folder, file.fileName))) taken.push(file.fileName);
  if (taken.length > 0 && !(await options.confirmOverwrite(taken))) return null;
  const task = 'Exporting the notebook';
  for (const [i, file] of files.entries()) {
    progress({ task, done: i, total: files.length });
    await writeFile(join(folder, file.fileName), file.markdown, 'utf8');
  }
  progress({ task, done: files.length, total: files.length });
  return { path: folder, files: files.length };
}
