// Anchoring: selectors describe a passage exactly, a passage is found again after edits elsewhere in the text,
// a close match must earn its place (a bare quote none at all), a quote that fits two places is refused, and
// offsets convert between UTF-16 units and code points without loss. The corpus of quotes that must and must not
// anchor is test/fixtures/anchoring/quotes.json; the properties are in test/unit/properties/.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  describeRange,
  describeChange,
  findQuote,
  isAnchored,
  locate,
  toCodePointOffset,
  toUtf16Offset,
} from '../../../main/core/anchoring';
import { importPlainText } from '../../../main/core/import-text';
import { importAny } from '../../../main/import';
import { CONTEXT_LENGTH, ParleyError, emptyNotebook } from '../../../shared/model';
import { openDocument } from '../../../main/core/notebook';
import { annotationOn, makeDocument } from './fixtures';
import { runs } from '../properties/seed';

const SAMPLE = importPlainText(
  readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8'),
).text;

function rangeOf(text: string, quote: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(quote, from);
  assert.notEqual(start, -1, `"${quote}" is in the text`);
  return { start, end: start + quote.length };
}

describe('describeRange', () => {
  test('gives the exact quote and CONTEXT_LENGTH units of context on each side', () => {
    const { start, end } = rangeOf(SAMPLE, 'his extradition to UK is absolutely out of the question');
    const target = describeRange(SAMPLE, start, end);
    assert.equal(target.start, start);
    assert.equal(target.end, end);
    assert.equal(target.exact, 'his extradition to UK is absolutely out of the question');
    assert.equal(target.prefix.length, CONTEXT_LENGTH);
    assert.equal(target.suffix.length, CONTEXT_LENGTH);
    assert.equal(SAMPLE.slice(start - CONTEXT_LENGTH, start), target.prefix);
    assert.equal(SAMPLE.slice(end, end + CONTEXT_LENGTH), target.suffix);
    assert.ok(target.prefix.endsWith('Lavrov stated that '));
  });

  test('context is cut short at the edges of the text', () => {
    const text = 'Short text here.';
    assert.deepEqual(describeRange(text, 0, 5), {
      start: 0,
      end: 5,
      exact: 'Short',
      prefix: '',
      suffix: ' text here.',
    });
    assert.deepEqual(describeRange(text, 6, 16), {
      start: 6,
      end: 16,
      exact: 'text here.',
      prefix: 'Short ',
      suffix: '',
    });
  });

  test('context never starts or ends inside a surrogate pair', () => {
    const emoji = '😀'; // two UTF-16 units
    const text = `${emoji}${'a'.repeat(CONTEXT_LENGTH - 1)}QUOTE${'b'.repeat(CONTEXT_LENGTH - 1)}${emoji}tail`;
    const start = text.indexOf('QUOTE');
    const target = describeRange(text, start, start + 5);
    // The 32-unit window would begin on the pair's second half: the prefix is one unit shorter instead.
    assert.equal(target.prefix, 'a'.repeat(CONTEXT_LENGTH - 1));
    assert.equal(target.suffix, 'b'.repeat(CONTEXT_LENGTH - 1));
    // A window that begins exactly on a pair keeps the whole pair.
    const exactFit = `x${emoji}${'a'.repeat(CONTEXT_LENGTH - 2)}QUOTE`;
    assert.equal(
      describeRange(exactFit, exactFit.length - 5, exactFit.length).prefix,
      `${emoji}${'a'.repeat(30)}`,
    );
  });

  test('refuses empty, reversed and out-of-range ranges', () => {
    for (const [start, end] of [
      [3, 3],
      [5, 2],
      [-1, 2],
      [0, 17],
      [0.5, 2],
    ] as const) {
      assert.throws(() => describeRange('Short text here.', start, end), ParleyError);
    }
  });
});

describe('isAnchored', () => {
  test('is true while the quote is at its position and false once it is not', () => {
    const { start, end } = rangeOf(SAMPLE, 'Our position has not changed');
    const target = describeRange(SAMPLE, start, end);
    assert.equal(isAnchored(SAMPLE, target), true);
    assert.equal(isAnchored(`X${SAMPLE}`, target), false);
    assert.equal(isAnchored(SAMPLE.slice(0, end - 1), target), false);
    assert.equal(isAnchored(SAMPLE, { ...target, end: target.end + 1 }), false);
  });
});

