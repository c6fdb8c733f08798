// The Markdown export's front matter names the document's author: the byline a web page shows, else the authors its
// citation lists (a PDF or Word file has no byline, but its metadata names its authors). Names and text written for
// Parley's tests, not real reporting.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { exportDocumentMarkdown } from '../../../main/core/export';
import { makeDocument, notebookWith } from './fixtures';

const NOW = new Date('2024-05-01T12:00:00Z');

function frontMatterAuthor(markdown: string): unknown {
  assert.ok(markdown.startsWith('---\n'), 'front matter opens the file');
  const close = markdown.indexOf('\n---\n', 3);
  assert.ok(close > 0, 'front matter is closed');
  return (parseYaml(markdown.slice(4, close)) as Record<string, unknown>)['author'];
}

function authorOf(meta: Parameters<typeof makeDocument>[2]): unknown {
  const doc = makeDocument('d1', ['Harbour report', 'The quay was rebuilt in spring.'], meta, {
    firstIsHeading: true,
  });
  return frontMatterAuthor(exportDocumentMarkdown(notebookWith(doc, []), 'd1', { now: NOW }));
}

describe('Markdown front matter: author', () => {
  test('a document with no byline names its citation authors, as written, separated by "; "', () => {
    assert.equal(
      authorOf({ format: 'pdf', byline: '', authors: ['Svensson, Maria', 'Berg, Jonas'] }),
      'Svensson, Maria; Berg, Jonas',
    );
    assert.equal(
      authorOf({ format: 'docx', byline: '  ', authors: ['World Health Organization'] }),
      'World Health Organization',
    );
  });

  test('a byline, when there is one, is the author; with neither the author is empty', () => {
    assert.equal(authorOf({ byline: 'By Karin Holm', authors: ['Holm, Karin'] }), 'By Karin Holm');
    assert.equal(authorOf({ byline: '', authors: [] }), '');
  });
});
