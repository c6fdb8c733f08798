/**
 * The `parley` commands: the notebook without a window, over the same core and storage the app uses. Every command reads and
 * checks all its input before it changes anything, so bad input leaves the notebook as it was. A command that
 * writes holds the notebook's lock (storage/notebook-lock.ts) while it runs, so it never writes under the app or
 * another command, and is refused, writing nothing, while one of them has the notebook open; commands that only
 * read (list, find, export, suggest without --accept, backups) take no lock and work while the app is open.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import {
  CITE_STYLES,
  exportCslJson,
  exportCsv,
  exportDocumentMarkdown,
  exportNotebookMarkdown,
  exportTopicMarkdown,
} from '../core/export';
import { ParleyError, placeLabel, type Notebook, type Topic } from '../../shared/model';
import type { DiffRow, Progress } from '../../shared/contract';
import {
  addVersion,
  canonicalAddress,
  diffVersions,
  listVersions,
  sameAddress,
  versionBody,
  versionReview,
  type VersionBody,
} from '../core/versions';
import { IMPORT_VERSION_LABEL, withoutFileNameTitle } from '../services/versions';
import { exportComparisonMarkdown } from '../core/compare';
import { exportAccountsMarkdown } from '../core/accounts';
import { createEvent, getEvent, listEvents } from '../core/events';
import { findInText } from '../core/search';
import { suggestStatements } from '../core/suggest';
import { acceptSuggestions } from '../services/accept-suggestions';
import { w3cJson } from '../services/export';
import { addDrafts, loadImportFiles } from '../services/import-files';
import { normalizeTopicPath, topicPathKey } from '../core/topics';
import * as ops from '../core/notebook';
import { importW3C } from '../core/w3c';
import { addAnnotations } from '../services/import-annotations';
import { IMPORT_EXTENSIONS_TEXT } from '../../shared/import-formats';
import { defaultNotebookPath } from '../default-notebook';
import { basename, dirname, resolve } from 'node:path';
import { backupFolderOf, keepRollingBackups, listBackups, type BackupEntry } from '../storage/backups';
import { NotebookFileError, type NotebookStore } from '../storage/notebook-store';
import { SyncError, forgetFileState, joinNotebook, openSync } from '../sync/service';
import { parseLink, readSyncFile } from '../sync/replica';
import { serverAddress, shownAddress } from '../sync/probe';
import {
  lockPathOf,
  NotebookLockedError,
  realNotebookPath,
  type LockRequest,
} from '../storage/notebook-lock';
import {
  openOrRecover,
  restoreBackup,
  RestoreError,
  startEmpty,
  type RecoveryQuestion,
} from '../storage/recovery';

const USAGE = `Usage: parley <command> [options]

Commands:
  init [--sample]                       create a notebook (with --sample: the sample article)
  import FILE...                        add documents (${IMPORT_EXTENSIONS_TEXT});
                                        prints id<TAB>title per document
  import FILE --replaces ID             import FILE as the newest version of document ID; its
                                        highlights are carried across as kept, moved, changed or
                                        lost (stderr says how many); prints id<TAB>title
  versions ID                           print n<TAB>imported<TAB>characters<TAB>title per version of
                                        document ID, oldest first
  review ID                             print state<TAB>annotation-id<TAB>old quote<TAB>new quote per
                                        highlight carried onto the latest version (new quote empty
                                        when lost)
  diff ID [--from N] [--to M]           print what changed between two versions (default: the one
                                        before the latest, and the latest): a @@ line per paragraph
                                        changed, words deleted as [-…-] and inserted as {+…+}
  annotations import FILE.jsonld [--document ID]
                                        add W3C Web Annotations; nothing is written unless all anchor;
                                        with --document all go to that document, sourceless ones too
  export [--document ID] [--format markdown|w3c|csv|csl-json] [--cite none|pandoc] [--out FILE]
                                        write a document's highlights (stdout unless --out);
                                        csv: every highlight, or one document's with --document;
                                        csl-json: every document's citation (or one's with
                                        --document) as CSL-JSON, for Pandoc and Zotero;
                                        --cite pandoc: markdown cites each quote, [@key, ¶ 9] or
                                        [@key, p. 4], keys as in the csl-json (default none)
  export --topic PATH [--cite none|pandoc] [--out FILE]
                                        write one topic and its subtopics across all documents
                                        (PATH may be a parent only its subtopics name: iran for
                                        iran/nuclear; so may compare's)
  export --all [--cite none|pandoc] [--out FILE]
                                        write the whole notebook as one Markdown file
  export --view compare [--topic PATH] [--out FILE]
                                        write the parties' positions side by side, per topic
  export --view accounts --event ID [--out FILE]
                                        write an event's accounts aligned as Markdown: one row per
                                        statement, one column per account, an empty cell where an
                                        account omits the statement, then each account's omissions
  event create NAME --documents ID,ID[,ID...] [--date YYYY-MM-DD]
                                        group documents as accounts of one event, in column order;
                                        prints the event's id
  event list                            print id<TAB>date<TAB>name<TAB>documents per event
                                        (documents: the ids, comma-separated, in column order)
  share --server URL --token TOKEN      put the notebook on a team's sync server, shared from then on
                                        (the app keeps it in sync, parley sync syncs it); prints the
                                        notebook link to give colleagues
  join LINK --server URL --token TOKEN --notebook FILE
                                        make FILE (a new file) a local copy of the shared notebook
                                        LINK, fetched from the server
  sync --server URL --token TOKEN       sync a shared notebook once: sends what this copy has, takes
                                        what the server has, merges; prints
                                        sent N, received M, conflicts K (changes); conflicts left
                                        to settle are listed on stderr
                                        (the token also from $PARLEY_SYNC_TOKEN; changes carry the
                                        name $PARLEY_AUTHOR, else the login name)
  suggest --document ID [--accept]      print suggested statements: party<TAB>speaker<TAB>quote
                                        (party "-" when none); --accept adds them all as highlights
  list                                  print id<TAB>title<TAB>highlights per document
  find QUERY [--document ID]            find QUERY in the text of every document (or one): prints
                                        document-id<TAB>start<TAB>snippet per hit, in library order
                                        then text order (start: UTF-16 offset into the text); case and
                                        accents ignored, every word in one paragraph, "a phrase" whole
  backups                               print time<TAB>documents<TAB>highlights<TAB>path per backup,
                                        newest first ("damaged" in the counts of one that cannot open)
  restore [BACKUP | --latest]           put a backup (a file name in the backups folder, or a path;
                                        default the newest that opens) in place of the notebook,
                                        moving the current file aside unchanged (a good one is
                                        backed up first)
  restore --empty                       start an empty notebook (no sample) in its place, moving
                                        the current file aside unchanged, as restore does

parley --help prints this; parley --version prints the version.

Every command takes --notebook FILE (default: $PARLEY_NOTEBOOK, else the app's notebook). Commands that
write first back up the notebook into FILE.backups/, as the app does (the newest 10 are kept).`;

class UsageError extends Error {}
/** Input that names what is not there or cannot go together: said in words, without the usage, exit code 2. */
class InputError extends Error {}

