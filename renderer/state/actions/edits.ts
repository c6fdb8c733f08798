// Changes to the notebook's contents: highlights and their links, topics and stances, parties, documents, and
// undo and redo. Each is one call; its answer is shown at once and its notebookChanged step brings the rest. An
// answer that arrives after a step (core's since()) changes no notebook data: the steps already said it all.
import type { CallArgs } from '../../../shared/contract';
import { shortQuote } from '../../format';
import { isLinkType, linkLabel, type LinkItem } from '../../links';
import { ALL_TOPICS, matchesFilter } from '../../topics';
import type { Annotation, LinkType, Topic } from '../../types';
import type { Core } from '../core';
import * as nb from '../notebook';
import * as od from '../open-document';
import * as ui from '../ui';

/** What the highlight editor hands back. */
export interface HighlightDraft {
  topicIds: string[];
  /** Paths of topics to make with the highlight, in the same step of undo (so none is left by a cancelled editor). */
  newTopics?: string[];
  note: string;
  partyId: string | null;
  stance: string | null;
}

export type PartyInput = CallArgs<'createParty'>;

/** "Undo Delete highlight" → "Delete highlight". */
export function historyAction(label: string | null | undefined): string {
  return (label ?? '').replace(/^(Undo|Redo)\s+/i, '').trim();
}

