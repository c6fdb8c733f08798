/**
 * Brings a notebook file written by an older Parley up to the current schema, one numbered step at a time, and
 * checks the result. What comes off disk is unchecked until it has passed `NotebookSchema` here.
 *
 * Adding a migration: bump `SCHEMA_VERSION` in shared/model.ts, add `NNN-what-changed.ts` exporting a
 * `Migration` (types.ts) whose `version` is the new number, list it in `migrations` below, and give it its own test.
 */
import { NotebookSchema, SCHEMA_VERSION, type Notebook } from '../../../shared/model';
import { readWellFormedNotebook } from '../notebook-reader';
import { stancesAndSuggestions } from './002-stances-and-suggestions';
import { documentNotes } from './003-document-notes';
import { formattingAndOpened } from './004-formatting-and-opened';
import { captionBlocks } from './005-caption-blocks';
import { citationsAndPages } from './006-citations-and-pages';
import { versionsAndEvents } from './007-versions-and-events';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in any order; the runner sorts them. */
export const migrations: readonly Migration[] = [
  stancesAndSuggestions,
  documentNotes,
  formattingAndOpened,
  captionBlocks,
  citationsAndPages,
  versionsAndEvents,
];

export type MigrationFailure = 'invalid' | 'too-new';

/** Why a notebook could not be brought to the current schema; the store adds the file's path. */
export class MigrationError extends Error {
  readonly reason: MigrationFailure;

  constructor(reason: MigrationFailure, message: string) {
    super(message);
    this.name = 'MigrationError';
    this.reason = reason;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The notebook's schema version, or a MigrationError saying what is wrong with it. */
export function schemaVersionOf(raw: unknown, newest: number = SCHEMA_VERSION): number {
  if (!isPlainObject(raw)) {
    throw new MigrationError('invalid', 'it is not a Parley notebook (expected a JSON object).');
  }
  if (!('schemaVersion' in raw)) {
    throw new MigrationError('invalid', 'it is not a Parley notebook (it has no schemaVersion).');
  }
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new MigrationError(
      'invalid',
      `its schemaVersion (${JSON.stringify(version)}) is not a version number.`,
    );
  }
  if (version > newest) {
    throw new MigrationError(
      'too-new',
      `it was written by a newer version of Parley (notebook schema ${version}; this version reads up to ` +
        `${newest}). Update Parley to open it.`,
    );
  }
  return version;
}

/**
 * Runs, in order, each migration above the notebook's `schemaVersion` up to `target`. The input is left as it
 * was (migrations work on a copy). Returns the migrated, not yet validated, notebook.
 */
export function runMigrations(
  raw: unknown,
  list: readonly Migration[],
  target: number = SCHEMA_VERSION,
): Record<string, unknown> {
  const from = schemaVersionOf(raw, target);
  const byVersion = new Map<number, Migration>();
  for (const migration of list) {
    if (byVersion.has(migration.version)) {
      throw new Error(`Two migrations produce schema version ${migration.version}.`);
    }
    byVersion.set(migration.version, migration);
  }
  let notebook = raw as Record<string, unknown>;
  if (from === target) return notebook;
  notebook = structuredClone(notebook);
  for (let version = from + 1; version <= target; version++) {
    const migration = byVersion.get(version);
    if (!migration) throw new Error(`No migration to schema version ${version}.`);
    let next: Record<string, unknown>;
    try {
      next = migration.up(notebook);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new MigrationError(
        'invalid',
        `it could not be upgraded from schema ${version - 1} to ${version} (${migration.name}): ${why}`,
      );
    }
    notebook = { ...next, schemaVersion: version };
  }
  return notebook;
}

/** A short plain sentence naming the first thing the schema rejected, e.g. `documents[0].text: expected string`. */
function describeFirstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'it does not match the notebook schema.';
  const where = issue.path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `it does not match the notebook schema: ${where ? `${where}: ` : ''}${issue.message}${more}.`;
}

/** Validates an already-migrated notebook against the current schema. */
export function validateNotebook(notebook: unknown): Notebook {
  // A well-formed notebook is read in one quick walk; anything else gets the schema's verdict and message.
  const wellFormed = readWellFormedNotebook(notebook);
  if (wellFormed) return wellFormed;
  const result = NotebookSchema.safeParse(notebook);
  if (!result.success) throw new MigrationError('invalid', describeFirstIssue(result.error.issues));
  return result.data;
}

/** What the store calls on every notebook it reads: upgrade to the current schema, then validate. */
export function migrate(raw: unknown): Notebook {
  return validateNotebook(runMigrations(raw, migrations, SCHEMA_VERSION));
}
