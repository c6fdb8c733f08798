// The quick reading of well-formed notebooks must agree with NotebookSchema wherever it accepts, and only ever
// give up where the schema might refuse.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import {
  AnnotationSchema,
  BlockSchema,
  DocumentSchema,
  LinkSchema,
  MarkSchema,
  NotebookSchema,
  PartySchema,
  SCHEMA_VERSION,
  TextTargetSchema,
  TopicSchema,
} from '../../../shared/model';
import { READER_KEYS, readWellFormedNotebook } from '../../../main/storage/notebook-reader';
import { migrate } from '../../../main/storage/migrations/index';

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
          { kind: 'list-item', start: 15, end: 29, depth: 1, ordered: true, number: 3, continues: false },
        ],
        contentHash: 'abc',
        note: 'My *note*',
        byline: 'A. Writer',
        marks: [
          { kind: 'link', start: 0, end: 4, href: 'https://example.org' },
          { kind: 'em', start: 5, end: 12 },
        ],
        openedAt: '',
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
      },
    ],
    stances: ['threat'],
    dismissedSuggestions: ['key'],
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

describe('readWellFormedNotebook', () => {
  test('knows exactly the keys the schema has, in the schema’s order', () => {
    const shapes = {
      notebook: NotebookSchema,
      document: DocumentSchema,
      block: BlockSchema,
      mark: MarkSchema,
      topic: TopicSchema,
      party: PartySchema,
      annotation: AnnotationSchema,
      target: TextTargetSchema,
      link: LinkSchema,
    };
    for (const [name, schema] of Object.entries(shapes)) {
      assert.deepEqual(
        Object.keys(schema.shape),
        [...READER_KEYS[name as keyof typeof READER_KEYS]],
        `${name}: the quick reader must be updated with the schema`,
      );
    }
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
    const DELETE = VALUES.length;
    let accepted = 0;
    let refused = 0;
    const check = (changes: [path: (string | number)[], pick: number][]) => {
      const nb = structuredClone(base);
      for (const [path, pick] of changes) {
        let parent: unknown = nb;
        for (const step of path.slice(0, -1)) {
          parent = (parent as Record<string | number, unknown> | undefined)?.[step];
        }
        if (parent === null || typeof parent !== 'object') continue;
        const key = path[path.length - 1]!;
        if (pick === DELETE) delete (parent as Record<string | number, unknown>)[key];
        else (parent as Record<string | number, unknown>)[key] = structuredClone(VALUES[pick]);
      }
      const read = readWellFormedNotebook(nb);
      const parsed = NotebookSchema.safeParse(nb);
      if (read === null) {
        refused++;
        return;
      }
      accepted++;
      assert.ok(parsed.success, `read a notebook the schema refuses: ${JSON.stringify(nb)}`);
      assert.ok(isDeepStrictEqual(read, parsed.data), `read differently: ${JSON.stringify(nb)}`);
      assert.equal(JSON.stringify(read), JSON.stringify(parsed.data));
    };
    // Every value (or none) at every place, then pairs of changes at places picked by a fixed sequence.
    for (const path of paths) for (let pick = 0; pick <= DELETE; pick++) check([[path, pick]]);
    let seed = 20_261_130;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % n;
    };
    for (let run = 0; run < 3000; run++) {
      check([
        [paths[next(paths.length)]!, next(DELETE + 1)],
        [paths[next(paths.length)]!, next(DELETE + 1)],
      ]);
    }
    assert.ok(accepted > 100 && refused > 100, `accepted ${accepted}, gave up on ${refused}`);
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
