// TypeScript bundled as one classic script for a page in Chromium, as the renderer tests and the bench inject it:
// the preload's API on a page that stands in for Electron's, a renderer module under test, the bench's own page.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const built = new Map<string, Promise<string>>();

/**
 * `entry` and all it imports as one classic script for Chromium, its exports on `window[globalName]` when a name is
 * given; built once per process.
 */
export function pageScript(entry: string, globalName?: string): Promise<string> {
  const key = `${entry}\0${globalName ?? ''}`;
  let script = built.get(key);
  if (script === undefined) {
    script = build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      ...(globalName === undefined ? {} : { globalName }),
      platform: 'browser',
      target: 'chrome130',
      logLevel: 'warning',
    }).then((result) => result.outputFiles[0]!.text);
    built.set(key, script);
  }
  return script;
}

/** preload/api.ts as one classic script defining `__parleyPreload.buildApi`. */
export function preloadApiBundle(): Promise<string> {
  return pageScript(fileURLToPath(new URL('../preload/api.ts', import.meta.url)), '__parleyPreload');
}
