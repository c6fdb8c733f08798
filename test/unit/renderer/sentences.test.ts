// Written for Parley's sentence cursor: where the rule over Document.text's blocks ends a sentence and where it
// does not (titles, initials, letters with points, decimals, quotes), that no sentence crosses a paragraph, and the
// sample's own sentences. The short texts here were written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sentenceAt, sentencesOf } from '../../../renderer/highlighting/sentences';
import { importPlainText } from '../../../main/core/import-text';

/** The sentences of one paragraph holding the whole text, as strings. */
const split = (text: string) =>
  sentencesOf(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end));

test('a sentence ends at . ! ? or … before white space and a capital, a digit or an opening quote', () => {
  assert.deepEqual(
    split('The talks ended. Both sides spoke! Was it useful? 2009 was a hard year… Then it changed.'),
    ['The talks ended.', 'Both sides spoke!', 'Was it useful?', '2009 was a hard year…', 'Then it changed.'],
  );
  assert.deepEqual(split('He left. “We are done,” she said. (A pause.) [Later] it rained.'), [
    'He left.',
    '“We are done,” she said.',
    '(A pause.)',
    '[Later] it rained.',
  ]);
});

test('closing quotes and brackets stay with the sentence they close', () => {
  assert.deepEqual(
    split('“Our position has not changed.” Lavrov said so. He was clear (very clear.) Then left.'),
    ['“Our position has not changed.”', 'Lavrov said so.', 'He was clear (very clear.)', 'Then left.'],
  );
});

test('no end after a title, an initial, letters with points, inside a number, or before a small letter', () => {
  assert.deepEqual(split('Mr. Smith met Dr. Jones. They talked.'), [
    'Mr. Smith met Dr. Jones.',
    'They talked.',
  ]);
  assert.deepEqual(split('J. K. Rowling wrote it. It sold.'), ['J. K. Rowling wrote it.', 'It sold.']);
  assert.deepEqual(split('The U.S. Senate voted. The U.K. did not.'), [
    'The U.S. Senate voted.',
    'The U.K. did not.',
  ]);
  assert.deepEqual(split('Growth was 3.5 per cent. Prices rose 2.1. Then fell.'), [
    'Growth was 3.5 per cent.',
    'Prices rose 2.1.',
    'Then fell.',
  ]);
  assert.deepEqual(split('“Really?” he asked. Wait... what now? E.g. this one. Fine.'), [
    '“Really?” he asked.',
    'Wait... what now?',
    'E.g. this one.',
    'Fine.',
  ]);
  assert.deepEqual(split('He lives at No. 10 Downing Street. He said no. Then yes.'), [
    'He lives at No. 10 Downing Street.',
    'He said no.',
    'Then yes.',
  ]);
});

test('a word of capitals or a year before the point still ends the sentence', () => {
  assert.deepEqual(split('Talks with the UK. Then with the EU in 2006. Then none.'), [
    'Talks with the UK.',
    'Then with the EU in 2006.',
    'Then none.',
  ]);
});

test('no sentence crosses a block, white space around one is left out, empty blocks have none', () => {
  const text = 'First point.  Second point\n\nA heading\n\n  Third. Fourth.  ';
  const blocks = [
    { start: 0, end: 26 },
    { start: 28, end: 37 },
    { start: 37, end: 37 },
    { start: 39, end: text.length },
  ];
  const got = sentencesOf(text, blocks).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(got, ['First point.', 'Second point', 'A heading', 'Third.', 'Fourth.']);
  // Without blocks the whole text is one paragraph, as the reading column shows it.
  assert.deepEqual(
    sentencesOf('One. Two.', []).map((s) => [s.start, s.end]),
    [
      [0, 4],
      [5, 9],
    ],
  );
  assert.deepEqual(sentencesOf('', []), []);
});

test('sentenceAt finds the sentence holding an offset, or the next one', () => {
  const sentences = sentencesOf('One. Two. Three.', []);
  assert.equal(sentenceAt(sentences, 0), 0);
  assert.equal(sentenceAt(sentences, 3), 0);
  assert.equal(sentenceAt(sentences, 4), 1, 'the space after a sentence belongs to the next');
  assert.equal(sentenceAt(sentences, 15), 2);
  assert.equal(sentenceAt(sentences, 16), -1);
});

test('the sample: its paragraphs, split where a reader splits them', async () => {
  const raw = await readFile(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
  const doc = importPlainText(raw, { fileName: 'sample-miliband-lavrov.txt', source: 'RT' });
  const sentences = sentencesOf(doc.text, doc.blocks).map((s) => doc.text.slice(s.start, s.end));
  assert.ok(
    sentences.includes(
      'Speaking about the notorious Lugovoy case, Lavrov stated that his extradition to UK is absolutely out of the question.',
    ),
  );
  assert.ok(sentences.includes('“Our position has not changed,” Sergey Lavrov said at a news conference.'));
  assert.ok(sentences.includes('It seems like they just don\'t have anything to say," Lugovoy said.'));
  // "Mr. Litvinenko" is not cut.
  assert.ok(
    sentences.some((s) =>
      s.startsWith('“The horrific murder of Mr. Litvinenko in 2006 has been followed up'),
    ),
  );
  assert.ok(!sentences.some((s) => s.endsWith(' Mr.')));
  for (const sentence of sentences) assert.ok(!sentence.includes('\n'), `one paragraph: ${sentence}`);
});

test('a month’s short name keeps its point before a day, and ends a sentence otherwise', () => {
  assert.deepEqual(split('The talks began on Jan. 5. They ended in Feb. Nobody spoke.'), [
    'The talks began on Jan. 5.',
    'They ended in Feb.',
    'Nobody spoke.',
  ]);
  assert.deepEqual(split('It was signed on Sept. 12, 2007. Then it lapsed.'), [
    'It was signed on Sept. 12, 2007.',
    'Then it lapsed.',
  ]);
});

test('the full-width marks of Japanese and Chinese end a sentence with no space after them', () => {
  assert.deepEqual(split('北京は晴れです。東京は雨です！本当ですか？'), [
    '北京は晴れです。',
    '東京は雨です！',
    '本当ですか？',
  ]);
  assert.deepEqual(split('彼は「行きます。」と言った。「はい。」「いいえ。」'), [
    '彼は「行きます。」と言った。',
    '「はい。」',
    '「いいえ。」',
  ]);
});