describe('locate', () => {
  test('takes the stored position when the quote is still there', () => {
    const { start, end } = rangeOf(SAMPLE, 'Lavrov');
    assert.deepEqual(locate(SAMPLE, { exact: 'Lavrov', start }), { start, end });
  });

  test('finds a moved quote by its context rather than by the nearest occurrence', () => {
    const text =
      'The minister said yes. Later, in Moscow, the minister said no. At home the minister said maybe.';
    const second = rangeOf(text, 'the minister said', text.indexOf('Moscow'));
    const target = describeRange(text, second.start, second.end);
    const edited = `Breaking: ${text}`;
    // The hint now points near the first occurrence; the context still names the second.
    const found = locate(edited, { ...target, start: 0 });
    assert.deepEqual(found, { start: second.start + 10, end: second.end + 10 });
  });

  test('among occurrences with the same context, takes the one nearest the hint', () => {
    const text = 'abc xyz abc xyz abc xyz abc';
    const hint = 17;
    assert.deepEqual(locate(text, { exact: 'abc', prefix: 'xyz ', start: hint }), { start: 16, end: 19 });
    assert.deepEqual(locate(text, { exact: 'abc', prefix: 'xyz ', start: 25 }), { start: 24, end: 27 });
  });

  test('without context or hint, a quote found in two places is refused, with both places named', () => {
    assert.equal(locate('one two one two', { exact: 'two' }), null);
    assert.deepEqual(findQuote('one two one two', { exact: 'two' }), {
      found: false,
      reason: 'ambiguous',
      places: [
        { start: 4, end: 7 },
        { start: 12, end: 15 },
      ],
    });
    // Also when the second place reads the same only once typography is set aside.
    const result = findQuote('He said “no”. Later he said "no".', { exact: 'said "no"' });
    assert.equal(result.found, false);
    assert.equal(result.found === false && result.reason, 'ambiguous');
  });

  test('finds a quote whose whitespace, case, quotes or dashes changed', () => {
    const quote = '“Our position has not changed,” Sergey Lavrov said';
    const { start } = rangeOf(SAMPLE, quote);
    const target = describeRange(SAMPLE, start, start + quote.length);
    const edited = SAMPLE.replace(quote, '"Our  position\nhas not CHANGED," Sergey Lavrov said');
    const found = locate(edited, target);
    assert.ok(found);
    assert.equal(
      edited.slice(found.start, found.end),
      '"Our  position\nhas not CHANGED," Sergey Lavrov said',
    );
  });

  test('accepts a close match whose context agrees', () => {
    const quote = 'his extradition to UK is absolutely out of the question';
    const { start, end } = rangeOf(SAMPLE, quote);
    const target = describeRange(SAMPLE, start, end);
    const edited = SAMPLE.replace(quote, 'his extradition to UK is absolutely out of question');
    const found = locate(edited, target);
    assert.ok(found);
    assert.equal(edited.slice(found.start, found.end), 'his extradition to UK is absolutely out of question');
    // A name changed as well is more than a close match may change.
    const renamed = SAMPLE.replace(quote, 'his extradition to Britain is absolutely out of question');
    assert.equal(locate(renamed, target), null);
  });

  test('prefers a close match in the right place to an exact look-alike elsewhere', () => {
    const text =
      'In March the minister said the talks failed. ' +
      'Nobody was surprised by this at all. ' +
      'In November, after long meetings in Moscow, the minister said the talks succeeded and all were pleased.';
    const quote = 'the minister said the talks succeeded';
    const { start, end } = rangeOf(text, quote);
    const target = describeRange(text, start, end);
    const edited = text.replace(quote, 'the minister says the talks succeeded');
    // "the minister said the talks failed" shares most of the quote, but not the context; the edited passage wins.
    const found = locate(edited, target);
    assert.ok(found);
    assert.equal(edited.slice(found.start, found.end), 'the minister says the talks succeeded');
  });

  test('refuses a look-alike whose context does not agree', () => {
    const text =
      'Alpha beta gamma. The treaty was signed in Lisbon by all members. Delta epsilon zeta eta theta.';
    const { start, end } = rangeOf(text, 'The treaty was signed in Lisbon by all members.');
    const target = describeRange(text, start, end);
    const rewritten =
      'Something else entirely opens this text now. The treaty was signed in Paris by few members. ' +
      'Then quite different words follow here.';
    assert.equal(locate(rewritten, target), null);
  });

  test('refuses a match too far from the quote', () => {
    const text = 'Lavrov stated that his extradition to UK is absolutely out of the question, he said.';
    const { start, end } = rangeOf(text, 'his extradition to UK is absolutely out of the question');
    const target = describeRange(text, start, end);
    const edited = text.replace(
      'his extradition to UK is absolutely out of the question',
      'a trade deal is likely',
    );
    assert.equal(locate(edited, target), null);
  });

  test('returns null for a missing or empty quote', () => {
    assert.equal(locate(SAMPLE, { exact: 'Paris agreement on climate' }), null);
    assert.equal(locate(SAMPLE, { exact: '' }), null);
    assert.equal(locate('', { exact: 'x' }), null);
  });

  test('ignores a hint outside the text', () => {
    assert.deepEqual(locate('abc xyz', { exact: 'abc', start: 99 }), { start: 0, end: 3 });
    assert.deepEqual(locate('xyz abc', { exact: 'abc', start: -4 }), { start: 4, end: 7 });
    // Without it, nothing tells two places apart.
    assert.equal(locate('abc abc', { exact: 'abc', start: 99 }), null);
  });

  test('a close match in a long text is found in reasonable time', () => {
    // 200,000 characters of varied words (a fixed pseudo-random sequence), one sentence of which is edited.
    const vocabulary =
      'talks minister treaty Moscow London said would nuclear Iran extradition joint statement'.split(' ');
    let seed = 7;
    const nextWord = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return vocabulary[(seed >>> 0) % vocabulary.length]!;
    };
    const words = Array.from({ length: 28_000 }, nextWord);
    const text = words.join(' ');
    const quoteStart = words.slice(0, 20_000).join(' ').length + 1;
    const quote = text.slice(quoteStart, quoteStart + 60);
    const target = describeRange(text, quoteStart, quoteStart + 60);
    // Three letters of a common word changed ("statement" as "stxyzent"): a name's would be refused.
    const changed = `${quote.slice(0, 31)}xyz${quote.slice(34)}`;
    const edited = text.slice(0, quoteStart) + changed + text.slice(quoteStart + 60);
    const started = Date.now();
    const found = locate(edited, target);
    assert.deepEqual(found, { start: quoteStart, end: quoteStart + 60 });
    assert.ok(Date.now() - started < 5000);
  });

  test('in a long text, each quote is found again after many edits, moved or edited itself', () => {
    // About 600,000 characters of numbered sentences; sentences are inserted every 40 sentences (so later
    // passages move by thousands of characters), and three highlighted passages are themselves edited.
    const sentences = Array.from(
      { length: 12_000 },
      (_, i) => `Sentence ${i} reports what minister ${i % 97} said about treaty ${i % 89}.`,
    );
    const text = sentences.join(' ');
    const startOf = (i: number) => sentences.slice(0, i).join(' ').length + (i > 0 ? 1 : 0);
    const picked = [5, 2_013, 6_021, 9_517, 11_990];
    const targets = picked.map((i) => describeRange(text, startOf(i), startOf(i) + sentences[i]!.length));
    const edited = sentences.map((sentence, i) => {
      let s = sentence;
      if (i === 2_013) s = s.replace('reports', 'reported');
      if (i === 6_021) s = s.replace('minister', 'Minister,');
      if (i === 9_517) s = s.replace('said about', 'told about');
      return i % 40 === 0 ? `An inserted sentence number ${i} that moves the rest. ${s}` : s;
    });
    const editedText = edited.join(' ');
    for (const [n, i] of picked.entries()) {
      const expected =
        sentences[i] === edited[i] ? sentences[i]! : edited[i]!.replace(/^An inserted.*? rest\. /, '');
      const at = editedText.indexOf(expected);
      assert.notEqual(at, -1);
      assert.deepEqual(
        locate(editedText, targets[n]!),
        { start: at, end: at + expected.length },
        `sentence ${i}`,
      );
    }
  });

  test('an edited quote moved far from its old place is still found beside its context', () => {
    const filler = (n: number) =>
      Array.from({ length: n }, (_, i) => `Filler line ${i} about nothing in particular.`).join(' ');
    const passage = 'Lavrov stated that his extradition to the UK is absolutely out of the question.';
    const text = `${filler(100)} Before the quote: ${passage} After the quote. ${filler(3000)}`;
    const start = text.indexOf(passage);
    const target = describeRange(text, start, start + passage.length);
    const changed = passage.replace('absolutely', 'completely');
    const moved = `${filler(3000)} Before the quote: ${changed} After the quote. ${filler(100)}`;
    const at = moved.indexOf(changed);
    assert.deepEqual(locate(moved, target), { start: at, end: at + changed.length });
  });
});

