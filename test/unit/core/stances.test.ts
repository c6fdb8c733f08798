// Stances: the standard list, the user's own additions spelled one way, and the check a highlight's stance passes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { emptyNotebook, ParleyError, STANDARD_STANCES, type Notebook } from '../../../shared/model';
import { addStance, listStances, resolveStance } from '../../../main/core/stances';

function assertRefused(nb: Notebook, call: () => unknown, message?: RegExp): void {
  const before = structuredClone(nb);
  assert.throws(call, (error: unknown) => {
    assert.ok(error instanceof ParleyError, `a ParleyError, got ${String(error)}`);
    assert.equal(error.code, 'invalid');
    if (message) assert.match(error.message, message);
    return true;
  });
  assert.deepEqual(nb, before);
}

describe('stances', () => {
  test('listStances gives the standard stances, then the notebook’s own', () => {
    const nb = emptyNotebook();
    assert.deepEqual(listStances(nb), [
      'demand',
      'refusal',
      'proposal',
      'concession',
      'agreement',
      'warning',
      'denial',
      'hedge',
    ]);
    nb.stances.push('ultimatum');
    assert.deepEqual(listStances(nb), [...STANDARD_STANCES, 'ultimatum']);
  });

  test('addStance trims and collapses spaces and returns the full list', () => {
    const nb = emptyNotebook();
    assert.deepEqual(addStance(nb, '  red   line '), [...STANDARD_STANCES, 'red line']);
    assert.deepEqual(addStance(nb, 'Ultimatum'), [...STANDARD_STANCES, 'red line', 'Ultimatum']);
    assert.deepEqual(nb.stances, ['red line', 'Ultimatum']);
  });

  test('addStance refuses blanks, repeats of any stance in any case, and long names', () => {
    const nb = emptyNotebook();
    addStance(nb, 'ultimatum');
    assertRefused(nb, () => addStance(nb, '   '), /needs a name/);
    assertRefused(nb, () => addStance(nb, 'Demand'), /"demand" is already/);
    assertRefused(nb, () => addStance(nb, ' ULTIMATUM '), /"ultimatum" is already/);
    assertRefused(nb, () => addStance(nb, 'x'.repeat(41)), /40/);
    assert.deepEqual(addStance(nb, 'y'.repeat(40)).at(-1), 'y'.repeat(40));
  });

  test('resolveStance gives the listed spelling, null for none, and refuses a stance not listed', () => {
    const nb = emptyNotebook();
    addStance(nb, 'Red line');
    assert.equal(resolveStance(nb, 'refusal'), 'refusal');
    assert.equal(resolveStance(nb, ' Refusal '), 'refusal');
    assert.equal(resolveStance(nb, 'red  LINE'), 'Red line');
    assert.equal(resolveStance(nb, null), null);
    assert.equal(resolveStance(nb, '  '), null);
    assertRefused(nb, () => resolveStance(nb, 'grumble'), /"grumble" is not a stance.*demand, refusal/);
  });
});
