// `npm start` after the build: opens Parley in Electron. Electron's npm package has no install script: its binary
// is fetched on first use, so the first start downloads it (needs the network), and says so; when that fails, it
// says why and what to do instead of leaving a stack trace. PARLEY_ELECTRON names an Electron binary to use
// instead. Chromium refuses to start as root with its sandbox on Linux (containers, CI): there --no-sandbox is
// added, and said, since it turns the OS sandbox off for every process; run as an ordinary user to keep it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const appRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');

/** The arguments Electron is started with: the app folder, what the user passed, and --no-sandbox as root on Linux. */
export function electronArgs(argv, { uid, platform }) {
  const args = [appRoot, ...argv];
  const asRoot = uid === 0 && platform === 'linux';
  if (asRoot && !args.includes('--no-sandbox')) args.push('--no-sandbox');
  return { args, sandboxOff: asRoot };
}

/** The binary Electron's package has fetched (its path.txt names it inside dist/), or undefined. */
function fetchedBinary(packageDir) {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/**
 * Electron's binary from its npm package in `packageDir`, fetched with the package's own install.js when it is not
 * there yet. Returns { binary } or { error } with what went wrong, in words, and what to do.
 */
export function findOrFetchElectron(
  packageDir,
  { nodeVersion = process.versions.node, log = console.error } = {},
) {
  const present = fetchedBinary(packageDir);
  if (present) return { binary: present };
  const { version, engines } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  log(`parley: fetching Electron ${version} for this platform (the first start does; it needs the network)…`);
  const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const fetched = install.status === 0 ? fetchedBinary(packageDir) : undefined;
  if (fetched) return { binary: fetched };
  const lines = (install.stderr ?? '').split('\n').map((line) => line.trim());
  const cause =
    lines.find((line) => /^(\w*Error|RequestError|HTTPError)\b/.test(line)) ??
    lines.filter(Boolean).at(-1) ??
    `install.js exited with ${install.status ?? install.signal}`;
  const wanted = engines?.node;
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const nodeNote =
    wanted && /^>=\s*22\.12/.test(wanted) && (major < 22 || (major === 22 && minor < 12))
      ? ` Electron's npm package asks for Node ${wanted}; this is Node ${nodeVersion}.`
      : '';
  return {
    error:
      `Electron ${version} could not be fetched (${cause}).${nodeNote} Connect to the network and run ` +
      '`npm start` again, or set PARLEY_ELECTRON to an Electron binary you have. The tests and the `parley` ' +
      'command line need no Electron.',
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let binary = process.env.PARLEY_ELECTRON;
  if (!binary) {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const found = findOrFetchElectron(packageDir);
    if (found.error) {
      console.error(`parley: ${found.error}`);
      process.exit(1);
    }
    binary = found.binary;
  }
  const { args, sandboxOff } = electronArgs(process.argv.slice(2), {
    uid: process.getuid?.(),
    platform: process.platform,
  });
  if (sandboxOff) {
    console.error(
      'parley: running as root, where Chromium will not start with its sandbox: starting with --no-sandbox. ' +
        'Run as an ordinary user to keep the sandbox.',
    );
  }
  const child = spawn(binary, args, { stdio: 'inherit', windowsHide: false });
  child.on('error', (error) => {
    console.error(`parley: could not start Electron at ${binary}: ${error.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => {
    if (code === null) console.error(`parley: Electron ended with ${signal}`);
    process.exit(code ?? 1);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
