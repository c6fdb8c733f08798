/**
 * How many highlights each document, topic and party has: the counts the library, the codebook and the party
 * list show, and which every notebookChanged step that touches a highlight carries again. Counting them afresh is
 * a pass over every highlight (5,000 in a long article, 100,000 in years of work) for a step that changed one.
 *
 * So the counts of a notebook's annotation list are kept beside that list once it is frozen (the store's states
 * are: immer freezes every state a change makes, and a notebook read from disk is frozen before use), and a step's
 * counts are made from the counts before it and the few highlights it added, changed or removed. A list that is
 * not frozen (a draft inside a change, a notebook being built) can still change in place and is always counted
 * afresh.
 */
import type { Annotation } from '../../shared/model';

export interface AnnotationCounts {
  readonly documents: ReadonlyMap<string, number>;
  readonly topics: ReadonlyMap<string, number>;
  readonly parties: ReadonlyMap<string, number>;
}

const kept = new WeakMap<readonly Annotation[], AnnotationCounts>();

function add(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next === 0) counts.delete(key);
  else counts.set(key, next);
}

/** Adds (by 1) or takes away (by -1) one highlight: its document, each topic it names once, its party. */
function count(
  into: { documents: Map<string, number>; topics: Map<string, number>; parties: Map<string, number> },
  annotation: Annotation,
  by: 1 | -1,
): void {
  add(into.documents, annotation.documentId, by);
  const { topicIds } = annotation;
  // A topic named twice on one passage counts once.
  for (let i = 0; i < topicIds.length; i++) {
    if (topicIds.indexOf(topicIds[i]!) === i) add(into.topics, topicIds[i]!, by);
  }
  if (annotation.partyId !== null && annotation.partyId !== undefined)
    add(into.parties, annotation.partyId, by);
}

/** The counts of a list of annotations, kept with it when it is frozen. */
export function countAnnotations(annotations: readonly Annotation[]): AnnotationCounts {
  const known = kept.get(annotations);
  if (known) return known;
  const counts = { documents: new Map(), topics: new Map(), parties: new Map() };
  for (const annotation of annotations) count(counts, annotation, 1);
  if (Object.isFrozen(annotations)) kept.set(annotations, counts);
  return counts;
}

/**
 * Keeps the counts of `after`, made from those of `before` with `removed` taken away and `added` put in: a step's
 * own difference (an edited highlight is removed as it was and added as it is). Nothing is kept unless both lists
 * are frozen and the counts before are known, so a wrong difference can never stand for a list that may change.
 */
export function carryCounts(
  before: readonly Annotation[],
  after: readonly Annotation[],
  removed: Iterable<Annotation>,
  added: Iterable<Annotation>,
): void {
  const from = kept.get(before);
  if (!from || kept.has(after) || !Object.isFrozen(before) || !Object.isFrozen(after)) return;
  const counts = {
    documents: new Map(from.documents),
    topics: new Map(from.topics),
    parties: new Map(from.parties),
  };
  for (const annotation of removed) count(counts, annotation, -1);
  for (const annotation of added) count(counts, annotation, 1);
  kept.set(after, counts);
}
