// The reading view's small decisions, checked without a browser: which highlights a topic filter keeps, which
// colour paints them, and how dates, quotes and save states are worded.
import { expect, test } from '@playwright/test';
import { formatPublished, saveStatusText, shortQuote } from '../../renderer/format';
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
