// Written for Parley's release workflow: the workflow linter that `.ci/run` calls (scripts/lint-workflows.mjs) really
// fails on a broken workflow, on a run block that is not valid bash and on a folder with no workflow (so its step
// cannot pass by finding nothing), passes on .github/workflows/release.yml, and the release
// workflow does what the README says release CI does: three systems, the Electron binary fetched explicitly, the
// tests on a virtual display on Linux, the installers built and smoke-tested, the installers kept with the update
// information electron-updater reads, signing that runs only when its secrets are there, and a draft GitHub release
// made only from a v* tag, by the one job whose token may write.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const workflowPath = join(root, '.github', 'workflows', 'release.yml');
const workflowText = readFileSync(workflowPath, 'utf8');

/** The script that `npm run lint:workflows` runs, read from package.json. */
function linter(): string {
  const scripts = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const match = /^node (scripts\/[\w-]+\.mjs)$/.exec(scripts['lint:workflows'] ?? '');
  assert.ok(match, `lint:workflows is not \`node scripts/<script>.mjs\`: ${scripts['lint:workflows']}`);
  return join(root, match[1]!);
}

/** Runs the lint script in `cwd`, as `npm run lint:workflows` would there. */
function lint(cwd: string) {
  const result = spawnSync(process.execPath, [linter()], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A folder holding one workflow file with the given text (none when `text` is undefined). */
function withWorkflow(text: string | undefined, check: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'parley-workflow-'));
  try {
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    if (text !== undefined) writeFileSync(join(dir, '.github', 'workflows', 'release.yml'), text);
    check(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Job {
  'runs-on': string;
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  strategy: { matrix: { os: string[] } };
  steps: Step[];
}

const workflow = parse(workflowText) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const job = workflow.jobs.build!;
const steps = job.steps;
const allSteps = Object.values(workflow.jobs).flatMap((each) => each.steps);
const builderConfig = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  mac: { target: string[] };
  nsis: { artifactName?: string };
};
const stepsRunning = (pattern: RegExp) => steps.filter((step) => pattern.test(step.run ?? ''));

describe('the workflow lint step', () => {
  test('passes on the repository, having checked release.yml and each of its run blocks with bash', () => {
    const { status, output } = lint(root);
    assert.equal(status, 0, output);
    assert.match(output, /Checking [1-9]\d* workflow file\(s\)/);
    // release.yml sets bash as the job's shell, so every run block in it is checked.
    const runBlocks = allSteps.filter((step) => step.run !== undefined).length;
    assert.ok(runBlocks > 0);
    assert.match(output, new RegExp(`Checked ${runBlocks} bash run block\\(s\\)`));
  });

  test('fails on a run block that is not valid bash, naming the file, job, step and what bash said', () => {
    const broken = workflowText.replace(/^ {10}esac\n/m, '');
    assert.notEqual(broken, workflowText, 'the smoke step has no `esac` line where this test expects it');
    withWorkflow(broken, (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 1, output);
      assert.match(
        output,
        /\.github\/workflows\/release\.yml:\d+: job build .*"Smoke-test the packaged app as a command line"/,
      );
      assert.match(output, /syntax error/);
    });
  });

  test("checks run blocks by the step's shell or the runner's default, and leaves other shells alone", () => {
    const job = (runsOn: string, step: string) =>
      `on: push\njobs:\n  build:\n    runs-on: ${runsOn}\n    steps:\n${step}`;
    const unclosed = '      - name: Unclosed\n        run: if true; then echo hi\n';
    // GitHub's default shell on its Linux runners is bash.
    withWorkflow(job('ubuntu-latest', unclosed), (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 1, output);
      assert.match(output, /job build, "Unclosed"/);
    });
    // runs-on as a list of labels.
    withWorkflow(job('[ubuntu-latest]', unclosed), (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 1, output);
      assert.match(output, /job build, "Unclosed"/);
    });
    // On Windows the default is PowerShell, but a step can ask for bash.
    withWorkflow(job('windows-latest', `${unclosed}        shell: bash\n`), (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 1, output);
      assert.match(output, /"Unclosed"/);
    });
    withWorkflow(job('windows-latest', unclosed), (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 0, output);
      assert.match(output, /Checked 0 bash run block\(s\)/);
    });
    withWorkflow(job('ubuntu-latest', `${unclosed}        shell: pwsh\n`), (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 0, output);
    });
  });

  test('reads an expression as the word GitHub puts in its place, not as shell text', () => {
    // `contains(…)` becomes true or false; its backtick, read as shell text, would leave the command
    // substitution open.
    const text =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n' +
      "      - run: echo `echo ${{ contains(github.ref, '`') }}`\n";
    withWorkflow(text, (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 0, output);
      assert.match(output, /Checked 1 bash run block\(s\)/);
    });
  });

  test('fails when there is no workflow file to check', () => {
    withWorkflow(undefined, (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 1, output);
      assert.match(output, /No workflow files/);
      writeFileSync(join(dir, '.github', 'workflows', 'notes.txt'), 'not a workflow');
      assert.equal(lint(dir).status, 1);
      rmSync(join(dir, '.github'), { recursive: true });
      assert.equal(lint(dir).status, 1);
    });
  });

  test('fails on a workflow that reads a secret in a step condition', () => {
    const broken = workflowText.replace(
      "if: runner.os == 'macOS' && env.MAC_CSC_LINK != ''",
      "if: runner.os == 'macOS' && secrets.CSC_LINK != ''",
    );
    assert.notEqual(broken, workflowText, 'the macOS signing condition is not where this test expects it');
    withWorkflow(broken, (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 1, output);
      assert.match(output, /secrets/);
    });
  });

  test('fails on a workflow with a job that names no runner', () => {
    withWorkflow('on: push\njobs:\n  build:\n    steps:\n      - run: echo hi\n', (dir) => {
      const { status, output } = lint(dir);
      assert.equal(status, 1, output);
      assert.match(output, /runs-on/);
    });
  });
});

