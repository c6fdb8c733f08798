// One entry point for every format: the extension picks the importer, and anything else is refused with the list
// of what Parley accepts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importAny, importBytes, IMPORT_EXTENSIONS } from '../../../main/import';
import { ParleyError } from '../../../shared/model';

const PAGE =
  '<html><head><title>Talks | Post</title></head><body><article><h1>Talks resume in Geneva</h1><p>Negotiators returned to Geneva on Monday for a third round of talks, officials said.</p></article></body></html>';

describe('importAny', () => {
  test('.txt and .text go to the plain-text importer', () => {
    const sample = readFileSync(
      new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url),
      'utf8',
    );
    for (const name of ['sample.txt', 'SAMPLE.TEXT']) {
      const draft = importAny(name, sample);
      assert.equal(draft.format, 'text');
      assert.equal(draft.published, '2009-11-02T10:22');
      assert.ok(!draft.text.includes('bookmark'));
    }
  });

  test('.md and .markdown go to the Markdown importer', () => {
    for (const name of ['notes.md', 'notes.Markdown']) {
      const draft = importAny(name, '# Geneva\n\nThe talks **resumed** on Monday.');
      assert.equal(draft.format, 'markdown');
      assert.equal(draft.title, 'Geneva');
      assert.equal(draft.text, 'The talks resumed on Monday.');
    }
  });

  test('.html, .htm and .xhtml go to the page importer', () => {
    for (const name of ['page.html', 'page.HTM', 'dir.v2/page.xhtml']) {
      const draft = importAny(name, PAGE);
      assert.equal(draft.format, 'html');
      assert.equal(draft.title, 'Talks resume in Geneva');
      assert.equal(
        draft.text,
        'Negotiators returned to Geneva on Monday for a third round of talks, officials said.',
      );
    }
  });

  test('other extensions are refused with the accepted list', () => {
    for (const name of ['report.rtf', 'archive.tar.gz', 'README', '.html']) {
      assert.throws(
        () => importAny(name, 'Some words.'),
        (error: unknown) =>
          error instanceof ParleyError &&
          error.code === 'unsupported-format' &&
          error.message.includes(name) &&
          /\.txt.*\.md.*\.html/.test(error.message),
      );
    }
  });

  test('an empty page is refused as empty', () => {
    assert.throws(
      () => importAny('blank.html', '  \n'),
      (error: unknown) => error instanceof ParleyError && /empty/.test(error.message),
    );
  });

  test('the accepted extensions are listed once for dialogs and file associations', () => {
    assert.deepEqual([...IMPORT_EXTENSIONS].sort(), [
      'docx',
      'htm',
      'html',
      'markdown',
      'md',
      'pdf',
      'text',
      'txt',
      'xhtml',
    ]);
  });
});

describe('importBytes', () => {
  test('decodes, then imports', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(PAGE)]);
    assert.equal(importBytes('page.html', bytes).title, 'Talks resume in Geneva');
  });

  test('a PNG named .txt is refused before any importer sees it', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    assert.throws(
      () => importBytes('image.txt', png),
      (error: unknown) => error instanceof ParleyError && error.code === 'unsupported-format',
    );
  });
});
