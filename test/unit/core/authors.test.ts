// Author fields read into citation names: people as "Family, Given", organisations and doubtful names whole, as the
// PDF, Word and web page importers all read them. The names are made up for Parley's tests (test text written for
// Parley, not real reporting), but for a few well-known organisations and a composer whose names show a rule.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authorsFromField, PLACEHOLDER_AUTHORS } from '../../../main/core/import-text/authors';
import { MAX_AUTHORS } from '../../../shared/model';
import { MAX_NAME_LENGTH } from '../../../shared/limits';

describe('authorsFromField: people written "Family, Given"', () => {
  test('one comma with given names after it is one person, kept as written', () => {
    assert.deepEqual(authorsFromField('Tregear, Morwenna'), ['Tregear, Morwenna']);
    assert.deepEqual(authorsFromField('van der Berg, Jan'), ['van der Berg, Jan']);
    assert.deepEqual(authorsFromField('Porter, J.'), ['Porter, J.']);
    assert.deepEqual(authorsFromField('Porter, J.-P.'), ['Porter, J.-P.']);
    assert.deepEqual(authorsFromField('Porter, Jane R.'), ['Porter, Jane R.']);
    assert.deepEqual(authorsFromField('Porter,Jane'), ['Porter, Jane']);
    assert.deepEqual(authorsFromField('García Márquez, Gabriel'), ['García Márquez, Gabriel']);
  });

  test('several such people, separated by semicolons, "and" or in comma pairs', () => {
    assert.deepEqual(authorsFromField('van der Berg, Jan; Svensson, Maria'), [
      'van der Berg, Jan',
      'Svensson, Maria',
    ]);
    assert.deepEqual(authorsFromField('Porter, Jane and Smith, John'), ['Porter, Jane', 'Smith, John']);
    assert.deepEqual(authorsFromField('Porter, Jane, Smith, John'), ['Porter, Jane', 'Smith, John']);
  });
});

describe('authorsFromField: names written "Given Family"', () => {
  test('a person of two to four name words becomes "Family, Given"', () => {
    assert.deepEqual(authorsFromField('Karin Holm'), ['Holm, Karin']);
    assert.deepEqual(authorsFromField('Mary Ann Lee'), ['Lee, Mary Ann']);
    assert.deepEqual(authorsFromField('J. R. Porter'), ['Porter, J. R.']);
    assert.deepEqual(authorsFromField("Siobhan O'Brien-Walsh"), ["O'Brien-Walsh, Siobhan"]);
  });

  test('particles stay with the family name', () => {
    assert.deepEqual(authorsFromField('Jan van der Berg'), ['van der Berg, Jan']);
    assert.deepEqual(authorsFromField('Ludwig van Beethoven'), ['van Beethoven, Ludwig']);
    assert.deepEqual(authorsFromField('Pieter van Dijk'), ['van Dijk, Pieter']);
  });

  test('commas, semicolons, "and" and "&" separate names', () => {
    assert.deepEqual(authorsFromField('Jane Porter, John Smith'), ['Porter, Jane', 'Smith, John']);
    assert.deepEqual(authorsFromField('Ann Lee, Bo Chan and Cy Vos'), ['Lee, Ann', 'Chan, Bo', 'Vos, Cy']);
    assert.deepEqual(authorsFromField('Ann Lee, Bo Chan, and Cy Vos'), ['Lee, Ann', 'Chan, Bo', 'Vos, Cy']);
    assert.deepEqual(authorsFromField('Ann Lee & Bo Chan'), ['Lee, Ann', 'Chan, Bo']);
    assert.deepEqual(authorsFromField('Morwenna Tregear; Jory Penrose'), [
      'Tregear, Morwenna',
      'Penrose, Jory',
    ]);
    assert.deepEqual(authorsFromField('By Karin Holm'), ['Holm, Karin']);
  });
});

describe('authorsFromField: kept whole when not surely a person', () => {
  test('organisations are one name, never "Family, Given"', () => {
    for (const name of [
      'World Health Organization',
      'Harbour Board',
      'Ministry of Fisheries',
      'Department of Health and Social Care',
      'Reuters',
      'Northfield University Press',
      'Baltic Marine Institute',
      'Nordic Council of Ministers',
      'Green Party',
      'Coastal Data Network',
    ]) {
      assert.deepEqual(authorsFromField(name), [name], name);
    }
  });

  test('an organisation beside a person keeps its name; the person is still read', () => {
    assert.deepEqual(authorsFromField('Karin Holm; World Health Organization'), [
      'Holm, Karin',
      'World Health Organization',
    ]);
  });

  test('acronyms, digits, suffixes, addresses and long or lower-case names are kept as written', () => {
    for (const name of [
      'WHO',
      'BBC Verify',
      'Karin Holm 2',
      'Martin Luther King Jr.',
      'jporter@example.org',
      'https://example.org/people/karin-holm',
      'Anna Maria Louisa Sofia Holm',
      'jporter',
      'karin holm',
      'Madonna',
      'Johnson & Johnson',
    ]) {
      assert.deepEqual(authorsFromField(name), [name], name);
    }
  });

  test('a comma that is not "Family, Given" does not make a person', () => {
    // Three words after the comma are not given names; one-word pieces are not a list of people.
    assert.deepEqual(authorsFromField('Holm, Karin Maria Sofia'), ['Holm, Karin Maria Sofia']);
    assert.deepEqual(authorsFromField('Holm, Lee, Chan'), ['Holm, Lee, Chan']);
  });
});

describe('authorsFromField: what is dropped or limited', () => {
  test("Office's placeholders and repeats are dropped", () => {
    assert.deepEqual(authorsFromField('Microsoft Office User'), []);
    assert.deepEqual(authorsFromField('Unknown; Administrator; user'), []);
    assert.deepEqual(authorsFromField('Karin Holm; Microsoft Office User; Holm, Karin'), ['Holm, Karin']);
    assert.ok(PLACEHOLDER_AUTHORS.has('microsoft office user'));
    assert.deepEqual(authorsFromField(''), []);
    assert.deepEqual(authorsFromField('  ;  '), []);
  });

  test('names too long to cite are left out, and at most MAX_AUTHORS are kept', () => {
    assert.deepEqual(authorsFromField(`Karin ${'Holm'.repeat(MAX_NAME_LENGTH)}`), []);
    const many = Array.from(
      { length: MAX_AUTHORS + 5 },
      (_, i) => `Name${String.fromCharCode(65 + (i % 26))}${i}`,
    );
    // Digits keep each name whole; every one is distinct.
    assert.equal(authorsFromField(many.join('; ')).length, MAX_AUTHORS);
  });
});
