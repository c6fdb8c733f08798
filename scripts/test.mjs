// The one test command: unit, command-line and package tests on Node's runner, then the renderer in Chromium and the
// Electron smoke test on Playwright's; prints one closing line `N passed, N failed, N skipped` over all of them.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    shell: false,
  });
  process.stdout.write(result.stdout ?? '');
  return { status: result.status ?? 1, stdout: result.stdout ?? '' };
}

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRun = false;

// Node 20's --test takes no glob patterns, so the files are listed here.
const testFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
/**
 * Files that bound how long something takes as the issue asks (replicas equal within 30 s of a server's restart, a
 * killed app's sync): run on their own after the rest, so that two files' load on two cores does not decide them.
 */
const ALONE = new Set([
  'test/unit/sync/server-kill.test.ts',
  'test/unit/sync/app-kill.test.ts',
  'test/unit/sync/replicas.test.ts',
]);

if (only !== 'playwright') runUnit();
if (only !== 'unit') runPlaywright();

function runUnit() {
  const files = [...testFiles('test/unit'), ...testFiles('test/cli'), ...testFiles('test/package')];
  runNode(['--test-concurrency=2', ...files.filter((file) => !ALONE.has(file))]);
  if (files.some((file) => ALONE.has(file))) {
    runNode(['--test-concurrency=1', ...files.filter((file) => ALONE.has(file))]);
  }
}

function runNode(args) {
  const unit = run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    // Two files at a time (for all but ALONE): most of a file's time is loading TypeScript, which the second core
    // does alongside.
    '--test-reporter=spec',
    ...args,
  ]);
  const count = (label) => Number(unit.stdout.match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  if (unit.status !== 0) failedRun = true;
}

function runPlaywright() {
  rmSync('test-results/playwright.json', { force: true });
  const pw = run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test']);
  try {
    const stats = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')).stats;
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } catch {
    console.error('Playwright wrote no report: counting its run as failed.');
    totals.failed += 1;
  }
  if (pw.status !== 0) failedRun = true;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRun || totals.failed > 0 ? 1 : 0);
