// The views' small decisions, checked without a browser: which highlights a topic filter keeps, which colour
// paints them, how dates, quotes and save states are worded, how links read from each end, which passages a
// search finds, and how typed aliases and colours are read.
import { expect, test } from '@playwright/test';
import { formatPublished, saveStatusText, shortQuote } from '../../renderer/format';
import {
  inverseLabel,
  isLinkType,
  LINK_TYPE_ORDER,
  linkLabel,
  linksOf,
  searchPassages,
  type PassageRef,
} from '../../renderer/links';
import { colourInputValue, parseAliases } from '../../renderer/parties';
import { LINK_TYPES } from '../../shared/contract';
import { ALL_TOPICS, matchesFilter, paintColour, UNTAGGED, type TopicMap } from '../../renderer/topics';
import type { Annotation, TopicWithCount } from '../../renderer/types';

function topic(id: string, path: string, colour: string): TopicWithCount {
  return { id, path, colour, description: '', count: 0 };
}

const topics: TopicMap = new Map(
  [
    topic('t-iran', 'iran', '#117733'),
    topic('t-nuclear', 'iran/nuclear', '#88ccee'),
    topic('t-ext', 'extradition', '#cc6677'),
    topic('t-iranian', 'iranian-press', '#ddcc77'),
  ].map((t) => [t.id, t]),
);

