/**
 * Hostile calls: every channel of the contract, called through the very gate main registers (register.ts →
 * dispatch.ts → the real handler table over a real notebook file), with wrong types, missing and extra fields,
 * huge strings, unknown ids, prototype-pollution shapes and bad numbers, and from frames that are not the app's.
 * Each call must come back as an error envelope, and the notebook in memory, its undo history and its bytes on disk
 * must be exactly as before. The channel list and the hostile arguments are derived from the contract's schemas,
 * so a new channel is covered as soon as it is declared (and the type-checker asks for its valid arguments below).
 * The sync calls' valid arguments are accepted by the real sync engine against a sync server the test starts on
 * 127.0.0.1: a notebook shared there for the link to join, and a conflict made by two replicas to settle.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain, BrowserWindow } from 'electron';
import type { z } from 'zod';
import { createHandlers, type Dialogs } from '../../../main/ipc/handlers';
import { channelNames } from '../../../main/ipc/dispatch';
import { registerHandlers } from '../../../main/ipc/register';
import { isTrustedSender } from '../../../main/security';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';
import { addSampleDocument } from '../../../main/core/notebook';
import { updateTopic } from '../../../main/core/codebook';
import { joinNotebook, openSync } from '../../../main/sync/service';
import type { SyncApi } from '../../../main/sync/types';
import { startSyncServer, type RunningSyncServer } from '../sync/server-process';
import { calls, type CallArgs, type CallName, type Envelope } from '../../../shared/contract';
import { MAX_IMPORT_BYTES } from '../../../shared/limits';

const APP_PAGE = 'app://parley/index.html';
const HUGE = 10 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// The gate, as main wires it: a fake ipcMain that keeps each handler, and a window whose main frame is trusted.

type Frame = { url: string; parent?: Frame | null };
type Handler = (event: IpcMainInvokeEvent, args: unknown) => unknown;

interface Gate {
  store: NotebookStore;
  dialogsOpened: string[];
  progress: unknown[];
  window: { frame: Frame; destroyed: boolean };
  invoke(channel: string, args: unknown, frame?: Frame | null): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

interface GateOptions {
  /** Team sync on the gate's notebook (the real engine), closed before the notebook. */
  sync?: (store: NotebookStore) => Promise<SyncApi>;
  /** What the "save the shared notebook" dialog answers (a join); without it, it is recorded and cancelled. */
  notebookPath?: string;
}