/** A refusal of the notebook's checks (unknown id, invalid value) as bad input; other errors as they are. */
function asInputError(error: unknown): unknown {
  if (error instanceof ParleyError && (error.code === 'not-found' || error.code === 'invalid')) {
    return new InputError(error.message);
  }
  return error;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Where the shipped sample article is. */
  samplePath: string;
  /** The version `--version` prints. */
  version: string;
  /** How commands in messages start, as this process was invoked (see invocationOf); default `parley`. */
  invocation?: string;
  /**
   * Whether long work shows its progress on stderr, on one line rewritten in place: by default when stderr is a
   * terminal (never into a pipe or a file, whose reader wants only the messages).
   */
  showProgress?: boolean;
}

/** A progress line on stderr, rewritten in place as the work moves (`Importing… 40%`), and wiped when it ends. */
function progressLine(io: Io): { update: (progress: Progress) => void; end: () => void } {
  const shown = io.showProgress ?? process.stderr.isTTY === true;
  let last = '';
  return {
    update: (progress) => {
      if (!shown || progress.total <= 0) return;
      const line = `${progress.task}… ${Math.floor((progress.done / progress.total) * 100)}%`;
      if (line === last) return;
      last = line;
      io.err(`\r${line}\u001b[K`);
    },
    end: () => {
      if (last) io.err('\r\u001b[K');
      last = '';
    },
  };
}

function notebookPathFrom(values: { notebook?: string | undefined }, env: NodeJS.ProcessEnv): string {
  return values.notebook ?? env.PARLEY_NOTEBOOK ?? defaultNotebookPath(process.platform, env);
}

/** What a command does with the notebook: only reads it, writes it, or writes it and creates it if missing. */
type Access = 'read' | 'write' | 'create';

/** `a/b.json` as is; `it's here/b.json` quoted, so the command can be pasted into a shell. */
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  if (process.platform === 'win32') return `"${text}"`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * How to run `parley` again as this process was run, from the script's path (`process.argv[1]`): `parley` when it
 * was invoked through a bin link named parley, otherwise `node /absolute/path/to/dist/cli.cjs`, which works where
 * `parley` is not on PATH (`npm run -s parley`, `node dist/cli.cjs`).
 */
export function invocationOf(script: string | undefined): string {
  if (script === undefined) return 'parley';
  if (/^parley(\.cmd|\.exe)?$/i.test(basename(script))) return 'parley';
  return `node ${shellQuote(resolve(script))}`;
}

function counted(n: number | undefined, what: string): string {
  return `${n ?? 0} ${what}${n === 1 ? '' : 's'}`;
}

/** `2026-12-05 10:22 UTC, 1 document, 14 highlights`. */
function describeBackup(backup: BackupEntry): string {
  const iso = backup.time.toISOString();
  return (
    `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC, ` +
    `${counted(backup.documents, 'document')}, ${counted(backup.highlights, 'highlight')}`
  );
}

/**
 * Why the notebook cannot be opened and the way forward, as commands written as this process was invoked: the
 * newest backup that opens and the command that restores it; else, for a file that is there, the command that
 * keeps it aside and starts an empty notebook; for no file, the command that creates one.
 */
