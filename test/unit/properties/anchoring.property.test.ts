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
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeRange, locate, splitsSurrogatePair } from '../../../main/core/anchoring';
import { emptyNotebook, type Annotation, type TextTarget } from '../../../main/core/model';
import { openDocument } from '../../../main/core/notebook';
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
  fc.assert(
    fc.property(scenario, (input) => {
      const result = edited(input);
      fc.pre(result !== null);
      const { target, text, start, end } = result;
      assert.deepEqual(locate(text, target), { start, end });
    }),
    runs(t, 300),
  );
});

/** The document opened as the app opens it, with one highlight whose stored target is `target`. */
function reopen(text: string, target: TextTarget) {
  const annotation: Annotation = {
    id: 'a1',
    documentId: 'doc',
    target,
    topicIds: [],
    partyId: null,
    stance: null,
    note: '',
    links: [],
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
  };
  const nb = emptyNotebook();
  nb.documents.push(textDocument(text));
  nb.annotations.push(annotation);
  return openDocument(nb, 'doc');
}

test('opening the document re-anchors the highlight there too', (t) => {
  fc.assert(
    fc.property(scenario, (input) => {
      const result = edited(input);
      fc.pre(result !== null);
      const { target, text, start, end } = result;
      const opened = reopen(text, target);
      assert.deepEqual(opened.needsReview, []);
      const found = opened.annotations[0]!.target;
      assert.equal(found.exact, target.exact);
      assert.deepEqual([found.start, found.end], [start, end]);
    }),
    runs(t, 300),
  );
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