async function openGate(path: string, options: GateOptions = {}): Promise<Gate> {
  const store = await openNotebookStore(path, { createIfMissing: false, debounceMs: 1 });
  const sync = await options.sync?.(store);
  const dialogsOpened: string[] = [];
  const progress: unknown[] = [];
  // Every dialog is recorded and cancelled: a hostile call must never get as far as asking the user.
  const dialogs: Dialogs = {
    chooseImportFiles: async () => {
      dialogsOpened.push('chooseImportFiles');
      return [];
    },
    chooseExportPath: async () => {
      dialogsOpened.push('chooseExportPath');
      return null;
    },
    chooseExportFolder: async () => {
      dialogsOpened.push('chooseExportFolder');
      return null;
    },
    confirmOverwrite: async () => {
      dialogsOpened.push('confirmOverwrite');
      return false;
    },
    chooseNotebookPath: async () => {
      if (options.notebookPath) return options.notebookPath;
      dialogsOpened.push('chooseNotebookPath');
      return null;
    },
  };
  const table = createHandlers({
    store,
    dialogs,
    appVersion: '0.0.0-test',
    now: () => new Date('2026-11-30T12:00:00.000Z'),
    progress: (p) => progress.push(p),
    ...(sync ? { sync } : {}),
  });
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  const window = { frame: { url: APP_PAGE, parent: null } as Frame, destroyed: false };
  const win = {
    isDestroyed: () => window.destroyed,
    webContents: {
      get mainFrame() {
        return window.frame;
      },
    },
  };
  const unregister = registerHandlers(ipcMain as unknown as IpcMain, table, (frame) =>
    isTrustedSender(frame, win as unknown as BrowserWindow),
  );
  return {
    store,
    dialogsOpened,
    progress,
    window,
    async invoke(channel, args, frame = window.frame) {
      const handler = handlers.get(channel);
      assert.ok(handler, `no handler registered for ${channel}`);
      const event = { senderFrame: frame as unknown as WebFrameMain } as IpcMainInvokeEvent;
      return (await handler(event, args)) as Envelope<unknown>;
    },
    async close() {
      unregister();
      await sync?.close();
      await store.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The notebook: the sample with its two parties, a second document, topics, highlights with a link.

interface Ids {
  doc: string;
  otherDoc: string;
  topic: string;
  otherTopic: string;
  unusedTopic: string;
  party: string;
  otherParty: string;
  annotation: string;
  otherAnnotation: string;
  suggestionKey: string;
  event: string;
  /** A highlight waiting in the review of its document's newer version (its paragraph moved). */
  waiting: string;
  /** Team sync: the server the test started, its token, a notebook shared there, and a conflict to settle. */
  sync: SyncIds;
}

interface SyncIds {
  server: string;
  token: string;
  link: string;
  /** A conflict waiting in the notebook at `conflicted`: a topic renamed differently by two replicas. */
  conflict: string;
  conflicted: string;
}

/**
 * A copy of the notebook shared on the server, and a colleague's replica joined from it; each renames the same
 * topic while apart, and once both have synced the shared copy holds a conflict, left for resolveSyncConflict.
 */
async function shareWithConflict(
  path: string,
  dir: string,
  server: RunningSyncServer,
  topicId: string,
): Promise<SyncIds> {
  const shared = join(dir, 'shared.json');
  const joined = join(dir, 'joined.json');
  await copyFile(path, shared);
  const ana = await openNotebookStore(shared, { debounceMs: 1 });
  const anaSync = await openSync(ana, { author: () => 'Ana' });
  try {
    const { link } = await anaSync.share(server.url, server.token);
    assert.ok(link, 'sharing gives a link');
    await joinNotebook({ link, server: server.url, token: server.token, path: joined, author: 'Boris' });
    const boris = await openNotebookStore(joined, { debounceMs: 1 });
    const borisSync = await openSync(boris, { author: () => 'Boris', connect: false });
    try {
      boris.change((nb) => updateTopic(nb, { id: topicId, path: 'extradition-boris' }), 'Edit topic');
      ana.change((nb) => updateTopic(nb, { id: topicId, path: 'extradition-ana' }), 'Edit topic');
      await anaSync.syncNow();
      await borisSync.syncWith(server.url, server.token);
      // Boris's change reaches Ana's replica through the server as it is connected: wait for it to arrive.
      const giveUpAt = Date.now() + 20_000;
      while (anaSync.conflicts().length === 0 && Date.now() < giveUpAt) {
        await new Promise((wait) => setTimeout(wait, 50));
      }
    } finally {
      await borisSync.close();
      await boris.close();
    }
    const [conflict] = anaSync.conflicts();
    assert.ok(conflict, 'the topic renamed on both replicas is a conflict');
    return { server: server.url, token: server.token, link, conflict: conflict.id, conflicted: shared };
  } finally {
    await anaSync.close();
    await ana.close();
  }
}

async function buildNotebook(path: string): Promise<Omit<Ids, 'sync'>> {
  const store = await openNotebookStore(path, { debounceMs: 1 });
  const sample = await readFile(
    new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url),
    'utf8',
  );
  store.change((nb) => addSampleDocument(nb, sample, new Date('2026-11-01T00:00:00.000Z')));
  const table = createHandlers({
    store,
    dialogs: {} as Dialogs,
    appVersion: '0.0.0-test',
    now: () => new Date('2026-11-01T00:00:00.000Z'),
  });
  const doc = store.data.documents[0]!;
  const other = await table.importDocument({
    fileName: 'notes.md',
    content: '# Talks in Moscow\n\nBoth ministers said the dialogue would go on.\n\nNothing else was agreed.',
  });
  const topic = await table.createTopic({ path: 'extradition', colour: '#aa4444' });
  const otherTopic = await table.createTopic({ path: 'iran/nuclear' });
  const unusedTopic = await table.createTopic({ path: 'extr' });
  const [party, otherParty] = store.data.parties;
  assert.ok(party && otherParty, 'the sample brings two parties');
  const first = doc.text.indexOf('Lugovoy');
  const a = await table.createAnnotation({
    documentId: doc.id,
    start: first,
    end: first + 'Lugovoy'.length,
    topicIds: [topic.id],
    note: 'The **extradition** request.',
    partyId: party.id,
    stance: 'demand',
  });
  const second = doc.text.indexOf('Iran');
  const b = await table.createAnnotation({
    documentId: doc.id,
    start: second,
    end: second + 'Iran'.length,
    topicIds: [otherTopic.id],
    note: '',
    partyId: otherParty.id,
  });
  await table.linkAnnotations({ fromId: b.id, toId: a.id, type: 'rebuts' });
  const suggestions = await table.suggestStatements({ documentId: doc.id });
  assert.ok(suggestions.length > 0, 'the sample has suggestions');
  // A document with a second version, in which the highlighted paragraph moved (words written for this test).
  const ferry = (paragraphs: string[]) =>
    new TextEncoder().encode(['# Ferry line', ...paragraphs].join('\n\n'));
  const paragraphs = [
    'The council put off its decision on the new ferry line on Tuesday.',
    'The mayor said that the council needed more time to weigh the costs.',
    'A final vote is expected in March, when the council hears the shipping companies.',
  ];
  const versioned = await table.importFile({ fileName: 'ferry.md', bytes: ferry(paragraphs) });
  const vote = store.data.documents.find((d) => d.id === versioned.id)!.text.indexOf('A final vote');
  const waiting = await table.createAnnotation({
    documentId: versioned.id,
    start: vote,
    end: vote + 'A final vote is expected in March'.length,
    topicIds: [],
    note: '',
  });
  const moved = await table.importVersionFile({
    documentId: versioned.id,
    fileName: 'ferry.md',
    bytes: ferry([paragraphs[2]!, paragraphs[0]!, paragraphs[1]!]),
  });
  assert.equal(moved.counts.moved, 1, 'the highlight waits in the review as moved');
  const event = await table.createEvent({ name: 'Talks in Moscow', documentIds: [doc.id, other.id] });
  await store.close();
  return {
    doc: doc.id,
    otherDoc: other.id,
    topic: topic.id,
    otherTopic: otherTopic.id,
    unusedTopic: unusedTopic.id,
    party: party.id,
    otherParty: otherParty.id,
    annotation: a.id,
    otherAnnotation: b.id,
    suggestionKey: suggestions[0]!.key,
    event: event.id,
    waiting: waiting.id,
  };
}

/**
 * One valid argument per call, over the notebook's real ids: the base each hostile variant changes in one place,
 * so a refusal is down to that one change. A mapped type over the contract, so a new call must be added here.
 */
const validArgs: { [K in CallName]: (ids: Ids) => CallArgs<K> } = {
  rendererReady: () => undefined,
  viewOptions: () => ({ partyColours: true }),
  notebookInfo: () => undefined,
  saveState: () => undefined,
  welcome: () => undefined,
  dismissWelcome: () => undefined,
  cancelImport: () => undefined,
  listDocuments: () => undefined,
  openDocument: (ids) => ({ id: ids.doc }),
  importDocument: () => ({ fileName: 'more.txt', content: 'A short text.\n\nWith two paragraphs.' }),
  importFromDialog: () => undefined,
  importFile: () => ({ fileName: 'more.txt', bytes: new TextEncoder().encode('A short text in a file.') }),
  importFiles: () => ({
    files: [
      { fileName: 'one.txt', bytes: new TextEncoder().encode('A first text in a file.') },
      { fileName: 'two.md', bytes: new TextEncoder().encode('# A second\n\nIn Markdown.') },
    ],
  }),
  deleteDocument: (ids) => ({ id: ids.otherDoc }),
  updateDocument: (ids) => ({
    id: ids.doc,
    title: 'Renamed',
    source: 'RT',
    published: '2009-11-03',
    note: 'n',
    authors: ['Doe, Jane', 'Reuters'],
    url: 'https://example.org/a',
    pages: '12-19',
    citationKey: 'doe2009renamed',
  }),
  suggestCitationKey: (ids) => ({
    id: ids.doc,
    title: 'Renamed',
    source: 'RT',
    published: '2009-11-03',
    authors: ['Doe, Jane'],
  }),
  listTopics: () => undefined,
  updateTopic: (ids) => ({ id: ids.topic, path: 'law/extradition', colour: '#123456', description: 'd' }),
  mergeTopics: (ids) => ({ fromId: ids.otherTopic, intoId: ids.topic }),
  deleteTopic: (ids) => ({ id: ids.otherTopic }),
  createTopic: () => ({ path: 'eu/relations', colour: '#445566' }),
  removeUnusedTopics: (ids) => ({ topicIds: [ids.unusedTopic] }),
  createAnnotation: (ids) => ({
    documentId: ids.doc,
    start: 0,
    end: 8,
    topicIds: [ids.topic],
    newTopics: ['eu/relations'],
    note: 'n',
    partyId: ids.party,
    stance: 'warning',
  }),
  updateAnnotation: (ids) => ({
    id: ids.annotation,
    topicIds: [ids.otherTopic],
    newTopics: ['Extradition', 'eu'],
    note: 'changed',
    partyId: ids.otherParty,
    stance: 'refusal',
  }),
  linkAnnotations: (ids) => ({ fromId: ids.annotation, toId: ids.otherAnnotation, type: 'agrees-with' }),
  unlinkAnnotations: (ids) => ({ fromId: ids.otherAnnotation, toId: ids.annotation, type: 'rebuts' }),
  addTopicToAnnotations: (ids) => ({
    annotationIds: [ids.annotation, ids.otherAnnotation],
    topicId: ids.otherTopic,
  }),
  listAnnotations: () => undefined,
  deleteAnnotation: (ids) => ({ id: ids.otherAnnotation }),
  listParties: () => undefined,
  createParty: () => ({ name: 'European Union', short: 'EU', colour: '#2244aa', aliases: ['Brussels'] }),
  updateParty: (ids) => ({
    id: ids.party,
    name: 'Britain',
    short: 'UK',
    colour: '#aa2222',
    aliases: ['London'],
  }),
  mergeParties: (ids) => ({ fromId: ids.otherParty, intoId: ids.party }),
  deleteParty: (ids) => ({ id: ids.otherParty }),
  listStances: () => undefined,
  addStance: () => ({ name: 'ultimatum' }),
  suggestStatements: (ids) => ({ documentId: ids.doc }),
  acceptSuggestions: (ids) => ({
    documentId: ids.doc,
    accept: [{ key: ids.suggestionKey, topicIds: [ids.topic] }],
  }),
  dismissSuggestion: (ids) => ({ key: ids.suggestionKey }),
  proposeTopics: () => ({ texts: ['his extradition to UK is absolutely out of the question'] }),
  compare: (ids) => ({ topicId: ids.topic }),
  exportComparisonMarkdown: (ids) => ({ topicId: ids.topic }),
  saveComparisonMarkdown: (ids) => ({ topicId: ids.topic }),
  search: (ids) => ({
    query: 'Lugovoy',
    topicId: ids.topic,
    partyId: ids.party,
    documentId: ids.doc,
    hasNote: true,
    limit: 10,
  }),
  undo: () => undefined,
  redo: () => undefined,
  historyState: () => undefined,
  loadNotebook: () => undefined,
  exportTopicMarkdown: (ids) => ({ topicId: ids.topic }),
  saveTopicMarkdown: (ids) => ({ topicId: ids.topic }),
  saveNotebookMarkdown: () => ({ mode: 'folder' }),
  exportCsv: () => undefined,
  saveCsv: () => undefined,
  exportMarkdown: (ids) => ({ documentId: ids.doc }),
  saveMarkdown: (ids) => ({ documentId: ids.doc }),
  exportW3C: (ids) => ({ documentId: ids.doc }),
  saveW3C: (ids) => ({ documentId: ids.doc }),
  importAnnotationsFromDialog: (ids) => ({ documentId: ids.doc }),
  listVersions: (ids) => ({ documentId: ids.doc }),
  openVersion: (ids) => ({ documentId: ids.doc, n: 1 }),
  diffVersions: (ids) => ({ documentId: ids.doc, from: 1, to: 1 }),
  importVersionFromDialog: (ids) => ({ documentId: ids.doc }),
  importVersionFile: (ids) => ({
    documentId: ids.doc,
    fileName: 'newer.txt',
    bytes: new TextEncoder().encode('A newer text in a file.'),
  }),
  makeVersion: (ids) => ({ documentId: ids.otherDoc, of: ids.doc }),
  versionReview: (ids) => ({ documentId: ids.doc }),
  resolveReview: (ids) => ({ annotationId: ids.waiting, action: 'accept' }),
  reselectReview: (ids) => ({ annotationId: ids.waiting, start: 0, end: 5 }),
  listEvents: () => undefined,
  createEvent: (ids) => ({ name: 'Talks', date: '2009-11-02', documentIds: [ids.doc, ids.otherDoc] }),
  updateEvent: (ids) => ({ id: ids.event, name: 'Talks in Moscow, again' }),
  deleteEvent: (ids) => ({ id: ids.event }),
  alignAccounts: (ids) => ({ eventId: ids.event }),
  alsoIn: (ids) => ({ annotationId: ids.annotation }),
  compareAccounts: (ids) => ({ eventId: ids.event }),
  exportAccountsMarkdown: (ids) => ({ eventId: ids.event }),
  saveAccountsMarkdown: (ids) => ({ eventId: ids.event }),
  syncStatus: () => undefined,
  shareNotebook: (ids) => ({ server: ids.sync.server, token: ids.sync.token }),
  joinNotebook: (ids) => ({ link: ids.sync.link, server: ids.sync.server, token: ids.sync.token }),
  syncNow: () => undefined,
  stopSync: () => undefined,
  syncConflicts: () => undefined,
  resolveSyncConflict: (ids) => ({ id: ids.sync.conflict, choice: 0 }),
  preferences: () => undefined,
  setAuthorName: () => ({ name: 'Ana' }),
};

// ---------------------------------------------------------------------------------------------------------------
// Hostile arguments, derived from each call's schema.

/**
 * What a variant is expected to get: refused by the schema, refused by the handler (a well-formed but wrong call),
 * or, where UNKNOWN_ID_ACCEPTED says why, answered with nothing found.
 */
type Expect = 'invalid-arguments' | 'refused-by-handler' | 'nothing-found';

interface Variant {
  label: string;
  args: unknown;
  expect: Expect;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/nullable wrappers, and whether undefined or null are allowed there. */
function unwrap(schema: z.ZodType): { core: z.ZodType; optional: boolean; nullable: boolean } {
  let core = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = defOf(core);
    if (def.type === 'optional' && def.innerType) optional = true;
    else if (def.type === 'nullable' && def.innerType) nullable = true;
    else return { core, optional, nullable };
    core = def.innerType;
  }
}

const hugeString = 'x'.repeat(HUGE);
const hugeBytes = new Uint8Array(MAX_IMPORT_BYTES + 1);

/** A string longer than the field allows, and at least 10 MB. */
function tooLong(schema: z.ZodType): string {
  const max = (schema as unknown as { maxLength: number | null }).maxLength;
  assert.ok(max !== null && max !== undefined, 'every string in the contract has a maximum length');
  return max < HUGE ? hugeString : 'x'.repeat(max + 1);
}

/** Values of the wrong kind for a field of this schema (never one it legitimately accepts). */
function wrongValues(schema: z.ZodType): Array<[string, unknown]> {
  const { core, optional, nullable } = unwrap(schema);
  const def = defOf(core);
  const values: Array<[string, unknown]> = [];
  if (!optional) values.push(['undefined', undefined]);
  if (!nullable) values.push(['null', null]);
  const object: [string, unknown] = ['an object', { toString: 'evil', valueOf: 1 }];
  const array: [string, unknown] = ['an array', ['x']];
  switch (def.type) {
    case 'string':
      values.push(['a number', 42], ['a boolean', true], array, object, ['a huge string', tooLong(core)]);
      break;
    case 'number':
      values.push(
        ['a numeric string', '3'],
        ['a boolean', true],
        array,
        ['NaN', NaN],
        ['Infinity', Infinity],
        ['-Infinity', -Infinity],
        ['a negative number', -1],
        ['a fraction', 1.5],
        ['a number past the maximum', 2 ** 53],
      );
      break;
    case 'boolean':
      values.push(['a string', 'true'], ['a number', 1], array);
      break;
    case 'enum':
      values.push(['an unknown member', 'not-a-member'], ['a number', 0], array);
      break;
    case 'array': {
      values.push(['a string', 'x'], ['an array-like object', { 0: 'x', length: 1 }]);
      for (const [label, value] of wrongValues(def.element!)) {
        if (value === undefined) continue; // [undefined] is refused too, but say so once, below.
        values.push([`an array holding ${label}`, [value]]);
      }
      values.push(['an array holding undefined', [undefined]]);
      values.push(['a huge array', Array.from({ length: 100_000 }, (_, i) => `id-${i}`)]);
      break;
    }
    case 'custom':
      // The only custom schema is the imported file's bytes (z.instanceof(Uint8Array)); a Buffer is one too.
      values.push(
        ['a string', 'bytes'],
        ['an array of numbers', [104, 105]],
        ['an array-like object', { 0: 104, length: 1, byteLength: 1 }],
        ['an ArrayBuffer', new ArrayBuffer(4)],
        ['a DataView', new DataView(new ArrayBuffer(4))],
        ['bytes over 20 MB', hugeBytes],
      );
      break;
    case 'object': {
      // An object inside the arguments (each accepted suggestion): wrong kinds, and each field wrong on its own.
      values.push(['a string', 'x'], ['a number', 42], array, ['an empty object', {}]);
      for (const [field, schema] of Object.entries(def.shape ?? {})) {
        for (const [label, value] of wrongValues(schema)) {
          values.push([`an object whose ${field} is ${label}`, { [field]: value }]);
        }
      }
      break;
    }
    default:
      assert.fail(`the hostile generator does not know a field of type ${def.type}: teach it`);
  }
  return values;
}

/** Strings that are well-formed ids but name nothing, including ones that are keys of every object. */
const UNKNOWN_IDS = ['no-such-id', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'];
const isIdField = (name: string) => name === 'id' || /Ids?$/.test(name);

function pollution(valid: Record<string, unknown>): Array<[string, unknown]> {
  const body = JSON.stringify(valid).slice(1, -1);
  const comma = body === '' ? '' : ',';
  return [
    ['an own __proto__ key', JSON.parse(`{"__proto__":{"polluted":"yes"}${comma}${body}}`)],
    ['a constructor.prototype key', { ...valid, constructor: { prototype: { polluted: 'yes' } } }],
    ['an extra field', { ...valid, extra: true }],
  ];
}

/** Every hostile variant of one call. */
function variantsFor(name: CallName, ids: Ids): Variant[] {
  const schema = calls[name].args as z.ZodType;
  const def = defOf(schema);
  const variants: Variant[] = [];
  const invalid = (label: string, args: unknown) =>
    variants.push({ label, args, expect: 'invalid-arguments' });

  if (def.type === 'undefined') {
    // A call that takes nothing accepts only nothing.
    for (const [label, value] of [
      ['null', null],
      ['an empty object', {}],
      ['a string', 'x'],
      ['a huge string', hugeString],
      ['zero', 0],
      ['NaN', NaN],
      ['false', false],
      ['an array', []],
      ...pollution({}),
    ] as Array<[string, unknown]>) {
      invalid(label, value);
    }
    return variants;
  }

  assert.equal(def.type, 'object', `${name}: the contract's arguments are objects or nothing`);
  assert.equal(defOf(def.catchall!).type, 'never', `${name}: the contract's objects are strict`);
  const valid = validArgs[name](ids) as Record<string, unknown>;
  const shape = def.shape!;

  for (const [label, value] of [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'x'],
    ['a number', 42],
    ['NaN', NaN],
    ['an array', [valid]],
    ['a huge string', hugeString],
  ] as Array<[string, unknown]>) {
    invalid(label, value);
  }
  for (const [label, value] of pollution(valid)) invalid(label, value);

  for (const [field, fieldSchema] of Object.entries(shape)) {
    if (!unwrap(fieldSchema).optional) {
      const { [field]: _dropped, ...rest } = valid;
      invalid(`${field} missing`, rest);
    }
    for (const [label, value] of wrongValues(fieldSchema)) {
      // `field: undefined` is how a missing field looks after structured cloning drops it: same as missing.
      invalid(`${field} as ${label}`, { ...valid, [field]: value });
    }
    if (!isIdField(field)) continue;
    const many = defOf(unwrap(fieldSchema).core).type === 'array';
    for (const unknown of UNKNOWN_IDS) {
      variants.push({
        label: `${field} naming nothing (${unknown})`,
        args: { ...valid, [field]: many ? [unknown] : unknown },
        expect: UNKNOWN_ID_ACCEPTED[name] ? 'nothing-found' : 'refused-by-handler',
      });
    }
  }
  for (const variant of semanticVariants[name]?.(ids, valid) ?? []) variants.push(variant);
  return variants;
}

/** Well-formed calls that name things which exist but make no sense together; the handler must refuse them. */
const semanticVariants: Partial<Record<CallName, (ids: Ids, valid: Record<string, unknown>) => Variant[]>> = {
  createAnnotation: (_ids, valid) =>
    (
      [
        ['start after end', { start: 20, end: 10 }],
        ['an empty passage', { start: 10, end: 10 }],
        ['end past the document', { start: 0, end: 999_999_999 }],
        ['start and end past the document', { start: 999_999_998, end: 999_999_999 }],
        ['a new topic with a blank path', { newTopics: [' / '] }],
        ['a good new topic, then a blank one', { newTopics: ['eu', '   '] }],
      ] as Array<[string, object]>
    ).map(([label, patch]) => ({ label, args: { ...valid, ...patch }, expect: 'refused-by-handler' })),
  linkAnnotations: (ids, valid) => [
    {
      label: 'a passage linked to itself',
      args: { ...valid, toId: ids.annotation },
      expect: 'refused-by-handler',
    },
  ],
  updateAnnotation: (_ids, valid) => [
    {
      label: 'a new topic with a blank path',
      args: { ...valid, newTopics: [' '] },
      expect: 'refused-by-handler',
    },
  ],
  removeUnusedTopics: (ids) =>
    (
      [
        ['a topic a passage has', [ids.topic]],
        ['an unused topic, then one in use', [ids.unusedTopic, ids.otherTopic]],
      ] as Array<[string, string[]]>
    ).map(([label, topicIds]) => ({ label, args: { topicIds }, expect: 'refused-by-handler' })),
  mergeTopics: (ids) => [
    {
      label: 'a topic merged into itself',
      args: { fromId: ids.topic, intoId: ids.topic },
      expect: 'refused-by-handler',
    },
  ],
  mergeParties: (ids) => [
    {
      label: 'a party merged into itself',
      args: { fromId: ids.party, intoId: ids.party },
      expect: 'refused-by-handler',
    },
  ],
  acceptSuggestions: (ids) =>
    (
      [
        ['a key that is not suggested', [{ key: `${ids.doc}:0:3`, topicIds: [] }]],
        ['a key of another document', [{ key: `${ids.otherDoc}:0:3`, topicIds: [] }]],
        [
          'a key named twice',
          [
            { key: ids.suggestionKey, topicIds: [] },
            { key: ids.suggestionKey, topicIds: [] },
          ],
        ],
        [
          'a good key, then a stale one',
          [
            { key: ids.suggestionKey, topicIds: [] },
            { key: 'no-such-doc:1:5', topicIds: [] },
          ],
        ],
        ['a topic that does not exist', [{ key: ids.suggestionKey, topicIds: ['no-such-topic'] }]],
      ] as Array<[string, Array<{ key: string; topicIds: string[] }>]>
    ).map(([label, accept]) => ({
      label,
      args: { documentId: ids.doc, accept },
      expect: 'refused-by-handler',
    })),
  dismissSuggestion: (ids) =>
    (
      [
        ['a key of the wrong shape', 'not-a-key'],
        ['a key on no document', 'no-such-doc:1:5'],
        ['a key on __proto__', '__proto__:1:5'],
        ['a key whose start is after its end', `${ids.doc}:9:3`],
        ['a key past the end of the text', `${ids.doc}:0:999999999`],
      ] as Array<[string, string]>
    ).map(([label, key]) => ({ label, args: { key }, expect: 'refused-by-handler' })),
  updateTopic: (ids) => [
    {
      label: 'a path another topic has',
      args: { id: ids.topic, path: 'iran/nuclear' },
      expect: 'refused-by-handler',
    },
    {
      label: 'a colour that is not one',
      args: { id: ids.topic, colour: 'red; x' },
      expect: 'refused-by-handler',
    },
  ],
  importDocument: () => [
    { label: 'an empty text', args: { fileName: 'empty.txt', content: '' }, expect: 'refused-by-handler' },
    { label: 'a binary file name', args: { fileName: 'a.exe', content: 'MZ' }, expect: 'refused-by-handler' },
  ],
  openVersion: (ids) => [
    {
      label: 'a version the document does not have',
      args: { documentId: ids.doc, n: 2 },
      expect: 'refused-by-handler',
    },
  ],
  diffVersions: (ids) => [
    {
      label: 'a version the document does not have',
      args: { documentId: ids.doc, from: 1, to: 2 },
      expect: 'refused-by-handler',
    },
  ],
  importVersionFile: (_ids, valid) => [
    { label: 'no bytes', args: { ...valid, bytes: new Uint8Array(0) }, expect: 'refused-by-handler' },
    {
      label: 'binary bytes',
      args: { ...valid, bytes: new Uint8Array([0, 1, 2, 0, 0, 255, 0, 7]) },
      expect: 'refused-by-handler',
    },
  ],
  makeVersion: (ids) => [
    {
      label: 'a document made a version of itself',
      args: { documentId: ids.doc, of: ids.doc },
      expect: 'refused-by-handler',
    },
    {
      label: 'a document with highlights of its own',
      args: { documentId: ids.doc, of: ids.otherDoc },
      expect: 'refused-by-handler',
    },
  ],
  resolveReview: (ids) =>
    (['accept', 'keep-on-old', 'delete'] as const).map((action) => ({
      label: `${action} on a highlight that is not waiting for review`,
      args: { annotationId: ids.annotation, action },
      expect: 'refused-by-handler',
    })),
  reselectReview: (ids, valid) => [
    {
      label: 'a highlight that is not waiting for review',
      args: { annotationId: ids.annotation, start: 0, end: 5 },
      expect: 'refused-by-handler',
    },
    { label: 'start after end', args: { ...valid, start: 9, end: 3 }, expect: 'refused-by-handler' },
    {
      label: 'end past the text',
      args: { ...valid, start: 0, end: 999_999_999 },
      expect: 'refused-by-handler',
    },
    { label: 'only whitespace', args: { ...valid, start: 0, end: 0 }, expect: 'refused-by-handler' },
  ],
  importFile: () => [
    {
      label: 'binary bytes',
      args: { fileName: 'a.txt', bytes: new Uint8Array([0, 1, 2, 0, 0, 255, 0, 7]) },
      expect: 'refused-by-handler',
    },
    {
      label: 'no bytes',
      args: { fileName: 'a.txt', bytes: new Uint8Array(0) },
      expect: 'refused-by-handler',
    },
  ],
};

/**
 * Calls for which a well-formed id naming nothing is a legitimate request rather than an error, with why. Their
 * unknown-id variants are still made, and must be answered with nothing found and leave the notebook alone.
 */
const UNKNOWN_ID_ACCEPTED: Partial<Record<CallName, { why: string; nothingFound(value: unknown): boolean }>> =
  {
    search: {
      why:
        'a filter is a condition on what exists: a topic, party or document that is not there matches nothing, ' +
        'as when the one selected in the Find panel was deleted meanwhile; the call only reads',
      nothingFound: (value) => (value as { total: number }).total === 0,
    },
  };

// ---------------------------------------------------------------------------------------------------------------

const frames = (gate: Gate): Array<[string, Frame | null]> => [
  ['a subframe of our page', { url: APP_PAGE, parent: gate.window.frame }],
  ['a copy of our main frame (not the same frame)', { url: APP_PAGE, parent: null }],
  ['another window on an app:// page', { url: 'app://parley/other.html', parent: null }],
  ['a frame on another host of the app scheme', { url: 'app://evil/index.html', parent: null }],
  ['a frame on a web page', { url: 'https://evil.example/', parent: null }],
  ['a frame on a file: page', { url: 'file:///etc/passwd', parent: null }],
  ['a frame that is gone (null)', null],
];

describe('hostile IPC calls are refused and change nothing', () => {
  let dir: string;
  let path: string;
  let ids: Ids;
  let gate: Gate;
  let bytes: Buffer;
  let data: unknown;
  let history: unknown;
  let server: RunningSyncServer | undefined;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-hostile-'));
    path = join(dir, 'notebook.json');
    const built = await buildNotebook(path);
    server = await startSyncServer();
    ids = { ...built, sync: await shareWithConflict(path, dir, server, built.topic) };
    bytes = await readFile(path);
    gate = await openGate(path);
    data = structuredClone(gate.store.data);
    history = gate.store.history;
  });

  after(async () => {
    await gate?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const names = Object.keys(calls) as CallName[];

  test('every registered channel is a contract call, and every call has valid arguments here', () => {
    assert.deepEqual(channelNames().sort(), names.map((name) => calls[name].channel).sort());
    for (const name of names) assert.equal(typeof validArgs[name], 'function', name);
  });

  /** The notebook in memory, its history, and (once flushed) its bytes are what they were. */
  async function assertUnchanged(where: string): Promise<void> {
    assert.deepEqual(gate.store.data, data, `${where}: the notebook in memory changed`);
    assert.deepEqual(gate.store.history, history, `${where}: the undo history changed`);
    assert.deepEqual(gate.dialogsOpened, [], `${where}: a dialog was opened`);
    await gate.store.flush();
    assert.ok((await readFile(path)).equals(bytes), `${where}: the notebook file changed`);
    assert.equal(
      ({} as Record<string, unknown>).polluted,
      undefined,
      `${where}: Object.prototype was polluted`,
    );
  }

  function assertRefused(
    envelope: Envelope<unknown>,
    expect: Exclude<Expect, 'nothing-found'> | 'forbidden',
    where: string,
  ): void {
    assert.equal(
      envelope.ok,
      false,
      `${where}: accepted, returning ${JSON.stringify(envelope).slice(0, 200)}`,
    );
    if (envelope.ok) return;
    assert.equal(typeof envelope.error.code, 'string', where);
    assert.equal(typeof envelope.error.message, 'string', where);
    assert.ok(envelope.error.message.length < 2000, `${where}: the message echoes the input back`);
    if (expect === 'refused-by-handler') {
      // Well-formed, so the schema lets it through; the handler must refuse it with a reason of its own, not
      // trip over it (an 'internal' error is an unexpected exception).
      assert.notEqual(envelope.error.code, 'internal', `${where}: ${envelope.error.message}`);
      assert.notEqual(envelope.error.code, 'invalid-arguments', `${where}: refused before the handler`);
    } else {
      assert.equal(envelope.error.code, expect, `${where}: ${envelope.error.message}`);
    }
  }

  for (const name of names) {
    const channel = calls[name].channel;

    test(`${channel}: malformed, oversized, polluted and unknown arguments`, async (t) => {
      const variants = variantsFor(name, ids);
      assert.ok(variants.length > 0, `${channel}: no hostile variant`);
      t.diagnostic(`${variants.length} hostile calls`);
      for (const variant of variants) {
        const where = `${channel} with ${variant.label}`;
        const envelope = await gate.invoke(channel, variant.args);
        if (variant.expect === 'nothing-found') {
          const accepted = UNKNOWN_ID_ACCEPTED[name]!;
          assert.ok(
            envelope.ok && accepted.nothingFound(envelope.value),
            `${where}: expected nothing found (${accepted.why}), got ${JSON.stringify(envelope).slice(0, 200)}`,
          );
        } else {
          assertRefused(envelope, variant.expect, where);
        }
        await assertUnchanged(where);
      }
    });

    test(`${channel}: valid arguments from a frame that is not the app's`, async () => {
      const args = validArgs[name](ids);
      gate.progress.length = 0;
      for (const [label, frame] of frames(gate)) {
        const where = `${channel} from ${label}`;
        assertRefused(await gate.invoke(channel, args, frame), 'forbidden', where);
        await assertUnchanged(where);
      }
      // Our own main frame after it navigated away, and a window being destroyed.
      const own = gate.window.frame;
      own.url = 'https://evil.example/';
      try {
        assertRefused(await gate.invoke(channel, args, own), 'forbidden', `${channel} after navigating away`);
      } finally {
        own.url = APP_PAGE;
      }
      gate.window.destroyed = true;
      try {
        assertRefused(
          await gate.invoke(channel, args, own),
          'forbidden',
          `${channel} from a destroyed window`,
        );
      } finally {
        gate.window.destroyed = false;
      }
      await assertUnchanged(`${channel} from untrusted frames`);
      assert.deepEqual(gate.progress, [], `${channel}: progress was reported for a refused call`);
    });
  }

  /**
   * A gate on a fresh copy of the notebook for one call's control. The sync calls get the real engine: sharing
   * reaches the test's server, Sync Now and Stop Syncing run on a copy shared first, joining saves a new file, and
   * settling the conflict runs on the notebook that holds it.
   */
  async function controlGate(name: CallName, i: number): Promise<Gate> {
    const engine = (store: NotebookStore) => openSync(store, { author: () => 'Ana' });
    // Settling a conflict is a change of this copy alone: its replica need not reach the server for it.
    if (name === 'resolveSyncConflict') {
      return openGate(ids.sync.conflicted, {
        sync: (store) => openSync(store, { author: () => 'Ana', connect: false }),
      });
    }
    const copy = join(dir, `control-${i}.json`);
    await copyFile(path, copy);
    if (!name.startsWith('sync') && !['shareNotebook', 'joinNotebook', 'stopSync'].includes(name)) {
      return openGate(copy);
    }
    return openGate(copy, {
      notebookPath: join(dir, `control-${i}-joined.json`),
      sync: async (store) => {
        const sync = await engine(store);
        if (name === 'syncNow' || name === 'stopSync') await sync.share(ids.sync.server, ids.sync.token);
        return sync;
      },
    });
  }

  test('the same valid arguments are accepted from the app’s own frame (so each refusal above is the change)', async () => {
    // Each on a fresh copy of the notebook, so these real changes neither touch the one the hostile calls must
    // leave alone nor depend on one another.
    for (const [i, name] of names.entries()) {
      const control = await controlGate(name, i);
      try {
        const envelope = await control.invoke(calls[name].channel, validArgs[name](ids));
        assert.equal(
          envelope.ok,
          true,
          `${calls[name].channel}: ${envelope.ok ? '' : `${envelope.error.code}: ${envelope.error.message}`}`,
        );
      } finally {
        await control.close();
      }
    }
  });
});
