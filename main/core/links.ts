/**
 * Links between passages: one highlight rebuts, contradicts, concedes to, agrees with or answers another, possibly
 * in another document. A link is stored once, on the passage it is read from, and shown on both ends: the linked
 * passage reads it with the inverse label ("rebutted by").
 */
import {
  LINK_TYPES,
  ParleyError,
  type Annotation,
  type LinkType,
  type Notebook,
  type ParleyDocument,
} from '../../shared/model';
import { current, isDraft } from 'immer';
import { MAX_LINKS } from '../../shared/limits';
import { placeOf } from './versions/on-version';

export interface LinkView {
  type: LinkType;
  /** As read from this passage: 'rebuts' on the linking end, 'rebutted by' on the linked one. */
  label: string;
  direction: 'out' | 'in';
  /** The passage at the other end. */
  annotationId: string;
}

function isLinkType(type: unknown): type is LinkType {
  return typeof type === 'string' && Object.hasOwn(LINK_TYPES, type);
}

function checkType(type: unknown): LinkType {
  if (!isLinkType(type)) {
    throw new ParleyError(
      `"${String(type).slice(0, 40)}" is not a kind of link; choose one of: ${Object.keys(LINK_TYPES).join(', ')}.`,
    );
  }
  return type;
}

function findAnnotation(nb: Notebook, id: string): Annotation {
  const annotation = nb.annotations.find((a) => a.id === id);
  if (!annotation) {
    throw new ParleyError(
      `There is no highlight with id "${id.slice(0, 100)}" in this notebook.`,
      'not-found',
    );
  }
  return annotation;
}

/**
 * Who links to whom, for one list of annotations: `ids`, every passage's id, and `incoming`, by the id of a linked
 * passage, the ids of the passages that link to it (each once, in notebook order, itself left out). With it, the
 * links to one passage are found without walking every passage.
 */
export interface LinkIndex {
  ids: ReadonlySet<string>;
  incoming: ReadonlyMap<string, readonly string[]>;
}

interface KeptIndex {
  ids: Set<string>;
  incoming: Map<string, string[]>;
  /** The length of the list it was made for: a list that grew or shrank since is indexed again. */
  length: number;
}

/**
 * Indexes are kept per annotations array, and read only for a frozen array: it and everything in it can never
 * change (each change of the store makes a new, frozen notebook), so its index is right for as long as it exists,
 * and goes with it. A mutable array (a notebook being built, the command line's) is indexed again at each call.
 * A deletion hands its index on to the list it leaves (see deleteAnnotation), so deleting one passage after
 * another does not index the notebook again each time.
 */
const indexes = new WeakMap<readonly Annotation[], KeptIndex>();

function kept(annotations: readonly Annotation[]): KeptIndex | undefined {
  const index = indexes.get(annotations);
  return index && Object.isFrozen(annotations) && index.length === annotations.length ? index : undefined;
}

function buildIndex(annotations: readonly Annotation[]): KeptIndex {
  const ids = new Set<string>();
  const incoming = new Map<string, string[]>();
  for (const annotation of annotations) {
    ids.add(annotation.id);
    for (const link of annotation.links) {
      const to = link.annotationId;
      if (to === annotation.id) continue;
      const list = incoming.get(to);
      if (!list) incoming.set(to, [annotation.id]);
      else if (list[list.length - 1] !== annotation.id) list.push(annotation.id);
    }
  }
  return { ids, incoming, length: annotations.length };
}

export function linkIndex(annotations: readonly Annotation[]): LinkIndex {
  const found = kept(annotations);
  if (found) return found;
  const index = buildIndex(annotations);
  if (Object.isFrozen(annotations)) indexes.set(annotations, index);
  return index;
}

/**
 * The index of `before` (a frozen list) made right for `after`, the same list without `removed` and without the
 * links to it, and kept for `after` (read once the change has frozen it). `before`'s own index is dropped: it is
 * changed in place. Nothing is kept when `before` had no index.
 */
export function handOnIndex(
  before: readonly Annotation[],
  after: readonly Annotation[],
  removed: Annotation,
): void {
  const index = kept(before);
  if (!index) return;
  indexes.delete(before);
  index.ids.delete(removed.id);
  index.incoming.delete(removed.id);
  for (const link of removed.links) {
    const list = index.incoming.get(link.annotationId);
    if (!list) continue;
    const rest = list.filter((id) => id !== removed.id);
    if (rest.length > 0) index.incoming.set(link.annotationId, rest);
    else index.incoming.delete(link.annotationId);
  }
  index.length = after.length;
  indexes.set(after, index);
}

/**
 * The notebook's annotations as plain objects: inside a change (an immer draft) the state it started from, when
 * nothing in the list changed yet, else a snapshot of it. Reading them does not make a draft of every passage.
 */
export function plainAnnotations(nb: Notebook): readonly Annotation[] {
  return isDraft(nb.annotations) ? current(nb.annotations) : nb.annotations;
}

/** How a link type reads from the linking passage: 'concedes-to' → 'concedes to'. */
export function linkLabel(type: LinkType): string {
  return type.replace(/-/g, ' ');
}

