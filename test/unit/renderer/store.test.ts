// Written for this project: the store is the core and the action modules put together by spreading them into one
// object, so a name two of them share would silently keep only the last; and it is the one door to main, so the
// page's API is named in renderer/state/ alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountActions } from '../../../renderer/state/actions/accounts';
import { syncActions } from '../../../renderer/state/actions/sync';
import { editActions } from '../../../renderer/state/actions/edits';
import { exportActions } from '../../../renderer/state/actions/exports';
import { importActions } from '../../../renderer/state/actions/imports';
import { suggestionActions } from '../../../renderer/state/actions/suggestions';
import { viewActions } from '../../../renderer/state/actions/view';
import { welcomeActions } from '../../../renderer/state/actions/welcome';
import { versionActions } from '../../../renderer/state/actions/versions';
import { createCore } from '../../../renderer/state/core';
import { createStore } from '../../../renderer/state/store';
import { standIn } from './stand-in';

test('no two parts of the store give the same name to different things', () => {
  const { api } = standIn();
  const core = createCore(api);
  const parts: Record<string, object> = {
    core,
    imports: importActions(core, { maxImportBytes: 1000 }),
    edits: editActions(core),
    exports: exportActions(core),
    suggestions: suggestionActions(core),
    view: viewActions(core),
    welcome: welcomeActions(core),
    versions: versionActions(core, { maxImportBytes: 1000 }),
    accounts: accountActions(core),
    sync: syncActions(core),
  };
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const [part, members] of Object.entries(parts)) {
    for (const name of Object.keys(members)) {
      const first = owner.get(name);
      if (first) clashes.push(`${name} (${first} and ${part})`);
      else owner.set(name, part);
    }
  }
  assert.deepEqual(clashes, []);
  const store = createStore(api, { maxImportBytes: 1000 });
  assert.deepEqual(Object.keys(store).sort(), [...owner.keys()].sort());
});

test('only renderer/state/ names window.parley', () => {
  const root = fileURLToPath(new URL('../../../renderer/', import.meta.url));
  const naming: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) {
        const code = readFileSync(path, 'utf8').replace(/^\s*(\/\/.*|\/?\*.*)$/gm, '');
        if (/\bwindow\s*\.\s*parley\b|\bparley\s*\.\s*\w+\s*\(/.test(code)) naming.push(relative(root, path));
      }
    }
  };
  walk(root);
  assert.deepEqual(naming, ['state/use-store.ts']);
});
