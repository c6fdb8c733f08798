// The suggested statements of the open document: reading them and their proposed topics, accepting one (with
// its chosen or proposed topics) or all, and dismissing one, each in one call that brings back what is still
// suggested, and giving the accepted ones topics. Highlights an answer brings are put in place only while no step
// has arrived since the call was sent (core's since()); what the panel shows and says follows the answer.
import { shortQuote } from '../../format';
import { partyShortName } from '../../parties';
import type { Suggestion } from '../../types';
import type { Core } from '../core';
import * as nb from '../notebook';
import * as sg from '../suggestions';

export function suggestionActions(core: Core) {
  const { api, setSuggestions, patchUi, fail, clearError, say, openId, openAnnotations, applySaved, since } =
    core;
  const get = core.get;
  /** Reads the open document's statements when the panel opens or the document changes. */
  let suggesting = 0;
  async function loadSuggestions(): Promise<void> {
    const id = openId();
    if (!id) return;
    const ticket = ++suggesting;
    setSuggestions(sg.restart);
    try {
      const list = await api.suggestStatements({ documentId: id });
      if (ticket === suggesting) setSuggestions((current) => sg.withList(current, list, 0));
    } catch (failure) {
      if (ticket === suggesting) {
        setSuggestions((current) => ({ ...current, list: [] }));
        fail(failure);
      }
    }
  }

  /**
   * Each statement's proposed topic, read again when the statements, the codebook or the parties change. What the
   * proposals held were asked with is kept, so a list that only lost statements (one accepted or dismissed) under
   * the same codebook and parties asks nothing again: the answer would be the same.
   */
  let proposing = 0;
  let proposed: { basis: string; texts: ReadonlyMap<string, string> } | null = null;
  async function loadProposals(): Promise<void> {
    const list = get().suggestions.list;
    const ticket = ++proposing;
    if (!list || list.length === 0) {
      proposed = null;
      if (get().suggestions.proposals.size > 0)
        setSuggestions((current) => ({ ...current, proposals: new Map() }));
      return;
    }
    const asked = list.slice(0, sg.PROPOSAL_COUNT_MAX);
    const texts = asked.map((s) => s.quote.slice(0, sg.PROPOSAL_TEXT_MAX));
    const basis = sg.proposalBasis(get().notebook.topics, get().notebook.parties);
    const held = proposed;
    const { proposals } = get().suggestions;
    if (
      held?.basis === basis &&
      asked.every((s, i) => held.texts.get(s.key) === texts[i] && proposals.has(s.key))
    )
      return;
    try {
      const found = await api.proposeTopics({ texts });
      if (ticket !== proposing) return;
      proposed = { basis, texts: new Map(asked.map((s, i) => [s.key, texts[i]!])) };
      setSuggestions((current) => ({
        ...current,
        proposals: new Map(asked.map((s, i) => [s.key, found[i] ?? null])),
      }));
    } catch (failure) {
      if (ticket === proposing) fail(failure);
    }
  }

  /** Marks the panel busy for one action, so a second press waits for the first. */
  async function busy(work: () => Promise<void>): Promise<void> {
    if (get().suggestions.busy) return;
    setSuggestions((current) => ({ ...current, busy: true }));
    clearError();
    try {
      await work();
    } catch (failure) {
      fail(failure);
    } finally {
      setSuggestions((current) => ({ ...current, busy: false }));
    }
  }

  function acceptSuggestion(suggestion: Suggestion, edit: boolean, withProposal = false): Promise<void> {
    return busy(async () => {
      const at = sg.indexOf(get().suggestions, suggestion.key);
      const topicIds = sg.topicsFor(get().suggestions, suggestion.key, withProposal);
      const proposal = withProposal ? get().suggestions.proposals.get(suggestion.key) : undefined;
      // One statement accepted is the undo step "Highlight", as one made by hand; what is left comes back with it.
      const fresh = since();
      const result = await api.acceptSuggestions({
        documentId: suggestion.documentId,
        accept: [{ key: suggestion.key, topicIds }],
      });
      if (fresh()) for (const saved of result.annotations) applySaved(saved);
      const list = result.suggestions;
      setSuggestions((current) =>
        sg.withList(
          { ...current, acceptedHere: [...current.acceptedHere, ...result.annotations.map((a) => a.id)] },
          list,
          at,
        ),
      );
      const party = suggestion.partyId ? nb.partyMap(get().notebook).get(suggestion.partyId) : undefined;
      say(
        `Accepted “${shortQuote(suggestion.quote, 50)}”${party ? ` as ${partyShortName(party)}` : ''}${
          proposal ? ` on ${proposal.path}` : ''
        }. ${sg.suggestionsLeft(list.length)}.`,
      );
      const saved = result.annotations[0];
      if (edit && saved)
        patchUi({ editor: { mode: 'edit', annotation: saved, anchor: null, returnTo: 'suggestions' } });
    });
  }

  function dismissSuggestion(suggestion: Suggestion): Promise<void> {
    return busy(async () => {
      const at = sg.indexOf(get().suggestions, suggestion.key);
      const { suggestions: list } = await api.dismissSuggestion({ key: suggestion.key });
      setSuggestions((current) => sg.withList(current, list, at));
      say(
        `Dismissed “${shortQuote(suggestion.quote, 50)}”; it will not be suggested again. ${sg.suggestionsLeft(list.length)}.`,
      );
    });
  }

  /** Accepts every statement listed, in one call and one undo step. */
  function acceptAllSuggestions(): Promise<void> {
    const list = get().suggestions.list;
    if (!list || list.length === 0 || !list[0]) return Promise.resolve();
    const documentId = list[0].documentId;
    return busy(async () => {
      const accept = list.map((s) => ({ key: s.key, topicIds: get().suggestions.pending.get(s.key) ?? [] }));
      const fresh = since();
      const result = await api.acceptSuggestions({ documentId, accept });
      if (fresh()) for (const saved of result.annotations) applySaved(saved);
      setSuggestions((current) =>
        sg.withList(
          { ...current, acceptedHere: [...current.acceptedHere, ...result.annotations.map((a) => a.id)] },
          result.suggestions,
          0,
        ),
      );
      const accepted = result.annotations.length;
      say(accepted === 1 ? 'Accepted 1 suggestion.' : `Accepted ${accepted} suggestions.`);
    });
  }

  async function setAcceptedTopics(id: string, topicIds: string[]): Promise<void> {
    clearError();
    const fresh = since();
    try {
      const saved = await api.updateAnnotation({ id, topicIds });
      if (fresh()) applySaved(saved);
    } catch (failure) {
      fail(failure);
    }
  }

  function setTopicOnAccepted(topicId: string): Promise<void> {
    const ids = sg.untopicalAccepted(get().suggestions, openAnnotations());
    if (ids.length === 0) return Promise.resolve();
    return busy(async () => {
      const fresh = since();
      const updated = await api.addTopicToAnnotations({ annotationIds: ids, topicId });
      if (fresh()) for (const annotation of updated) applySaved(annotation);
      const path = get().notebook.topics.find((t) => t.id === topicId)?.path ?? 'the topic';
      say(
        updated.length === 1
          ? `Set ${path} on 1 accepted statement.`
          : `Set ${path} on ${updated.length} accepted statements.`,
      );
    });
  }

  return {
    loadSuggestions,
    loadProposals,
    acceptSuggestion,
    dismissSuggestion,
    acceptAllSuggestions,
    setAcceptedTopics,
    setTopicOnAccepted,
  };
}