/** Links `from` to `to` with a type; linking the same pair with the same type again changes nothing. Returns `from`. */
export function linkAnnotations(
  nb: Notebook,
  input: { fromId: string; toId: string; type: LinkType },
  now: Date,
): Annotation {
  const type = checkType(input.type);
  const from = findAnnotation(nb, input.fromId);
  const to = findAnnotation(nb, input.toId);
  if (from.id === to.id)
    throw new ParleyError('A passage cannot be linked to itself: choose another passage.');
  if (from.links.some((link) => link.type === type && link.annotationId === to.id)) return from;
  if (from.links.length >= MAX_LINKS) {
    throw new ParleyError(`A passage can have at most ${MAX_LINKS} links of its own.`);
  }
  from.links.push({ type, annotationId: to.id });
  from.updatedAt = now.toISOString();
  return from;
}

/**
 * Removes the link of that type from `from` to `to`; removing a link that is not there changes nothing. The other
 * end need not exist any more, so a link left dangling by an import can still be removed. Returns `from`.
 */
export function unlinkAnnotations(
  nb: Notebook,
  input: { fromId: string; toId: string; type: LinkType },
  now: Date,
): Annotation {
  const type = checkType(input.type);
  const from = findAnnotation(nb, input.fromId);
  const linked = from.links.some((link) => link.type === type && link.annotationId === input.toId);
  if (!linked) {
    findAnnotation(nb, input.toId);
    return from;
  }
  from.links = from.links.filter((link) => !(link.type === type && link.annotationId === input.toId));
  from.updatedAt = now.toISOString();
  return from;
}

/**
 * A passage's links as read from it: its own (outgoing, in the order made) and then those of other passages to
 * it (incoming, in notebook order), each with the passage at the other end. Links to passages no longer in the
 * notebook, and types this version does not know, are left out.
 */
export function linksOf(nb: Notebook, annotationId: string): LinkView[] {
  const annotations = plainAnnotations(nb);
  const { ids, incoming } = linkIndex(annotations);
  const annotation = annotations.find((a) => a.id === annotationId) ?? findAnnotation(nb, annotationId);
  const views: LinkView[] = [];
  for (const link of annotation.links) {
    if (!isLinkType(link.type) || !ids.has(link.annotationId)) continue;
    views.push({
      type: link.type,
      label: linkLabel(link.type),
      direction: 'out',
      annotationId: link.annotationId,
    });
  }
  const linking = new Set(incoming.get(annotationId));
  for (const other of linking.size === 0 ? [] : annotations) {
    if (other.id === annotationId || !linking.has(other.id)) continue;
    for (const link of other.links) {
      if (link.annotationId !== annotationId || !isLinkType(link.type)) continue;
      views.push({ type: link.type, label: LINK_TYPES[link.type], direction: 'in', annotationId: other.id });
    }
  }
  return views;
}

/** A link as one of its ends reads it: "rebuts" on the linking passage, "rebutted by" on the linked one. */
export interface LinkEnd {
  label: string;
  /** The passage at the other end. */
  other: Annotation;
}

/**
 * Every passage's links as the exports write them: its own first, in the order made, then those to it, in notebook
 * order, as the app lists them. A link to a missing passage or to itself is left out; one of a kind this Parley does
 * not know (kept from a newer Parley) is shown by its name. Worked out once per export; empty with no links.
 */
export function linkEnds(nb: Notebook): Map<string, LinkEnd[]> {
  const own = new Map<string, LinkEnd[]>();
  if (!nb.annotations.some((a) => a.links.length > 0)) return own;
  const byId = new Map(nb.annotations.map((a) => [a.id, a]));
  const incoming = new Map<string, LinkEnd[]>();
  const add = (map: Map<string, LinkEnd[]>, id: string, end: LinkEnd) => {
    const list = map.get(id);
    if (list) list.push(end);
    else map.set(id, [end]);
  };
  for (const from of nb.annotations) {
    for (const link of from.links) {
      const to = byId.get(link.annotationId);
      if (!to || to.id === from.id) continue;
      if (isLinkType(link.type)) {
        add(own, from.id, { label: linkLabel(link.type), other: to });
        add(incoming, to.id, { label: LINK_TYPES[link.type], other: from });
      } else {
        // A newer Parley's kind of link, kept on disk: shown by its name rather than dropped.
        const name = link.type.replace(/[-_\s]+/g, ' ').trim();
        add(own, from.id, { label: name, other: to });
        add(incoming, to.id, { label: `linked as “${name}” by`, other: from });
      }
    }
  }
  for (const [id, ends] of incoming) {
    const list = own.get(id);
    if (list) list.push(...ends);
    else own.set(id, ends);
  }
  return own;
}

/** A link end with the passage it is read from and the document of the passage at the other end. */
export interface PlacedLinkEnd extends LinkEnd {
  from: Annotation;
  doc: ParleyDocument;
  /** Where the other passage is, as exports cite it (`¶11`, `p. 4`, `¶11, version 1`: see placeOf). */
  place: string;
}

/**
 * Each passage's links (see linkEnds) as one text per link, by passage id, each written by `write`; a link whose
 * other passage's document is missing is left out. Empty when the notebook has no links.
 */
export function linkTexts(nb: Notebook, write: (end: PlacedLinkEnd) => string): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  const ends = linkEnds(nb);
  if (ends.size === 0) return texts;
  const byId = new Map(nb.annotations.map((a) => [a.id, a]));
  const docById = new Map(nb.documents.map((d) => [d.id, d]));
  for (const [id, list] of ends) {
    const from = byId.get(id);
    if (!from) continue;
    const written: string[] = [];
    for (const { label, other } of list) {
      const doc = docById.get(other.documentId);
      if (doc) written.push(write({ from, label, other, doc, place: placeOf(nb, other, doc) }));
    }
    texts.set(id, written);
  }
  return texts;
}
