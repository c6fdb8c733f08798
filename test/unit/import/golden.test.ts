// The article each test page gives today, kept as a golden file (test/fixtures/import-golden/): a faster importer
// must extract the very same title, byline, site, date, address, text, blocks and links from every saved page under
// test/fixtures and from the generated 1 MB news page. After a change meant to alter extraction, rewrite them with
//   PARLEY_WRITE_GOLDEN=1 node --import tsx --test test/unit/import/golden.test.ts
// and read the diff.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { importHtml } from '../../../main/import/html';
import { decodeImportBytes } from '../../../main/import/decode';
import { makeLargePage } from '../../../scripts/make-large-page';
import type { DocumentDraft } from '../../../main/core/import-text';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const GOLDEN = join(FIXTURES, 'import-golden');
const WRITE = process.env['PARLEY_WRITE_GOLDEN'] === '1';

/** Every saved page under test/fixtures, by its path there. */
function pages(): string[] {
  return readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.x?html?$/i.test(path) && !path.startsWith('import-golden'))
    .sort();
}

/** What a draft says, in the golden file's shape: the fields, the text, its blocks and links; or the refusal. */
function outcome(draft: DocumentDraft | Error): Outcome {
  if (draft instanceof Error) return { refused: draft.message };
  const { text, blocks, marks, ...fields } = draft;
  return { ...fields, text, blocks, marks };
}

type Outcome = Partial<Pick<DocumentDraft, 'text' | 'blocks'>> & Record<string, unknown>;

/** Each block's kind and text, for a difference that reads better than one in a whole draft. */
function blockTexts(outcome: Outcome): string[] | undefined {
  return outcome.blocks?.map((block) => `${block.kind}: ${outcome.text!.slice(block.start, block.end)}`);
}

function attempt(read: () => DocumentDraft): DocumentDraft | Error {
  try {
    return read();
  } catch (error) {
    return error as Error;
  }
}

/** JSON with one field, block or link a line: small, and a change shows as the lines it touches. */
function serialize(outcome: Outcome): string {
  const fields = Object.entries(outcome).map(([key, value]) =>
    Array.isArray(value)
      ? `${JSON.stringify(key)}: [${value.map((item) => `\n  ${JSON.stringify(item)}`).join(',')}\n ]`
      : `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{\n ${fields.join(',\n ')}\n}\n`;
}

function check(name: string, actual: Outcome): void {
  const file = join(GOLDEN, `${name.replace(/[\\/]/g, '__')}.json`);
  if (WRITE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, serialize(actual));
    return;
  }
  const expected = JSON.parse(readFileSync(file, 'utf8')) as Outcome;
  assert.deepEqual(blockTexts(actual), blockTexts(expected));
  assert.deepEqual(actual, expected);
}

describe('the article extracted from each test page stays as it was', () => {
  const names = pages();

  test('there are test pages to compare', () => {
    assert.ok(names.length >= 10, `found ${names.length} pages under ${relative('.', FIXTURES)}`);
  });

  for (const name of names) {
    test(name, () => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      const base = name.split(/[\\/]/).pop()!;
      check(name, outcome(attempt(() => importHtml(decodeImportBytes(base, bytes), { fileName: base }))));
    });
  }

  test('the generated 1 MB saved news page', () => {
    const page = makeLargePage(1);
    check(
      'generated-large-page-1mb',
      outcome(attempt(() => importHtml(page.html, { fileName: 'large.html' }))),
    );
  });
});
