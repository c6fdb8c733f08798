// Anchoring survives edits away from a passage. A highlight is made on a random text (words with accents, Cyrillic,
// CJK, combining marks, astral letters and emoji); its target is what the app stores: the position, the quote and
// up to CONTEXT_LENGTH (32) UTF-16 units of context on each side (describeRange). Then the text is edited by random
// insertions and deletions that keep clear of the passage and of that stored context: every insertion is at or
// before the first unit of the prefix, or at or after the last unit of the suffix, and every deletion lies wholly
// before the prefix or wholly after the suffix; some insertions are copies of the passage itself (a decoy with
// other context around it). No edit cuts a surrogate pair. Opening the document — notebook.openDocument, which is
// how the app re-anchors a highlight when the text has changed — must then give the same quote at the shifted
// offsets, and not list the highlight for review. The one condition: the passage with its context occurs once in
// the edited text (otherwise two places are equally right).
// Below those, on a smaller alphabet: edits right up to one side of a passage; a located range never splits a
// surrogate pair, on cases built to anchor (the passage with its context moved into other text, sometimes with a
// letter of it changed); and a bare quote (no position, no context) anchors exactly when the text holds it once,
// whitespace and the first letter's case aside. Each test counts the runs that reached its assertion and fails if
// too few did.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeRange, findQuote, locate, splitsSurrogatePair } from '../../../main/core/anchoring';
import { CONTEXT_LENGTH, emptyNotebook, type TextTarget } from '../../../shared/model';
import { openDocument } from '../../../main/core/notebook';
import { annotationOn } from '../core/fixtures';
import { textDocument } from './build';
import { runs, type Generated } from './seed';

const WORDS = [
  'Lavrov',
  'Miliband',
  'said',
  'the',
  'talks',
  'Iran',
  'uranium',
  'extradition',
  'naïve',
  'café',
  'Москва',
  'нет',
  '東京',
  '合意',
  'e\u0301te\u0301',
  '𝒜𝓈𝓉𝓇𝒶𝓁',
  '😀',
  '👩‍👩‍👧',
  '“quoted”',
  '—',
  '(note)',
  '1.5%',
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', '\n\n', ' – '];

const words = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'decoy'),
  side: fc.constantFrom('before', 'after'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 60 }),
  text: words,
});

const scenario = fc.record({
  text: fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), {
      minLength: 15,
      maxLength: 90,
    })
    .map((parts) => parts.map(([word, separator]) => word + separator).join('')),
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 80 }),
  edits: fc.array(edit, { minLength: 1, maxLength: 8 }),
});

/** Moves an offset off the middle of a surrogate pair, to the pair's start. */
function whole(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset - 1 : offset;
}

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/** Counts the runs that reach a test's assertion, prints the count, and fails when fewer than `least` of them did. */
function asserted(t: TestContext, numRuns: number, least: number) {
  let reached = 0;
  return {
    reached: () => reached++,
    check: () => {
      t.diagnostic(`${reached} of ${numRuns} runs reached the assertion`);
      assert.ok(reached >= least * numRuns, `only ${reached} of ${numRuns} runs reached the assertion`);
    },
  };
}

interface Edited {
  target: TextTarget;
  text: string;
  /** Where the passage is in the edited text. */
  start: number;
  end: number;
}

/** Makes the highlight and applies the edits; null when the case does not qualify (see the top of the file). */
function edited({ text: original, from, length, edits }: Generated<typeof scenario>): Edited | null {
  // The passage: whole characters, no blanks at its ends (as createAnnotation narrows a selection).
  let start = whole(original, Math.floor(from * original.length));
  let end = whole(original, Math.min(original.length, start + length));
  while (start < end && /\s/.test(original[start]!)) start++;
  while (end > start && /\s/.test(original[end - 1]!)) end--;
  if (start >= end) return null;
  const target = describeRange(original, start, end);

  // The stored context bounds the zone no edit may touch.
  let text = original;
  let zoneStart = start - target.prefix.length;
  let zoneEnd = end + target.suffix.length;
  const shift = (by: number) => {
    start += by;
    end += by;
    zoneStart += by;
    zoneEnd += by;
  };
  for (const step of edits) {
    const before = step.side === 'before';
    const [low, high] = before ? [0, zoneStart] : [zoneEnd, text.length];
    if (step.kind === 'delete') {
      if (high - low < 1) continue;
      const a = whole(text, low + (step.at % (high - low)));
      let b = Math.min(high, a + step.length);
      if (splitsSurrogatePair(text, b)) b += 1;
      if (a >= b || b > high) continue;
      text = text.slice(0, a) + text.slice(b);
      if (before) shift(a - b);
    } else {
      const inserted = step.kind === 'decoy' ? ` ${target.exact} ` : step.text;
      const at = whole(text, low + (step.at % (high - low + 1)));
      text = text.slice(0, at) + inserted + text.slice(at);
      if (before) shift(inserted.length);
    }
  }
  const zone = target.prefix + target.exact + target.suffix;
  // The zone is untouched, and it is the one place that holds the passage with its context.
  assert.equal(text.slice(zoneStart, zoneEnd), zone);
  if (occurrences(text, zone) !== 1) return null;
  return { target, text, start, end };
}

