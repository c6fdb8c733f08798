/**
 * A quick reading of a notebook that is already well formed, the common case on every open. Parsing with zod
 * takes several times as long as one plain walk over the parsed JSON, so the walk is built from NotebookSchema
 * itself, once, when this module loads: each object, array, string, number, enum, nullable, optional and default
 * of the schema becomes a small reading function with the schema's own bounds, and the schema's refinements are
 * called as they are. A change to the schema reaches the reader with no edit here; a kind of schema this module
 * does not know is read by zod for that part alone (correct, only slower; a test holds the notebook free of them).
 *
 * The walk builds the value the schema's parse would (unknown keys dropped, defaults filled in, keys in schema
 * order). It never decides that a notebook is bad: on anything it does not expect, even something the schema might
 * accept, it gives up and returns null, and the caller asks the schema, which gives the verdict and the message.
 * So it can only be stricter than the schema, never looser.
 */
import type { z } from 'zod';
import { NotebookSchema, type Notebook } from '../../shared/model';

/** Thrown inside the walk at the first thing it does not accept; never leaves this module. */
const GIVE_UP: unique symbol = Symbol('give up');

function giveUp(): never {
  throw GIVE_UP;
}

/** Reads one value as its schema would, or throws GIVE_UP. */
type Read = (value: unknown) => unknown;

/** What zod keeps of a schema (`_zod.def`, its internals for libraries) and of its checks: the parts read here. */
interface Def {
  type: string;
  checks?: ReadonlyArray<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, z.ZodType>;
  catchall?: unknown;
  element?: z.ZodType;
  innerType?: z.ZodType;
  defaultValue?: unknown;
}

interface CheckDef {
  check: string;
  type?: string;
  format?: string;
  value?: unknown;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  fn?: (value: unknown) => unknown;
  when?: unknown;
}

interface Internals {
  def: Def;
  /** The accepted values of an enum or a literal. */
  values?: ReadonlySet<unknown>;
}

const internalsOf = (schema: z.ZodType): Internals => (schema as unknown as { _zod: Internals })._zod;

/** Raised while building a reader for a part of a schema that this module does not read itself. */
class NotCompiled extends Error {}

/** Bounds on a length (of a string or an array) from the schema's checks. */
function lengthBounds(checks: readonly CheckDef[]): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const check of checks) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum!);
    else if (check.check === 'max_length') max = Math.min(max, check.maximum!);
    else if (check.check === 'length_equals') {
      min = Math.max(min, check.length!);
      max = Math.min(max, check.length!);
    } else throw new NotCompiled(`check ${check.check}`);
  }
  return { min, max };
}

function readString(checks: readonly CheckDef[]): Read {
  const { min, max } = lengthBounds(checks);
  return (value) => {
    if (typeof value !== 'string' || value.length < min || value.length > max) giveUp();
    return value;
  };
}

function readNumber(checks: readonly CheckDef[]): Read {
  let integer = false;
  let min = -Infinity;
  let max = Infinity;
  for (const check of checks) {
    const bound = check.value;
    if (check.check === 'number_format' && check.format === 'safeint') integer = true;
    else if (check.check === 'greater_than' && check.inclusive === true && typeof bound === 'number')
      min = Math.max(min, bound);
    else if (check.check === 'less_than' && check.inclusive === true && typeof bound === 'number')
      max = Math.min(max, bound);
    else throw new NotCompiled(`check ${check.check}`);
  }
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) giveUp();
    if (integer && !Number.isSafeInteger(value)) giveUp();
    return value;
  };
}

/** The schema's own refinements (`.refine`), run on the value read. */
function refinements(checks: readonly CheckDef[]): Array<(value: unknown) => unknown> {
  return checks.map((check) => {
    // `.refine(fn)` keeps fn, called with the value; other custom checks (superRefine) work on zod's internals.
    if (check.type !== 'custom' || typeof check.fn !== 'function' || check.when !== undefined) {
      throw new NotCompiled(`check ${check.check}`);
    }
    return check.fn;
  });
}

function refined(read: Read, checks: readonly CheckDef[]): Read {
  const tests = refinements(checks);
  if (tests.length === 0) return read;
  return (value) => {
    const out = read(value);
    for (const test of tests) if (test(out) !== true) giveUp();
    return out;
  };
}

/** A plain object: what JSON.parse makes. */
function plainObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) giveUp();
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) giveUp();
  return value as Record<string, unknown>;
}

/** How an object reads each key: its reader, and what an absent key gives. */
interface Field {
  key: string;
  read: Read;
  /** Absent: left out (optional), filled in (default), or given up on (required). */
  absent: 'omit' | 'default' | 'give-up';
  /** The default's own internals, whose `defaultValue` zod copies afresh each time it is read. */
  inner?: Internals;
}

