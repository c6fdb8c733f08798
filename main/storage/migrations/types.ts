/**
 * The shape of one migration, apart from the runner (index.ts) that lists them, so each migration imports its type
 * from a module that does not import it back.
 */

/** One step: turns a notebook at `version - 1` into one at `version`. The runner sets `schemaVersion`. */
export interface Migration {
  version: number;
  name: string;
  up(notebook: Record<string, unknown>): Record<string, unknown>;
}