test('locate finds a passage at its shifted place after edits that keep clear of it and its context', (t) => {
  const count = asserted(t, 300, 1);
  fc.assert(
    fc.property(scenario, (input) => {
      const result = edited(input);
      fc.pre(result !== null);
      const { target, text, start, end } = result;
      count.reached();
      assert.deepEqual(locate(text, target), { start, end });
    }),
    runs(t, 300),
  );
  count.check();
});

/** The document opened as the app opens it, with one highlight whose stored target is `target`. */
function reopen(text: string, target: TextTarget) {
  const nb = emptyNotebook();
  nb.documents.push(textDocument(text));
  nb.annotations.push(annotationOn('doc', target));
  return openDocument(nb, 'doc');
}

test('opening the document re-anchors the highlight there too', (t) => {
  const count = asserted(t, 300, 1);
  fc.assert(
    fc.property(scenario, (input) => {
      const result = edited(input);
      fc.pre(result !== null);
      const { target, text, start, end } = result;
      count.reached();
      const opened = reopen(text, target);
      assert.deepEqual(opened.needsReview, []);
      const found = opened.annotations[0]!.target;
      assert.equal(found.exact, target.exact);
      assert.deepEqual([found.start, found.end], [start, end]);
    }),
    runs(t, 300),
  );
  count.check();
});

test('the counterexample: a line added above moves an earlier "Lavrov said" under the stored offset', () => {
  const original = 'Lavrov said no to the first request. Later Lavrov said yes to the second one.';
  const start = original.lastIndexOf('Lavrov said');
  const target = describeRange(original, start, start + 'Lavrov said'.length);
  // A dateline of exactly the right length lands the first "Lavrov said" at the stored offset.
  const line = 'x'.repeat(start - 1) + '\n';
  const text = line + original;
  assert.equal(text.slice(start, start + 11), 'Lavrov said');
  assert.deepEqual(locate(text, target), { start: line.length + start, end: line.length + start + 11 });
  const found = reopen(text, target).annotations[0]!.target;
  assert.deepEqual([found.start, found.end], [line.length + start, line.length + start + 11]);
});

// ---------------------------------------------------------------------------------------------------------------
// A small alphabet, where look-alikes are common

const small = fc.constantFrom(...'abcdefghij klmnop.,éA😀'.split(/(?:)/u));
const smallText = (minLength: number, maxLength: number) =>
  fc.array(small, { minLength, maxLength }).map((chars) => chars.join(''));

/** A passage of the text on code point boundaries, with some non-space character in it. */
const withPassage = smallText(40, 300).chain((text) => {
  const points = [...text];
  return fc
    .tuple(fc.nat({ max: points.length - 1 }), fc.integer({ min: 1, max: 20 }))
    .map(([from, length]) => {
      const start = points.slice(0, from).join('').length;
      const end = points.slice(0, Math.min(points.length, from + length)).join('').length;
      return { text, start, end };
    })
    .filter(({ text, start, end }) => text.slice(start, end).trim() !== '');
});

const smallEdit = fc.record({
  before: fc.boolean(),
  at: fc.nat(),
  remove: fc.nat({ max: 30 }),
  insert: fc.array(small, { maxLength: 30 }).map((chars) => chars.join('')),
});

/** Applies edits that keep `margin` units clear of the passage; returns the edited text and the passage's start. */
function applyEdits(
  text: string,
  start: number,
  end: number,
  edits: Array<{ before: boolean; at: number; remove: number; insert: string }>,
  margin: number,
): { text: string; start: number } {
  let head = text.slice(0, Math.max(0, start - margin));
  let tail = text.slice(Math.min(text.length, end + margin));
  const middle = text.slice(head.length, text.length - tail.length);
  const offset = start - head.length;
  for (const { before, at, remove, insert } of edits) {
    const points = [...(before ? head : tail)];
    const from = at % (points.length + 1);
    points.splice(from, Math.min(remove, points.length - from), ...insert);
    if (before) head = points.join('');
    else tail = points.join('');
  }
  return { text: head + middle + tail, start: head.length + offset };
}

test('edits right up to a passage on one side still find the exact quote by the other side', (t) => {
  const numRuns = 300;
  const count = asserted(t, numRuns, 1);
  fc.assert(
    fc.property(
      withPassage,
      fc.boolean(),
      fc.array(smallEdit, { maxLength: 6 }),
      ({ text, start, end }, editBefore, edits) => {
        const target = describeRange(text, start, end);
        // The side left alone is whole: a character or two of context would vouch for no place.
        fc.pre((editBefore ? target.suffix : target.prefix).length === CONTEXT_LENGTH);
        const oneSided = edits.map((e) => ({ ...e, before: editBefore }));
        const edited = applyEdits(text, start, end, oneSided, 0);
        const found = locate(edited.text, target);
        count.reached();
        assert.ok(found);
        assert.equal(edited.text.slice(found.start, found.end), target.exact);
      },
    ),
    runs(t, numRuns),
  );
  count.check();
});

