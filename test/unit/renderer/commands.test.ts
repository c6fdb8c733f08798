// Written for this project: the window's command table: every command of shared/commands.ts that the menu sends,
// a window key runs, a toolbar button or an Export menu item runs has an action here and no other does; each is
// enabled when the state allows it, and each runs what its menu item, key and button have always run.
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
    moveSentence: (move) => done.push(`sentence ${move}`),
    changeView: (view: View) => done.push(`view ${view}`),
    focusSoon: (selector: string) => done.push(`focus ${selector}`),
    focusToolbar: (id: string) => done.push(`toolbar ${id}`),
  };
  return { host, done };
}

test('the table has an action for every command the menu, a window key or the toolbar runs, and no other', () => {
  const runnable = COMMANDS.filter(
    (command) =>
      'menu' in command ||
      'toolbar' in command ||
      'exportMenu' in command ||
      command.keys.some((binding) => 'window' in binding && binding.window),
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

test('panels: Find opens (its field focuses itself as it mounts) or, open already, focuses its field; the codebook toggles; the suggestions give way', async () => {
  const { store } = await started();
  const { host, done } = hostFor(store);
  store.setSuggestions((current) => ({ ...current, open: true, list: [] }));
  runCommand('find', host);
  assert.equal(store.get().ui.panel, 'find');
  assert.equal(store.get().suggestions.open, false);
  // Opening mounts the panel, which focuses and selects its field in the same frame; nothing is asked later.
  assert.deepEqual(done, []);
  runCommand('find', host);
  assert.equal(store.get().ui.panel, 'find');
  assert.deepEqual(done, ['focus .find__field']);
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

test('J, K and their Shift forms run the sentence cursor, only in the reading view without a dialog', async () => {
  const { store } = await started();
  const { host, done } = hostFor(store);
  for (const id of [
    'next-sentence',
    'previous-sentence',
    'extend-next-sentence',
    'extend-previous-sentence',
  ] as const) {
    assert.equal(commandEnabled(id, store.get()), true, id);
    runCommand(id, host);
  }
  assert.deepEqual(done, [
    'sentence next',
    'sentence previous',
    'sentence extend-next',
    'sentence extend-previous',
  ]);
  store.patchUi({ shortcutsOpen: true });
  assert.equal(commandEnabled('next-sentence', store.get()), false);
  store.patchUi({ shortcutsOpen: false, view: 'compare' });
  assert.equal(commandEnabled('previous-sentence', store.get()), false);
});

test('F7 turns caret browsing on and off and says so', async () => {
  const { store } = await started();
  const { host } = hostFor(store);
  assert.equal(store.get().ui.caretBrowsing, false);
  runCommand('caret-browsing', host);
  assert.equal(store.get().ui.caretBrowsing, true);
  assert.match(store.get().ui.message, /^Caret browsing is on/);
  runCommand('caret-browsing', host);
  assert.equal(store.get().ui.caretBrowsing, false);
  assert.equal(store.get().ui.message, 'Caret browsing is off.');
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

test('the toolbar: Suggestions opens and closes the drawer, Parties… opens its dialog, pressed Find closes', async () => {
  const { store } = await started();
  const { host, done } = hostFor(store);
  assert.equal(commandEnabled('suggestions', store.get()), true);
  runCommand('suggestions', host);
  assert.equal(store.get().suggestions.open, true);
  runCommand('suggestions', host);
  assert.equal(store.get().suggestions.open, false);
  assert.deepEqual(done, ['toolbar suggestions']);
  store.patchUi({ error: 'Something went wrong' });
  runCommand('parties', host);
  assert.equal(store.get().ui.partiesOpen, true);
  assert.equal(store.get().ui.error, null);
  assert.equal(commandEnabled('close-find', store.get()), false);
  runCommand('find', host);
  assert.equal(commandEnabled('close-find', store.get()), true);
  runCommand('close-find', host);
  assert.equal(store.get().ui.panel, null);
  // Closing Find when another panel shows leaves that panel alone.
  runCommand('codebook', host);
  runCommand('close-find', host);
  assert.equal(store.get().ui.panel, 'codebook');
});

test("the Export menu's commands each run their export, those of this document only with one open", async () => {
  const { store, calls } = await started({
    saveMarkdown: () => null,
    saveNotebookMarkdown: () => null,
    saveCsv: () => null,
    saveComparisonMarkdown: () => null,
    saveW3C: () => null,
  });
  const { host } = hostFor(store);
  calls.length = 0;
  for (const id of [
    'export-document',
    'export-notebook-file',
    'export-notebook-folder',
    'export-csv',
    'export-comparison-markdown',
    'export-w3c-document',
    'export-w3c-notebook',
  ] as const) {
    runCommand(id, host);
    await settle();
  }
  assert.deepEqual(calls, [
    'saveMarkdown',
    'saveNotebookMarkdown',
    'saveNotebookMarkdown',
    'saveCsv',
    'saveComparisonMarkdown',
    'saveW3C',
    'saveW3C',
  ]);
  runCommand('export-topic', host);
  assert.equal(store.get().ui.exportDialog, 'topic');
  assert.equal(commandEnabled('export-document', store.get()), true);
  assert.equal(commandEnabled('export-w3c-document', store.get()), true);
});

test('the version commands: enabled by an open document and by its versions; each opens its panel or its view', async () => {
  const { store } = await started({ diffVersions: () => null });
  const { host, done } = hostFor(store);
  const doc = { ...store.get().open.document!, version: 1 };
  store.set({ ...store.get(), open: { ...store.get().open, document: doc } });
  assert.equal(commandEnabled('import-version', store.get()), true);
  assert.equal(commandEnabled('version-history', store.get()), true);
  // A document with one version has nothing to review or compare.
  assert.equal(commandEnabled('version-review', store.get()), false);
  assert.equal(commandEnabled('compare-versions', store.get()), false);
  runCommand('compare-versions', host);
  assert.equal(store.get().ui.message, 'This document has one version: import a newer one to compare them.');
  store.set({ ...store.get(), open: { ...store.get().open, document: { ...doc, version: 2 } } });
  assert.equal(commandEnabled('version-review', store.get()), true);
  runCommand('version-history', host);
  assert.equal(store.get().ui.panel, 'versions');
  runCommand('version-review', host);
  assert.equal(store.get().ui.panel, 'review');
  runCommand('compare-versions', host);
  await settle();
  const page = store.get().versions.page;
  assert.deepEqual(page?.kind === 'diff' ? [page.from, page.to] : null, [1, 2]);
  // An earlier version shown in place of the latest text holds back the commands that work on that text.
  assert.equal(commandEnabled('highlight', store.get()), false);
  store.closeVersionPage();
  assert.equal(commandEnabled('highlight', store.get()), true);

  // No document: the panels say so instead of opening on nothing.
  store.set({ ...store.get(), open: { document: null, needsReview: [] } });
  store.patchUi({ panel: null });
  runCommand('version-history', host);
  assert.equal(store.get().ui.panel, null);
  assert.equal(store.get().ui.message, 'Open a document first: its versions are listed beside it.');
  assert.equal(commandEnabled('import-version', store.get()), false);
  assert.deepEqual(done, []);
});
