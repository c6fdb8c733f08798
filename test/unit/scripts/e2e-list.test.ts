// Written for Parley's end-to-end suite, which runs only where an Electron binary exists (release CI): here it is
// skipped, so this test shows that Playwright can at least load and list every test in test/e2e under the e2e
// project. A spec that fails to import or compile, or a test the e2e project does not pick up, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const e2eDir = join(root, 'test', 'e2e');

/** The top-level test titles written in each spec file. */
function writtenTests(): Array<{ file: string; title: string }> {
  return readdirSync(e2eDir)
    .filter((name) => name.endsWith('.spec.ts'))
    .sort()
    .flatMap((file) =>
      [...readFileSync(join(e2eDir, file), 'utf8').matchAll(/^test\(\s*'((?:[^'\\]|\\.)*)'/gm)].map(
        (match) => ({
          file,
          title: match[1]!.replace(/\\'/g, "'"),
        }),
      ),
    );
}

test('npx playwright test --list --project=e2e lists every test written in test/e2e', () => {
  const written = writtenTests();
  assert.ok(written.length >= 9, `expected the e2e suite's tests, found ${written.length}`);
  // The list reporter on the command line replaces the configured ones, so no report file is written over.
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', '@playwright', 'test', 'cli.js'),
      'test',
      '--list',
      '--project=e2e',
      '--reporter=list',
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
  );
  const output = `${result.stdout}${result.stderr}`;
  assert.equal(result.status, 0, output);
  for (const { file, title } of written) {
    assert.ok(
      output.includes(`[e2e] › test/e2e/${file}:`) && output.includes(`› ${title}`),
      `${file}: ${title}\n${output}`,
    );
  }
  const total = /Total: (\d+) tests? in (\d+) files?/.exec(output);
  assert.ok(total, output);
  assert.equal(Number(total[1]), written.length);
});
