// Runs main/index.ts for real in a child process with electron-stand-in.ts loaded in place of the electron module
// (through a resolve hook), and reads back the one `PARLEY_REPORT {json}` line the stand-in prints when it is done.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repo = fileURLToPath(new URL('../../..', import.meta.url));
const standIn = pathToFileURL(join(repo, 'test', 'unit', 'main', 'electron-stand-in.ts')).href;
const resolveHook = `data:text/javascript,${encodeURIComponent(`
  export async function resolve(specifier, context, next) {
    if (specifier === 'electron') return next(${JSON.stringify(standIn)}, context);
    return next(specifier, context);
  }`)}`;
const registerHook = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(resolveHook)});`,
)}`;

export interface StandInRun<R> {
  code: number | null;
  report: R;
  /** What the app printed before the report line. */
  stdout: string;
  stderr: string;
}

/**
 * main/index.ts with `args`, in the repository folder, with the environment given on top of this one's. Rejects
 * when the stand-in printed no report (the app died first), and kills a run that takes over 30 seconds.
 */
export function runUnderStandIn<R>(args: string[], env: Record<string, string>): Promise<StandInRun<R>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', registerHook, join(repo, 'main', 'index.ts'), ...args],
      { cwd: repo, env: { ...process.env, ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const at = stdout.indexOf('PARLEY_REPORT ');
      if (at < 0) return reject(new Error(`no report (exit ${code}):\n${stdout}\n${stderr}`));
      const line = stdout.slice(at + 'PARLEY_REPORT '.length).split('\n')[0]!;
      resolvePromise({ code, report: JSON.parse(line) as R, stdout: stdout.slice(0, at), stderr });
    });
  });
}
