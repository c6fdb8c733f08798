// The layer allow-lists of scripts/eslint-layers.mjs, run through ESLint with the project's own config on code
// written for this test: what each layer may import passes, and a step outside its list is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

const cases: Array<[file: string, code: string, refused: boolean]> = [
  [
    'main/menu.ts',
    "import type { MenuCommand } from '../shared/contract';\nexport type M = MenuCommand;\n",
    false,
  ],
  ['main/menu.ts', "import { buildApi } from '../preload/api';\nexport const b = buildApi;\n", true],
  ['main/ipc/x.ts', "import { h } from '../../renderer/format';\nexport const y = h;\n", true],
  ['main/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", true],
  ['main/core/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n", false],
  [
    'main/core/x.ts',
    "import { openNotebookStore } from '../storage/notebook-store';\nexport const o = openNotebookStore;\n",
    true,
  ],
  ['main/storage/x.ts', "import { importAny } from '../import';\nexport const i = importAny;\n", true],
  [
    'shared/x.ts',
    "import { addHighlight } from '../main/core/notebook';\nexport const a = addHighlight;\n",
    true,
  ],
  ['preload/x.ts', "import { calls } from '../shared/contract';\nexport const c = calls;\n", false],
  ['preload/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", true],
  ['renderer/x.ts', "import { calls } from '../shared/contract';\nexport const c = calls;\n", false],
  [
    'renderer/x.ts',
    "import { addHighlight } from '../main/core/notebook';\nexport const a = addHighlight;\n",
    true,
  ],
  ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", true],
  ['main/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n", true],
  ['main/x.ts', 'export const p = import(`../preload/api`);\n', true],
  ['main/x.ts', 'export const p = (name: string) => import(`../${name}`);\n', true],
  ['shared/x.tsx', "import { menu } from '../main/menu';\nexport const m = menu;\n", true],
  ['main/core/x.mts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", true],
  ['main/newdir/x.ts', "import { buildApi } from '../../preload/api';\nexport const b = buildApi;\n", true],
  ['main/newdir/x.ts', "import { errorMessage } from '../errors';\nexport const e = errorMessage;\n", false],
  ['shared/x.jsx', "import { App } from '../renderer/app';\nexport const a = <App />;\n", true],
];

for (const [file, code, refused] of cases) {
  const first = code.split('\n')[0];
  test(`${file}: ${first} is ${refused ? 'refused' : 'allowed'}`, async () => {
    const errors = await layerErrors(file, code);
    if (refused) assert.equal(errors.length, 1, `expected one layer error, got ${JSON.stringify(errors)}`);
    else assert.deepEqual(errors, []);
  });
}
