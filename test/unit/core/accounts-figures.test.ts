// Written for Parley: the alignment of the development set's accounts (the sample and two accounts written for the
// tests, test/fixtures/accounts/moscow-2009/) holds its figures against the gold: no false alignment, and at least
// the shared statements and omissions it finds now. The held-out set is measured by `npm run eval:accounts` only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe as describeFigures, loadSet, score, SETS } from './accounts-gold';

test('the development set is aligned without a false alignment, finding what it finds now', () => {
  const { figures, verdicts } = score(loadSet(SETS.development));
  assert.deepEqual(
    verdicts.falsePairs.map((f) => `${f.a.quote} ~ ${f.b.quote}`),
    [],
    'no false alignment',
  );
  assert.equal(figures.goldPairs, 37);
  assert.equal(figures.goldOmissions, 24);
  assert.ok(figures.pairsFound >= 31, `shared statements found: ${describeFigures(figures)}`);
  assert.ok(figures.omissionsFound >= 24, `omissions found: ${describeFigures(figures)}`);
  assert.ok(figures.wrongOmissions <= 9, `wrong omissions: ${describeFigures(figures)}`);
});
