// Builds the three runtimes and the command line with esbuild: one fast bundler for Node, the sandboxed preload
// (which cannot load modules at run time, so it must be one file) and the browser, with no dev server involved.
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';

const production = process.env.NODE_ENV === 'production';
const common = {
  bundle: true,
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};
// The Node bundles are CommonJS; code that finds modules relative to itself (createRequire(import.meta.url))
// gets the bundle's own file URL.
const nodeCommon = {
  ...common,
  define: { 'import.meta.url': '__parleyModuleUrl' },
  banner: { js: "const __parleyModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// Automerge loads its WebAssembly from beside itself: it is loaded from node_modules, one copy of the engine that
// the bundled automerge-repo uses too. The optional native helpers of ws and cbor-x are left out (each falls back
// to plain JavaScript without them).
const SYNC_PACKAGES = ['@automerge/automerge', 'bufferutil', 'utf-8-validate', 'cbor-extract'];
// automerge-repo loads Automerge's "slim" entry, which waits for its WebAssembly to be given to it; the full entry
// loads it itself. Both are one Automerge here: the full one.
const SYNC_ALIAS = { '@automerge/automerge/slim': '@automerge/automerge' };

// `parley --version` prints the version of package.json at build time.
const { version } = JSON.parse(await readFile('package.json', 'utf8'));

await rm('dist', { recursive: true, force: true });
await Promise.all([
  build({
    ...nodeCommon,
    entryPoints: ['main/index.ts'],
    outfile: 'dist/main/index.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // jsdom reads its own files (stylesheets, workers) at run time and cannot be bundled, nor can PDF.js, which
    // imports its worker code (pdf.worker.mjs) from beside itself: both load from node_modules.
    external: ['electron', 'jsdom', 'pdfjs-dist', ...SYNC_PACKAGES],
    alias: SYNC_ALIAS,
    // Web pages are read on a worker thread, from the bundle beside this one (main/import/off-thread.ts).
    define: { ...nodeCommon.define, __PARLEY_IMPORT_WORKER__: JSON.stringify('import-worker.cjs') },
  }),
  build({
    ...nodeCommon,
    entryPoints: ['main/import/worker.ts'],
    outfile: 'dist/main/import-worker.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['jsdom', 'pdfjs-dist'],
  }),
  build({
    ...common,
    entryPoints: ['preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
  }),
  build({
    ...nodeCommon,
    entryPoints: ['main/cli.ts'],
    outfile: 'dist/cli.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['jsdom', 'pdfjs-dist', ...SYNC_PACKAGES],
    alias: SYNC_ALIAS,
    define: {
      ...nodeCommon.define,
      __PARLEY_VERSION__: JSON.stringify(version),
      __PARLEY_IMPORT_WORKER__: JSON.stringify('main/import-worker.cjs'),
    },
    // main/cli.ts starts with its own shebang line, which esbuild keeps.
  }),
  build({
    ...common,
    entryPoints: ['renderer/index.tsx'],
    outdir: 'dist/renderer',
    entryNames: 'app',
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  }),
]);
await mkdir('dist/renderer', { recursive: true });
await cp('renderer/index.html', 'dist/renderer/index.html');
