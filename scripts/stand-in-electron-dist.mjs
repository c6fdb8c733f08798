// Writes a stand-in Electron distribution: what electron-builder's `electronDist` option copies into the package in
// place of Electron's own files, so the real package can be built (`electron-builder --linux dir`) on a machine
// that has no Electron binary and cannot download one. It holds three files:
//   electron  a shell script that says it is a stand-in and exits 1, carrying Electron's fuse wire (the sentinel,
//             the wire's version and length, then one ASCII '0' or '1' per fuse) with Electron's default fuses,
//             so electron-builder flips them as it does in the real binary and @electron/fuses reads them back;
//   version   the Electron version the package is built for (package.json's `electron`);
//   LICENSE   a line saying what this folder is.
// Usage: node scripts/stand-in-electron-dist.mjs DIR (the test imports writeStandInElectronDist instead).
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Electron's fuse sentinel: the wire follows it in the binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's own fuse settings, in FuseV1Options order: RunAsNode on, EnableCookieEncryption off,
 * EnableNodeOptionsEnvironmentVariable on, EnableNodeCliInspectArguments on, EnableEmbeddedAsarIntegrityValidation
 * off, OnlyLoadAppFromAsar off, LoadBrowserProcessSpecificV8Snapshot off, GrantFileProtocolExtraPrivileges on.
 */
export const ELECTRON_DEFAULT_FUSES = '10110001';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Writes the stand-in distribution into `dir` (made if missing) and returns the Electron version it names. */
export async function writeStandInElectronDist(dir) {
  const { devDependencies } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const version = devDependencies.electron.replace(/^[^\d]*/, '');
  await mkdir(dir, { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES, 'ascii'),
  ]);
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Fuse wire: '),
    wire,
    Buffer.from(
      '\necho "This is a stand-in for the Electron binary, built only to test the package; it runs nothing." >&2\n' +
        'exit 1\n',
    ),
  ]);
  await writeFile(join(dir, 'electron'), binary);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'version'), version);
  await writeFile(
    join(dir, 'LICENSE'),
    'A stand-in Electron distribution written by scripts/stand-in-electron-dist.mjs to test the package.\n',
  );
  return version;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node scripts/stand-in-electron-dist.mjs DIR');
    process.exit(2);
  }
  const version = await writeStandInElectronDist(resolve(dir));
  console.log(`Wrote a stand-in Electron ${version} distribution to ${resolve(dir)}`);
}
