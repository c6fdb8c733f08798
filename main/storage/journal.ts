/**
 * The notebook's journal: an append-only file beside it (`notebook.json` → `notebook.json.journal`) holding the
 * changes made since the notebook file was last written whole, so that saving one change writes one short record
 * instead of the whole notebook (the model is SQLite's write-ahead log and Redis's append-only file). From time to
 * time the store folds the journal into the notebook file (a whole durable write) and starts a new journal.
 *
 * The journal is text, one record a line: `<length> <crc32> <json>`, the length in bytes and the CRC-32 (hex) of the
 * JSON, so a record cut short by a crash, or damaged, is recognised and it and everything after it are dropped. The
 * first record is a header naming the notebook file it belongs to: the SHA-256 and size of the file's bytes as the
 * store wrote them, its schema version and a generation. The records after it are numbered from 1 and each holds
 * the edits of one save (every change, undo and redo since the save before it): set a value, delete a key, splice
 * a list, at a path. Undo and redo are states like any other, so they are saved the same way. A journal whose header does not match the notebook
 * file beside it belongs to an older file (a crash between writing the file and starting its new journal, or a file
 * put back by a restore) and is never applied: its changes are already in the file, or are not meant for it.
 *
 * A header that matches also says the file is byte for byte what this Parley wrote from a notebook it had checked,
 * so reading it can skip the schema's check (the slow part of opening a large notebook); a file without a matching
 * journal, or from another schema version, is checked and migrated as ever.
 *
 * Every reader of a notebook goes through `readNotebookOnDisk`, which applies the journal: the store, whether it is
 * the window's or a `parley` command's, and the backups.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { SCHEMA_VERSION, type Notebook } from '../../shared/model';
import { errnoCode } from '../errors';
import { syncFolder } from './durable-file';

export const JOURNAL_SUFFIX = '.journal';

/** The journal that belongs beside the notebook at `notebookPath`. */
export function journalPathOf(notebookPath: string): string {
  return `${notebookPath}${JOURNAL_SUFFIX}`;
}

/** The first record: which notebook file the journal's changes apply to. */
export interface JournalHeader {
  journal: 'parley';
  /** The journal format. */
  format: 1;
  /** SHA-256 (hex) of the notebook file's bytes. */
  base: string;
  /** The notebook file's size in bytes. */
  baseSize: number;
  /** The schema the notebook file and every change in the journal are in. */
  schemaVersion: number;
  /** How many times the store has folded a journal into the file: a number that tells journals apart in logs. */
  generation: number;
  /** Whether the file is pure ASCII (every other character written as a JSON `\u` escape; see asciiJson). */
  ascii?: boolean;
}

/** One save: its number in this journal (from 1) and the edits from the state saved before it to its own. */
export interface JournalRecord {
  seq: number;
  ops: JournalOp[];
}

export interface ParsedJournal {
  header: JournalHeader | null;
  records: JournalRecord[];
  /** Bytes of the journal that hold whole, valid records (the header among them). */
  validBytes: number;
  /** Whether anything after those bytes was dropped: a record cut short or damaged. */
  torn: boolean;
  /**
   * Whether what was dropped is more than the last record cut short (what a crash during an append leaves: part of
   * one line, no newline after it): a damaged record with lines after it, or no header at all.
   */
  damaged: boolean;
  /** The journal's size in bytes. */
  size: number;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** SHA-256 of a notebook file's bytes, as the header names it. */
export function hashOfBase(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One line of the journal: length, checksum and the JSON of `value`. */
export function encodeRecord(value: JournalHeader | JournalRecord): Buffer {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  const prefix = Buffer.from(`${json.length} ${crc32(json).toString(16).padStart(8, '0')} `, 'latin1');
  return Buffer.concat([prefix, json, Buffer.from('\n', 'latin1')]);
}

export function makeHeader(base: Uint8Array, generation: number, ascii: boolean): JournalHeader {
  return {
    journal: 'parley',
    format: 1,
    base: hashOfBase(base),
    baseSize: base.length,
    schemaVersion: SCHEMA_VERSION,
    generation,
    ascii,
  };
}

/**
 * JSON text with every character past ASCII written as a `\u` escape: the same JSON, read back to the same
 * strings, but bytes that decode as one byte a character. Decoding 75 MB of UTF-8 that holds a few accented
 * letters makes a string of two bytes a character and takes longer than parsing it; ASCII decodes as a copy.
 */
export function asciiJson(json: string): string {
  if (!/[\u0080-\uffff]/.test(json)) return json;
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Reads a whole file in one read where it can (readFile reads in small pieces); null when there is none. */
async function readWhole(path: string): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // A file that grew meanwhile is read on to its end.
    const parts = [buffer.subarray(0, filled)];
    for (let at = filled; filled === size;) {
      const more = Buffer.allocUnsafe(64 * 1024);
      const { bytesRead } = await handle.read(more, 0, more.length, at);
      if (bytesRead === 0) break;
      parts.push(more.subarray(0, bytesRead));
      at += bytesRead;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  } finally {
    await handle.close();
  }
}

/** The text of a notebook file: read as ASCII when the journal vouches that it is. */
export function notebookText(disk: NotebookOnDisk): string {
  const ascii = disk.matches && disk.journal?.header?.ascii === true;
  return disk.bytes!.toString(ascii ? 'latin1' : 'utf8');
}

function isHeader(value: unknown): value is JournalHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  return (
    h.journal === 'parley' &&
    h.format === 1 &&
    typeof h.base === 'string' &&
    typeof h.baseSize === 'number' &&
    typeof h.schemaVersion === 'number' &&
    typeof h.generation === 'number'
  );
}

function isRecord(value: unknown, seq: number): value is JournalRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return r.seq === seq && Array.isArray(r.ops);
}

