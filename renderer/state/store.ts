// The renderer's store: one state object made of the notebook (notebook.ts), the open document
// (open-document.ts), the window around them (ui.ts), the suggestions panel (suggestions.ts) and team sync
// (sync.ts), with the actions that change it (actions/). It is the only code that calls the API: an action makes
// one call and shows its answer; what else the change touched arrives with main's notebookChanged event (core.ts).
// No DOM: views focus and scroll after an action resolves.
import type { ParleyApi } from '../../shared/contract';
import { accountActions } from './actions/accounts';
import { editActions } from './actions/edits';
import { exportActions } from './actions/exports';
import { importActions } from './actions/imports';
import { suggestionActions } from './actions/suggestions';
import { syncActions } from './actions/sync';
import { versionActions } from './actions/versions';
import { viewActions } from './actions/view';
import { welcomeActions } from './actions/welcome';
import { createCore } from './core';

export { initialState, type State } from './core';
export { historyAction, type HighlightDraft, type PartyInput } from './actions/edits';
export type { ExportKind } from './actions/exports';
export { fileSizeText, type FileLike } from './actions/imports';

export type Store = ReturnType<typeof createStore>;

export function createStore(api: ParleyApi, limits: { maxImportBytes: number }) {
  const core = createCore(api);
  return {
    ...core,
    ...importActions(core, limits),
    ...editActions(core),
    ...exportActions(core),
    ...suggestionActions(core),
    ...viewActions(core),
    ...welcomeActions(core),
    ...versionActions(core, limits),
    ...accountActions(core),
    ...syncActions(core),
  };
}
