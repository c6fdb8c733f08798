// Written for Parley's end-to-end suite, which runs only where an Electron binary exists (release CI): here it is
// skipped, so this test shows that Playwright can at least load and list every test in test/e2e under the e2e
// project (a spec that fails to import or compile, or a test the e2e project does not pick up, fails here), and
// that the message-box stand-in the recovery test preloads answers as that test expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

test('the preloaded message-box stand-in presses the scripted buttons and records each box', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-stub-'));
  try {
    // A stand-in `electron` with a bare dialog object, and a script that loads the stub as Electron's -r would.
    writeFileSync(join(dir, 'electron.cjs'), 'module.exports = { dialog: {} };\n');
    const script = `
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        return resolve.call(this, request === 'electron' ? ${JSON.stringify(join(dir, 'electron.cjs'))} : request, ...rest);
      };
      require(${JSON.stringify(join(e2eDir, 'message-box-stub.cjs'))});
      const { dialog } = require('electron');
      const box = { title: 'T', message: 'M', detail: 'D', buttons: ['Restore Backup', 'Start Empty Notebook', 'Quit'], cancelId: 2 };
      (async () => {
        const first = await dialog.showMessageBox(box);
        const second = dialog.showMessageBoxSync({}, box);
        console.log(JSON.stringify({ first: first.response, second, shown: globalThis.parleyMessageBoxes }));
      })();
    `;
    const result = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { ...process.env, PARLEY_E2E_MESSAGE_BOX_ANSWERS: JSON.stringify(['Start Empty Notebook']) },
    });
    assert.equal(result.status, 0, result.stderr);
    const { first, second, shown } = JSON.parse(result.stdout) as {
      first: number;
      second: number;
      shown: Array<{ title: string; pressed: string }>;
    };
    assert.equal(first, 1);
    // One box more than answers: its cancel button, and the record says so.
    assert.equal(second, 2);
    assert.deepEqual(
      shown.map((box) => [box.title, box.pressed]),
      [
        ['T', 'Start Empty Notebook'],
        ['T', 'unexpected (wanted undefined): Quit'],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