describe('precision: a quote anchors only where the text says it', () => {
  test('the look-alike: a 26-character quote 6 characters away from the text is refused, and the closest shown', () => {
    const quote = 'in the international arena';
    assert.equal(quote.length, 26);
    assert.equal(locate(SAMPLE, { exact: quote }), null);
    const result = findQuote(SAMPLE, { exact: quote }, { explain: true });
    assert.equal(result.found, false);
    assert.ok(!result.found && result.reason === 'absent');
    assert.ok(result.closest, 'the closest passage is given');
    assert.equal(SAMPLE.slice(result.closest.start, result.closest.end), 'on the international stage');
    assert.ok(Math.abs(result.closest.similarity - 20 / 26) < 1e-9, String(result.closest.similarity));
  });

  test('with no position and no context, only differences of form are set aside', () => {
    const original = '“Our position has not changed,” Sergey Lavrov said at a news conference.';
    const { start, end } = rangeOf(SAMPLE, original);
    const same = [
      '"Our position has not changed," Sergey Lavrov said at a news conference.',
      '“Our  position has not changed,”   Sergey Lavrov said at a news conference.',
      '“Our position has not\nchanged,” Sergey Lavrov said at a news conference.',
      '  “Our position has not changed,” Sergey Lavrov said at a news conference. ',
      '“our position has not changed,” Sergey Lavrov said at a news conference.',
      '“Our posi\u00adtion has not changed,” Sergey Lavrov said at a news con\u00adference.',
      '«Our position has not changed,» Sergey Lavrov said at a news conference.',
    ];
    for (const quote of same) assert.deepEqual(locate(SAMPLE, { exact: quote }), { start, end }, quote);
    // Apostrophes, dashes and decomposed accents.
    const text = 'The café wasn’t open — it was the ministers’ day off.';
    assert.deepEqual(
      locate(text, { exact: "cafe\u0301 wasn't open - it" }),
      rangeOf(text, 'café wasn’t open — it'),
    );
    assert.deepEqual(
      locate(text, { exact: 'The café wasn’t open -- it' }),
      rangeOf(text, 'The café wasn’t open — it'),
      'two hyphens are the typewriter’s dash',
    );
    for (const quote of [
      '“OUR POSITION HAS NOT CHANGED,” Sergey Lavrov said',
      '“Our position has not changed,” sergey lavrov said',
      '“Our position has not changed” Sergey Lavrov said',
      '“Our position has changed,” Sergey Lavrov said',
    ]) {
      assert.equal(locate(SAMPLE, { exact: quote }), null, quote);
    }
  });

  test('a refused quote that differs only in letter case says so', () => {
    const result = findQuote(SAMPLE, { exact: 'OUR POSITION HAS NOT CHANGED' }, { explain: true });
    assert.ok(!result.found && result.reason === 'absent');
    assert.equal(result.caseOnly, true);
    assert.equal(SAMPLE.slice(result.closest!.start, result.closest!.end), 'Our position has not changed');
  });

  test('with context, a short quote needs a closer match than a long one', () => {
    const text =
      'At the press conference in Moscow, Lavrov said no to the request, and the talks went on until late.';
    const short = rangeOf(text, 'Lavrov said');
    const target = describeRange(text, short.start, short.end);
    // One letter of eleven changed, its context intact: too little of the quote left to be sure.
    assert.equal(locate(text.replace('Lavrov said', 'Lavrov sayd'), target), null);
    const long = rangeOf(text, 'Lavrov said no to the request, and the talks went on');
    const longTarget = describeRange(text, long.start, long.end);
    const edited = text.replace('Lavrov said no', 'Lavrov sayd no');
    assert.deepEqual(locate(edited, longTarget), long, 'one letter of 52, its context intact');
  });

  test('a position without context needs a closer match than a position with context', () => {
    const text =
      'Alpha beta gamma. Russian Foreign Minister Sergey Lavrov has called his talks fruitful. Delta epsilon.';
    const { start, end } = rangeOf(
      text,
      'Russian Foreign Minister Sergey Lavrov has called his talks fruitful.',
    );
    const target = describeRange(text, start, end);
    const edited = text.replace('Sergey Lavrov has called', 'Sergey Lavrov has termed');
    const withContext = locate(edited, target);
    assert.ok(withContext, 'found with its context');
    assert.equal(edited.slice(withContext.start, withContext.end).slice(0, 7), 'Russian');
    assert.equal(locate(edited, { exact: target.exact, start }), null, 'refused with its position alone');
    const result = findQuote(edited, { exact: target.exact, start }, { explain: true });
    assert.ok(!result.found && result.reason === 'weak');
    assert.ok(result.closest, 'the near miss is named');
    assert.equal(
      edited.slice(result.closest.start, result.closest.end),
      target.exact.replace('Sergey Lavrov has called', 'Sergey Lavrov has termed'),
    );
    assert.ok(
      result.closest.similarity > 0.85 && result.closest.similarity < 0.925,
      String(result.closest.similarity),
    );
  });

  test('with context, a short quote whose passage changed is not moved to the same words elsewhere', () => {
    const { start, end } = rangeOf(SAMPLE, 'Lavrov said he');
    const target = describeRange(SAMPLE, start, start + 'Lavrov said'.length);
    assert.equal(end - start, 14);
    const edited = SAMPLE.replace('Lavrov said he expects', 'Lavrov sayd he expects');
    // "Sergey Lavrov said at a news conference" reads the same, but nothing around it does.
    assert.ok(edited.includes('Sergey Lavrov said at'));
    assert.equal(locate(edited, target), null);
    const result = findQuote(edited, target, { explain: true });
    assert.ok(!result.found && result.reason === 'weak' && result.closest?.similarity === 1);
    assert.equal(edited.slice(result.closest.start, result.closest.end), 'Lavrov said');
    // A quote long enough to vouch for itself is still found when all its context is new.
    const sentence = 'Our prosecutors have their own criteria and rules.';
    const long = rangeOf(SAMPLE, sentence);
    const longTarget = describeRange(SAMPLE, long.start, long.end);
    const rewritten = `Something else entirely. ${sentence} And then other words.`;
    assert.deepEqual(locate(rewritten, longTarget), rangeOf(rewritten, sentence));
  });

  test('with context but no position, a quote that matches equally well in two places is refused', () => {
    const para = 'The minister said the talks were useful. Nothing more was said.';
    const text = `${para}\n\n${para}`;
    const target = describeRange(text, 4, 17);
    const { start: _start, ...noPosition } = target;
    assert.equal(locate(text, noPosition), null);
    const result = findQuote(text, noPosition);
    assert.ok(!result.found && result.reason === 'ambiguous');
    assert.equal(result.places.length, 2);
    // The position tells them apart.
    const second = para.length + 2 + 4;
    assert.deepEqual(locate(text, { ...noPosition, start: second + 1 }), { start: second, end: second + 13 });
  });

  test('Needs review follows the same rules: a short quote changed under its highlight goes to review', () => {
    const doc = makeDocument('d', [
      'At the press conference in Moscow, Lavrov said no to the request, and the talks went on until late.',
    ]);
    const { start, end } = rangeOf(doc.text, 'Lavrov said');
    const annotation = annotationOn('d', describeRange(doc.text, start, end));
    const nb = emptyNotebook();
    nb.documents.push({ ...doc, text: doc.text.replace('Lavrov said', 'Lavrov sayd') });
    nb.annotations.push(annotation);
    assert.deepEqual(openDocument(nb, 'd').needsReview, ['a1']);
    // A move with the text around it still re-anchors.
    nb.documents[0] = { ...doc, text: `A new first line.\n\n${doc.text}` };
    const opened = openDocument(nb, 'd');
    assert.deepEqual(opened.needsReview, []);
    assert.equal(opened.annotations[0]!.target.start, start + 19);
  });

  test('the corpus: no negative anchors, every positive anchors on its own span', () => {
    const corpus = JSON.parse(
      readFileSync(new URL('../../fixtures/anchoring/quotes.json', import.meta.url), 'utf8'),
    ) as {
      originals: Array<{ document: 'sample' | 'page'; quote: string }>;
      negatives: Array<{ document: 'sample' | 'page'; quote: string; why: string }>;
      context: Record<'negatives' | 'positives', ContextCase[]>;
    };
    const page = importAny(
      'news-article.html',
      readFileSync(new URL('../../fixtures/pages/news-article.html', import.meta.url), 'utf8'),
    ).text;
    const texts = { sample: SAMPLE, page };

    const anchoredNegatives: string[] = [];
    for (const { document, quote, why } of corpus.negatives) {
      const found = locate(texts[document], { exact: quote });
      if (found)
        anchoredNegatives.push(`${quote} (${why}) → ${texts[document].slice(found.start, found.end)}`);
    }

    /** The ways a quote copied from elsewhere differs from the text only in form. */
    const variants: Array<[string, (quote: string) => string]> = [
      ['straight quotes', (q) => q.replace(/[“”]/g, '"').replace(/[‘’]/g, "'")],
      ['curly quotes', (q) => q.replace(/"/g, '“').replace(/'/g, '’')],
      ['doubled spaces', (q) => q.replace(/ /g, '  ')],
      ['a line break in the middle', (q) => middleSpace(q, '\n')],
      ['a soft hyphen in a word', (q) => q.replace(/([a-z]{3})([a-z]{3})/, '$1\u00ad$2')],
      ['decomposed accents', (q) => q.normalize('NFD')],
      ['a hyphen for a dash', (q) => q.replace(/[–—]/g, '-')],
      ['a double hyphen for a dash', (q) => q.replace(/[–—]/g, '--')],
      ['the first letter in the other case', (q) => flipFirstLetter(q)],
    ];
    const missedPositives: string[] = [];
    let positives = 0;
    for (const { document, quote } of corpus.originals) {
      const text = texts[document];
      const at = text.indexOf(quote);
      assert.notEqual(at, -1, `original in the ${document}: ${quote}`);
      for (const [name, vary] of variants) {
        positives++;
        const found = locate(text, { exact: vary(quote) });
        if (!found || found.start !== at || found.end !== at + quote.length) {
          missedPositives.push(`${name}: ${quote}`);
        }
      }
    }
    const negatives = corpus.negatives.length;
    console.log(
      `anchoring corpus: negatives anchored ${anchoredNegatives.length}/${negatives}, ` +
        `positives anchored ${positives - missedPositives.length}/${positives}`,
    );

    // With context: each case's prefix and suffix are the original's own unless it gives them; negatives are also
    // tried with the original's position.
    const placeOf = ({ document, original, at }: ContextCase) => {
      const text = texts[document];
      const within = at === undefined ? 0 : text.indexOf(at);
      assert.notEqual(within, -1, `${at} is in the ${document}`);
      const start = text.indexOf(original, within);
      assert.notEqual(start, -1, `original in the ${document}: ${original}`);
      return { start, end: start + original.length };
    };
    const queryOf = (c: ContextCase) => {
      const { start, end } = placeOf(c);
      const stored = describeRange(texts[c.document], start, end);
      return { exact: c.quote, prefix: c.prefix ?? stored.prefix, suffix: c.suffix ?? stored.suffix };
    };
    const anchoredInContext: string[] = [];
    for (const c of corpus.context.negatives) {
      const query = queryOf(c);
      for (const q of [query, { ...query, start: placeOf(c).start }]) {
        const found = locate(texts[c.document], q);
        if (found)
          anchoredInContext.push(
            `${c.quote} (${c.why}) → ${texts[c.document].slice(found.start, found.end)}`,
          );
      }
    }
    const missedInContext: string[] = [];
    for (const c of corpus.context.positives) {
      const found = locate(texts[c.document], queryOf(c));
      if (!found || found.start !== placeOf(c).start || found.end !== placeOf(c).end) {
        missedInContext.push(`${c.quote} (${c.why})`);
      }
    }
    const contextNegatives = corpus.context.negatives.length;
    const contextPositives = corpus.context.positives.length;
    console.log(
      `anchoring corpus with context: negatives anchored ${anchoredInContext.length}/${contextNegatives * 2}, ` +
        `positives anchored ${contextPositives - missedInContext.length}/${contextPositives}`,
    );
    assert.deepEqual(anchoredNegatives, []);
    assert.deepEqual(missedPositives, []);
    assert.deepEqual(anchoredInContext, []);
    assert.deepEqual(missedInContext, []);
    assert.ok(negatives >= 30 && positives >= 150 && contextNegatives >= 8 && contextPositives >= 7);
  });
});

/** A quote of the corpus given with context: the original's own, or the prefix and suffix written here. */
interface ContextCase {
  document: 'sample' | 'page';
  original: string;
  /** Text that the meant occurrence of the original is the first after. */
  at?: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  why: string;
}

/** The quote with the space nearest its middle replaced. */
function middleSpace(quote: string, by: string): string {
  const middle = quote.length >> 1;
  let at = quote.indexOf(' ', middle);
  if (at === -1) at = quote.lastIndexOf(' ', middle);
  return at === -1 ? quote : quote.slice(0, at) + by + quote.slice(at + 1);
}

function flipFirstLetter(quote: string): string {
  const at = quote.search(/\p{L}/u);
  if (at === -1) return quote;
  const letter = quote[at]!;
  const flipped = letter === letter.toUpperCase() ? letter.toLowerCase() : letter.toUpperCase();
  return quote.slice(0, at) + flipped + quote.slice(at + 1);
}

describe('code point offsets', () => {
  test('count astral characters once', () => {
    const text = 'a😀b𝄞c';
    assert.equal(text.length, 7);
    assert.equal(toCodePointOffset(text, 0), 0);
    assert.equal(toCodePointOffset(text, 1), 1);
    assert.equal(toCodePointOffset(text, 3), 2);
    assert.equal(toCodePointOffset(text, 4), 3);
    assert.equal(toCodePointOffset(text, 6), 4);
    assert.equal(toCodePointOffset(text, 7), 5);
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((cp) => toUtf16Offset(text, cp)),
      [0, 1, 3, 4, 6, 7],
    );
  });

  test('an offset inside a pair counts the pair as not reached', () => {
    assert.equal(toCodePointOffset('a😀b', 2), 1);
  });

  test('refuses offsets outside the text', () => {
    assert.throws(() => toCodePointOffset('abc', 4), RangeError);
    assert.throws(() => toCodePointOffset('abc', -1), RangeError);
    assert.throws(() => toUtf16Offset('a😀', 3), RangeError);
    assert.throws(() => toUtf16Offset('abc', 1.5), RangeError);
  });

  test('round trip on any text, astral characters and lone surrogates included', (t) => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.string({ unit: 'binary-ascii', maxLength: 20 }),
        ),
        fc.string({ unit: fc.constantFrom('\ud83d', '\ude00', '😀', 'x'), maxLength: 10 }),
        (a, b) => {
          const text = a + b;
          const points = [...text];
          assert.equal(toCodePointOffset(text, text.length), points.length);
          for (let cp = 0; cp <= points.length; cp++) {
            const unit = toUtf16Offset(text, cp);
            assert.equal(unit, points.slice(0, cp).join('').length);
            assert.equal(toCodePointOffset(text, unit), cp);
          }
        },
      ),
      runs(t, 100),
    );
  });
});