describe('release.yml', () => {
  test('runs on every push, every tag and pull requests, reading the repository only', () => {
    assert.ok('push' in workflow.on && 'pull_request' in workflow.on);
    assert.deepEqual(workflow.permissions, { contents: 'read' });
  });

  test('builds on Ubuntu, Windows and macOS with Node 22 and the npm cache', () => {
    assert.equal(job['runs-on'], '${{ matrix.os }}');
    assert.deepEqual([...job.strategy.matrix.os].sort(), ['macos-latest', 'ubuntu-latest', 'windows-latest']);
    const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    assert.equal(String(node?.with?.['node-version']), '22');
    assert.equal(node?.with?.cache, 'npm');
  });

  test('installs the packages, then fetches the Electron binary, before lint, types and tests', () => {
    const index = (pattern: RegExp) => steps.findIndex((step) => pattern.test(step.run ?? ''));
    const setup = index(/scripts\/setup-tests\.sh/);
    const electron = index(/install-electron/);
    assert.ok(setup >= 0 && electron > setup, 'setup-tests.sh (npm ci) and then install-electron');
    for (const pattern of [/npm run -s lint$/, /lint:workflows/, /format:check/, /typecheck/, /npm test/]) {
      assert.ok(index(pattern) > electron, `${pattern} runs after the binary is fetched`);
    }
  });

  test('runs npm test under xvfb on Linux and directly elsewhere', () => {
    const tests = stepsRunning(/npm test/);
    const linux = tests.find((step) => step.if === "runner.os == 'Linux'");
    const others = tests.find((step) => step.if === "runner.os != 'Linux'");
    assert.match(linux?.run ?? '', /^xvfb-run -a npm test$/);
    assert.equal(others?.run, 'npm test');
  });

  test('builds the installers, then runs the packaged binary as the command line', () => {
    const dist = stepsRunning(/npm run dist/);
    assert.equal(dist.length, 3);
    const smoke = stepsRunning(/--version/)[0];
    assert.ok(smoke, 'no smoke step');
    assert.ok(steps.indexOf(smoke) > Math.max(...dist.map((step) => steps.indexOf(step))));
    for (const binary of [
      'linux-unpacked/parley',
      'win-unpacked/Parley.exe',
      'Parley.app/Contents/MacOS/Parley',
    ]) {
      assert.ok(smoke.run?.includes(binary), `the smoke step runs ${binary}`);
    }
  });

  test("uploads each system's installers with the update information electron-updater reads", () => {
    const uploads = (os: string) =>
      steps
        .filter(
          (step) => step.uses?.startsWith('actions/upload-artifact@') && step.if === `runner.os == '${os}'`,
        )
        .flatMap((step) => (step.with?.path ?? '').split('\n').map((line) => line.trim()))
        .filter(Boolean)
        .sort();
    // latest*.yml names each file and its checksum; the .blockmap files let an update download only what changed.
    const updateInfo = ['release/*.blockmap', 'release/latest*.yml'];
    assert.deepEqual(uploads('Linux'), ['release/*.AppImage', 'release/*.deb', ...updateInfo].sort());
    assert.deepEqual(uploads('Windows'), ['release/*.exe', ...updateInfo].sort());
    // electron-updater on macOS installs from the zip ("ZIP file not provided" without it).
    assert.deepEqual(uploads('macOS'), ['release/*.dmg', 'release/*.zip', ...updateInfo].sort());
  });

  test('electron-builder.yml builds what the updaters need under names GitHub keeps', () => {
    assert.deepEqual([...builderConfig.mac.target].sort(), ['dmg', 'zip']);
    // The NSIS default, "${productName} Setup ${version}.${ext}", has spaces, which GitHub turns into dots in an
    // uploaded file's name while latest.yml keeps the name it was given.
    assert.ok(builderConfig.nsis.artifactName, 'nsis.artifactName is set');
    assert.doesNotMatch(builderConfig.nsis.artifactName, /\s/);
  });

  test('a v* tag, and nothing else, makes a draft release from the built artifacts, in the only job that may write', () => {
    const writers = Object.entries(workflow.jobs).filter(([, each]) =>
      Object.values(each.permissions ?? {}).some((access) => access !== 'read' && access !== 'none'),
    );
    assert.equal(writers.length, 1, 'exactly one job may write');
    const [name, publish] = writers[0]!;
    assert.notEqual(name, 'build');
    assert.deepEqual(publish.permissions, { contents: 'write' });
    assert.equal(publish.if, "startsWith(github.ref, 'refs/tags/v')");
    assert.deepEqual([publish.needs].flat(), ['build']);
    // It takes all three systems' artifacts, checks them against the tag, then makes a draft of exactly those.
    const download = publish.steps.findIndex((step) => step.uses?.startsWith('actions/download-artifact@'));
    assert.ok(download >= 0, 'the artifacts are downloaded');
    assert.equal(publish.steps[download]!.with?.pattern, 'parley-*');
    assert.equal(String(publish.steps[download]!.with?.['merge-multiple']), 'true');
    const check = publish.steps.findIndex(
      (step) => /GITHUB_REF_NAME/.test(step.run ?? '') && /latest-mac\.yml/.test(step.run ?? ''),
    );
    const release = publish.steps.findIndex((step) => /gh release create/.test(step.run ?? ''));
    assert.ok(download < check && check < release, 'download, check against the tag, then release');
    assert.match(publish.steps[release]!.run ?? '', /--draft/);
    // The token reaches that one step and no other, and the builds themselves never upload.
    const withToken = allSteps.filter((step) => step.env?.GH_TOKEN !== undefined);
    assert.deepEqual(withToken, [publish.steps[release]]);
    assert.equal(withToken[0]!.env?.GH_TOKEN, '${{ secrets.GITHUB_TOKEN }}');
    assert.equal(workflowText.match(/GITHUB_TOKEN|GH_TOKEN|github\.token/g)?.length, 2);
    for (const each of Object.values(workflow.jobs)) assert.ok(!('GH_TOKEN' in (each.env ?? {})));
    assert.ok(
      !publish.steps.some((step) => /npm|electron-builder/.test(step.run ?? '')),
      'the project runs no code here',
    );
  });

  test('signs only with secrets: macOS with notarization, Windows with its certificate, else unsigned', () => {
    const mac = steps.find((step) => /macOS/.test(step.if ?? '') && step.env?.CSC_LINK);
    assert.ok(mac, 'no macOS signing step');
    assert.match(mac.if ?? '', /env\.MAC_CSC_LINK != ''/);
    for (const name of ['CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      assert.ok(mac.env?.[name], `${name} reaches the macOS build`);
    }
    const win = steps.find((step) => /Windows/.test(step.if ?? '') && step.env?.WIN_CSC_LINK);
    assert.ok(win, 'no Windows signing step');
    assert.match(win.if ?? '', /env\.SIGN_WIN_CSC_LINK != ''/);
    assert.ok(win.env?.WIN_CSC_KEY_PASSWORD);
    const unsigned = steps.find((step) => step.env?.CSC_IDENTITY_AUTO_DISCOVERY === 'false');
    assert.ok(unsigned, 'no unsigned build');
    assert.match(unsigned.if ?? '', /env\.MAC_CSC_LINK == ''/);
    assert.match(unsigned.if ?? '', /env\.SIGN_WIN_CSC_LINK == ''/);
    // The job's own environment holds no name electron-builder reads, so the unsigned build cannot sign or notarize.
    const builderNames = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID'];
    for (const name of [...builderNames, 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      assert.ok(!(name in (job.env ?? {})), `${name} is set for the whole job`);
    }
    // Never a secret in a condition (GitHub rejects it) and never published from CI without a token.
    assert.ok(!steps.some((step) => /secrets\./.test(step.if ?? '')));
    for (const step of stepsRunning(/npm run dist/)) assert.match(step.run ?? '', /--publish never/);
  });
});
