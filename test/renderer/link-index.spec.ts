// The cards' links read through an index of incoming links (renderer/links.ts incomingLinks), kept per map of
// passages, instead of each card walking every passage: checked without a browser against a walk over every
// passage, as the notebook's state moves through links made and removed, passages deleted, the same state again
// (undo) and links that point nowhere, within and across documents.
import { expect, test } from '@playwright/test';
import { incomingLinks, inverseLabel, linkLabel, linksOf, type PassageRef } from '../../renderer/links';
import { LINK_TYPES } from '../../shared/contract';
import type { Annotation } from '../../renderer/types';
import { seededRandom } from '../../scripts/seeded-random';

const TYPES = Object.keys(LINK_TYPES);

function passage(id: string, documentId: string, links: Annotation['links'] = []): PassageRef {
  return {
    annotation: {
      id,
      documentId,
      target: { start: 0, end: 4, exact: `Made for the link index test: ${id}`, prefix: '', suffix: '' },
      topicIds: [],
      partyId: null,
      stance: null,
      note: '',
      links,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    },
    documentId,
    documentTitle: `Document ${documentId}`,
  };
}

/** The cards' links as documented, by walking every passage. */
function walk(annotation: Annotation, passages: ReadonlyMap<string, PassageRef>): string[] {
  const items: string[] = [];
  for (const link of annotation.links) {
    if (passages.has(link.annotationId)) items.push(`out ${linkLabel(link.type)} ${link.annotationId}`);
  }
  for (const other of passages.values()) {
    if (other.annotation.id === annotation.id) continue;
    for (const link of other.annotation.links) {
      if (link.annotationId === annotation.id)
        items.push(`in ${inverseLabel(link.type)} ${other.annotation.id}`);
    }
  }
  return items;
}

const read = (annotation: Annotation, passages: ReadonlyMap<string, PassageRef>) =>
  linksOf(annotation, passages).map((l) => `${l.direction} ${l.label} ${l.other.annotation.id}`);

test('each card reads the links a walk over every passage finds, state after state', () => {
  const random = seededRandom(1313);
  // Each state is a new map of new passages where they changed, as the store makes them.
  let passages = new Map<string, PassageRef>();
  for (let i = 0; i < 40; i++) passages.set(`p${i}`, passage(`p${i}`, `d${i % 4}`));
  const states: Array<Map<string, PassageRef>> = [];
  const ids = () => [...passages.keys()];
  let links = 0;
  for (let step = 0; step < 200; step++) {
    const all = ids();
    const from = all[Math.floor(random() * all.length)]!;
    const to = all[Math.floor(random() * all.length)]!;
    const next = new Map(passages);
    const ref = passages.get(from)!;
    const r = random();
    if (r < 0.6 && from !== to) {
      const type = TYPES[Math.floor(random() * TYPES.length)]!;
      next.set(from, passage(from, ref.documentId, [...ref.annotation.links, { type, annotationId: to }]));
      links++;
    } else if (r < 0.8 && ref.annotation.links.length > 0) {
      next.set(from, passage(from, ref.documentId, ref.annotation.links.slice(1)));
    } else if (r < 0.9) {
      next.delete(from);
      // A deleted passage's links to it go too, as main removes them.
      for (const [id, other] of next) {
        if (other.annotation.links.some((l) => l.annotationId === from)) {
          const kept = other.annotation.links.filter((l) => l.annotationId !== from);
          next.set(id, passage(id, other.documentId, kept));
        }
      }
    } else {
      // A link to a passage that is not there, as an import may leave.
      next.set(
        from,
        passage(from, ref.documentId, [...ref.annotation.links, { type: 'rebuts', annotationId: 'gone' }]),
      );
    }
    states.push(passages);
    passages = next;
    for (const p of passages.values())
      expect(read(p.annotation, passages), `step ${step}`).toEqual(walk(p.annotation, passages));
  }
  expect(links).toBeGreaterThan(50);
  // Undo: an earlier state read again answers for that state, not the last one indexed.
  for (const earlier of [states[150]!, states[20]!]) {
    for (const p of earlier.values())
      expect(read(p.annotation, earlier)).toEqual(walk(p.annotation, earlier));
  }
});

test('a passage that links twice to another is one entry of the index, and its links are both read', () => {
  const a = passage('a', 'd1');
  const b = passage('b', 'd2', [
    { type: 'rebuts', annotationId: 'a' },
    { type: 'answers', annotationId: 'a' },
    { type: 'agrees-with', annotationId: 'b' },
  ]);
  const all = new Map([a, b].map((p) => [p.annotation.id, p]));
  expect(incomingLinks(all).get('a')).toEqual([b]);
  expect(incomingLinks(all).get('b')).toBeUndefined();
  expect(read(a.annotation, all)).toEqual(['in rebutted by b', 'in answered by b']);
  // A link to itself (only an import can make one) is listed among its own, as before, and not again as incoming.
  expect(read(b.annotation, all)).toEqual(['out rebuts a', 'out answers a', 'out agrees with b']);
});
