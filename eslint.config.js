// Lint, and the import rules that keep each layer honest: the core runs in plain Node with no Electron, storage
// or file system; the renderer sees neither Node nor main; the preload knows only Electron and the contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
  'module',
];
const node = (names) => names.flatMap((n) => [n, `${n}/*`, `node:${n}`, `node:${n}/*`]);

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'lowdb', 'steno'],
          patterns: [
            {
              group: ['lowdb/*', ...node(['fs', 'child_process'])],
              message: 'main/core is pure: no files, no processes.',
            },
            { group: ['**/storage/*', '**/ipc/*'], message: 'main/core depends on nothing above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              group: node(nodeBuiltins),
              message: 'The renderer has no Node: ask main through window.parley.',
            },
            {
              group: ['**/main/*', '**/main/**'],
              message: 'The renderer reaches main only through preload/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/contract.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['lowdb'],
          patterns: [
            { group: node(nodeBuiltins), message: 'The sandboxed preload has no Node modules.' },
            {
              group: ['**/main/*', '**/main/**', '**/renderer/**'],
              message: 'The preload knows only electron and the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/contract.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'lowdb'],
          patterns: [
            { group: node(nodeBuiltins), message: 'The contract is shared with the renderer.' },
            {
              group: ['**/main/ipc/*', '**/main/storage/*'],
              message: 'The contract may name only the core model.',
            },
          ],
        },
      ],
    },
  },
);
