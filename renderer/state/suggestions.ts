// The suggested statements of the open document while their panel is open: the list, the one in focus, topics
// chosen for those not yet accepted, the highlights accepted from the panel, and each statement's proposed topic.
// Pure: the store calls these.
import type { Annotation, Party, Suggestion, Topic, TopicProposal } from '../types';

export interface SuggestionsState {
  open: boolean;
  /** Null while the list is read. */
  list: Suggestion[] | null;
  key: string | null;
  busy: boolean;
  /** Topics chosen in the panel for statements not yet accepted, by suggestion key. */
  pending: ReadonlyMap<string, string[]>;
  /** Highlights accepted from the panel since it was opened on this document, in the order accepted. */
  acceptedHere: string[];
  proposals: ReadonlyMap<string, TopicProposal | null>;
}

export const initialSuggestions: SuggestionsState = {
  open: false,
  list: null,
  key: null,
  busy: false,
  pending: new Map(),
  acceptedHere: [],
  proposals: new Map(),
};

/** Longest statement and most statements sent for topic proposals at once (the contract's limits). */
export const PROPOSAL_TEXT_MAX = 20_000;
export const PROPOSAL_COUNT_MAX = 1000;

/** What a topic proposal depends on (each topic's id, path and description, in order; the parties' names), so
 *  that a proposal is asked again only when it could come out different. Counts are left out. */
export function proposalBasis(
  topics: ReadonlyArray<Pick<Topic, 'id' | 'path' | 'description'>>,
  parties: ReadonlyArray<Pick<Party, 'name' | 'short' | 'aliases'>>,
): string {
  return JSON.stringify([
    topics.map((t) => [t.id, t.path, t.description]),
    parties.map((p) => [p.name, p.short, p.aliases]),
  ]);
}

export function suggestionsLeft(count: number): string {
  return count === 1 ? '1 suggestion left' : `${count || 'No'} suggestions left`;
}

/** The key at a place in the list (or the last), so focus stays where it was after an item goes. */
export function keyAt(list: readonly Suggestion[], index: number): string | null {
  return list[Math.min(Math.max(index, 0), list.length - 1)]?.key ?? null;
}

/** A fresh list: focus stays at `keepIndex`, else on the same key if it is still there, else on the first. */
export function withList(state: SuggestionsState, list: Suggestion[], keepIndex?: number): SuggestionsState {
  const key =
    keepIndex !== undefined
      ? keyAt(list, keepIndex)
      : list.some((s) => s.key === state.key)
        ? state.key
        : keyAt(list, 0);
  return { ...state, list, key };
}

/** Opened (or the document changed): the list is read again, choices start over. */
export function restart(state: SuggestionsState): SuggestionsState {
  return { ...state, list: null, acceptedHere: [], pending: new Map() };
}

export function close(state: SuggestionsState): SuggestionsState {
  return { ...state, open: false, list: null, key: null };
}

export const indexOf = (state: SuggestionsState, key: string): number =>
  state.list?.findIndex((s) => s.key === key) ?? 0;

/** The topics a statement is accepted with: those chosen for it, and its proposal when asked for. */
export function topicsFor(state: SuggestionsState, key: string, withProposal: boolean): string[] {
  const chosen = state.pending.get(key) ?? [];
  const proposed = withProposal ? state.proposals.get(key) : undefined;
  return proposed && !chosen.includes(proposed.topicId) ? [...chosen, proposed.topicId] : chosen;
}

/** The statements accepted here, as the highlights they are now (an undone one is gone from the list). */
export function acceptedStatements(state: SuggestionsState, annotations: readonly Annotation[]) {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  return state.acceptedHere
    .map((id) => byId.get(id))
    .filter((a): a is Annotation => !!a)
    .map((a) => ({ id: a.id, quote: a.target.exact, partyId: a.partyId, topicIds: a.topicIds }));
}

/** What "Set topic on all accepted" gives a topic to: those accepted here and, in this document, the highlights
 *  that hold a party's position (as accepted statements do) — each only while it has no topic. */
export function untopicalAccepted(state: SuggestionsState, annotations: readonly Annotation[]): string[] {
  const here = new Set(state.acceptedHere);
  return annotations
    .filter((a) => a.topicIds.length === 0 && (here.has(a.id) || a.partyId !== null))
    .map((a) => a.id);
}
