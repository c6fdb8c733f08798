// Links between passages as the reader sees them: each link is stored once, on the passage that makes it, and
// shown on both ends, "rebuts" on one and "rebutted by" on the other. The wording is the model's own: the table
// below is checked against LINK_TYPES by the compiler, so the two cannot drift apart.
import type { LINK_TYPES } from '../shared/contract';
import type { Annotation, LinkType } from './types';

const INVERSE: typeof LINK_TYPES = {
  rebuts: 'rebutted by',
  contradicts: 'contradicted by',
  'concedes-to': 'conceded to by',
  'agrees-with': 'agreed with by',
  answers: 'answered by',
};

/** The link types in the order the link dialog offers them. */
export const LINK_TYPE_ORDER = Object.keys(INVERSE) as LinkType[];

export function isLinkType(type: string): type is LinkType {
  return Object.hasOwn(INVERSE, type);
}

/** 'concedes-to' → 'concedes to'; a type from a newer Parley reads as stored. */
export function linkLabel(type: string): string {
  return type.replace(/-/g, ' ');
}

/** 'rebuts' → 'rebutted by'. */
export function inverseLabel(type: string): string {
  return isLinkType(type) ? INVERSE[type] : `${linkLabel(type)} (from)`;
}

/** A highlight anywhere in the notebook, with the document it belongs to. */
export interface PassageRef {
  annotation: Annotation;
  documentId: string;
  documentTitle: string;
}

export interface LinkItem {
  type: string;
  /** 'rebuts' on the linking passage, 'rebutted by' on the linked one. */
  label: string;
  direction: 'out' | 'in';
  /** The passage at the other end. */
  other: PassageRef;
  /** The passage that stores the link, and the one it points to: what unlinking needs. */
  fromId: string;
  toId: string;
}

/**
 * For each passage, the passages that link to it (each once, in the map's order, itself left out). Kept per map of
 * passages: the store makes a new map for each state of the notebook and never changes one it handed out, so a
 * card's links are read from here instead of walking every passage once per card.
 */
const incomingIndexes = new WeakMap<ReadonlyMap<string, PassageRef>, Map<string, PassageRef[]>>();

export function incomingLinks(passages: ReadonlyMap<string, PassageRef>): ReadonlyMap<string, PassageRef[]> {
  const kept = incomingIndexes.get(passages);
  if (kept) return kept;
  const incoming = new Map<string, PassageRef[]>();
  for (const passage of passages.values()) {
    const from = passage.annotation;
    for (const link of from.links) {
      if (link.annotationId === from.id) continue;
      const list = incoming.get(link.annotationId);
      if (!list) incoming.set(link.annotationId, [passage]);
      else if (list[list.length - 1] !== passage) list.push(passage);
    }
  }
  incomingIndexes.set(passages, incoming);
  return incoming;
}

/**
 * Every link touching `annotation`, its own first (in the order made), then those other passages make to it (in
 * the order of `passages`). Links whose other end is not among `passages` are left out: there is nothing to show
 * or go to. `passages` is read as a snapshot (see incomingLinks): a map changed after a first call is not seen.
 */
export function linksOf(annotation: Annotation, passages: ReadonlyMap<string, PassageRef>): LinkItem[] {
  const items: LinkItem[] = [];
  for (const link of annotation.links) {
    const other = passages.get(link.annotationId);
    if (!other) continue;
    items.push({
      type: link.type,
      label: linkLabel(link.type),
      direction: 'out',
      other,
      fromId: annotation.id,
      toId: other.annotation.id,
    });
  }
  for (const other of incomingLinks(passages).get(annotation.id) ?? []) {
    if (other.annotation.id === annotation.id) continue;
    for (const link of other.annotation.links) {
      if (link.annotationId !== annotation.id) continue;
      items.push({
        type: link.type,
        label: inverseLabel(link.type),
        direction: 'in',
        other,
        fromId: other.annotation.id,
        toId: annotation.id,
      });
    }
  }
  return items;
}

/** Passages whose quote or note holds every word of `query`, case and accents aside. */
export function searchPassages(passages: Iterable<PassageRef>, query: string): PassageRef[] {
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  const found: PassageRef[] = [];
  for (const passage of passages) {
    const haystack = fold(
      `${passage.annotation.target.exact} ${passage.annotation.note} ${passage.documentTitle}`,
    );
    if (words.every((word) => haystack.includes(word))) found.push(passage);
  }
  return found;
}
