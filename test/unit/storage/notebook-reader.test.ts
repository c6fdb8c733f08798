// The quick reading of well-formed notebooks must agree with NotebookSchema wherever it accepts, and only ever
// give up where the schema might refuse. It is built from the schema, so a schema changed in one place (a limit in
// shared/limits.ts, a field, a refinement) must reach it; written for Parley's notebook reader.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { z } from 'zod';
import {
  AnnotationSchema,
  DocumentSchema,
  NotebookSchema,
  PartySchema,
  SCHEMA_VERSION,
  TopicSchema,
} from '../../../shared/model';
import * as limits from '../../../shared/limits';
import {
  compileReader,
  NOTEBOOK_READ_BY_ZOD,
  readWellFormedNotebook,
} from '../../../main/storage/notebook-reader';
import { migrate } from '../../../main/storage/migrations/index';
import { runs } from '../properties/seed';

function sample(): Record<string, unknown> {
  return {
    schemaVersion: SCHEMA_VERSION,
    documents: [
      {
        id: 'd1',
        title: 'Talks',
        source: 'RT',
        published: '2009-11-02',
        url: 'https://example.org/a',
        importedAt: '2026-01-01T00:00:00.000Z',
        format: 'markdown',
        text: 'Iran refuses.\n\nRussia agrees.',
        blocks: [
          { kind: 'heading', start: 0, end: 13, level: 2 },
          {
            kind: 'list-item',
            start: 15,
            end: 29,
            depth: 1,
            ordered: true,
            number: 3,
            continues: false,
            page: 2,
          },
        ],
        contentHash: 'abc',
        note: 'My *note*',
        byline: 'A. Writer',
        marks: [
          { kind: 'link', start: 0, end: 4, href: 'https://example.org' },
          { kind: 'em', start: 5, end: 12 },
        ],
        openedAt: '',
        authors: ['Writer, A.', 'RT'],
        pages: '4-5',
        citationKey: 'writer2009talks',
        file: { name: 'talks.pdf', size: 1234, sha256: 'a'.repeat(64) },
        pageStarts: [0, 15],
        leftOver: 'dropped',
      },
      {
        id: 'd2',
        title: '',
        source: '',
        published: '',
        url: '',
        importedAt: '2026-01-02T00:00:00.000Z',
        format: 'text',
        text: 'Plain.',
        blocks: [{ kind: 'paragraph', start: 0, end: 6 }],
        contentHash: '',
        note: '',
        byline: '',
        version: 2,
      },
    ],
    topics: [{ id: 't1', path: 'iran/nuclear', colour: '#44aa99', description: '' }],
    parties: [{ id: 'p1', name: 'Iran', short: 'IR', colour: '#000000', aliases: ['Tehran'] }],
    annotations: [
      {
        id: 'a1',
        documentId: 'd1',
        target: { start: 0, end: 4, exact: 'Iran', prefix: '', suffix: ' refuses.' },
        topicIds: ['t1'],
        partyId: 'p1',
        stance: 'refusal',
        note: '',
        links: [{ type: 'rebuts', annotationId: 'a2' }],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      {
        id: 'a2',
        documentId: 'd1',
        target: { start: 15, end: 21, exact: 'Russia', prefix: 'refuses.\n\n', suffix: '' },
        topicIds: [],
        partyId: null,
        stance: null,
        note: 'x',
        links: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        version: 1,
        author: 'Ana',
        carried: {
          from: 1,
          to: 2,
          state: 'changed',
          old: { start: 15, end: 21, exact: 'Russia', prefix: 'refuses.\n\n', suffix: '' },
          proposed: { start: 15, end: 22, exact: 'Russian', prefix: 'refuses.\n\n', suffix: '' },
        },
      },
    ],
    stances: ['threat'],
    dismissedSuggestions: ['key'],
    versions: [
      {
        documentId: 'd2',
        n: 1,
        importedAt: '2026-01-01T00:00:00.000Z',
        title: 'Earlier',
        url: '',
        published: '',
        format: 'text',
        text: 'Plainer.',
        blocks: [{ kind: 'paragraph', start: 0, end: 8 }],
        contentHash: '',
      },
    ],
    events: [
      {
        id: 'e1',
        name: 'Talks',
        date: '2009-11-02',
        documentIds: ['d1', 'd2'],
        createdAt: '2026-01-03T00:00:00.000Z',
      },
    ],
  };
}

/** Values to put anywhere in a notebook: some fit some places, most fit none. */
const VALUES: unknown[] = [
  null,
  0,
  -1,
  1,
  1.5,
  2 ** 53,
  6,
  7,
  29,
  30,
  32,
  33,
  2_147_483_648,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'a',
  'x'.repeat(41),
  'x'.repeat(101),
  'x'.repeat(201),
  'x'.repeat(4001),
  'https://a.example',
  'javascript:alert(1)',
  'link',
  'heading',
  'html',
  true,
  false,
  [],
  ['a'],
  [''],
  {},
  { a: 1 },
  new Array<string>(201).fill('a'),
];

function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const step = Array.isArray(value) ? Number(key) : key;
      out.push([...path, step]);
      pathsOf((value as Record<string, unknown>)[key], [...path, step], out);
    }
  }
  return out;
}

