// The import rules between layers, as allow-lists: each layer names the folders (or files) of this repository and
// the packages it may import, and anything else is an error. VS Code's `code-layering` rule works the same way.
// A new folder or package is refused until a layer says it may be used, so the rules stay a map of the code.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Node's built-in modules, under either name. */
const node = (...names) => names.flatMap((n) => [n, `node:${n}`]);

const CORE_PACKAGES = [
  'zod',
  'marked',
  'stemmer',
  'stopword',
  'immer',
  'approx-string-match',
  'diff',
  'mdast-util-from-markdown',
  'mdast-util-gfm',
  'mdast-util-to-markdown',
  'mdast-util-to-string',
  'micromark',
  'micromark-extension-gfm',
  'mdast',
  ...node('crypto'),
];
const NODE_FILES = node(
  'fs',
  'fs/promises',
  'path',
  'os',
  'util',
  'url',
  'crypto',
  'module',
  'child_process',
);
const ERRORS = 'main/errors.ts';

/**
 * Layer by layer, from the bottom: `files` are the globs a layer is made of, `may` the folders and files of this
 * repository it may import (its own always), `packages` the packages it may import.
 */
export const LAYERS = [
  {
    name: 'shared',
    why: 'shared/ is the model and contract every process reads: it imports only zod.',
    files: ['shared/**/*'],
    may: ['shared'],
    packages: ['zod'],
  },
  {
    name: 'core',
    why: 'main/core is pure: no Electron, no storage, no files, no processes.',
    files: ['main/core/**/*'],
    may: ['shared', 'main/core'],
    packages: CORE_PACKAGES,
  },
  {
    name: 'storage',
    why: 'main/storage keeps the notebook file: it knows the model, not the window, IPC or importers.',
    files: ['main/storage/**/*'],
    may: ['shared', 'main/core', 'main/storage', ERRORS],
    packages: ['lowdb', 'steno', 'immer', 'zod', ...NODE_FILES, ...node('zlib')],
  },
  {
    name: 'import',
    why: 'main/import turns files into documents: it knows the core, not storage, IPC or the window.',
    files: ['main/import/**/*'],
    may: ['shared', 'main/core', 'main/import', ERRORS],
    packages: [
      '@mozilla/readability',
      'dompurify',
      'jsdom',
      'parse5',
      'pdfjs-dist',
      'mammoth',
      'jszip',
      'node:worker_threads',
      ...NODE_FILES,
    ],
  },
  {
    name: 'services',
    why: 'main/services are the use cases the IPC handlers, the command line and the window share: no Electron.',
    files: ['main/services/**/*'],
    may: ['shared', 'main/core', 'main/storage', 'main/import', 'main/services', 'main/files.ts', ERRORS],
    packages: ['zod', ...NODE_FILES],
  },
  {
    name: 'sync',
    why: 'main/sync keeps a notebook in step with other machines through an Automerge sync server: no Electron.',
    files: ['main/sync/**/*'],
    may: ['shared', 'main/core', 'main/storage', 'main/sync', ERRORS],
    packages: [
      '@automerge/automerge',
      '@automerge/automerge-repo',
      '@automerge/automerge-repo-network-websocket',
      '@automerge/automerge-repo-storage-nodefs',
      'ws',
      'zod',
      ...NODE_FILES,
      ...node('events', 'timers/promises'),
    ],
  },
  {
    name: 'ipc',
    why: 'main/ipc is the gate between window and services.',
    files: ['main/ipc/**/*'],
    may: [
      'shared',
      'main/core',
      'main/storage',
      'main/import',
      'main/services',
      'main/ipc',
      'main/sync',
      'main/files.ts',
      ERRORS,
    ],
    packages: ['electron', 'zod', ...NODE_FILES],
  },
  {
    name: 'cli',
    why: 'main/cli is the command line: plain Node, no Electron.',
    files: ['main/cli/**/*', 'main/cli.*'],
    may: [
      'shared',
      'main/core',
      'main/storage',
      'main/import',
      'main/services',
      'main/sync',
      'main/cli',
      'main/files.ts',
      'main/default-notebook.ts',
      'main/first-run.ts',
      ERRORS,
    ],
    packages: [...NODE_FILES],
  },
  {
    name: 'shell',
    why: 'The main process shell wires everything below it; it never reaches into the preload or the renderer.',
    // Every other file under main/, a new folder too: the main-process layers above are left out below.
    files: ['main/**/*'],
    may: ['shared', 'main'],
    packages: ['electron', 'electron-updater', 'zod', ...NODE_FILES],
  },
  {
    name: 'preload',
    why: 'The sandboxed preload knows only Electron and the shared contract.',
    files: ['preload/**/*'],
    may: ['shared', 'preload'],
    packages: ['electron'],
  },
  {
    name: 'renderer',
    why: 'The renderer has no Node and reaches main only through window.parley and the shared contract.',
    files: ['renderer/**/*'],
    may: ['shared', 'renderer'],
    packages: ['preact', 'marked', 'dompurify'],
  },
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The package a bare specifier names: `@scope/name` or `name`, or a Node built-in with its subpath. */
function packageOf(spec) {
  if (spec.startsWith('node:') || spec === 'fs/promises') return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function allowedPath(target, may) {
  return may.some((entry) => target === entry || target.startsWith(`${entry}/`) || `${target}.ts` === entry);
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports only what the layer allows' },
    schema: [{ type: 'string' }],
  },
  create(context) {
    const layer = LAYERS.find((l) => l.name === context.options[0]);
    if (!layer) throw new Error(`No layer named ${context.options[0]}`);
    const file = context.filename ?? context.getFilename();
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), spec))
          .split(sep)
          .join('/');
        const bare = target.replace(/\.(ts|tsx|js|mjs|cjs)$/, '');
        if (allowedPath(bare, layer.may) || allowedPath(target, layer.may)) return;
        context.report({ node, message: `${layer.why} (${target} is not in: ${layer.may.join(', ')})` });
        return;
      }
      const name = packageOf(spec);
      if (layer.packages.includes(name) || layer.packages.includes(spec)) return;
      context.report({ node, message: `${layer.why} (the package ${spec} is not in its list)` });
    };
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => {
        if (n.source.type === 'Literal') check(n.source, n.source.value);
        else if (n.source.type === 'TemplateLiteral' && n.source.expressions.length === 0)
          check(n.source, n.source.quasis[0].value.cooked);
        else
          context.report({ node: n.source, message: `${layer.why} (an import's path must be written out)` });
      },
      CallExpression: (n) =>
        n.callee.type === 'Identifier' &&
        n.callee.name === 'require' &&
        n.arguments[0]?.type === 'Literal' &&
        check(n.arguments[0], n.arguments[0].value),
    };
  },
};

export const layersPlugin = { rules: { layers: rule } };

/** One ESLint config block per layer, each running the rule with its own allow-list. */
const MAIN_LAYERS = LAYERS.filter((l) => l.name !== 'shell').flatMap((l) =>
  l.files.filter((f) => f.startsWith('main/')),
);

export const layerConfigs = LAYERS.map((layer) => ({
  files: layer.files,
  ...(layer.name === 'shell' ? { ignores: MAIN_LAYERS } : {}),
  plugins: { local: layersPlugin },
  rules: { 'local/layers': ['error', layer.name] },
}));