function field(key: string, schema: z.ZodType, path: string): Field {
  const internals = internalsOf(schema);
  const { def } = internals;
  if (def.type === 'optional' && (def.checks ?? []).length === 0) {
    return { key, read: compile(def.innerType!, path), absent: 'omit' };
  }
  if (def.type === 'default' && (def.checks ?? []).length === 0) {
    return { key, read: compile(def.innerType!, path), absent: 'default', inner: internals };
  }
  return { key, read: compile(schema, path), absent: 'give-up' };
}

function readObject(def: Def, path: string): Read {
  if (def.catchall !== undefined) throw new NotCompiled('an object that keeps unknown keys');
  const fields = Object.entries(def.shape!).map(([key, schema]) =>
    field(key, schema, path ? `${path}.${key}` : key),
  );
  return (value) => {
    const input = plainObject(value);
    const out: Record<string, unknown> = {};
    for (const { key, read, absent, inner } of fields) {
      const item = input[key];
      if (item !== undefined) out[key] = read(item);
      else if (absent === 'default') out[key] = inner!.def.defaultValue;
      // A key present as undefined is left to the schema, whose output would keep it.
      else if (absent === 'give-up' || key in input) giveUp();
    }
    return out;
  };
}

function readArray(element: Read, checks: readonly CheckDef[]): Read {
  const { min, max } = lengthBounds(checks);
  return (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) giveUp();
    const out = new Array<unknown>(value.length);
    // Holes read as undefined, which no element reader accepts.
    for (let i = 0; i < value.length; i++) out[i] = element(value[i]);
    return out;
  };
}

/** A value the schema accepts from a fixed set (enum, literal). */
function readOneOf(values: ReadonlySet<unknown> | undefined): Read {
  if (!values) throw new NotCompiled('a set of values zod does not list');
  return (value) => (values.has(value) ? value : giveUp());
}

/** Every part of a schema this module read with zod instead, by path: a test holds the notebook's empty. */
const readByZod: string[] = [];

/** The reading function for `schema`, checking what it checks; `path` names it for readByZod. */
function compile(schema: z.ZodType, path: string): Read {
  try {
    const internals = internalsOf(schema);
    const { def } = internals;
    const checks = (def.checks ?? []).map((check) => check._zod.def);
    switch (def.type) {
      case 'string':
        return readString(checks);
      case 'number':
        return readNumber(checks);
      case 'boolean':
        if (checks.length > 0) break;
        return (value) => (typeof value === 'boolean' ? value : giveUp());
      case 'enum':
      case 'literal':
        if (checks.length > 0) break;
        return readOneOf(internals.values);
      case 'object':
        return refined(readObject(def, path), checks);
      case 'array':
        return readArray(compile(def.element!, `${path}[]`), checks);
      case 'nullable': {
        if (checks.length > 0) break;
        const inner = compile(def.innerType!, path);
        return (value) => (value === null ? null : inner(value));
      }
    }
    throw new NotCompiled(def.type);
  } catch (error) {
    if (!(error instanceof NotCompiled)) throw error;
    readByZod.push(`${path || '(root)'}: ${error.message}`);
    return (value) => {
      const result = schema.safeParse(value);
      return result.success ? result.data : giveUp();
    };
  }
}

/**
 * A quick reader for values of `schema`: what `schema.parse` would give, or null where it gives up. Exported for
 * the tests, which build readers for changed schemas and hold them to the schemas' verdicts.
 */
export function compileReader<T>(schema: z.ZodType<T>): {
  read: (value: unknown) => T | null;
  /** The parts of the schema read by zod itself, for want of a quick reading. */
  readByZod: readonly string[];
} {
  const start = readByZod.length;
  const read = compile(schema, '');
  const slow = readByZod.splice(start);
  return {
    read: (value) => {
      try {
        return read(value) as T;
      } catch (error) {
        if (error === GIVE_UP) return null;
        throw error;
      }
    },
    readByZod: slow,
  };
}

const notebookReader = compileReader(NotebookSchema);

/** Parts of NotebookSchema that are read by zod rather than quickly; a test holds this empty. */
export const NOTEBOOK_READ_BY_ZOD: readonly string[] = notebookReader.readByZod;

/**
 * The notebook NotebookSchema.parse would give for `value`, read quickly, or null when this reading does not
 * accept it (then only the schema can say whether, and why, it is not a notebook).
 */
export function readWellFormedNotebook(value: unknown): Notebook | null {
  return notebookReader.read(value);
}