function annotation(id: string, topicIds: string[]): Annotation {
  return {
    id,
    documentId: 'd',
    target: { start: 0, end: 4, exact: 'text', prefix: '', suffix: '' },
    topicIds,
    partyId: null,
    stance: null,
    note: '',
    links: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

test('a topic filter keeps the topic and the topics below it, not look-alike names', () => {
  const nuclear = annotation('a', ['t-nuclear']);
  const both = annotation('b', ['t-ext', 't-iran']);
  const press = annotation('c', ['t-iranian']);
  const untagged = annotation('d', []);
  const orphaned = annotation('e', ['gone']);
  const kept = (filter: string) =>
    [nuclear, both, press, untagged, orphaned]
      .filter((a) => matchesFilter(a, filter, topics))
      .map((a) => a.id);

  expect(kept(ALL_TOPICS)).toEqual(['a', 'b', 'c', 'd', 'e']);
  expect(kept('t-iran')).toEqual(['a', 'b']);
  expect(kept('t-nuclear')).toEqual(['a']);
  expect(kept('t-ext')).toEqual(['b']);
  // A topic id the notebook no longer has counts as no tag at all.
  expect(kept(UNTAGGED)).toEqual(['d', 'e']);
});

test('a passage is painted in the colour of the topic that shows it', () => {
  const both = annotation('b', ['t-ext', 't-nuclear']);
  expect(paintColour(both, ALL_TOPICS, topics)).toBe('#cc6677');
  expect(paintColour(both, 't-iran', topics)).toBe('#88ccee');
  expect(paintColour(both, 't-nuclear', topics)).toBe('#88ccee');
  expect(paintColour(annotation('d', []), ALL_TOPICS, topics)).toBeNull();
  expect(paintColour(annotation('e', ['gone', 't-ext']), ALL_TOPICS, topics)).toBe('#cc6677');
});

test('dates, quotes and save states read as a person writes them', () => {
  expect(formatPublished('2009-11-02')).toBe('2 November 2009');
  expect(formatPublished('2009-11-02T10:22')).toBe('2 November 2009, 10:22');
  expect(formatPublished('2009-13-02')).toBe('2009-13-02');
  expect(formatPublished('autumn 2009')).toBe('autumn 2009');

  const long =
    'Speaking about the notorious Lugovoy case, Lavrov stated that his extradition is out of the question.';
  const cut = shortQuote(long, 40);
  expect(cut.endsWith('…')).toBe(true);
  expect(cut.length).toBeLessThanOrEqual(41);
  expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  expect(cut.slice(0, -1)).not.toMatch(/\s$/);
  expect(shortQuote('  two\n\nlines  ')).toBe('two lines');

  expect(saveStatusText({ status: 'saving' })).toBe('Saving…');
  expect(saveStatusText({ status: 'saved' })).toBe('All changes saved');
  expect(saveStatusText({ status: 'error', error: 'the disk is full' })).toBe(
    "Couldn't save: the disk is full",
  );
  expect(saveStatusText(null)).toBe('');
});

function passage(id: string, documentId: string, exact: string, links: Annotation['links'] = []): PassageRef {
  return {
    annotation: {
      ...annotation(id, []),
      documentId,
      links,
      target: { start: 0, end: 4, exact, prefix: '', suffix: '' },
    },
    documentId,
    documentTitle: documentId === 'd1' ? 'Moscow talks' : 'The reply',
  };
}

test('link types read as the model words them, from either end', () => {
  expect(LINK_TYPE_ORDER).toEqual(Object.keys(LINK_TYPES));
  for (const type of LINK_TYPE_ORDER) expect(inverseLabel(type)).toBe(LINK_TYPES[type]);
  expect(linkLabel('concedes-to')).toBe('concedes to');
  expect(linkLabel('agrees-with')).toBe('agrees with');
  expect(isLinkType('rebuts')).toBe(true);
  // A type written by a newer Parley is shown as stored, and never taken for one of ours.
  expect(isLinkType('toString')).toBe(false);
  expect(isLinkType('qualifies')).toBe(false);
  expect(inverseLabel('qualifies')).toBe('qualifies (from)');
});

test('a passage lists its own links, then those made to it, and skips ends it cannot show', () => {
  const claim = passage('claim', 'd1', 'The evidence was sent');
  const denial = passage('denial', 'd1', 'We have not received the documents', [
    { type: 'rebuts', annotationId: 'claim' },
    { type: 'answers', annotationId: 'gone' },
  ]);
  const reply = passage('reply', 'd2', 'The papers were sent in full', [
    { type: 'answers', annotationId: 'denial' },
    { type: 'agrees-with', annotationId: 'claim' },
  ]);
  const all = new Map([claim, denial, reply].map((p) => [p.annotation.id, p]));

  const ofDenial = linksOf(denial.annotation, all);
  expect(ofDenial.map((l) => [l.direction, l.label, l.other.annotation.id])).toEqual([
    ['out', 'rebuts', 'claim'],
    ['in', 'answered by', 'reply'],
  ]);
  // What unlinking needs: the passage that stores the link and the one it points to.
  expect(ofDenial.map((l) => [l.fromId, l.toId])).toEqual([
    ['denial', 'claim'],
    ['reply', 'denial'],
  ]);
  expect(linksOf(claim.annotation, all).map((l) => `${l.label} ${l.other.annotation.id}`)).toEqual([
    'rebutted by denial',
    'agreed with by reply',
  ]);
  expect(linksOf(reply.annotation, all).map((l) => l.other.documentTitle)).toEqual([
    'Moscow talks',
    'Moscow talks',
  ]);
  expect(linksOf(passage('alone', 'd1', 'Alone').annotation, all)).toEqual([]);
});

test('the link search wants every word, in quote, note or title, case and accents aside', () => {
  const passages = [
    passage('a', 'd1', 'Sergey Lavrov: “Our position has not changed”'),
    passage('b', 'd2', 'The Crown Prosecution Service was thorough'),
    {
      ...passage('c', 'd1', 'A short phrase'),
      annotation: { ...passage('c', 'd1', 'x').annotation, note: 'Débâcle in Moscow' },
    },
  ];
  const ids = (query: string) => searchPassages(passages, query).map((p) => p.annotation.id);
  expect(ids('')).toEqual(['a', 'b', 'c']);
  expect(ids('POSITION lavrov')).toEqual(['a']);
  expect(ids('position crown')).toEqual([]);
  expect(ids('debacle')).toEqual(['c']);
  expect(ids('reply')).toEqual(['b']);
  expect(ids('moscow')).toEqual(['a', 'c']);
});

test('aliases are read from a comma-separated list, each once; colours as the picker shows them', () => {
  expect(parseAliases('Miliband,  David   Miliband ; British Foreign Office\nmiliband, ,')).toEqual([
    'Miliband',
    'David Miliband',
    'British Foreign Office',
  ]);
  expect(parseAliases('  ')).toEqual([]);
  expect(colourInputValue('#0077BB')).toBe('#0077bb');
  expect(colourInputValue('#07b')).toBe('#0077bb');
  expect(colourInputValue('rebeccapurple')).toBeNull();
  expect(colourInputValue('#0077bb80')).toBeNull();
});