export function editActions(core: Core) {
  const {
    api,
    set,
    setUi,
    setNotebook,
    patchUi,
    fail,
    clearError,
    announce,
    say,
    openId,
    applySaved,
    since,
    writeRecord,
  } = core;
  const get = core.get;
  async function saveHighlight(draft: HighlightDraft): Promise<Annotation | null> {
    const editor = get().ui.editor;
    if (!editor) return null;
    const fresh = since();
    let saved: Annotation;
    if (editor.mode === 'create') {
      saved = await api.createAnnotation({
        documentId: editor.documentId,
        start: editor.span.start,
        end: editor.span.end,
        ...draft,
      });
    } else {
      saved = await api.updateAnnotation({ id: editor.annotation.id, ...draft });
    }
    if (fresh()) applySaved(saved);
    const topics = nb.topicMap(get().notebook);
    const filter = matchesFilter(saved, get().ui.filter, topics) ? get().ui.filter : ALL_TOPICS;
    patchUi({
      filter,
      activeId: saved.id,
      editor: null,
      message: editor.mode === 'create' ? 'Highlight saved.' : 'Highlight updated.',
    });
    return saved;
  }

  async function createTopic(path: string): Promise<Topic> {
    const fresh = since();
    const topic = await api.createTopic({ path });
    if (fresh()) setNotebook((current) => nb.addTopic(current, topic));
    return topic;
  }

  async function addStance(name: string): Promise<string[]> {
    const fresh = since();
    const stances = await api.addStance({ name });
    if (fresh()) setNotebook((current) => ({ ...current, stances }));
    return stances;
  }

  async function deleteAnnotation(annotation: Annotation): Promise<boolean> {
    clearError();
    const fresh = since();
    try {
      await api.deleteAnnotation({ id: annotation.id });
    } catch (failure) {
      fail(failure);
      return false;
    }
    if (fresh())
      set({
        ...get(),
        notebook: nb.removeAnnotation(get().notebook, annotation.id),
        open: { ...get().open, needsReview: get().open.needsReview.filter((id) => id !== annotation.id) },
      });
    setUi((current) =>
      ui.announce(
        { ...current, activeId: current.activeId === annotation.id ? null : current.activeId },
        `Deleted the highlight on “${shortQuote(annotation.target.exact, 60)}”.`,
      ),
    );
    return true;
  }

  /** Links the passage being linked to another; throws to the dialog. */
  async function linkPassages({ toId, type }: { toId: string; type: LinkType }): Promise<Annotation | null> {
    const linking = get().ui.linking;
    if (!linking) return null;
    const fresh = since();
    const saved = await api.linkAnnotations({ fromId: linking.id, toId, type });
    if (fresh()) applySaved(saved);
    const to = nb.passages(get().notebook, openId()).get(toId);
    patchUi({
      linking: null,
      message: `Linked: “${shortQuote(saved.target.exact, 40)}” ${linkLabel(type)} “${shortQuote(to?.annotation.target.exact ?? '', 40)}”.`,
    });
    return saved;
  }

  async function unlinkPassages(link: LinkItem): Promise<boolean> {
    if (!isLinkType(link.type)) return false;
    clearError();
    const fresh = since();
    try {
      const saved = await api.unlinkAnnotations({ fromId: link.fromId, toId: link.toId, type: link.type });
      if (fresh()) applySaved(saved);
      say(`Removed the link “${link.label}”.`);
      return true;
    } catch (failure) {
      fail(failure);
      return false;
    }
  }

  // Parties (each throws to the parties dialog, which shows the failure).

  async function createParty(input: PartyInput): Promise<void> {
    const party = await api.createParty(input);
    say(`Added the party “${party.name}”.`);
  }

  async function updateParty(id: string, input: PartyInput): Promise<void> {
    const party = await api.updateParty({ id, ...input });
    say(`Saved “${party.name}”.`);
  }

  async function mergeParties(fromId: string, intoId: string): Promise<void> {
    const from = nb.partyMap(get().notebook).get(fromId);
    const into = await api.mergeParties({ fromId, intoId });
    say(`Merged “${from?.name ?? 'the party'}” into “${into.name}”.`);
  }

  async function deleteParty(id: string): Promise<void> {
    const party = nb.partyMap(get().notebook).get(id);
    await api.deleteParty({ id });
    say(`Deleted the party “${party?.name ?? ''}”; its passages are kept.`);
  }

  // Topics from the codebook (each throws to the panel, which shows the failure).

  const updateTopic = (args: CallArgs<'updateTopic'>) => api.updateTopic(args);
  const mergeTopics = (args: CallArgs<'mergeTopics'>) => api.mergeTopics(args);
  const deleteTopic = (args: CallArgs<'deleteTopic'>) => api.deleteTopic(args);
  const removeUnusedTopics = (args: CallArgs<'removeUnusedTopics'>) => api.removeUnusedTopics(args);

  // Documents.

  async function deleteDocument(id: string): Promise<void> {
    const summary = get().notebook.documents.find((d) => d.id === id);
    await api.deleteDocument({ id });
    // Its event takes it from the list and opens another if it was open.
    announce(`Deleted the document “${summary?.title || 'Untitled'}”.`);
  }

  async function renameDocument(id: string, title: string): Promise<void> {
    const { value: updated, current } = await writeRecord(id, () => api.updateDocument({ id, title }));
    if (current) set({ ...get(), open: od.withRecord(get().open, updated) });
    announce(`Renamed to “${updated.title}”.`);
  }

  async function saveDocumentNote(note: string): Promise<void> {
    const id = openId();
    if (!id) return;
    const { current, value: updated } = await writeRecord(id, () => api.updateDocument({ id, note }));
    if (current) set({ ...get(), open: od.withRecord(get().open, updated) });
    announce('Document note saved.');
  }

  async function saveDetails(patch: Omit<CallArgs<'updateDocument'>, 'id'>): Promise<void> {
    const id = openId();
    if (!id) return;
    const { current, value: updated } = await writeRecord(id, () => api.updateDocument({ id, ...patch }));
    const open = current ? od.withRecord(get().open, updated) : get().open;
    set({ ...get(), open, ui: { ...get().ui, editingDetails: false } });
    say('Details saved.');
  }

  /** The citation key the details typed in Edit details make, unique in the notebook ("Make from details"). */
  async function suggestCitationKey(details: Omit<CallArgs<'suggestCitationKey'>, 'id'>): Promise<string> {
    const id = openId();
    if (!id) return '';
    return api.suggestCitationKey({ id, ...details });
  }

  // History.

  async function runHistory(which: 'undo' | 'redo'): Promise<void> {
    const before = get().notebook.history;
    const can = which === 'undo' ? before?.canUndo : before?.canRedo;
    if (before && !can) {
      announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    clearError();
    const fresh = since();
    try {
      const history = which === 'undo' ? await api.undo() : await api.redo();
      if (fresh()) setNotebook((current) => ({ ...current, history }));
      const action = historyAction(which === 'undo' ? before?.undoLabel : before?.redoLabel);
      const done = which === 'undo' ? 'Undone' : 'Redone';
      announce(action ? `${done}: ${action}.` : `${done}.`);
    } catch (failure) {
      fail(failure);
    }
  }

  return {
    saveHighlight,
    createTopic,
    addStance,
    deleteAnnotation,
    linkPassages,
    unlinkPassages,
    createParty,
    updateParty,
    mergeParties,
    deleteParty,
    updateTopic,
    mergeTopics,
    deleteTopic,
    removeUnusedTopics,
    deleteDocument,
    renameDocument,
    saveDocumentNote,
    saveDetails,
    suggestCitationKey,
    runHistory,
  };
}
