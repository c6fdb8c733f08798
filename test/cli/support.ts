// Shared by the CLI tests: the repository paths, `parley` run in-process with its output captured, and a temporary
// directory made before a file's tests and removed after them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { run } from '../../main/cli/commands';

export const root = resolve(import.meta.dirname, '../..');
export const samplePath = join(root, 'assets/sample-miliband-lavrov.txt');
/** The built command line, and the option that skips a test of it, saying why, when it has not been built. */
export const builtCli = join(root, 'dist/cli.cjs');
export const needsBuiltCli = {
  skip: !existsSync(builtCli) && 'dist/cli.cjs is not built: run npm run build',
};
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

/** Runs `parley` with these arguments in-process and returns its exit code and everything it wrote. */
export async function parley(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    env: {},
    samplePath,
    version,
    // As into a pipe, whatever the terminal the tests run in.
    showProgress: false,
  });
  return { code, stdout, stderr };
}

/** Registers hooks that make a fresh temporary directory before the tests and remove it after; `dir()` is its path. */
export function useTempDir(prefix: string): () => string {
  let dir: string | undefined;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    assert(dir !== undefined, 'the temporary directory is made in a before hook');
    return dir;
  };
}

/**
 * A notebook file `name` in `dir` made by `parley init --sample`, with the sample article's id, title and count of
 * highlights as `parley list` prints them.
 */
export async function sampleNotebook(dir: string, name: string) {
  const notebook = join(dir, name);
  const init = await parley('init', '--sample', '--notebook', notebook);
  assert.equal(init.code, 0, init.stderr);
  const [id, title, count] = (await parley('list', '--notebook', notebook)).stdout.trim().split('\t');
  return { notebook, id: id!, title: title!, count: count! };
}

/** Writes `value` as JSON to the file `name` in `dir` (annotations to import, mostly); gives the file's path. */
export async function writeJson(dir: string, name: string, value: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

/** A W3C annotation of `exact` as the command line imports it: a tag `topic` and a Markdown `note`. */
export function quoteAnnotation(exact: string, note: string, topic: string) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: topic },
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: note },
    ],
    target: { source: 'https://example.org/article', selector: { type: 'TextQuoteSelector', exact } },
  };
}