/** Reads a decimal number from `bytes` at `at` up to `stop`; null when it is not one. */
function readNumber(bytes: Uint8Array, at: number, stop: number, radix: 10 | 16): number | null {
  if (stop <= at || stop - at > 12) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + at, stop - at).toString('latin1');
  const pattern = radix === 10 ? /^(0|[1-9]\d*)$/ : /^[0-9a-f]{8}$/;
  return pattern.test(text) ? parseInt(text, radix) : null;
}

/**
 * The journal's valid records: the header, then records numbered 1, 2, 3… each whole and matching its checksum. The
 * first line that is not stops the reading; it and the rest count as a torn tail. A journal whose first line is not
 * a header has no valid records at all.
 */
export function parseJournal(bytes: Uint8Array): ParsedJournal {
  const records: JournalRecord[] = [];
  let header: JournalHeader | null = null;
  let at = 0;
  while (at < bytes.length) {
    const space1 = bytes.indexOf(SPACE, at);
    if (space1 < 0) break;
    const length = readNumber(bytes, at, space1, 10);
    const space2 = space1 + 9;
    if (length === null || bytes[space2] !== SPACE) break;
    const checksum = readNumber(bytes, space1 + 1, space2, 16);
    const start = space2 + 1;
    const end = start + length;
    if (checksum === null || end >= bytes.length || bytes[end] !== NEWLINE) break;
    const json = bytes.subarray(start, end);
    if (crc32(json) !== checksum) break;
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.length).toString('utf8'));
    } catch {
      break;
    }
    if (header === null) {
      if (!isHeader(value)) break;
      header = value;
    } else {
      if (!isRecord(value, records.length + 1)) break;
      records.push(value);
    }
    at = end + 1;
  }
  const torn = at < bytes.length;
  // A crash during an append leaves part of one line, which holds no newline; anything else is damage.
  const damaged = torn && (header === null || bytes.indexOf(NEWLINE, at) >= 0);
  return { header, records, validBytes: header ? at : 0, torn, damaged, size: bytes.length };
}

/**
 * One edit of a journal record, at a path of keys and indexes from the notebook's root: `set` puts a value at the
 * path (an object's key or an array's index), `delete` removes an object's key, `splice` takes `remove` items out of
 * the array at the path from `start` and puts `items` in their place.
 */
