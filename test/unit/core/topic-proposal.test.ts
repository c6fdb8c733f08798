// Proposing a topic for a statement from the codebook's names and descriptions: real matches only, stems and
// stop words, party names left out, ties refused; and the figures on the sample's accepted suggestions.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { emptyNotebook, type Topic } from '../../../shared/model';
import { addSampleDocument } from '../../../main/core/notebook';
import { suggestStatements } from '../../../main/core/suggest';
import { partyNames, proposeTopic } from '../../../main/core/topic-proposal';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');

let ids = 0;
function topic(path: string, description = ''): Topic {
  return { id: `t${++ids}`, path, colour: '#88ccee', description };
}

describe('proposeTopic', () => {
  test('a word of the topic’s name, in any form, proposes it, with the words that matched', () => {
    const extradition = topic('extradition');
    const iran = topic('iran/nuclear');
    const proposal = proposeTopic('Russia will never extradite him to London', [extradition, iran]);
    assert.deepEqual(proposal, {
      topicId: extradition.id,
      path: 'extradition',
      score: 3,
      words: ['extradite'],
    });
    assert.equal(proposeTopic('The NUCLEAR programme', [extradition, iran])?.topicId, iran.id);
    assert.equal(proposeTopic('Téhéran and Irán’s proposal', [topic('iran')])?.path, 'iran');
  });

  test('the name outweighs the rest of the path; the rest of the path still counts', () => {
    const iran = topic('iran');
    const nuclear = topic('iran/nuclear');
    const sanctions = topic('iran/sanctions');
    const topics = [iran, nuclear, sanctions];
    assert.equal(proposeTopic('Iran must talk', topics)?.topicId, iran.id);
    assert.equal(proposeTopic('Iran’s nuclear programme', topics)?.topicId, nuclear.id);
    assert.equal(proposeTopic('more sanctions on Iran', topics)?.topicId, sanctions.id);
    assert.equal(proposeTopic('Iran may face sanctions', [nuclear, sanctions])?.topicId, sanctions.id);
  });

  test('a description proposes only with two of its words; one shared word is no match', () => {
    const eu = topic('eu', 'Ratification of the Lisbon Treaty and the partnership agreement');
    assert.equal(proposeTopic('the treaty is dead', [eu]), null);
    assert.deepEqual(proposeTopic('signing the Lisbon Treaty soon', [eu])?.words, ['Lisbon', 'Treaty']);
    assert.deepEqual(proposeTopic('a new agreement, a true partnership', [eu])?.score, 2);
  });

  test('stop words, reporting verbs and one-letter words never match', () => {
    const topics = [topic('the/said/of'), topic('what we said', 'it is what they would say'), topic('s')];
    assert.equal(proposeTopic('What we said is what they would say of it, he said', topics), null);
  });

  test('the parties’ names are ignored: they say who speaks, not what about', () => {
    const relations = topic('uk-russia relations');
    const russia = topic('russia');
    const ignore = ['Russia', 'United Kingdom', 'UK', 'Moscow'];
    assert.equal(proposeTopic('Russia and the UK disagree', [relations, russia], { ignore }), null);
    assert.equal(
      proposeTopic('Moscow values its relations', [relations, russia], { ignore })?.path,
      'uk-russia relations',
    );
  });

  test('two topics that match equally well propose nothing; no topics or no words propose nothing', () => {
    const a = topic('nuclear');
    const b = topic('energy/nuclear');
    assert.equal(proposeTopic('a nuclear deal', [a, topic('deal')]), null);
    assert.equal(proposeTopic('nuclear', [a, b]), null);
    assert.equal(proposeTopic('nuclear energy', [a, b])?.topicId, b.id);
    assert.equal(proposeTopic('anything at all', []), null);
    assert.equal(proposeTopic('… — !', [a]), null);
  });
});

/**
 * The topic a reader would give each of the sample's statements, keyed by words of the statement; null where no
 * topic of the codebook fits. The codebook is the one the comparison picture (test/renderer/docs-scenes.ts)
 * files the sample under, paths only, and its labels where it labels the same statement.
 */
const SCREENSHOT_CODEBOOK = ['extradition', 'iran/nuclear', 'joint statements', 'relations'];
const RIGHT: ReadonlyArray<[string, string | null]> = [
  ['successful and fruitful', 'relations'],
  ['grateful to David Miliband', 'relations'],
  ['paper over their differences', 'relations'],
  ['We are not allowing bilateral differences', 'joint statements'],
  ['We have signed three joint statements', 'joint statements'],
  ['expects Iran to accept IAEA proposal', 'iran/nuclear'],
  ['ratifying the Lisbon Treaty', null],
  ['his extradition to UK', 'extradition'],
  ['Our position has not changed', 'extradition'],
  ['amend our Constitution', 'extradition'],
  ['horrific murder of Mr. Litvinenko', 'extradition'],
  ['full set of documents', 'extradition'],
  ['no obstacles for London', 'extradition'],
  ['just more parroting', 'extradition'],
];

describe('proposals for the sample’s suggestions', () => {
  const nb = emptyNotebook();
  const doc = addSampleDocument(nb, SAMPLE, new Date('2026-01-05T09:00:00Z'));
  const suggestions = suggestStatements(nb, doc.id);
  const ignore = partyNames(nb.parties);

  test('the sample as shipped has no codebook, so nothing is proposed', () => {
    assert.deepEqual(nb.topics, []);
    assert.equal(suggestions.filter((s) => proposeTopic(s.quote, nb.topics, { ignore })).length, 0);
  });

  test('with the screenshot’s codebook, every proposal is right', () => {
    const topics = SCREENSHOT_CODEBOOK.map((path) => topic(path));
    let proposed = 0;
    let right = 0;
    for (const suggestion of suggestions) {
      const label = RIGHT.find(([words]) => suggestion.quote.includes(words));
      assert.ok(label, `a label for: ${suggestion.quote}`);
      const proposal = proposeTopic(suggestion.quote, topics, { ignore });
      if (!proposal) continue;
      proposed++;
      if (proposal.path === label[1]) right++;
      else
        assert.fail(
          `proposed ${proposal.path} for “${suggestion.quote}”, which is ${label[1] ?? 'on no topic'}`,
        );
    }
    console.log(`sample: ${proposed} of ${suggestions.length} suggestions get a proposal, ${right} right`);
    assert.equal(suggestions.length, RIGHT.length);
    assert.ok(proposed >= 4, `${proposed} proposals`);
  });
});