function cannotOpenMessage(question: RecoveryQuestion, invocation: string): string {
  const lines = [/[.!?]$/.test(question.message) ? question.message : `${question.message}.`];
  if (question.failure) lines.push(`${question.failure}.`);
  const backup = question.backup;
  const notebook = shellQuote(question.path);
  if (backup) {
    lines.push(
      `The newest backup that opens is ${basename(backup.path)} (${describeBackup(backup)}); restore it with:`,
      `  ${invocation} restore --latest --notebook ${notebook}`,
    );
  } else if (question.keptAsidePath) {
    lines.push(
      `No backup of it opens (they are kept in ${backupFolderOf(question.path)}); the file is left as it is.`,
      'To keep it aside unchanged and start an empty notebook:',
      `  ${invocation} restore --empty --notebook ${notebook}`,
    );
  }
  if (!question.keptAsidePath) {
    lines.push(`There is no notebook there; create one with: ${invocation} init --notebook ${notebook}`);
  }
  return lines.join('\n');
}

/**
 * Opens the notebook for a command. A good one is backed up before a command that writes, and backed up while
 * it saves, with the app's policy; one that cannot be opened is refused with the backup that would restore it,
 * and nothing is changed.
 */
async function openForCommand(
  path: string,
  access: Access,
  io: Io,
  lock: LockRequest,
): Promise<NotebookStore> {
  let question: RecoveryQuestion | null = null;
  const recovery = await openOrRecover(
    path,
    async (asked) => {
      question = asked;
      return 'quit';
    },
    {
      createIfMissing: access === 'create',
      access: access === 'read' ? 'read' : 'write',
      lock,
      debounceMs: 0,
      backUpOnOpen: access !== 'read',
      onBackupError: (error) => io.err(`parley: could not back up ${path}: ${(error as Error).message}\n`),
    },
  );
  if (recovery.outcome === 'quit') {
    if (!question) throw new Error(`The notebook ${path} could not be opened.`);
    throw new ParleyError(cannotOpenMessage(question, io.invocation ?? 'parley'));
  }
  // A journal that could not be applied whole was kept (see notebook-store.ts): say so, the command goes on.
  const problem = recovery.store.journalProblem;
  if (problem) io.err(`parley: ${problem.message}\n`);
  return recovery.store;
}

/** The lock a command takes to write: held by `parley <command>`; a stale one taken over with a note on stderr. */
function commandLock(command: string, io: Io): LockRequest {
  return {
    by: 'cli',
    command: `parley ${command}`,
    onStaleTakeover: (note) => io.err(`parley: ${note}\n`),
  };
}

