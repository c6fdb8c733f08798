// `npm start` after the build: opens Parley in Electron. Electron's npm package has no install script; it fetches
// its binary the first time it is asked for the path (require('electron')), so the first start downloads it.
// PARLEY_ELECTRON names an Electron binary to use instead. Chromium refuses to start as root with its sandbox on
// Linux (containers, CI): there --no-sandbox is added, and said, since it turns the OS sandbox off for every
// process; run as an ordinary user to keep it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const appRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');

/** The arguments Electron is started with: the app folder, what the user passed, and --no-sandbox as root on Linux. */
export function electronArgs(argv, { uid, platform }) {
  const args = [appRoot, ...argv];
  const asRoot = uid === 0 && platform === 'linux';
  if (asRoot && !args.includes('--no-sandbox')) args.push('--no-sandbox');
  return { args, sandboxOff: asRoot };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binary = process.env.PARLEY_ELECTRON || createRequire(import.meta.url)('electron');
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
