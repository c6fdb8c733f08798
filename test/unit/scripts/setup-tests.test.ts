// The README's test command on fresh machines: run exactly as the README writes it, with stand-ins for apt-get,
// sudo, npm, npx and id that record what they were asked, as root without sudo, as a user with sudo, as a user with
// neither, on Debian and on Ubuntu.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { chromiumPath } from '../../../scripts/chromium-path';

const ROOT = join(import.meta.dirname, '../../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'parley-setup-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The README's second command, the one that passes the tests. */
function readmeTestCommand(): string {
  const block = README.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
  const line = block.split('\n').find((l) => l.includes('# pass the tests'));
  assert.ok(line, 'the README starts with a command marked "# pass the tests"');
  return line.replace(/#.*$/, '').trim();
}

interface Machine {
  os: 'debian' | 'ubuntu';
  uid: number;
  sudo: boolean;
  env?: Record<string, string>;
}

let machines = 0;
function runOn(machine: Machine, command: string) {
  const dir = join(work, `m${machines++}`);
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const log = join(dir, 'calls.log');
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  const record = (name: string) => `echo "${name} $*" >> "${log}"`;
  stub('id', `[ "$1" = -u ] && echo ${machine.uid} || echo uid=${machine.uid}`);
  stub('apt-get', record('apt-get'));
  stub('npm', record('npm'));
  stub('npx', record('npx'));
  if (machine.sudo) stub('sudo', `${record('sudo')}\nexec "$@"`);
  // Only these real tools are on the PATH, so no real sudo or apt-get can be reached.
  for (const tool of ['bash', 'sh', 'env', 'dirname', 'cat'])
    symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
  const osRelease = join(dir, 'os-release');
  writeFileSync(
    osRelease,
    machine.os === 'debian'
      ? 'ID=debian\nVERSION_ID="12"\n'
      : 'ID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n',
  );
  const result = spawnSync('/usr/bin/bash', ['-c', command], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      PATH: bin,
      HOME: dir,
      PARLEY_OS_RELEASE: osRelease,
      PARLEY_SYSTEM_CHROMIUM: join(dir, 'no-chromium-here'),
      ...machine.env,
    },
  });
  let calls: string[] = [];
  try {
    calls = readFileSync(log, 'utf8').trim().split('\n');
  } catch {
    // nothing was called
  }
  return { status: result.status, stderr: result.stderr, calls };
}

describe("the README's test command", () => {
  const command = readmeTestCommand();

  it('works as root on Debian with no sudo installed', () => {
    const { status, calls, stderr } = runOn({ os: 'debian', uid: 0, sudo: false }, command);
    assert.equal(status, 0, stderr);
    assert.deepEqual(calls, [
      'apt-get update -qq',
      'apt-get install -y -qq chromium',
      'npm ci --no-audit --no-fund',
      'npm test',
    ]);
  });

  it('works as a user with sudo on Debian, installing through sudo', () => {
    const { status, calls, stderr } = runOn({ os: 'debian', uid: 1000, sudo: true }, command);
    assert.equal(status, 0, stderr);
    assert.deepEqual(calls, [
      'sudo apt-get update -qq',
      'apt-get update -qq',
      'sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      'apt-get install -y -qq chromium',
      'npm ci --no-audit --no-fund',
      'npm test',
    ]);
  });

  it('says what to do, and installs nothing, for a user with neither root nor sudo', () => {
    const { status, calls, stderr } = runOn({ os: 'debian', uid: 1000, sudo: false }, command);
    assert.notEqual(status, 0);
    assert.match(stderr, /needs root or sudo/);
    assert.match(stderr, /PARLEY_CHROMIUM/);
    assert.deepEqual(calls, []);
  });

  it("uses Playwright's Chromium on Ubuntu, whose chromium package is a snap shim", () => {
    for (const machine of [
      { os: 'ubuntu', uid: 0, sudo: false },
      { os: 'ubuntu', uid: 1000, sudo: true },
    ] as const) {
      const { status, calls, stderr } = runOn(machine, command);
      assert.equal(status, 0, stderr);
      assert.deepEqual(calls, [
        'npm ci --no-audit --no-fund',
        'npx --no-install playwright install --with-deps chromium',
        'npm test',
      ]);
    }
  });

  it('installs no browser when PARLEY_CHROMIUM names one', () => {
    const { status, calls, stderr } = runOn(
      { os: 'debian', uid: 1000, sudo: false, env: { PARLEY_CHROMIUM: '/usr/bin/bash' } },
      command,
    );
    assert.equal(status, 0, stderr);
    assert.deepEqual(calls, ['npm ci --no-audit --no-fund', 'npm test']);
  });

  it('is what CI runs', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    for (const part of command.split('&&').map((p) => p.trim())) assert.ok(ci.includes(part), part);
  });
});

describe('the Chromium the tests drive', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("takes PARLEY_CHROMIUM, else a real system Chromium, else Playwright's own", () => {
    const real = join(dir, 'chromium');
    writeFileSync(real, '#!/bin/sh\nexec /usr/lib/chromium/chromium "$@"\n');
    const shim = join(dir, 'chromium-shim');
    writeFileSync(shim, '#!/bin/sh\nexec /snap/bin/chromium "$@"\n');
    assert.equal(chromiumPath({ PARLEY_CHROMIUM: '/opt/c' }, real), '/opt/c');
    assert.equal(chromiumPath({}, real), real);
    assert.equal(chromiumPath({}, shim), undefined);
    assert.equal(chromiumPath({}, join(dir, 'missing')), undefined);
  });
});
