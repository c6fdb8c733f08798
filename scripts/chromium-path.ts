// Which Chromium the renderer tests and the bench drive: PARLEY_CHROMIUM, else Debian's /usr/bin/chromium, else
// (undefined) Playwright's own, which scripts/setup-tests.sh installs where the system has no usable Chromium.
import { existsSync, readFileSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(
  env: NodeJS.ProcessEnv = process.env,
  system = SYSTEM_CHROMIUM,
): string | undefined {
  if (env.PARLEY_CHROMIUM) return env.PARLEY_CHROMIUM;
  if (!existsSync(system)) return undefined;
  // Ubuntu's package is a wrapper that hands over to a snap, which cannot run under a test runner.
  const head = readFileSync(system).subarray(0, 4096).toString('latin1');
  return head.startsWith('#!') && head.includes('/snap/') ? undefined : system;
}
