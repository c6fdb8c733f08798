// Written for this project: the window's command table: every command of shared/commands.ts that the menu sends
// or a window key runs has an action here and no other does; each is enabled when the state allows it, and
// each runs what its menu item and key have always run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS } from '../../../shared/commands';
import {
  COMMAND_ACTIONS,
  commandEnabled,
  runCommand,
  type CommandHost,
} from '../../../renderer/state/commands';
import type { Store } from '../../../renderer/state/store';
import type { View } from '../../../renderer/state/ui';
import { change, history } from './fixtures';
import { settle, started } from './stand-in';

function hostFor(store: Store) {
  const done: string[] = [];
  const host: CommandHost = {
    store,
    startHighlight: () => done.push('startHighlight'),
    changeView: (view: View) => done.push(`view ${view}`),
    focusSoon: (selector: string) => done.push(`focus ${selector}`),
  };
  return { host, done };
}

test('the table has an action for every command the menu sends or a window key runs, and no other', () => {
  const runnable = COMMANDS.filter(
    (command) => 'menu' in command || command.keys.some((binding) => 'window' in binding && binding.window),
  ).map((command) => command.id);
  assert.deepEqual(Object.keys(COMMAND_ACTIONS).sort(), [...runnable].sort());
});

test('undo and redo are enabled by the history; highlight by a document shown without a dialog', async () => {
  const { store, emit } = await started();
  assert.equal(commandEnabled('undo', store.get()), false);
  emit(
    'notebookChanged',
    change(6, { history: { ...history('Undo Highlight'), canRedo: true, redoLabel: 'Redo Note' } }),
  );
  assert.equal(commandEnabled('undo', store.get()), true);
  assert.equal(commandEnabled('redo', store.get()), true);
  assert.equal(commandEnabled('highlight', store.get()), true);
  assert.equal(commandEnabled('export-markdown', store.get()), true);
  store.patchUi({ shortcutsOpen: true });
  assert.equal(commandEnabled('highlight', store.get()), false);
  store.patchUi({ shortcutsOpen: false, view: 'compare' });
  assert.equal(commandEnabled('highlight', store.get()), false);
});

test('panels: Find opens and focuses its field, the codebook toggles, the suggestions give way', async () => {
  const { store } = await started();
  const { host, done } = hostFor(store);
  store.setSuggestions((current) => ({ ...current, open: true, list: [] }));
  runCommand('find', host);
  assert.equal(store.get().ui.panel, 'find');
  assert.equal(store.get().suggestions.open, false);
  assert.deepEqual(done, ['focus .find-panel input[type=search]']);
  runCommand('codebook', host);
  assert.equal(store.get().ui.panel, 'codebook');
  runCommand('codebook', host);
  assert.equal(store.get().ui.panel, null);
});

test('the library toggles against what shows now, and focuses its filter when it opens', async () => {
  const { store } = await started();
  const { host, done } = hostFor(store);
  // Two documents: the library shows until the reader hides it.
  runCommand('toggle-library', host);
  assert.equal(store.get().ui.libraryChoice, false);
  runCommand('toggle-library', host);
  assert.equal(store.get().ui.libraryChoice, true);
  assert.deepEqual(done, ['focus .library__filter']);
});

test('compare, highlight, shortcuts and the export dialogs run the same thing from a key or the menu', async () => {
  const { store } = await started();
  const { host, done } = hostFor(store);
  runCommand('compare', host);
  runCommand('highlight', host);
  assert.deepEqual(done, ['view compare', 'startHighlight']);
  runCommand('shortcuts', host);
  assert.equal(store.get().ui.shortcutsOpen, true);
  runCommand('export-topic', host);
  assert.equal(store.get().ui.exportDialog, 'topic');
  runCommand('export-notebook', host);
  assert.equal(store.get().ui.exportDialog, 'notebook');
});

test('commands that reach main make their one call', async () => {
  const { store, calls } = await started({
    importFromDialog: () => [],
    importAnnotationsFromDialog: () => null,
    saveCsv: () => null,
    saveMarkdown: () => null,
    saveComparisonMarkdown: () => null,
    undo: () => history(),
  });
  const { host } = hostFor(store);
  calls.length = 0;
  for (const id of [
    'import',
    'import-annotations',
    'export-csv',
    'export-markdown',
    'export-comparison',
  ] as const) {
    runCommand(id, host);
  }
  await settle();
  assert.deepEqual(calls, [
    'importFromDialog',
    'importAnnotationsFromDialog',
    'saveCsv',
    'saveMarkdown',
    'saveComparisonMarkdown',
  ]);
  calls.length = 0;
  runCommand('undo', host);
  await settle();
  assert.deepEqual(calls, []);
  assert.equal(store.get().ui.message, 'Nothing to undo.');
});
