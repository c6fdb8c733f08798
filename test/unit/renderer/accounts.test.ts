// Written for this project: what the accounts view works out for itself from an alignment. Two wordings set word
// against word; an account's text cut into plain text, statements and differing words; which shared statements
// two columns can hold level while they scroll, and where the other column stands between them; omissions and
// the row a place falls in. The statements below were written for the tests, not taken from any report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountsAlignment, AccountStatement } from '../../../shared/contract';
import {
  columnBlocks,
  followPosition,
  levelPairs,
  omissionsOf,
  rowAt,
  wordDiff,
} from '../../../renderer/accounts';
import type { Block } from '../../../renderer/types';

test('a word diff keeps the words both give, and marks those taken out and put in, in reading order', () => {
  const parts = wordDiff(
    'his extradition is absolutely out of the question',
    'the extradition of Lugovoy is out of the question.',
  );
  assert.deepEqual(parts, [
    { kind: 'deleted', text: 'his ' },
    { kind: 'inserted', text: 'the' },
    { kind: 'same', text: ' extradition ' },
    { kind: 'inserted', text: 'of Lugovoy' },
    { kind: 'same', text: ' is ' },
    { kind: 'deleted', text: 'absolutely ' },
    { kind: 'same', text: 'out of the question.' },
  ]);
  // The second wording reads whole from its parts; case, accents and curly apostrophes are no difference.
  const second = 'Russia’s position is CLEAR, said Lavrov';
  const again = wordDiff("Russia's position is clear, said Lávrov", second);
  assert.equal(
    again
      .filter((p) => p.kind !== 'deleted')
      .map((p) => p.text)
      .join(''),
    second,
  );
  assert.deepEqual(
    again.map((p) => p.kind),
    ['same'],
  );
  assert.deepEqual(wordDiff('', 'new words'), [{ kind: 'inserted', text: 'new words' }]);
  assert.deepEqual(wordDiff('old words', ''), [{ kind: 'deleted', text: 'old words ' }]);
});

function cell(documentId: string, start: number, end: number, quote: string, place = '¶1'): AccountStatement {
  return { documentId, start, end, quote, speaker: '', partyId: null, place, annotationId: null };
}

// Two short accounts of one meeting, written for this test.
const RT = 'Talks in Moscow\nLavrov said extradition was out of the question. He praised the talks.';
const FCO =
  'Press conference\nThe Foreign Secretary thanked his host. Extradition is out of the question, Lavrov said.';
const blocksOf = (text: string): Block[] => {
  const cut = text.indexOf('\n');
  return [
    { kind: 'heading', start: 0, end: cut, level: 1 },
    { kind: 'paragraph', start: cut + 1, end: text.length },
  ];
};
const span = (text: string, words: string) => {
  const start = text.indexOf(words);
  return [start, start + words.length] as const;
};

function alignment(): AccountsAlignment {
  const rtExtradition = span(RT, 'extradition was out of the question');
  const fcoExtradition = span(FCO, 'Extradition is out of the question');
  const rtPraise = span(RT, 'He praised the talks.');
  const fcoThanks = span(FCO, 'The Foreign Secretary thanked his host.');
  return {
    event: { id: 'e1', name: 'Talks', date: '', documentIds: ['rt', 'fco'], createdAt: '' },
    accounts: [
      { documentId: 'rt', title: 'Talks in Moscow', label: 'RT' },
      { documentId: 'fco', title: 'Press conference', label: 'FCO' },
    ],
    rows: [
      {
        cells: [
          cell('rt', ...rtExtradition, 'extradition was out of the question'),
          cell('fco', ...fcoExtradition, 'Extradition is out of the question', '¶2'),
        ],
        wording: 'differs',
      },
      { cells: [cell('rt', ...rtPraise, 'He praised the talks.'), null], wording: 'same' },
      {
        cells: [null, cell('fco', ...fcoThanks, 'The Foreign Secretary thanked his host.', '¶2')],
        wording: 'same',
      },
    ],
    omissions: [[2], [1]],
  };
}

test("an account's text is cut into plain text, its statements by row, and the words it gives differently", () => {
  const blocks = columnBlocks(RT, blocksOf(RT), alignment(), 0);
  assert.equal(blocks.length, 2);
  assert.deepEqual(blocks[0]!.pieces, [{ start: 0, end: 15, row: null, differs: false, first: false }]);
  const pieces = blocks[1]!.pieces.map((p) => ({
    text: RT.slice(p.start, p.end),
    row: p.row,
    differs: p.differs,
    first: p.first,
  }));
  assert.deepEqual(pieces, [
    { text: 'Lavrov said ', row: null, differs: false, first: false },
    { text: 'extradition ', row: 0, differs: false, first: true },
    { text: 'was', row: 0, differs: true, first: false },
    { text: ' out of the question', row: 0, differs: false, first: false },
    { text: '. ', row: null, differs: false, first: false },
    { text: 'He praised the talks.', row: 1, differs: false, first: true },
  ]);
  // Every character is in exactly one piece, in order.
  const all = blocks.flatMap((b) => b.pieces);
  assert.equal(all.map((p) => RT.slice(p.start, p.end)).join(''), RT.replace('\n', ''));
});

test('a statement that runs across two paragraphs is one row in both, its control in the first', () => {
  const text = 'First part of it\nand the rest of it. Then more.';
  const blocks: Block[] = [
    { kind: 'paragraph', start: 0, end: 16 },
    { kind: 'paragraph', start: 17, end: text.length },
  ];
  const base = alignment();
  const across: AccountsAlignment = {
    ...base,
    rows: [{ cells: [cell('rt', 6, 35, text.slice(6, 35)), null], wording: 'same' }],
    omissions: [[], [0]],
  };
  const cut = columnBlocks(text, blocks, across, 0);
  assert.deepEqual(
    cut.map((b) => b.pieces.filter((p) => p.row === 0).map((p) => p.first)),
    [[true], [false]],
  );
});

test('two columns hold level the longest run of shared statements that go down together in both', () => {
  // The statement at 300 in the first column is at 950 in the second, after the others: it is left out.
  assert.deepEqual(
    levelPairs([
      [100, 200],
      [300, 950],
      [500, 600],
      [700, 900],
    ]),
    [
      [100, 200],
      [500, 600],
      [700, 900],
    ],
  );
  assert.deepEqual(levelPairs([]), []);
  // Between two held statements the other column stands in proportion; on one, level with it.
  const pairs: Array<[number, number]> = [
    [100, 200],
    [500, 600],
  ];
  assert.equal(followPosition(100, pairs, [1000, 1200]), 200);
  assert.equal(followPosition(300, pairs, [1000, 1200]), 400);
  assert.equal(followPosition(50, pairs, [1000, 1200]), 100);
  assert.equal(followPosition(1000, pairs, [1000, 1200]), 1200);
  assert.equal(followPosition(750, pairs, [1000, 1200]), 900);
});

test('omissions name the account that gives the statement; a place falls in the row whose cell holds it', () => {
  const aligned = alignment();
  assert.deepEqual(
    omissionsOf(aligned, 0).map((o) => ({ row: o.row, column: o.column, quote: o.cell.quote })),
    [{ row: 2, column: 1, quote: 'The Foreign Secretary thanked his host.' }],
  );
  assert.deepEqual(
    omissionsOf(aligned, 1).map((o) => o.row),
    [1],
  );
  const [start, end] = span(FCO, 'Extradition is out');
  assert.equal(rowAt(aligned, 1, start, end), 0);
  assert.equal(rowAt(aligned, 1, 0, 5), null);
});
