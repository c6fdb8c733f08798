// Written for Parley: the Highlight command refuses a selection that holds most of the article (Ctrl+A then H), by
// paragraphs and by characters, and lets a passage of a few paragraphs through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_HIGHLIGHT_BLOCKS,
  MAX_HIGHLIGHT_CHARS,
  blocksSpanned,
  highlightTooLong,
} from '../../../renderer/highlighting/highlight-limit';

/** Twenty blocks of 100 characters with a blank line between them. */
const blocks = Array.from({ length: 20 }, (_, i) => ({ start: i * 102, end: i * 102 + 100 }));

test('a passage of up to five paragraphs and 2,500 characters can be highlighted', () => {
  assert.equal(MAX_HIGHLIGHT_BLOCKS, 5);
  assert.equal(MAX_HIGHLIGHT_CHARS, 2500);
  assert.equal(highlightTooLong({ start: 10, end: 50 }, blocks), null);
  assert.equal(blocksSpanned({ start: 50, end: 4 * 102 + 10 }, blocks), 5);
  assert.equal(highlightTooLong({ start: 50, end: 4 * 102 + 10 }, blocks), null);
});

test('the whole article, or six paragraphs, is refused with a message that says why and what to do', () => {
  const all = highlightTooLong({ start: 0, end: 19 * 102 + 100 }, blocks);
  assert.match(all ?? '', /^The selection runs over 20 paragraphs: a highlight holds at most 5 paragraphs/);
  assert.match(all ?? '', /J and K select a sentence/);
  assert.match(highlightTooLong({ start: 50, end: 5 * 102 + 10 }, blocks) ?? '', /runs over 6 paragraphs/);
});

test('one long paragraph (text without blocks) is refused by its length', () => {
  assert.equal(highlightTooLong({ start: 0, end: 2500 }, []), null);
  assert.match(highlightTooLong({ start: 0, end: 2501 }, []) ?? '', /^The selection holds 2,501 characters:/);
});
