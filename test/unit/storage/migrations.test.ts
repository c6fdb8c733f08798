// The migration runner (with a made-up list of steps) and the checks every notebook passes on the way in.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyNotebook, SCHEMA_VERSION } from '../../../shared/model';
import {
  migrate,
  MigrationError,
  migrations,
  runMigrations,
  schemaVersionOf,
  type Migration,
} from '../../../main/storage/migrations/index';

const calls: string[] = [];
const fake: Migration[] = [
  // Deliberately out of order: the runner sorts by version.
  {
    version: 3,
    name: 'split name',
    up(nb) {
      calls.push('3');
      const [first, last] = String(nb.fullName).split(' ');
      const { fullName: _dropped, ...rest } = nb;
      return { ...rest, first, last };
    },
  },
  {
    version: 2,
    name: 'rename title',
    up(nb) {
      calls.push('2');
      const { title, ...rest } = nb;
      return { ...rest, fullName: title };
    },
  },
];

function expectFailure(fn: () => unknown, reason: MigrationError['reason'], pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof MigrationError, `expected MigrationError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('runMigrations', () => {
  test('runs every step above the file version, in order, and stamps each version', () => {
    calls.length = 0;
    const raw = { schemaVersion: 1, title: 'Sergey Lavrov', kept: [1] };
    const out = runMigrations(raw, fake, 3);
    assert.deepEqual(calls, ['2', '3']);
    assert.deepEqual(out, { schemaVersion: 3, kept: [1], first: 'Sergey', last: 'Lavrov' });
    assert.deepEqual(raw, { schemaVersion: 1, title: 'Sergey Lavrov', kept: [1] }, 'input untouched');
  });

  test('starts from the file version, skipping steps already applied', () => {
    calls.length = 0;
    const out = runMigrations({ schemaVersion: 2, fullName: 'David Miliband' }, fake, 3);
    assert.deepEqual(calls, ['3']);
    assert.deepEqual(out, { schemaVersion: 3, first: 'David', last: 'Miliband' });
  });

  test('a file at the target version passes through without running anything', () => {
    calls.length = 0;
    const raw = { schemaVersion: 3, first: 'a' };
    assert.equal(runMigrations(raw, fake, 3), raw);
    assert.deepEqual(calls, []);
  });

  test('stops before the target when asked for an intermediate version', () => {
    calls.length = 0;
    assert.deepEqual(runMigrations({ schemaVersion: 1, title: 'x y' }, fake, 2), {
      schemaVersion: 2,
      fullName: 'x y',
    });
    assert.deepEqual(calls, ['2']);
  });

  test('a newer file is too-new and says a newer Parley wrote it', () => {
    expectFailure(
      () => runMigrations({ schemaVersion: 4 }, fake, 3),
      'too-new',
      /newer version of Parley.*4.*3/,
    );
  });

  test('no schemaVersion, or a broken one, or not an object, is invalid', () => {
    expectFailure(() => runMigrations({ documents: [] }, fake, 3), 'invalid', /no schemaVersion/);
    expectFailure(() => runMigrations({ schemaVersion: '1' }, fake, 3), 'invalid', /not a version number/);
    expectFailure(() => runMigrations({ schemaVersion: 1.5 }, fake, 3), 'invalid', /not a version number/);
    expectFailure(() => runMigrations({ schemaVersion: 0 }, fake, 3), 'invalid', /not a version number/);
    expectFailure(() => runMigrations([1, 2], fake, 3), 'invalid', /JSON object/);
    expectFailure(() => runMigrations('notebook', fake, 3), 'invalid', /JSON object/);
    expectFailure(() => runMigrations(null, fake, 3), 'invalid', /JSON object/);
  });

  test('a step that throws becomes an invalid-notebook error naming the step', () => {
    const broken: Migration[] = [
      {
        version: 2,
        name: 'needs documents',
        up() {
          throw new Error('documents missing');
        },
      },
    ];
    expectFailure(
      () => runMigrations({ schemaVersion: 1 }, broken, 2),
      'invalid',
      /needs documents.*documents missing/,
    );
  });

  test('a gap or a duplicate in the list is a programming error, not a bad file', () => {
    assert.throws(
      () => runMigrations({ schemaVersion: 1 }, [fake[0]!], 3),
      /No migration to schema version 2/,
    );
    assert.throws(() => runMigrations({ schemaVersion: 1 }, [...fake, fake[1]!], 3), /Two migrations/);
  });
});

describe('migrate', () => {
  test('the real list covers every version up to SCHEMA_VERSION', () => {
    const versions = migrations.map((m) => m.version).sort((a, b) => a - b);
    const expected = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 2);
    assert.deepEqual(versions, expected);
  });

  test('accepts a current notebook', () => {
    assert.deepEqual(migrate(emptyNotebook()), emptyNotebook());
    assert.equal(schemaVersionOf(emptyNotebook()), SCHEMA_VERSION);
  });

  test('rejects a notebook that does not match the schema, naming the first problem', () => {
    const bad = { ...emptyNotebook(), documents: [{ id: 'd1', title: 7 }] };
    expectFailure(() => migrate(bad), 'invalid', /documents\[0\]\.title/);
    expectFailure(() => migrate({ schemaVersion: SCHEMA_VERSION }), 'invalid', /schema: documents/);
  });

  test('rejects a newer notebook before looking at its contents', () => {
    expectFailure(
      () => migrate({ schemaVersion: SCHEMA_VERSION + 1, anything: true }),
      'too-new',
      /Update Parley/,
    );
  });
});

/** The modules of main/storage each module there imports, type-only imports included. */
function storageImports(): Map<string, string[]> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../main/storage');
  const graph = new Map<string, string[]>();
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const from = join(root, file);
    const source = readFileSync(from, 'utf8');
    const targets = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']*)'/gm)].map(
      ([, spec]) => {
        const target = resolve(dirname(from), spec!);
        return [`${target}.ts`, join(target, 'index.ts')].find((path) => existsSync(path)) ?? target;
      },
    );
    graph.set(
      relative(root, from),
      targets.map((target) => relative(root, target)),
    );
  }
  return graph;
}

describe('the migrations as modules (written for Parley’s storage layout)', () => {
  test('each migration imports its type from a module that does not import it back: no import cycle in storage', () => {
    const graph = storageImports();
    assert.ok(graph.get('migrations/index.ts')?.includes('migrations/types.ts'));
    const cycles: string[] = [];
    const walk = (file: string, trail: string[]) => {
      if (trail.includes(file)) {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
    };
    for (const file of graph.keys()) walk(file, []);
    assert.deepEqual([...new Set(cycles)], []);
  });
});