type Path = (string | number)[];
const DELETED = Symbol('deleted');

/** A copy of `base` with the value at each path replaced (or deleted); a path through a missing part is skipped. */
function changed(base: Record<string, unknown>, changes: Array<[path: Path, value: unknown]>) {
  const nb = structuredClone(base);
  for (const [path, value] of changes) {
    let parent: unknown = nb;
    for (const step of path.slice(0, -1)) {
      parent = (parent as Record<string | number, unknown> | undefined)?.[step];
    }
    if (parent === null || typeof parent !== 'object') continue;
    const key = path[path.length - 1]!;
    if (value === DELETED) delete (parent as Record<string | number, unknown>)[key];
    else (parent as Record<string | number, unknown>)[key] = structuredClone(value);
  }
  return nb;
}

/**
 * Reads `nb` with `read` and holds it to `schema`: what the reader reads, the schema accepts and parses to the
 * same value with its keys in the same order. Returns whether the reader read it (false: it gave up).
 */
function agrees(nb: unknown, read: (value: unknown) => unknown, schema: z.ZodType): boolean {
  const value = read(nb);
  if (value === null) return false;
  const parsed = schema.safeParse(nb);
  assert.ok(parsed.success, `read a notebook the schema refuses: ${JSON.stringify(nb)}`);
  assert.ok(isDeepStrictEqual(value, parsed.data), `read differently: ${JSON.stringify(nb)}`);
  assert.equal(JSON.stringify(value), JSON.stringify(parsed.data));
  return true;
}

/** Every value of VALUES (or none) at every place of `base`: how many the reader read, and how many it gave up on. */
function sweep(base: Record<string, unknown>, read: (value: unknown) => unknown, schema: z.ZodType) {
  let accepted = 0;
  let refused = 0;
  for (const path of pathsOf(base)) {
    for (const value of [...VALUES, DELETED]) {
      if (agrees(changed(base, [[path, value]]), read, schema)) accepted++;
      else refused++;
    }
  }
  return { accepted, refused };
}

/** Strings of `length` characters for the field at `path`: a link's target stays a web address. */
function stringOf(path: Path, length: number): string {
  return path.includes('href') ? `https://${'a'.repeat(length - 8)}` : 'a'.repeat(length);
}

/**
 * Each bound of shared/limits.ts on the notebook, at a place in sample() it bounds, and whether it bounds a
 * string's length, an array's length or a number.
 */
