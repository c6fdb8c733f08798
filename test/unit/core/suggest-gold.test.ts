// The scoring of the statement finder: exact spans, speaker and party all count, a second suggestion for one
// statement is false, and the fixture files of the development and held-out sets read as their format says.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import {
  combine,
  evaluate,
  locateGold,
  paragraphSpans,
  parseGoldText,
  speakerMatches,
  trimmedSpan,
  type GoldStatement,
  type Scored,
} from './suggest-gold';
import { DEV_DIR, HELDOUT_DIR } from './suggest-corpus';

// Written for these tests; no sentence of the held-out texts is used here.
const TEXT = [
  'The mayor of Oakridge, Lena Park, said the bridge would reopen in May.',
  '“We are on schedule,” Park told reporters. “Nothing has changed.”',
].join('\n\n');

const GOLD: GoldStatement[] = [
  {
    paragraph: 1,
    kind: 'reported',
    speaker: 'Lena Park',
    party: 'City',
    text: 'the bridge would reopen in May',
  },
  { paragraph: 2, kind: 'quote', speaker: 'Lena Park', party: 'City', text: 'We are on schedule' },
  { paragraph: 2, kind: 'quote', speaker: 'Lena Park', party: 'City', text: 'Nothing has changed.' },
];
const located = locateGold(TEXT, paragraphSpans(TEXT), GOLD);

function at(words: string, speaker = 'Park', party: string | null = 'City', from = 0): Scored {
  const start = TEXT.indexOf(words, from);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length, speaker, party };
}

describe('scoring the statement finder', () => {
  test('exact means the same words once whitespace, punctuation and quote marks at the ends are set aside', () => {
    const quoted = at('“We are on schedule,”');
    const bare = at('We are on schedule');
    assert.deepEqual(trimmedSpan(TEXT, quoted), trimmedSpan(TEXT, bare));
    const result = evaluate(TEXT, located, [
      at('the bridge would reopen in May.'),
      quoted,
      at('Nothing has changed'),
    ]);
    assert.equal(result.right, 3);
    assert.equal(result.precision, 1);
    assert.equal(result.recall, 1);
  });

  test('a span one word short or one word long is not right, though it overlaps the statement', () => {
    const result = evaluate(TEXT, located, [
      at('the bridge would reopen'),
      at('said the bridge would reopen in May'),
    ]);
    assert.equal(result.right, 0);
    assert.equal(result.inexact, 1);
    assert.equal(result.duplicates, 1);
    assert.equal(result.precision, 0);
    assert.equal(result.recall, 0);
    // Both overlap the statement: it was found, with the right speaker.
    assert.equal(result.found, 1);
    assert.equal(result.speakerAccuracy, 1);
  });

  test('the speaker and the party must both be right', () => {
    const result = evaluate(TEXT, located, [
      at('the bridge would reopen in May', 'The mayor of Oakridge'),
      at('We are on schedule', 'Lena Park', null),
      at('Nothing has changed', 'Ms Park'),
    ]);
    assert.deepEqual(
      result.verdicts.map((v) => v.verdict),
      ['wrong speaker', 'wrong party', 'right'],
    );
    assert.equal(result.right, 1);
    assert.equal(result.speakerAccuracy, 2 / 3);
  });

  test('a second suggestion for one statement counts as false, and so does one for no statement', () => {
    const result = evaluate(TEXT, located, [
      at('We are on schedule'),
      at('We are on schedule'),
      at('The mayor of Oakridge'),
    ]);
    assert.equal(result.right, 1);
    assert.equal(result.duplicates, 1);
    assert.equal(result.falseSuggestions, 1);
    assert.equal(result.suggested, 3);
    assert.equal(result.precision, 1 / 3);
    assert.equal(result.recall, 1 / 3);
    assert.equal(result.missed, 2);
    const both = combine([result, evaluate(TEXT, located, [])]);
    assert.equal(both.gold, 6);
    assert.equal(both.right, 1);
    assert.equal(both.precision, 1 / 3);
  });

  test('a speaker is named by the key word of any of the ways the list writes them', () => {
    assert.ok(speakerMatches('Sergey Lavrov', 'Russian Foreign Minister Sergey Lavrov'));
    assert.ok(speakerMatches('Sergey Lavrov', 'Lavrov'));
    assert.ok(speakerMatches('A spokeswoman for the company', 'a spokeswoman for the company'));
    assert.ok(speakerMatches('Lena Park / the mayor', 'The mayor of Oakridge'));
    assert.ok(speakerMatches("Pakistan's foreign ministry", 'Pakistan’s foreign ministry'));
    assert.ok(!speakerMatches('A spokeswoman for the company', 'the company'));
    assert.ok(!speakerMatches('Commuters in Manchester', 'Manchester'));
    assert.ok(!speakerMatches('Lena Park', 'She'));
  });
});

describe('the fixture files', () => {
  test('each says it was written for the tests, and its statements stand in its text', () => {
    for (const dir of [DEV_DIR, HELDOUT_DIR]) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
        const source = readFileSync(new URL(name, dir), 'utf8');
        assert.match(source.split('\n')[0]!, /^Written for Parley's tests/);
        const text = parseGoldText(source, name);
        assert.ok(text.gold.length > 0 && Object.keys(text.parties).length >= 2, name);
      }
    }
  });

  test('a file without its header line, an unknown party or a statement not in its paragraph is refused', () => {
    const good = [
      "Written for Parley's tests.",
      '## title',
      'T',
      '## parties',
      'City: Lena Park',
      'Council:',
      '## text',
      TEXT,
      '## gold',
      '1 | reported | Lena Park | City | the bridge would reopen in May',
    ].join('\n');
    assert.equal(parseGoldText(good).gold[0]!.party, 'City');
    assert.deepEqual(parseGoldText(good).parties, { City: ['Lena Park'], Council: [] });
    assert.throws(
      () => parseGoldText(good.replace("Written for Parley's tests.", 'A story.')),
      /written for/,
    );
    assert.throws(() => parseGoldText(good.replace('| City |', '| Town |')), /unknown party/);
    assert.throws(() => parseGoldText(good.replace('1 | reported', '2 | reported')), /does not contain/);
  });
});
