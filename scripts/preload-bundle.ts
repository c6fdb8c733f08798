// preload/api.ts bundled as one classic script, for pages that stand in for Electron's preload: the renderer tests'
// harness and the bench install it before the app's own scripts and call `__parleyPreload.buildApi`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const apiEntry = fileURLToPath(new URL('../preload/api.ts', import.meta.url));
let bundle: Promise<string> | null = null;

/** preload/api.ts as one classic script defining `__parleyPreload.buildApi`; built once per process. */
export function preloadApiBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [apiEntry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__parleyPreload',
    platform: 'browser',
    target: 'chrome130',
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}