/** A passage of 10–40 code points with its context, moved into other text, its quote sometimes changed. */
const moved = fc.record({
  original: smallText(80, 300),
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 10, max: 40 }),
  before: smallText(0, 200),
  after: smallText(0, 200),
  // One run in four changes a letter of the quote, which a short quote does not survive.
  change: fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    { arbitrary: fc.tuple(fc.nat(), small), weight: 1 },
  ),
  hint: fc.boolean(),
});

test('a located range is on code point boundaries and inside the text', (t) => {
  const numRuns = 300;
  // Every unchanged quote anchors; a changed letter anchors less often, since a close match may not make or change
  // a name nor change too many words (this alphabet has a capital, a full stop and a space), so they count apart.
  const count = asserted(t, numRuns, 0.75);
  let changedRuns = 0;
  let changedReached = 0;
  let unchangedMissed = 0;
  fc.assert(
    fc.property(moved, ({ original, from, length, before, after, change, hint }) => {
      const points = [...original];
      const first = Math.floor(from * (points.length - length));
      const start = points.slice(0, first).join('').length;
      const end = points.slice(0, first + length).join('').length;
      fc.pre(original.slice(start, end).trim() !== '');
      const target = describeRange(original, start, end);
      let quote = target.exact;
      if (change) {
        const letters = [...quote];
        letters[change[0] % letters.length] = change[1];
        quote = letters.join('');
      }
      const other = before + target.prefix + quote + target.suffix + after;
      const { start: _stored, ...withoutPosition } = target;
      const found = locate(other, hint ? target : withoutPosition);
      if (change) changedRuns++;
      else if (!found) unchangedMissed++;
      if (!found) return;
      count.reached();
      if (change) changedReached++;
      assert.ok(found.start >= 0 && found.end <= other.length && found.start < found.end);
      for (const at of [found.start, found.end])
        assert.ok(!splitsSurrogatePair(other, at), 'not inside a pair');
    }),
    runs(t, numRuns),
  );
  t.diagnostic(`${changedReached} of ${changedRuns} runs with a changed letter anchored`);
  count.check();
  assert.equal(unchangedMissed, 0, 'every unchanged quote anchors');
  assert.ok(changedReached >= 0.05 * changedRuns, 'close matches reach the assertion too');
});

/** The text with whitespace runs as one space: all a bare quote may differ in on this alphabet, with its first letter's case. */
const spaced = (text: string) => text.replace(/\s+/g, ' ');

/** Where the quote reads the same in the text, whitespace and its first letter's case aside (distinct starts). */
function bareOccurrences(text: string, quote: string): number {
  const pattern = spaced(quote).trim();
  const at = pattern.search(/\p{L}/u);
  const variants = new Set([pattern]);
  if (at !== -1) {
    for (const letter of [pattern[at]!.toLowerCase(), pattern[at]!.toUpperCase()]) {
      variants.add(pattern.slice(0, at) + letter + pattern.slice(at + 1));
    }
  }
  const haystack = spaced(text);
  const starts = new Set<number>();
  for (const variant of variants) {
    for (let i = haystack.indexOf(variant); i !== -1; i = haystack.indexOf(variant, i + 1)) starts.add(i);
  }
  return starts.size;
}

test('a bare quote anchors exactly when the text holds it once, and only on a passage that reads as it', (t) => {
  const numRuns = 500;
  const count = asserted(t, numRuns, 1);
  let anchored = 0;
  fc.assert(
    fc.property(
      withPassage,
      fc.option(fc.tuple(fc.nat(), small), { freq: 2 }),
      fc.constantFrom(' ', '  ', '\n'),
      ({ text, start, end }, change, space) => {
        // The quote as another tool might give it: spacing changed, and sometimes one letter of it.
        let quote = text.slice(start, end).replace(/ /g, space);
        if (change) {
          const letters = [...quote];
          letters[change[0] % letters.length] = change[1];
          quote = letters.join('');
        }
        fc.pre(quote.trim() !== '');
        const result = findQuote(text, { exact: quote });
        const places = bareOccurrences(text, quote);
        count.reached();
        assert.equal(result.found, places === 1, `found ${result.found}, ${places} place(s)`);
        if (result.found) {
          anchored++;
          assert.equal(bareOccurrences(text.slice(result.start, result.end), quote), 1);
        } else if (places > 1) {
          assert.ok(result.reason === 'ambiguous' && result.places.length === places);
        }
      },
    ),
    runs(t, numRuns),
  );
  t.diagnostic(`${anchored} of ${numRuns} quotes anchored, the rest refused`);
  count.check();
  assert.ok(anchored > numRuns / 4 && anchored < numRuns, 'both outcomes were tried');
});