async function withStore<T>(
  path: string,
  access: Access,
  io: Io,
  lock: LockRequest,
  run: (store: NotebookStore) => T | Promise<T>,
) {
  const store = await openForCommand(path, access, io, lock);
  const rolling =
    access === 'read'
      ? null
      : keepRollingBackups(store, {
          onError: (error) => io.err(`parley: could not back up ${path}: ${(error as Error).message}\n`),
        });
  try {
    return await run(store);
  } finally {
    await store.close();
    rolling?.stop();
    await rolling?.settled();
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const options = {
    notebook: { type: 'string' },
    sample: { type: 'boolean' },
    document: { type: 'string' },
    format: { type: 'string' },
    cite: { type: 'string' },
    out: { type: 'string' },
    view: { type: 'string' },
    topic: { type: 'string' },
    accept: { type: 'boolean' },
    all: { type: 'boolean' },
    latest: { type: 'boolean' },
    empty: { type: 'boolean' },
    replaces: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    documents: { type: 'string' },
    date: { type: 'string' },
    event: { type: 'string' },
    server: { type: 'string' },
    token: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (!command) throw new UsageError('no command given');
  if (command === 'help' || command === '--help' || command === '-h' || values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  if (command === '--version' || command === '-V') {
    io.out(`${io.version}\n`);
    return 0;
  }
  const path = notebookPathFrom(values, io.env);
  const lock = commandLock(command, io);

  switch (command) {
    case 'init': {
      // Creates, or refuses an existing notebook without writing it: nothing to back up either way.
      const store = await openForCommand(path, 'create', io, lock);
      try {
        if (!store.created)
          throw new ParleyError(`A notebook already exists at ${path}; nothing was changed.`);
        if (values.sample) {
          const text = await readFile(io.samplePath, 'utf8');
          store.change((nb) => ops.addSampleDocument(nb, text, new Date()));
        }
      } finally {
        await store.close();
      }
      io.out(`Created ${path}\n`);
      return 0;
    }
    case 'import': {
      if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
      if (values.replaces !== undefined && positionals.length !== 1) {
        throw new UsageError('import --replaces ID takes one FILE: the newer version of that document');
      }
      // Every file is read and checked before the notebook is opened (and locked).
      // Ctrl+C while a page is read ends its worker: the import stops, and the notebook is never opened.
      const cancel = new AbortController();
      const onInterrupt = () => cancel.abort();
      process.once('SIGINT', onInterrupt);
      let drafts;
      const progress = progressLine(io);
      try {
        drafts = await loadImportFiles(positionals, progress.update, cancel.signal);
      } finally {
        progress.end();
        process.removeListener('SIGINT', onInterrupt);
      }
      const replaces = values.replaces;
      if (replaces !== undefined) {
        const draft = withoutFileNameTitle(drafts[0]!, positionals[0]!);
        const { added, before } = await withStore(path, 'write', io, lock, (store) => {
          const url = ops.getDocument(store.data, replaces).url;
          const result = store.change(
            (nb) => addVersion(nb, replaces, draft, new Date()),
            IMPORT_VERSION_LABEL,
          );
          return { added: result, before: url };
        });
        const { counts } = added;
        const wasAt = canonicalAddress(before);
        const nowAt = canonicalAddress(draft.url);
        if (wasAt !== null && nowAt !== null && wasAt !== nowAt) {
          io.err(
            `parley: note: ${basename(positionals[0]!)} is from ${draft.url}, not from the document's address ` +
              `(${before}); it was imported as its new version all the same, and the document's address is now ` +
              `the new one.\n`,
          );
        }
        io.out(`${added.document.id}\t${added.document.title}\n`);
        io.err(
          `version ${added.version}: ${counts.kept} kept, ${counts.moved} moved, ${counts.changed} changed, ` +
            `${counts.lost} lost; see ${io.invocation ?? 'parley'} review ${shellQuote(added.document.id)}\n`,
        );
        return 0;
      }
      const { docs, same } = await withStore(path, 'create', io, lock, (store) => {
        const added = addDrafts(store, drafts, new Date());
        return {
          docs: added,
          same: sameAddress(
            store.data,
            added.map((doc) => doc.id),
          ),
        };
      });
      for (const doc of docs) io.out(`${doc.id}\t${doc.title}\n`);
      // A page from the address of a document already here is most likely a newer version of it: say how to
      // import it as one (it was imported as a document of its own all the same).
      for (const { documentId, of, title } of same) {
        const file = positionals[docs.findIndex((doc) => doc.id === documentId)]!;
        io.err(
          `${basename(file)} has the same address as “${oneLine(title)}” (${of}); to import it as a new version ` +
            `of that document instead: ${io.invocation ?? 'parley'} import ${shellQuote(file)} --replaces ${shellQuote(of)}\n`,
        );
      }
      return 0;
    }
    case 'versions': {
      const documentId = oneId(positionals, 'versions');
      const list = await withStore(path, 'read', io, lock, (store) => listVersions(store.data, documentId));
      for (const v of list) io.out(`${v.n}\t${v.importedAt}\t${v.characters}\t${oneLine(v.title)}\n`);
      return 0;
    }
    case 'review': {
      const documentId = oneId(positionals, 'review');
      const review = await withStore(path, 'read', io, lock, (store) =>
        versionReview(store.data, documentId),
      );
      if (review.items.length === 0) {
        io.err(
          review.version === 1
            ? 'The document has one version: no highlight was carried onto a newer one.\n'
            : `No highlight was carried onto version ${review.version}.\n`,
        );
      }
      for (const item of review.items) {
        io.out(
          `${item.state}\t${item.annotationId}\t${oneLine(item.oldQuote)}\t${oneLine(item.newQuote ?? '')}\n`,
        );
      }
      return 0;
    }
    case 'diff': {
      const documentId = oneId(positionals, 'diff');
      const from = versionOption(values.from, '--from');
      const to = versionOption(values.to, '--to');
      const { diff, older, newer } = await withStore(path, 'read', io, lock, (store) => {
        const doc = ops.getDocument(store.data, documentId);
        if (doc.version === 1) {
          throw new ParleyError(
            `“${oneLine(doc.title)}” has one version: there is nothing to compare. Import a newer one with ` +
              `${io.invocation ?? 'parley'} import FILE --replaces ${shellQuote(doc.id)}`,
          );
        }
        const last = to ?? doc.version;
        if (from === undefined && last === 1) {
          throw new ParleyError(
            `Version 1 is “${oneLine(doc.title)}”'s first: there is nothing before it. Say which to compare it ` +
              `with: --from 1 --to N.`,
          );
        }
        const first = from ?? Math.max(1, last - 1);
        const found = diffVersions(store.data, doc.id, first, last);
        return {
          diff: found,
          older: versionBody(store.data, doc, first)!,
          newer: versionBody(store.data, doc, last)!,
        };
      });
      const text = diffText(diff.rows, older, newer);
      if (text === '') io.err(`Versions ${diff.from} and ${diff.to} read the same.\n`);
      io.out(text);
      return 0;
    }
    case 'annotations': {
      const [sub, file, ...extra] = positionals;
      if (sub !== 'import' || !file || extra.length > 0) {
        throw new UsageError('usage: parley annotations import FILE.jsonld [--document ID]');
      }
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new ParleyError(`Cannot read ${file} as JSON: ${(error as Error).message}`);
      }
      const added = await withStore(path, 'write', io, lock, (store) => {
        if (values.document) ops.getDocument(store.data, values.document);
        const now = new Date();
        const result = importW3C(store.data, json, {
          now,
          noSourceAdvice: 'name the document to import it into with --document ID (see parley list)',
          unknownSourceAdvice: 'name the document to import into with --document ID (see parley list)',
          ...(values.document ? { documentId: values.document } : {}),
        });
        if (result.errors.length > 0) {
          throw new ParleyError(
            `Nothing was imported; ${result.errors.length} annotation(s) could not be used:\n` +
              result.errors.map((e) => `  - ${e}`).join('\n'),
          );
        }
        return addAnnotations(store, result);
      });
      io.out(`Imported ${added.length} annotation(s)\n`);
      return 0;
    }
    case 'suggest': {
      const documentId = values.document;
      if (!documentId) throw new UsageError('suggest needs --document ID (see parley list)');
      const access = values.accept ? 'write' : 'read';
      const { suggestions, added, names } = await withStore(path, access, io, lock, (store) => {
        const found = suggestStatements(store.data, documentId);
        const accept = found.map((s) => ({ key: s.key, topicIds: [] }));
        const accepted = values.accept ? acceptSuggestions(store, { documentId, accept }, new Date()) : null;
        return {
          suggestions: found,
          added: accepted?.annotations.length ?? 0,
          names: new Map(store.data.parties.map((p) => [p.id, p.name])),
        };
      });
      for (const s of suggestions) {
        const party = (s.partyId && names.get(s.partyId)) || '-';
        io.out(`${party}\t${oneLine(s.speaker)}\t${oneLine(s.quote)}\n`);
      }
      if (values.accept) io.err(`Added ${added} highlight(s)\n`);
      return 0;
    }
    case 'export': {
      if (values.view !== undefined && values.view !== 'compare' && values.view !== 'accounts') {
        throw new UsageError(`unknown --view ${values.view}: use compare or accounts`);
      }
      if (values.view === 'accounts') return exportAccounts(values, path, io, lock);
      if (values.event !== undefined) throw new UsageError('--event is for --view accounts');
      const format = values.format ?? 'markdown';
      if (format !== 'markdown' && format !== 'w3c' && format !== 'csv' && format !== 'csl-json') {
        throw new UsageError(
          `unknown --format ${format}: use markdown or w3c, csv for a table of highlights, or csl-json for the documents' citations`,
        );
      }
      const cite = values.cite;
      if (cite !== undefined) {
        if (!(CITE_STYLES as readonly string[]).includes(cite)) {
          throw new UsageError(`unknown --cite ${cite}: use ${CITE_STYLES.join(' or ')}`);
        }
        if (format !== 'markdown') throw new UsageError(`--cite is for markdown exports, not ${format}`);
        if (values.view) throw new UsageError('the comparison has no citations: leave out --cite');
      }
      const citeStyle = cite === 'pandoc' ? 'pandoc' : 'none';
      if (format === 'csl-json' && (values.all || values.topic !== undefined || values.view)) {
        throw new UsageError(
          'csl-json exports every document, or one with --document: leave out --all, --topic and --view',
        );
      }
      if (values.all && (values.document !== undefined || values.topic !== undefined || values.view)) {
        throw new UsageError('--all exports every document: leave out --document, --topic and --view');
      }
      if (values.all && format !== 'markdown') throw new UsageError('--all exports as markdown only');
      if (values.topic !== undefined && !values.view) {
        if (format !== 'markdown') throw new UsageError('--topic exports as markdown only');
        if (values.document !== undefined) {
          throw new UsageError('--topic exports the topic across all documents: leave out --document');
        }
      }
      const text = await withStore(path, 'read', io, lock, (store) => {
        const nb = store.data;
        const now = new Date();
        if (values.view === 'compare') {
          if (format !== 'markdown') throw new UsageError('the comparison exports as markdown only');
          if (values.topic !== undefined) return compareTopic(nb, values.topic, now);
          return exportComparisonMarkdown(nb, { now });
        }
        if (values.all) return exportNotebookMarkdown(nb, { now, cite: citeStyle });
        if (values.topic !== undefined) {
          const { nb: withTopic, topic } = topicFor(nb, values.topic);
          return exportTopicMarkdown(withTopic, topic.id, { now, cite: citeStyle });
        }
        if (format === 'csl-json') {
          return exportCslJson(nb, values.document !== undefined ? { documentId: values.document } : {});
        }
        if (format === 'csv') {
          if (values.document === undefined) return exportCsv(nb);
          const doc = ops.getDocument(nb, values.document);
          return exportCsv({
            ...nb,
            documents: [doc],
            annotations: nb.annotations.filter((a) => a.documentId === doc.id),
          });
        }
        if (format === 'w3c') {
          if (values.document) ops.getDocument(nb, values.document);
          return w3cJson(nb, { now, documentId: values.document }) + '\n';
        }
        const documentId = values.document ?? onlyDocumentId(nb.documents);
        return exportDocumentMarkdown(nb, documentId, { now, cite: citeStyle });
      });
      if (values.out) {
        await refuseNotebookAsOutput(values.out, path);
        await writeFile(values.out, text, 'utf8');
        io.err(`Wrote ${values.out}\n`);
      } else {
        io.out(text);
      }
      return 0;
    }
    case 'event': {
      const [sub, ...words] = positionals;
      if (sub === 'list') {
        if (words.length > 0 || values.documents !== undefined || values.date !== undefined) {
          throw new UsageError('event list takes no arguments');
        }
        const events = await withStore(path, 'read', io, lock, (store) => listEvents(store.data));
        for (const e of events)
          io.out(`${e.id}\t${e.date}\t${oneLine(e.name)}\t${e.documentIds.join(',')}\n`);
        return 0;
      }
      if (sub !== 'create')
        throw new UsageError('usage: parley event create NAME --documents ID,ID | parley event list');
      const name = words.join(' ').trim();
      if (name === '')
        throw new UsageError('event create needs a NAME: parley event create NAME --documents ID,ID');
      if (values.documents === undefined) {
        throw new UsageError('event create needs --documents ID,ID[,ID...] (see parley list)');
      }
      const documentIds = values.documents.split(',').map((id) => id.trim());
      if (documentIds.some((id) => id === '')) {
        throw new InputError(
          `--documents ${values.documents} has an empty id: write the ids with commas between.`,
        );
      }
      const event = await withStore(path, 'write', io, lock, (store) => {
        try {
          return store.change(
            (nb) => createEvent(nb, { name, date: values.date ?? '', documentIds }, new Date()),
            'New event',
          );
        } catch (error) {
          throw asInputError(error);
        }
      });
      io.out(`${event.id}\n`);
      return 0;
    }
    case 'share':
    case 'join':
    case 'sync':
      return teamSync(command, values, positionals, path, io, lock);
    case 'list': {
      const summaries = await withStore(path, 'read', io, lock, (store) => ops.listDocuments(store.data));
      for (const s of summaries) io.out(`${s.id}\t${s.title}\t${s.annotationCount}\n`);
      return 0;
    }
    case 'find': {
      const query = positionals.join(' ').trim();
      if (query === '') throw new UsageError('find needs a QUERY: parley find WORDS [--document ID]');
      const documentId = values.document;
      const hits = await withStore(path, 'read', io, lock, (store) => {
        if (documentId !== undefined) ops.getDocument(store.data, documentId);
        return findInText(store.data, query, documentId);
      });
      if (hits.length === 0) io.err(`No text matches ${JSON.stringify(query)}.\n`);
      for (const h of hits) io.out(`${h.documentId}\t${h.start}\t${oneLine(h.snippet)}\n`);
      return 0;
    }
    case 'backups': {
      if (positionals.length > 0) throw new UsageError('backups takes no arguments');
      // Beside the notebook's real file, where the writers keep them, when it is reached through a symlink.
      const real = await realNotebookPath(path);
      const backups = await listBackups(real);
      if (backups.length === 0) io.err(`No backups of ${path} (they are kept in ${backupFolderOf(real)}).\n`);
      for (const b of backups) {
        const [documents, highlights] = b.valid ? [b.documents, b.highlights] : ['damaged', 'damaged'];
        io.out(`${b.time.toISOString()}\t${documents}\t${highlights}\t${b.path}\n`);
      }
      return 0;
    }
    case 'restore': {
      if (positionals.length > 1) throw new UsageError('restore takes one BACKUP at most');
      const [which] = positionals;
      if ([which !== undefined, values.latest, values.empty].filter(Boolean).length > 1) {
        throw new UsageError('restore takes one of BACKUP, --latest or --empty');
      }
      const recoverOptions = {
        debounceMs: 0,
        lock,
        onBackupError: (error: unknown) =>
          io.err(`parley: could not back up ${path}: ${(error as Error).message}\n`),
      };
      let restored;
      try {
        restored = values.empty
          ? await startEmpty(path, recoverOptions)
          : await restoreBackup(path, which ?? null, recoverOptions);
      } catch (error) {
        if (error instanceof RestoreError) throw new ParleyError(error.message);
        throw error;
      }
      // What the restored notebook lacks is no deletion to send to the team (main/sync).
      await forgetFileState(path);
      const { backup, before, keptAsidePath, backedUpAs } = restored;
      if (restored.unchanged) {
        io.out(`The notebook ${path} already holds exactly ${backup?.path}; nothing was changed.\n`);
        return 0;
      }
      io.out(
        backup
          ? `Restored ${path} from ${backup.path} (${describeBackup(backup)}).\n`
          : `Started an empty notebook at ${path}.\n`,
      );
      const what = {
        missing: '',
        good: 'The notebook it replaced',
        damaged: 'The damaged notebook',
        'too-new': 'The notebook from a newer Parley (which can still open it)',
      }[before];
      if (before === 'good') {
        io.out(
          backedUpAs
            ? `${what} was backed up first, to ${backedUpAs}\n`
            : `${what} was backed up already: the newest backup holds exactly its bytes.\n`,
        );
      }
      if (keptAsidePath) io.out(`${what} was moved aside, unchanged, to ${keptAsidePath}\n`);
      else io.out(`There was no notebook at ${path} before.\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

/** The author name this machine's changes carry: $PARLEY_AUTHOR, else the user's login name. */
function authorName(env: NodeJS.ProcessEnv): string {
  const given = env.PARLEY_AUTHOR?.trim();
  if (given) return given;
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** `share`, `join` and `sync`: team notebooks on a sync server (main/sync). */
async function teamSync(
  command: 'share' | 'join' | 'sync',
  values: { server?: string; token?: string; notebook?: string },
  positionals: readonly string[],
  path: string,
  io: Io,
  lock: LockRequest,
): Promise<number> {
  const usage = {
    share: 'parley share --server URL --token TOKEN [--notebook FILE]',
    join: 'parley join LINK --server URL --token TOKEN --notebook FILE',
    sync: 'parley sync --server URL --token TOKEN [--notebook FILE]',
  }[command];
  const server = values.server?.trim();
  const token = (values.token ?? io.env.PARLEY_SYNC_TOKEN ?? '').trim();
  if (!server) throw new UsageError(`${command} needs --server URL: ${usage}`);
  if (!token) throw new UsageError(`${command} needs --token TOKEN (or PARLEY_SYNC_TOKEN): ${usage}`);
  if (command === 'join' ? positionals.length !== 1 : positionals.length > 0) {
    throw new UsageError(
      command === 'join' ? `join takes one LINK: ${usage}` : `${command} takes no arguments: ${usage}`,
    );
  }
  const author = authorName(io.env);
  const asParley = (error: unknown) =>
    error instanceof SyncError ? new ParleyError(error.message, error.reason) : error;
  try {
    serverAddress(server, token);
  } catch (error) {
    throw new InputError((error as Error).message);
  }

  if (command === 'join') {
    if (values.notebook === undefined) {
      throw new UsageError(`join needs --notebook FILE, the new file to make the copy in: ${usage}`);
    }
    const link = positionals[0]!;
    try {
      parseLink(link);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    try {
      await joinNotebook({ link, server, token, path, author });
    } catch (error) {
      throw asParley(error);
    }
    const summary = await withStore(path, 'read', io, lock, (store) => ({
      documents: store.data.documents.length,
      highlights: store.data.annotations.length,
    }));
    io.out(
      `Joined ${parseLink(link)} in ${path}: ${counted(summary.documents, 'document')}, ${counted(summary.highlights, 'highlight')}\n`,
    );
    return 0;
  }

  const parley = io.invocation ?? 'parley';
  return withStore(path, 'write', io, lock, async (store) => {
    const shared = await readSyncFile(store.path).catch((error: unknown) => {
      throw asParley(error);
    });
    if (command === 'share' && shared?.server) {
      throw new ParleyError(
        `${path} is shared already, on ${shownAddress(shared.server)} (link ${shared.url}); nothing was changed. ` +
          `Sync it with: ${parley} sync --server URL --token TOKEN --notebook ${shellQuote(path)}`,
      );
    }
    if (command === 'sync' && !shared) {
      throw new ParleyError(
        `${path} is not shared, so there is nothing to sync. Share it first with: ` +
          `${parley} share --server URL --token TOKEN --notebook ${shellQuote(path)}\n` +
          `or join a shared notebook into a new file with: ${parley} join LINK --server URL --token TOKEN --notebook FILE`,
      );
    }
    let sync;
    try {
      sync = await openSync(store, { author: () => author, connect: false });
    } catch (error) {
      throw asParley(error);
    }
    try {
      if (command === 'share') {
        const status = await sync.share(server, token);
        io.out(`${status.link}\n`);
        io.err(
          `Shared ${path} on ${status.server}: give colleagues the link, the server address and the token; ` +
            `they join with ${parley} join LINK --server URL --token TOKEN --notebook FILE\n`,
        );
        return 0;
      }
      const before = await readSyncFile(store.path).catch(() => null);
      if (before?.server && shownAddress(before.server) !== shownAddress(server)) {
        io.err(
          `parley: note: this notebook synced with ${shownAddress(before.server)}; it is now synced with ` +
            `${shownAddress(server)} (which gets all of it), and syncs there from now on.\n`,
        );
      }
      const counts = await sync.syncWith(server, token);
      io.out(`sent ${counts.sent}, received ${counts.received}, conflicts ${counts.conflicts}\n`);
      for (const conflict of sync.conflicts()) {
        const what =
          conflict.kind === 'field'
            ? conflict.values.map((v) => `“${v.text}” (${v.author}${v.shown ? ', shown' : ''})`).join(' or ')
            : `links to “${conflict.link?.quote ?? ''}”, deleted by ${conflict.link?.deletedBy ?? 'someone'}`;
        io.err(`conflict: ${conflict.title}: ${what}\n`);
      }
      return 0;
    } catch (error) {
      throw asParley(error);
    } finally {
      await sync.close();
    }
  });
}

/** `export --view accounts --event ID [--out FILE]`: the event's accounts aligned, as Markdown. */
async function exportAccounts(
  values: {
    event?: string;
    out?: string;
    format?: string;
    cite?: string;
    topic?: string;
    document?: string;
    all?: boolean;
  },
  path: string,
  io: Io,
  lock: LockRequest,
): Promise<number> {
  if (values.event === undefined)
    throw new UsageError('--view accounts needs --event ID (see parley event list)');
  if (values.format !== undefined && values.format !== 'markdown') {
    throw new UsageError('the accounts export as markdown only');
  }
  if (
    values.cite !== undefined ||
    values.topic !== undefined ||
    values.document !== undefined ||
    values.all
  ) {
    throw new UsageError('--view accounts takes --event ID and --out FILE only');
  }
  const eventId = values.event;
  const text = await withStore(path, 'read', io, lock, (store) => {
    try {
      getEvent(store.data, eventId);
    } catch (error) {
      throw asInputError(error);
    }
    return exportAccountsMarkdown(store.data, eventId, { now: new Date() });
  });
  if (values.out) {
    await refuseNotebookAsOutput(values.out, path);
    await writeFile(values.out, text, 'utf8');
    io.err(`Wrote ${values.out}\n`);
  } else {
    io.out(text);
  }
  return 0;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The one document ID a versions command takes. */
function oneId(positionals: readonly string[], command: string): string {
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) {
    throw new UsageError(`${command} needs one document ID (see parley list)`);
  }
  return id;
}

/** A version number given as --from or --to: a whole number from 1. */
function versionOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < 1) {
    throw new UsageError(`${name} takes a version number (1 is the first): not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/**
 * The changed paragraphs of a diff, as git's word diff shows them: a `@@ ¶4 → ¶5 @@` line per paragraph that
 * differs (`¶4 → gone` for one deleted, `new → ¶7` for one inserted), then its words, deleted ones as [-…-] and
 * inserted ones as {+…+}. Paragraphs the same in both are left out; empty when the versions read the same.
 */
function diffText(rows: readonly DiffRow[], older: VersionBody, newer: VersionBody): string {
  let text = '';
  for (const row of rows) {
    if (row.kind === 'same') continue;
    const from = row.from ? placeLabel(older, row.from.start, row.from.end) : 'new';
    const to = row.to ? placeLabel(newer, row.to.start, row.to.end) : 'gone';
    let words = '';
    for (const part of row.parts) {
      if (part.kind === 'same') words += part.text;
      else if (part.kind === 'deleted') words += `[-${part.text}-]`;
      else words += `{+${part.text}+}`;
    }
    text += `@@ ${from} → ${to} @@\n${words}\n`;
  }
  return text;
}

/**
 * The topic PATH names (regardless of case). When no topic has that path but some sit under it (`iran` for
 * `iran/nuclear`), it is their implied parent: a topic made for this export only, never saved, with the notebook
 * it belongs to. `subtree` is the topic's subtopics that exist, and the topic itself when it does.
 */
function topicFor(
  nb: Notebook,
  path: string,
): { nb: Notebook; topic: Topic; implied: boolean; subtree: Topic[] } {
  const normalized = normalizeTopicPath(path);
  const key = topicPathKey(normalized);
  const subtree = nb.topics.filter((t) => {
    const k = topicPathKey(t.path);
    return k === key || k.startsWith(`${key}/`);
  });
  const topic = nb.topics.find((t) => topicPathKey(t.path) === key);
  if (topic) return { nb, topic, implied: false, subtree };
  if (subtree.length === 0) throw new ParleyError(`No topic ${path} in this notebook.`, 'not-found');
  const ids = new Set(nb.topics.map((t) => t.id));
  let id = `implied-${key}`;
  while (ids.has(id)) id += '-';
  const implied: Topic = { id, path: normalized, colour: '', description: '' };
  return { nb: { ...nb, topics: [...nb.topics, implied] }, topic: implied, implied: true, subtree };
}

/**
 * The comparison for --topic PATH: that topic's row; for an implied parent (see topicFor), a row per subtopic,
 * compared over the passages on them; with none, the message of a topic with no passages.
 */
function compareTopic(nb: Notebook, path: string, now: Date): string {
  const { nb: withTopic, topic, implied, subtree } = topicFor(nb, path);
  if (!implied) return exportComparisonMarkdown(nb, { now, topicId: topic.id });
  const inSubtree = new Set(subtree.map((t) => t.id));
  const docs = new Set(nb.documents.map((d) => d.id));
  const annotations = nb.annotations.filter(
    (a) => docs.has(a.documentId) && a.topicIds.some((id) => inSubtree.has(id)),
  );
  if (annotations.length === 0) return exportComparisonMarkdown(withTopic, { now, topicId: topic.id });
  return exportComparisonMarkdown({ ...nb, topics: subtree, annotations }, { now });
}

/**
 * An export's --out must not be the notebook (by any path: a symlink, a hard link, `..`), its lock or a file in its
 * backup folder: writing Markdown there would destroy the notebook, or let a second writer in.
 */
async function refuseNotebookAsOutput(out: string, notebookPath: string): Promise<void> {
  const [outReal, notebookReal] = await Promise.all([realNotebookPath(out), realNotebookPath(notebookPath)]);
  const backups = backupFolderOf(notebookReal);
  let same = outReal === notebookReal || outReal === lockPathOf(notebookReal) || dirname(outReal) === backups;
  if (!same) {
    const [a, b] = await Promise.all([stat(outReal).catch(() => null), stat(notebookReal).catch(() => null)]);
    same = a !== null && b !== null && a.ino === b.ino && a.dev === b.dev;
  }
  if (same) {
    throw new ParleyError(
      `--out ${out} is the notebook itself, its lock or its backups; nothing was written. Name another file.`,
    );
  }
}

function onlyDocumentId(documents: { id: string }[]): string {
  if (documents.length === 1) return documents[0]!.id;
  if (documents.length === 0) throw new ParleyError('The notebook has no documents to export.');
  throw new ParleyError(
    `The notebook has ${documents.length} documents: name one with --document ID (see parley list).`,
  );
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`parley: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`parley: ${error.message}\n`);
      return 2;
    }
    // Stopped by Ctrl+C (an import's reading cancelled): 128 + SIGINT, as a shell reports an interrupted command.
    if (error instanceof ParleyError && error.code === 'cancelled') {
      io.err(`parley: ${error.message}\n`);
      return 130;
    }
    if (
      error instanceof ParleyError ||
      error instanceof NotebookFileError ||
      error instanceof NotebookLockedError
    ) {
      io.err(`parley: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ELOOP') {
      io.err(`parley: ${(error as Error).message}\n`);
      return 1;
    }
    io.err(`parley: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