const BOUNDED: Array<[limit: keyof typeof limits, path: Path, kind: 'string' | 'array' | 'number']> = [
  ['MAX_ID_LENGTH', ['documents', 0, 'id'], 'string'],
  ['MAX_ID_LENGTH', ['annotations', 0, 'topicIds', 0], 'string'],
  ['MAX_TIME_LENGTH', ['documents', 0, 'published'], 'string'],
  ['MAX_TIME_LENGTH', ['documents', 0, 'importedAt'], 'string'],
  ['MAX_TIME_LENGTH', ['documents', 0, 'openedAt'], 'string'],
  ['MAX_TIME_LENGTH', ['annotations', 1, 'updatedAt'], 'string'],
  ['MAX_TITLE_LENGTH', ['documents', 0, 'title'], 'string'],
  ['MAX_TITLE_LENGTH', ['documents', 0, 'source'], 'string'],
  ['MAX_TITLE_LENGTH', ['documents', 1, 'byline'], 'string'],
  ['MAX_URL_LENGTH', ['documents', 0, 'url'], 'string'],
  ['MAX_URL_LENGTH', ['documents', 0, 'marks', 0, 'href'], 'string'],
  ['MAX_HASH_LENGTH', ['documents', 0, 'contentHash'], 'string'],
  ['MAX_TOPIC_PATH_LENGTH', ['topics', 0, 'path'], 'string'],
  ['MAX_COLOUR_LENGTH', ['topics', 0, 'colour'], 'string'],
  ['MAX_COLOUR_LENGTH', ['parties', 0, 'colour'], 'string'],
  ['MAX_DESCRIPTION_LENGTH', ['topics', 0, 'description'], 'string'],
  ['MAX_NAME_LENGTH', ['parties', 0, 'name'], 'string'],
  ['MAX_NAME_LENGTH', ['parties', 0, 'aliases', 0], 'string'],
  ['MAX_SHORT_NAME_LENGTH', ['parties', 0, 'short'], 'string'],
  ['MAX_ALIASES', ['parties', 0, 'aliases'], 'array'],
  ['MAX_STANCE_LENGTH', ['annotations', 0, 'stance'], 'string'],
  ['MAX_STANCE_LENGTH', ['stances', 0], 'string'],
  ['MAX_LINK_TYPE_LENGTH', ['annotations', 0, 'links', 0, 'type'], 'string'],
  ['MAX_STANCES', ['stances'], 'array'],
  ['MAX_TOPICS_PER_ANNOTATION', ['annotations', 0, 'topicIds'], 'array'],
  ['MAX_LINKS', ['annotations', 0, 'links'], 'array'],
  ['MAX_SUGGESTION_KEY_LENGTH', ['dismissedSuggestions', 0], 'string'],
  ['MAX_BLOCK_DEPTH', ['documents', 0, 'blocks', 1, 'depth'], 'number'],
  ['MAX_LIST_NUMBER', ['documents', 0, 'blocks', 1, 'number'], 'number'],
];

/** The value of `kind` at `path` that is `size` long (or large), from what sample() has there. */
function sized(base: Record<string, unknown>, path: Path, kind: 'string' | 'array' | 'number', size: number) {
  if (kind === 'string') return stringOf(path, size);
  if (kind === 'number') return size;
  let list: unknown = base;
  for (const step of path) list = (list as Record<string | number, unknown>)[step];
  return new Array<unknown>(size).fill((list as unknown[])[0]);
}

