// `parley import` of a long file in a terminal shows how far it has got on one line of stderr, rewritten in place
// and wiped at the end; into a pipe it writes nothing of the kind, and stdout is `id<TAB>title` either way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { run } from '../../main/cli/commands';
import { makeBenchPdf } from '../../scripts/fixtures/make-pdf';
import { samplePath, useTempDir } from './support';

const dir = useTempDir('parley-progress-');
const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string;
};

async function importShowing(showProgress: boolean, file: string, notebook: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(['import', file, '--notebook', notebook], {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    env: {},
    samplePath,
    version,
    showProgress,
  });
  return { code, stdout, stderr };
}

test('a 30-page PDF shows its progress in a terminal, and nothing of it into a pipe', async () => {
  const file = join(dir(), 'long.pdf');
  await writeFile(file, makeBenchPdf(30));
  const shown = await importShowing(true, file, join(dir(), 'a.json'));
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /^[0-9a-f-]{36}\t.+\n$/);
  const wipe = '\u001b[K';
  const steps = shown.stderr
    .split('\r')
    .filter((line) => line.startsWith('Importing… ') && line.endsWith(wipe))
    .map((line) => Number(/(\d+)%/.exec(line)?.[1]));
  assert.ok(steps.length >= 10, `${steps.length} progress steps: ${JSON.stringify(shown.stderr)}`);
  assert.deepEqual(
    steps,
    [...steps].sort((a, b) => a - b),
    'it only moves on',
  );
  assert.ok(shown.stderr.endsWith('\r\u001b[K'), 'the line is wiped at the end');

  const piped = await importShowing(false, file, join(dir(), 'b.json'));
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal(piped.stderr, '');
});
