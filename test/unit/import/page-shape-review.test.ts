// Saved news pages a reviewer found losing real content or keeping leftovers: what the article says stays (a
// linked sentence, a list the article introduces, statements beside a video), and what only points elsewhere or
// stood for something not there goes, by general rules. The pages test/fixtures/pages/review-*.html were written
// for these tests and are not real reporting.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importHtml } from '../../../main/import/html';
import type { DocumentDraft } from '../../../main/core/import-text';

function fixture(name: string): DocumentDraft {
  return importHtml(readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), 'utf8'), {
    fileName: name,
  });
}

function texts(draft: DocumentDraft, kind?: string): string[] {
  return draft.blocks
    .filter((block) => kind === undefined || block.kind === kind)
    .map((block) => draft.text.slice(block.start, block.end));
}

describe('blocks made of links', () => {
  test('a paragraph that is one linked sentence stays', () => {
    assert.ok(
      texts(fixture('review-guardian.html')).includes(
        'Farmers along the lower Kessel have lost two harvests in three years.',
      ),
    );
    assert.ok(
      texts(fixture('review-fragment-long.html')).includes(
        "The full text of the plan is published on the council's website.",
      ),
    );
  });

  test('a list of linked titles that the article introduces with a colon stays; a "Read more" list goes', () => {
    const draft = fixture('review-nyt.html');
    const all = texts(draft);
    const at = all.indexOf('Supporters of the ban pointed to three studies:');
    assert.deepEqual(all.slice(at + 1, at + 4), [
      'a 2022 study of childhood asthma',
      'a 2023 study of methane leaks from stoves',
      'a 2024 study of indoor nitrogen dioxide',
    ]);
    assert.ok(!draft.text.includes('What the Studies Say'));
    assert.ok(!draft.text.includes('Read more about gas stoves'));
  });

  test('a label with a colon before links goes', () => {
    const draft = fixture('review-wordpress.html');
    assert.ok(!draft.text.includes('Why the creek map matters'));
    assert.ok(draft.text.includes('My earlier posts: the map, the spill, sampling.'));
  });
});