describe('readWellFormedNotebook', () => {
  test('is built from NotebookSchema, every part of it read quickly and none left to zod', () => {
    assert.deepEqual(NOTEBOOK_READ_BY_ZOD, [], 'parts of the notebook schema the quick reader cannot read');
  });

  test('reads a well-formed notebook as the schema does: unknown keys dropped, defaults filled in', () => {
    const raw = sample();
    const read = readWellFormedNotebook(raw);
    assert.ok(read, 'a well-formed notebook is read');
    const parsed = NotebookSchema.parse(raw);
    assert.deepStrictEqual(read, parsed);
    assert.equal(JSON.stringify(read), JSON.stringify(parsed), 'same keys in the same order');
    assert.deepEqual(read.documents[1]!.marks, []);
    assert.equal(read.documents[1]!.openedAt, '');
    assert.ok(!('leftOver' in read.documents[0]!));
    assert.deepStrictEqual(migrate(raw), parsed);
  });

  test('wherever one or two values are changed, it accepts only what the schema accepts, and reads it the same', () => {
    const base = sample();
    const paths = pathsOf(base);
    const choices = [...VALUES, DELETED];
    // Every value (or none) at every place, then pairs of changes at places picked by a fixed sequence.
    let { accepted, refused } = sweep(base, readWellFormedNotebook, NotebookSchema);
    let seed = 20_261_130;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % n;
    };
    for (let run = 0; run < 3000; run++) {
      const nb = changed(base, [
        [paths[next(paths.length)]!, choices[next(choices.length)]],
        [paths[next(paths.length)]!, choices[next(choices.length)]],
      ]);
      if (agrees(nb, readWellFormedNotebook, NotebookSchema)) accepted++;
      else refused++;
    }
    assert.ok(accepted > 100 && refused > 100, `accepted ${accepted}, gave up on ${refused}`);
  });

  test('keeps exactly the keys the schema has, in the schema’s order', () => {
    const read = readWellFormedNotebook(sample());
    assert.ok(read);
    const shapes: Array<[z.ZodObject, object]> = [
      [NotebookSchema, read],
      [DocumentSchema, read.documents[0]!],
      [TopicSchema, read.topics[0]!],
      [PartySchema, read.parties[0]!],
      [AnnotationSchema, read.annotations[1]!],
    ];
    for (const [schema, value] of shapes) assert.deepEqual(Object.keys(value), Object.keys(schema.shape));
  });

  test('each field limit of shared/limits.ts bounds the schema and the reader alike, at the very value', () => {
    const base = sample();
    // The others bound what a call or an import may bring, not what a notebook may hold.
    const callLimits = ['MAX_IMPORT_CHARS', 'MAX_IMPORT_BYTES', 'MAX_NOTE_LENGTH', 'MAX_OFFSET'];
    const notebookLimits = Object.keys(limits).filter((name) => !callLimits.includes(name));
    assert.deepEqual(
      [...new Set(BOUNDED.map(([limit]) => limit))].sort(),
      notebookLimits.sort(),
      'every limit of the notebook has a place here',
    );
    for (const [limit, path, kind] of BOUNDED) {
      const most = limits[limit];
      const at = changed(base, [[path, sized(base, path, kind, most)]]);
      const over = changed(base, [[path, sized(base, path, kind, most + 1)]]);
      assert.ok(
        NotebookSchema.safeParse(at).success,
        `${limit} at ${path.join('.')}: the schema takes ${most}`,
      );
      assert.ok(agrees(at, readWellFormedNotebook, NotebookSchema), `${limit}: the reader takes ${most}`);
      assert.ok(
        !NotebookSchema.safeParse(over).success,
        `${limit} at ${path.join('.')}: the schema refuses more`,
      );
      assert.equal(
        readWellFormedNotebook(over),
        null,
        `${limit} at ${path.join('.')}: the reader refuses more`,
      );
    }
  });

  test('notebooks made of values at and past every limit: the reader reads what the schema accepts, and gives up on the rest', (t) => {
    const base = sample();
    const paths = pathsOf(base);
    const value = fc.oneof(
      fc
        .tuple(fc.constantFrom(...BOUNDED), fc.integer({ min: -1, max: 1 }))
        .map(
          ([[limit, path, kind], by]) =>
            [path, sized(base, path, kind, limits[limit] + by)] as [Path, unknown],
        ),
      fc
        .tuple(fc.constantFrom(...paths), fc.constantFrom(...VALUES, DELETED))
        .map(([path, v]) => [path, v] as [Path, unknown]),
    );
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 4 }), (changes) => {
        if (agrees(changed(base, changes), readWellFormedNotebook, NotebookSchema)) accepted++;
        else refused++;
      }),
      runs(t, 400),
    );
    assert.ok(accepted > 20 && refused > 20, `accepted ${accepted}, gave up on ${refused}`);
  });

  test('a change to the schema in one place reaches the reader: a limit, a field, a default, a refinement', () => {
    const base = sample();
    const variants: Array<[what: string, schema: z.ZodType, check: (read: (v: unknown) => unknown) => void]> =
      [
        [
          'a topic path of at most 3',
          NotebookSchema.extend({ topics: z.array(TopicSchema.extend({ path: z.string().min(1).max(3) })) }),
          (read) => {
            assert.equal(read(base), null);
            assert.ok(read(changed(base, [[['topics', 0, 'path'], 'abc']])));
          },
        ],
        [
          'a party needs a flag',
          NotebookSchema.extend({ parties: z.array(PartySchema.extend({ flag: z.boolean() })) }),
          (read) => {
            assert.equal(read(base), null);
            const flagged = read(changed(base, [[['parties', 0, 'flag'], true]])) as { parties: object[] };
            assert.deepEqual(Object.keys(flagged.parties[0]!), [...Object.keys(PartySchema.shape), 'flag']);
          },
        ],
        [
          'a highlight’s weight, 1 unless given',
          NotebookSchema.extend({
            annotations: z.array(AnnotationSchema.extend({ weight: z.number().int().min(0).default(1) })),
          }),
          (read) => {
            const read1 = read(base) as { annotations: Array<{ weight: number }> };
            assert.equal(read1.annotations[0]!.weight, 1);
          },
        ],
        [
          'a document titled other than Talks',
          NotebookSchema.extend({
            documents: z.array(DocumentSchema.refine((doc) => doc.title !== 'Talks')),
          }),
          (read) => {
            assert.equal(read(base), null);
            assert.ok(read(changed(base, [[['documents', 0, 'title'], 'Other']])));
          },
        ],
      ];
    for (const [what, schema, check] of variants) {
      const reader = compileReader(schema);
      assert.deepEqual(reader.readByZod, [], `${what}: read quickly`);
      check(reader.read);
      const { accepted, refused } = sweep(base, reader.read, schema);
      assert.ok(accepted > 0 && refused > 0, `${what}: accepted ${accepted}, gave up on ${refused}`);
    }
  });

  test('a part of a schema it cannot read quickly is read by zod, named, and still agrees', () => {
    const schema = NotebookSchema.extend({
      topics: z.array(TopicSchema.extend({ colour: z.string().regex(/^#[0-9a-f]{6}$/) })),
    });
    const reader = compileReader(schema);
    assert.deepEqual(reader.readByZod, ['topics[].colour: check string_format']);
    assert.ok(reader.read(sample()));
    assert.equal(reader.read(changed(sample(), [[['topics', 0, 'colour'], 'red']])), null);
    const { accepted, refused } = sweep(sample(), reader.read, schema);
    assert.ok(accepted > 0 && refused > 0);
  });

  test('gives up, leaving the verdict to the schema, on what it does not expect', () => {
    const undefinedLevel = sample();
    (undefinedLevel.documents as Record<string, unknown>[])[0]!.blocks = [
      { kind: 'heading', start: 0, end: 1, level: undefined },
    ];
    assert.equal(readWellFormedNotebook(undefinedLevel), null);
    assert.equal(readWellFormedNotebook({ ...sample(), schemaVersion: SCHEMA_VERSION - 1 }), null);
    assert.equal(readWellFormedNotebook(null), null);
    assert.equal(readWellFormedNotebook([]), null);
    const hole = sample();
    hole.stances = new Array<string>(2);
    assert.equal(readWellFormedNotebook(hole), null);
    assert.equal(NotebookSchema.safeParse(hole).success, false);
  });
});