describe('precision with context: a changed name, number or negation is refused, with the words that differ', () => {
  /** The quote as stored for `original` in the sample, with its context and position, but reading `changed`. */
  function storedChanged(
    original: string,
    changed: string,
  ): { exact: string; prefix: string; suffix: string; start: number } {
    const { start, end } = rangeOf(SAMPLE, original);
    const target = describeRange(SAMPLE, start, end);
    return { exact: changed, prefix: target.prefix, suffix: target.suffix, start };
  }
  const FIRST =
    'Russian Foreign Minister Sergey Lavrov has called his talks with the head of British Foreign Office successful and fruitful.';
  const EXTRADITION = 'his extradition to UK is absolutely out of the question.';
  const MURDER =
    'The horrific murder of Mr. Litvinenko in 2006 has been followed up by our independent prosecuting authorities';

  test('a name changed ("Ivanov" for "Lavrov"), with the right suffix, does not anchor; the message names the words', () => {
    const query = storedChanged(FIRST, FIRST.replace('Lavrov', 'Ivanov'));
    const { start: _start, ...context } = query;
    for (const q of [query, context, { exact: query.exact, suffix: query.suffix }]) {
      assert.equal(locate(SAMPLE, q), null, JSON.stringify(q).slice(0, 80));
    }
    const result = findQuote(SAMPLE, context, { explain: true });
    assert.ok(!result.found && result.reason === 'weak' && result.change, JSON.stringify(result));
    assert.equal(describeChange(result.change), 'reads ‘Lavrov’ where the quote has ‘Ivanov’');
    assert.equal(result.change.kind, 'name');
  });

  test('a changed word that turns the meaning ("absolutely possible"), with the right context, does not anchor', () => {
    const query = storedChanged(EXTRADITION, 'his extradition to UK is absolutely possible.');
    assert.equal(locate(SAMPLE, query), null);
    const result = findQuote(SAMPLE, query, { explain: true });
    assert.ok(!result.found && result.reason === 'weak' && result.change, JSON.stringify(result));
    assert.match(describeChange(result.change), /^reads ‘out of the.*’ where the quote has ‘possible’$/);
  });

  test('a number changed ("2007" for "2006") in a long quote with the right context does not anchor', () => {
    const query = storedChanged(MURDER, MURDER.replace('2006', '2007'));
    assert.equal(locate(SAMPLE, query), null);
    const { start: _start, ...context } = query;
    const result = findQuote(SAMPLE, context, { explain: true });
    assert.ok(!result.found && result.reason === 'weak' && result.change, JSON.stringify(result));
    assert.equal(describeChange(result.change), 'reads ‘2006’ where the quote has ‘2007’');
    assert.equal(result.change.kind, 'number');
  });

  test('a short quote with a number changed ("in 2007") is refused naming the words, though it fails on score first', () => {
    const query = storedChanged('in 2006', 'in 2007');
    assert.equal(locate(SAMPLE, query), null);
    const result = findQuote(SAMPLE, query, { explain: true });
    assert.ok(!result.found && result.reason === 'weak' && result.change, JSON.stringify(result));
    assert.equal(describeChange(result.change), 'reads ‘2006’ where the quote has ‘2007’');
  });

  test('a negation dropped or added does not anchor', () => {
    const quote = '“Our position has not changed,” Sergey Lavrov said at a news conference.';
    const query = storedChanged(quote, quote.replace('has not changed', 'has changed'));
    const result = findQuote(SAMPLE, query, { explain: true });
    assert.ok(
      !result.found && result.reason === 'weak' && result.change?.kind === 'negation',
      JSON.stringify(result),
    );
    assert.equal(describeChange(result.change!), 'reads ‘has not changed’ where the quote has ‘has changed’');
  });

  test('Needs review follows it: a highlight whose name or number was edited goes to review', () => {
    const doc = makeDocument('d', [SAMPLE]);
    const { start, end } = rangeOf(doc.text, MURDER);
    const annotation = annotationOn('d', describeRange(doc.text, start, end));
    const nb = emptyNotebook();
    nb.documents.push({ ...doc, text: doc.text.replace('Litvinenko in 2006', 'Litvinenko in 2008') });
    nb.annotations.push(annotation);
    assert.deepEqual(openDocument(nb, 'd').needsReview, ['a1']);
    // A letter swapped inside a common word still re-anchors.
    nb.documents[0] = { ...doc, text: doc.text.replace('horrific murder', 'horrific mruder') };
    assert.deepEqual(openDocument(nb, 'd').needsReview, []);
  });

  test('small edits of form still anchor with context: a comma, a swapped letter, an inserted common word', () => {
    for (const changed of [
      MURDER.replace('Litvinenko in', 'Litvinenko, in'),
      MURDER.replace('followed up', 'folowed up'),
      MURDER.replace('our independent', 'our own independent'),
    ]) {
      const query = storedChanged(MURDER, changed);
      assert.deepEqual(locate(SAMPLE, query), rangeOf(SAMPLE, MURDER), changed);
    }
  });

  test('more than one word in ten changed does not anchor, even when none is a name, number or negation', () => {
    const changed = MURDER.replace('horrific murder', 'terrible killing').replace('followed up', 'taken up');
    const query = storedChanged(MURDER, changed);
    const result = findQuote(SAMPLE, query, { explain: true });
    assert.ok(
      !result.found && result.reason === 'weak' && result.change?.kind === 'words',
      JSON.stringify(result),
    );
  });
});