export type JournalOp =
  | { op: 'set'; path: Array<string | number>; value: unknown }
  | { op: 'delete'; path: Array<string | number> }
  | { op: 'splice'; path: Array<string | number>; start: number; remove: number; items: unknown[] };

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The edits that turn `before` into `after`, two states of the store. States share every part a change did not
 * touch (immer's structural sharing), so the walk goes only down what differs: objects key by key, arrays by the
 * common items at either end and a splice of what lies between (or item by item when only items were replaced).
 * Deleting one highlight among 100,000 is one small splice, whatever its index.
 */
export function diffStates(before: unknown, after: unknown): JournalOp[] {
  const ops: JournalOp[] = [];
  diffInto(before, after, [], ops);
  return ops;
}

function diffInto(a: unknown, b: unknown, path: Array<string | number>, ops: JournalOp[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    let start = 0;
    const shorter = Math.min(a.length, b.length);
    while (start < shorter && a[start] === b[start]) start++;
    let end = 0;
    while (end < shorter - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    const removed = a.length - end - start;
    const added = b.length - end - start;
    if (removed === added) {
      for (let i = start; i < start + added; i++) diffInto(a[i], b[i], [...path, i], ops);
    } else {
      ops.push({ op: 'splice', path, start, remove: removed, items: b.slice(start, start + added) });
    }
    return;
  }
  if (isPlain(a) && isPlain(b)) {
    for (const key of Object.keys(b)) {
      const value = b[key];
      if (value === undefined) {
        if (Object.hasOwn(a, key) && a[key] !== undefined) ops.push({ op: 'delete', path: [...path, key] });
      } else if (!Object.hasOwn(a, key)) {
        ops.push({ op: 'set', path: [...path, key], value });
      } else {
        diffInto(a[key], value, [...path, key], ops);
      }
    }
    for (const key of Object.keys(a)) {
      if (!Object.hasOwn(b, key) && a[key] !== undefined) ops.push({ op: 'delete', path: [...path, key] });
    }
    return;
  }
  if (path.length === 0) throw new Error('the notebook is not an object');
  ops.push({ op: 'set', path, value: b });
}

/** Applies a record's edits to a notebook just parsed from disk, in place (it is nobody else's yet). */
export function applyOpsInPlace(target: unknown, ops: readonly JournalOp[]): void {
  for (const edit of ops) {
    const { path } = edit;
    let parent: unknown = target;
    const last = edit.op === 'splice' ? path.length : path.length - 1;
    for (let i = 0; i < last; i++) {
      if (typeof parent !== 'object' || parent === null) throw new Error(`no ${path.join('.')} to change`);
      parent = (parent as Record<string | number, unknown>)[path[i]!];
    }
    if (typeof parent !== 'object' || parent === null) throw new Error(`no ${path.join('.')} to change`);
    if (edit.op === 'splice') {
      if (!Array.isArray(parent)) throw new Error(`${path.join('.')} is not a list`);
      parent.splice(edit.start, edit.remove, ...edit.items);
    } else if (edit.op === 'delete') {
      delete (parent as Record<string | number, unknown>)[path[last]!];
    } else {
      (parent as Record<string | number, unknown>)[path[last]!] = edit.value;
    }
  }
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** What is on disk for one notebook: its file's bytes, and the journal read against them. */
export interface NotebookOnDisk {
  /** The notebook file's bytes; null when there is no file. */
  bytes: Buffer | null;
  /** The journal beside it as read; null when there is none. */
  journal: ParsedJournal | null;
  /** Whether the journal belongs to these bytes, so its records apply and the file needs no schema check. */
  matches: boolean;
}

function journalMatches(bytes: Buffer | null, journal: ParsedJournal | null): boolean {
  const header = journal?.header;
  return (
    bytes !== null &&
    header != null &&
    header.baseSize === bytes.length &&
    header.schemaVersion === SCHEMA_VERSION &&
    header.base === hashOfBase(bytes)
  );
}

/**
 * Reads the notebook file and its journal. A reader that holds no lock (`retries` > 0) may read them while the
 * writer is between writing the file and starting its new journal; a journal that does not match is read again,
 * a few times, a short while apart, before it is taken as one that belongs to an older file.
 */
export async function readOnDisk(path: string, retries = 0): Promise<NotebookOnDisk> {
  for (let attempt = 0; ; attempt++) {
    const bytes = await readWhole(path);
    const journalBytes = await readOrNull(journalPathOf(path));
    const journal = journalBytes ? parseJournal(journalBytes) : null;
    const matches = journalMatches(bytes, journal);
    if (matches || journal?.header == null || attempt >= retries) {
      return { bytes, journal, matches };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The notebook as the journal leaves it: `parsed` (the file's JSON, already parsed and still private) with every
 * record applied in order.
 */
export function applyJournal(parsed: unknown, journal: ParsedJournal): Notebook {
  for (const record of journal.records) applyOpsInPlace(parsed, record.ops);
  return parsed as Notebook;
}

/**
 * The notebook's JSON as it stands on disk, its journal applied: the file's own bytes when the journal holds no
 * change for it (the common case: the store folds the journal on close), else the whole notebook written out
 * afresh. For copies that must hold every saved change, such as backups. Throws ENOENT when there is no file.
 */
export async function notebookBytesOnDisk(path: string): Promise<Buffer> {
  const disk = await readOnDisk(path, 4);
  if (disk.bytes === null) return readFile(path);
  if (!disk.matches || disk.journal!.records.length === 0) return disk.bytes;
  const parsed: unknown = JSON.parse(notebookText(disk));
  return Buffer.from(JSON.stringify(applyJournal(parsed, disk.journal!)), 'utf8');
}

/**
 * Why a journal cannot be applied whole, so that its bytes must be kept: `damaged` (a record damaged with lines after
 * it: the records before it apply), `foreign` (its header names another file than the one beside it — the file was
 * edited outside Parley or put back from a copy — so none of its changes apply) or `unreadable` (no header: not a
 * Parley journal, or damaged from its start).
 */
export type JournalDamageKind = 'damaged' | 'foreign' | 'unreadable';

export interface JournalDamage {
  kind: JournalDamageKind;
  /** How many of its saved changes were applied. */
  applied: number;
}

/**
 * Whether the journal on disk cannot be applied whole, and how. Not damage: no journal, an empty one, a header alone
 * (nothing in it to lose), and the last record cut short, which is what a crash during an append leaves: that save
 * was never reported as saved, so it is dropped without a word.
 */
export function journalDamage(disk: NotebookOnDisk): JournalDamage | null {
  const journal = disk.journal;
  if (!journal || journal.size === 0) return null;
  if (journal.header === null) return { kind: 'unreadable', applied: 0 };
  if (!disk.matches) {
    return journal.records.length > 0 || journal.damaged ? { kind: 'foreign', applied: 0 } : null;
  }
  return journal.damaged ? { kind: 'damaged', applied: journal.records.length } : null;
}

/** The name a damaged journal is kept under: `notebook.json.journal.damaged-<time>`, never an existing name. */
async function damagedJournalPath(notebookPath: string, time: Date): Promise<string> {
  const base = `${journalPathOf(notebookPath)}.damaged-${time.toISOString().replace(/[:.]/g, '-')}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      await stat(candidate);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return candidate;
      throw error;
    }
  }
}

/**
 * Moves the journal beside the notebook at `notebookPath` aside, byte for byte (a rename), under the name of
 * damagedJournalPath, and makes the move durable; returns where it is kept. Done before anything new is written
 * beside the notebook, so a journal that could not be applied whole is never overwritten or removed.
 */
export async function keepJournalAside(notebookPath: string, now: Date = new Date()): Promise<string> {
  const aside = await damagedJournalPath(notebookPath, now);
  await rename(journalPathOf(notebookPath), aside);
  await syncFolder(dirname(notebookPath));
  return aside;
}

function changes(n: number): string {
  return n === 1 ? '1 saved change' : `${n} saved changes`;
}

/**
 * What to tell the user about a journal that could not be applied whole: what happened, how many of its changes
 * were applied and where the rest is kept (`keptAt`; null when it was left in place, by a reader that writes
 * nothing).
 */
export function journalDamageMessage(
  notebookPath: string,
  damage: JournalDamage,
  keptAt: string | null,
): string {
  const journal = journalPathOf(notebookPath);
  const what =
    damage.kind === 'damaged'
      ? damage.applied === 0
        ? `The journal of saved changes ${journal} is damaged in its first saved change, so none of its ` +
          `changes could be applied.`
        : `The journal of saved changes ${journal} is damaged after its first ${changes(damage.applied)}: ` +
          `${damage.applied === 1 ? 'that change was' : 'those changes were'} applied, the rest could not be.`
      : damage.kind === 'foreign'
        ? `The journal of saved changes ${journal} was written for another version of ${notebookPath} ` +
          `(the file was changed outside Parley, put back from a copy, or written whole by a Parley that stopped ` +
          `before starting its new journal, when these changes are in it already), so none of its changes were applied.`
        : `The journal of saved changes ${journal} is damaged from its start or is not a Parley journal, ` +
          `so none of it was applied.`;
  const where = keptAt
    ? `The journal is kept unchanged at ${keptAt}.`
    : `The journal was left unchanged where it is; it will be kept aside as ` +
      `${journal}.damaged-<time> when the notebook is next opened to write.`;
  return `${what} ${where}`;
}
