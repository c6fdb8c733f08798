// Lint, and the import rules that keep each layer honest: each layer's allow-list (scripts/eslint-layers.mjs) says
// what it may import, so the core runs in plain Node with no Electron, storage or file system, the renderer sees
// neither Node nor main, the preload knows only Electron and the shared contract, and main never imports either.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layerConfigs } from './scripts/eslint-layers.mjs';

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
  // Plain JSX is linted too, so no file of a layer escapes its import rules.
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  {
    // Views and components show state and dispatch actions; only the store (renderer/state/) calls main.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/state/**', 'renderer/env.d.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='parley']",
          message: 'Only the store (renderer/state/) calls the API: dispatch a store action instead.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/contract'],
              importNames: ['ParleyApi', 'calls'],
              message: 'Only the store (renderer/state/) calls the API: dispatch a store action instead.',
            },
          ],
        },
      ],
    },
  },
  ...layerConfigs,
);