describe('exact quote, exact context', () => {
  test('an exact quote whose short prefix and suffix read exactly so, once, anchors', () => {
    const at = SAMPLE.indexOf('revealed Lavrov.') + 'revealed '.length;
    assert.deepEqual(locate(SAMPLE, { exact: 'Lavrov', prefix: 'revealed ', suffix: '.' }), {
      start: at,
      end: at + 6,
    });
    const first = SAMPLE.indexOf('Lavrov has called');
    assert.deepEqual(locate(SAMPLE, { exact: 'Lavrov', prefix: 'Sergei ', suffix: ' has called' }), {
      start: first,
      end: first + 6,
    });
  });

  test('exact context that fits several places is ambiguous, naming them', () => {
    const result = findQuote(SAMPLE, { exact: 'Lavrov', prefix: 'Sergey ' });
    assert.ok(!result.found && result.reason === 'ambiguous', JSON.stringify(result));
    assert.ok(result.places.length >= 2);
    for (const place of result.places)
      assert.equal(SAMPLE.slice(place.start - 7, place.end), 'Sergey Lavrov');
  });
});

describe('dashes typed as hyphens', () => {
  test('"--" and "---" read as a dash, a spaced hyphen as a spaced dash', () => {
    const text = 'Written for the tests: the talks — long and slow — ended; it is 1–2 now, and again – late.';
    for (const [quote, expected] of [
      ['the talks -- long and slow -- ended', 'the talks — long and slow — ended'],
      ['the talks --- long and slow --- ended', 'the talks — long and slow — ended'],
      ['and again - late', 'and again – late'],
      ['it is 1--2 now', 'it is 1–2 now'],
    ] as const) {
      const found = locate(text, { exact: quote });
      assert.ok(found, quote);
      assert.equal(text.slice(found.start, found.end), expected);
    }
  });
});
