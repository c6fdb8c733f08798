// A notebook file an older schema wrote, opened by the store as the app opens it: the store migrates it, `use`
// works on it, and what the store then wrote back and kept beside it is read from disk.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notebook } from '../../../../shared/model';
import { openNotebookStore, type NotebookStore } from '../../../../main/storage/notebook-store';

export interface Upgraded {
  /** The notebook file after the store closed. */
  onDisk: Notebook;
  /** The old file as kept beside it (`notebook.json.schema-N.bak`), or null when there is none. */
  backup: { schemaVersion: unknown } | null;
}

/** Writes `old` as a notebook file in a fresh temp folder, opens, changes and closes it, and reads back the result. */
export async function upgradeOnDisk(
  old: { schemaVersion: number },
  use: (store: NotebookStore) => void,
): Promise<Upgraded> {
  const dir = await mkdtemp(join(tmpdir(), `parley-m${old.schemaVersion}-`));
  try {
    const path = join(dir, 'notebook.json');
    await writeFile(path, JSON.stringify(old));
    const store = await openNotebookStore(path, { debounceMs: 0 });
    use(store);
    await store.close();
    const backupPath = `${path}.schema-${old.schemaVersion}.bak`;
    return {
      onDisk: JSON.parse(await readFile(path, 'utf8')) as Notebook,
      backup: existsSync(backupPath)
        ? (JSON.parse(await readFile(backupPath, 'utf8')) as Upgraded['backup'])
        : null,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
