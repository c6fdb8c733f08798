/**
 * A quick reading of a notebook that is already well formed, the common case on every open. Parsing with zod
 * takes several times as long as one plain walk over the parsed JSON, so the walk is generated from NotebookSchema
 * itself, once, when this module loads: each object, array, string, number, enum, nullable, optional and default
 * of the schema becomes a small reading function with the schema's own bounds, and the schema's refinements are
 * called as they are. A change to the schema reaches the reader with no edit here; a kind of schema this module
 * does not know is read by zod for that part alone (correct, only slower; a test holds the notebook free of them).
 *
 * The functions are written out as source and made with `new Function`, as zod itself makes its object parsers:
 * objects built as literals, in one step, are several times quicker to freeze (the store freezes every state)
 * than objects grown key by key. The source holds only the schema's keys (as JSON strings), its bounds (numbers)
 * and names of the functions; nothing read from a notebook.
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

/** A plain object: what JSON.parse makes. */
function plainObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) giveUp();
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) giveUp();
  return value as Record<string, unknown>;
}

/** A bound as source: a finite number, written so it reads back the same. */
function bound(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite bound: ${value}`);
  return String(value);
}

/** Source for `value.length` outside [min, max]. */
function lengthOutside(checks: readonly CheckDef[]): string {
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
  const tests = [];
  if (min > 0) tests.push(`v.length < ${bound(min)}`);
  if (max !== Infinity) tests.push(`v.length > ${bound(max)}`);
  return tests.length > 0 ? ` || ${tests.join(' || ')}` : '';
}

/** Source for a number outside the schema's checks. */
function numberOutside(checks: readonly CheckDef[]): string {
  const tests = ['!Number.isFinite(v)'];
  for (const check of checks) {
    const value = check.value;
    if (check.check === 'number_format' && check.format === 'safeint') tests.push('!Number.isSafeInteger(v)');
    else if (check.check === 'greater_than' && typeof value === 'number')
      tests.push(`v ${check.inclusive === true ? '<' : '<='} ${bound(value)}`);
    else if (check.check === 'less_than' && typeof value === 'number')
      tests.push(`v ${check.inclusive === true ? '>' : '>='} ${bound(value)}`);
    else throw new NotCompiled(`check ${check.check}`);
  }
  return tests.join(' || ');
}

/** The schema's own refinements (`.refine`), each called with the value read. */
function refinements(checks: readonly CheckDef[]): Array<(value: unknown) => unknown> {
  return checks.map((check) => {
    // `.refine(fn)` keeps fn, called with the value; other custom checks (superRefine) work on zod's internals.
    if (check.type !== 'custom' || typeof check.fn !== 'function' || check.when !== undefined) {
      throw new NotCompiled(`check ${check.check}`);
    }
    return check.fn;
  });
}

/**
 * Writes the reading functions of one schema as source: `r0` reads the whole, each part gets its own `rN`, and
 * values the source cannot hold (sets of values, refinements, defaults, schemas left to zod) are passed in `env`.
 */
class Writer {
  readonly functions: string[] = [];
  readonly env: unknown[] = [];
  /** Every part of the schema left to zod, by path. */
  readonly readByZod: string[] = [];

  /** A name in the source for `value`, passed in when the functions are made. */
  private pass(value: unknown): string {
    this.env.push(value);
    return `e${this.env.length - 1}`;
  }

  /** Writes the function for `schema` and returns its name; `path` names it in readByZod. */
  write(schema: z.ZodType, path: string): string {
    const name = `r${this.functions.length}`;
    this.functions.push('');
    let body: string;
    try {
      body = this.body(schema, path);
    } catch (error) {
      if (!(error instanceof NotCompiled)) throw error;
      this.readByZod.push(`${path || '(root)'}: ${error.message}`);
      body = `const r = ${this.pass(schema)}.safeParse(v); if (!r.success) G(); return r.data;`;
    }
    this.functions[Number(name.slice(1))] = `function ${name}(v) { ${body} }`;
    return name;
  }

  private body(schema: z.ZodType, path: string): string {
    const internals = internalsOf(schema);
    const { def } = internals;
    const checks = (def.checks ?? []).map((check) => check._zod.def);
    const none = () => {
      if (checks.length > 0) throw new NotCompiled(`check ${checks[0]!.check}`);
    };
    switch (def.type) {
      case 'string':
        return `if (typeof v !== 'string'${lengthOutside(checks)}) G(); return v;`;
      case 'number':
        return `if (typeof v !== 'number' || ${numberOutside(checks)}) G(); return v;`;
      case 'boolean':
        none();
        return `if (typeof v !== 'boolean') G(); return v;`;
      case 'enum':
      case 'literal': {
        none();
        if (!internals.values) throw new NotCompiled('a set of values zod does not list');
        return `if (!${this.pass(internals.values)}.has(v)) G(); return v;`;
      }
      case 'nullable': {
        none();
        return `return v === null ? null : ${this.write(def.innerType!, path)}(v);`;
      }
      case 'array': {
        const element = this.write(def.element!, `${path}[]`);
        // Holes read as undefined, which no element reader accepts.
        return (
          `if (!Array.isArray(v)${lengthOutside(checks)}) G(); const n = v.length; const out = new Array(n); ` +
          `for (let i = 0; i < n; i++) out[i] = ${element}(v[i]); return out;`
        );
      }
      case 'object':
        return this.object(def, refinements(checks), path);
    }
    throw new NotCompiled(def.type);
  }

  /**
   * An object: each key read in schema order into a literal, so that every object of one schema is made alike;
   * keys from the first optional one on are added after it, each only when present.
   */
  private object(def: Def, tests: Array<(value: unknown) => unknown>, path: string): string {
    if (def.catchall !== undefined) throw new NotCompiled('an object that keeps unknown keys');
    // In a literal, `__proto__` would set the prototype rather than make a key.
    if (Object.hasOwn(def.shape!, '__proto__')) throw new NotCompiled('a key named __proto__');
    const lines = ['const o = P(v);'];
    const literal: string[] = [];
    const later: string[] = [];
    for (const [index, [key, schema]] of Object.entries(def.shape!).entries()) {
      const at = path ? `${path}.${key}` : key;
      const k = JSON.stringify(key);
      const x = `x${index}`;
      const { def: fieldDef } = internalsOf(schema);
      const plain = (fieldDef.checks ?? []).length === 0;
      lines.push(`const ${x} = o[${k}];`);
      if (fieldDef.type === 'optional' && plain) {
        const read = this.write(fieldDef.innerType!, at);
        // A key present as undefined is left to the schema, whose output would keep it.
        lines.push(`if (${x} === undefined && ${k} in o) G();`);
        later.push(`if (${x} !== undefined) out[${k}] = ${read}(${x});`);
        continue;
      }
      let value: string;
      if (fieldDef.type === 'default' && plain) {
        // zod's defaultValue gives a fresh copy each time it is read.
        const read = this.write(fieldDef.innerType!, at);
        value = `${x} === undefined ? ${this.pass(fieldDef)}.defaultValue : ${read}(${x})`;
      } else {
        const read = this.write(schema, at);
        lines.push(`if (${x} === undefined) G();`);
        value = `${read}(${x})`;
      }
      if (later.length === 0) literal.push(`${k}: ${value}`);
      else later.push(`out[${k}] = ${value};`);
    }
    lines.push(`const out = { ${literal.join(', ')} };`, ...later);
    for (const test of tests) lines.push(`if (${this.pass(test)}(out) !== true) G();`);
    lines.push('return out;');
    return lines.join(' ');
  }

  /** The reading function of the whole schema. */
  make(): Read {
    const names = this.env.map((_, i) => `const e${i} = env[${i}];`).join(' ');
    // The source is written above from the schema alone.
    const factory = new Function(
      'env',
      'G',
      'P',
      `'use strict'; ${names} ${this.functions.join(' ')} return r0;`,
    );
    return factory(this.env, giveUp, plainObject) as Read;
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
  const writer = new Writer();
  writer.write(schema, '');
  const read = writer.make();
  return {
    read: (value) => {
      try {
        return read(value) as T;
      } catch (error) {
        if (error === GIVE_UP) return null;
        throw error;
      }
    },
    readByZod: writer.readByZod,
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
