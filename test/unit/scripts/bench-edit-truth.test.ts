// Where the bench's edits really took each passage (scripts/bench/edit-truth.ts), checked against an independent
// account: every character of the edited text traced back to the character of the old text it came from (or to an
// edit), by replaying the recorded edits on an array of origins. And the score that judges re-anchoring by it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  editArticle,
  generateArticle,
  generateSpans,
  type Span,
  type TextChange,
} from '../../../scripts/bench/data';
import { mapSpan, passageTruth, scoreAnswers } from '../../../scripts/bench/edit-truth';

const article = generateArticle(7, 120_000);
const spans = generateSpans(8, article, 1_200);
const edited = editArticle(9, article.text, 600);

/** For each unit of the edited text, the index of the old text's unit it is, or -1 for one an edit put there. */
function origins(length: number, changes: readonly TextChange[]): number[] {
  const out = Array.from({ length }, (_, i) => i);
  for (const { at, removed, inserted } of changes) {
    out.splice(at, removed, ...Array.from({ length: inserted }, () => -1));
  }
  return out;
}
const origin = origins(article.text.length, edited.changes);
/** Where each unit of the old text that is left stands in the edited text. */
const where = new Map<number, number>();
origin.forEach((from, i) => from >= 0 && where.set(from, i));

/** The kinds of edit that touched a passage: removed some of it, or put something inside it. */
function kindsInside(span: Span): Set<string> {
  const kinds = new Set<string>();
  let { start, end } = span;
  for (const change of edited.changes) {
    const after = change.at + change.removed;
    const inside =
      change.removed === 0 ? change.at > start && change.at < end : change.at < end && after > start;
    if (inside) kinds.add(change.kind);
    const moved = mapSpan([change], { start, end });
    if (!moved) break;
    ({ start, end } = moved);
  }
  return kinds;
}

test('the recorded edits are the edits made: replayed, every unit of the edited text comes from where they say', () => {
  assert.equal(origin.length, edited.text.length);
  let kept = 0;
  for (let i = 0; i < origin.length; i++) {
    const from = origin[i]!;
    if (from < 0) continue;
    kept++;
    assert.equal(edited.text[i], article.text[from], `unit ${i} of the edited text`);
  }
  assert.ok(kept > article.text.length * 0.9);
  assert.deepEqual(
    new Set(edited.changes.map((c) => c.kind)),
    new Set(['insert sentence', 'delete sentence', 'replace word', 'swap letters', 'punctuation']),
  );
  assert.equal(edited.changes.length, edited.edits);
});

test('a passage no edit touched goes to where its own characters went, and reads the same there', () => {
  let untouched = 0;
  for (const span of spans) {
    if (kindsInside(span).size > 0) continue;
    untouched++;
    const went = mapSpan(edited.changes, span);
    assert.ok(went);
    assert.equal(went.start, where.get(span.start));
    assert.equal(went.end, where.get(span.end - 1)! + 1);
    assert.equal(edited.text.slice(went.start, went.end), article.text.slice(span.start, span.end));
  }
  assert.ok(untouched > spans.length * 0.5, `${untouched} untouched`);
});

test('for each kind of edit, a passage it touched maps to exactly what is left of it and what was put inside', () => {
  const seen = new Map<string, number>();
  for (const span of spans) {
    const kinds = kindsInside(span);
    if (kinds.size === 0) continue;
    for (const kind of kinds) seen.set(kind, (seen.get(kind) ?? 0) + 1);
    const went = mapSpan(edited.changes, span);
    const survivors: number[] = [];
    for (let from = span.start; from < span.end; from++) {
      const at = where.get(from);
      if (at !== undefined) survivors.push(at);
    }
    if (went === null) {
      assert.deepEqual(survivors, [], 'a passage said to be gone has no character left');
      continue;
    }
    // Every unit inside is the passage's own or put there by an edit; the first and last are its own or new.
    for (let i = went.start; i < went.end; i++) {
      const from = origin[i]!;
      assert.ok(from === -1 || (from >= span.start && from < span.end), `unit ${i} is not the passage's`);
    }
    // Nothing of the passage is left outside, and the units just outside are not the passage's.
    assert.ok(survivors.every((i) => i >= went.start && i < went.end));
    for (const i of [went.start - 1, went.end]) {
      const from = origin[i];
      if (from !== undefined) assert.ok(from < span.start || from >= span.end);
    }
    assert.notEqual(edited.text.slice(went.start, went.end), '');
  }
  for (const kind of ['insert sentence', 'delete sentence', 'replace word', 'swap letters']) {
    assert.ok((seen.get(kind) ?? 0) > 0, `no passage touched by "${kind}"`);
  }
});

test('each kind of edit on a small text: before, inside, across an end, and over the whole passage', () => {
  const text = 'One two three. Four five six. Seven eight.';
  const passage = { start: 15, end: 28 }; // "Four five six"
  // An insertion before moves it; at its start goes before it; at its end stays after it.
  assert.deepEqual(mapSpan([{ kind: 'insert sentence', at: 0, removed: 0, inserted: 4 }], passage), {
    start: 19,
    end: 32,
  });
  assert.deepEqual(mapSpan([{ kind: 'insert sentence', at: 15, removed: 0, inserted: 4 }], passage), {
    start: 19,
    end: 32,
  });
  assert.deepEqual(mapSpan([{ kind: 'punctuation', at: 28, removed: 0, inserted: 1 }], passage), passage);
  // A word replaced inside it stays inside it, longer or shorter.
  assert.deepEqual(mapSpan([{ kind: 'replace word', at: 20, removed: 4, inserted: 7 }], passage), {
    start: 15,
    end: 31,
  });
  // A sentence removed across its start leaves what follows; one holding all of it leaves nothing.
  assert.deepEqual(mapSpan([{ kind: 'delete sentence', at: 10, removed: 10, inserted: 0 }], passage), {
    start: 10,
    end: 18,
  });
  assert.equal(mapSpan([{ kind: 'delete sentence', at: 15, removed: 15, inserted: 0 }], passage), null);
  assert.equal(text.slice(passage.start, passage.end), 'Four five six');
});

test('the score: placed where it went is correct, elsewhere wrong; a destroyed passage sent to review is correct', () => {
  const truth = passageTruth(
    'aa bb cc dd',
    'aa bb XX dd',
    [{ kind: 'replace word', at: 6, removed: 2, inserted: 2 }],
    [
      { start: 0, end: 2 }, // intact
      { start: 3, end: 8 }, // "bb cc" → "bb XX": destroyed
      { start: 9, end: 11 }, // intact
      { start: 6, end: 8 }, // "cc" → "XX": destroyed
    ],
  );
  assert.deepEqual(
    truth.map((t) => t.intact),
    [true, false, true, false],
  );
  const score = scoreAnswers(truth, [
    { start: 0, end: 2 }, // correct
    null, // destroyed, to review: correct
    null, // intact, to review: a needless review, neither
    { start: 0, end: 2 }, // placed where it did not go: wrong
  ]);
  assert.equal(score.correct, 2 / 4);
  assert.equal(score.wrong, 1 / 4);
  assert.deepEqual(score.counts, { correct: 2, wrong: 1, needlessReview: 1, destroyed: 2, total: 4 });
  // A destroyed passage placed exactly where what is left of it went is correct too.
  assert.equal(scoreAnswers(truth.slice(3), [{ start: 6, end: 8 }]).correct, 1);
  assert.throws(() => scoreAnswers(truth, []), /0 answers for 4 passages/);
});
