// Written for the one set of field limits (shared/limits.ts): the importers clip a title, a source and a web
// address to exactly the bound the notebook's schema sets, and editing a document or a topic refuses one character
// more than that bound, naming it; the size limit is worded from the one in bytes; so changing a limit in shared/limits.ts changes all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importMarkdown, importPlainText } from '../../../main/core/import-text';
import { importHtml } from '../../../main/import/html';
import { updateDocument } from '../../../main/core/notebook';
import { updateTopic } from '../../../main/core/codebook';
import { DocumentSchema, NotebookSchema } from '../../../shared/model';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CHARS,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
} from '../../../shared/limits';
import { decodeImportBytes } from '../../../main/import/decode';
import { MAX_IMPORT_SIZE_TEXT } from '../../../shared/import-formats';
import { assertRefused, notebookWith, sampleDocument } from '../core/fixtures';

const long = (length: number) => 'a'.repeat(length);

test('the schema takes its bounds from shared/limits.ts', () => {
  const shape = DocumentSchema.shape;
  assert.equal(shape.title.maxLength, MAX_TITLE_LENGTH);
  assert.equal(shape.source.maxLength, MAX_TITLE_LENGTH);
  assert.equal(shape.url.maxLength, MAX_URL_LENGTH);
});

test('the text importers clip a long title to exactly the schema limit', () => {
  const markdown = importMarkdown(`# ${long(MAX_TITLE_LENGTH + 50)}\n\nA paragraph.`, { fileName: 'a.md' });
  assert.equal(markdown.title.length, MAX_TITLE_LENGTH);
  const plain = importPlainText('A paragraph of text.', { fileName: `${long(MAX_TITLE_LENGTH + 50)}.txt` });
  assert.equal(plain.title.length, MAX_TITLE_LENGTH);
});

test('the HTML importer clips the title, the site name and the web address to exactly the schema limits', () => {
  const address = `https://example.org/${long(MAX_URL_LENGTH + 50)}`;
  const page = `<html><head><title>${long(MAX_TITLE_LENGTH + 50)}</title>
    <meta property="og:site_name" content="${long(MAX_TITLE_LENGTH + 50)}">
    <link rel="canonical" href="${address}"></head>
    <body><article><p>${'A sentence of the article that is long enough to be read as its text. '.repeat(8)}</p></article></body></html>`;
  const draft = importHtml(page, { fileName: 'page.html' });
  assert.equal(draft.title.length, MAX_TITLE_LENGTH);
  assert.equal(draft.source.length, MAX_TITLE_LENGTH);
  assert.equal(draft.url.length, MAX_URL_LENGTH);
});

test('editing takes a title, a source and a description at the limit and refuses one character more', () => {
  const nb = notebookWith(sampleDocument(), [], ['iran']);
  const id = nb.documents[0]!.id;
  updateDocument(nb, { id, title: long(MAX_TITLE_LENGTH), source: long(MAX_TITLE_LENGTH) });
  updateTopic(nb, { id: 't0', description: long(MAX_DESCRIPTION_LENGTH) });
  NotebookSchema.parse(nb);
  const most = (n: number) => new RegExp(`at most ${n} characters`);
  assertRefused(
    nb,
    () => updateDocument(nb, { id, title: long(MAX_TITLE_LENGTH + 1) }),
    'invalid',
    most(MAX_TITLE_LENGTH),
  );
  assertRefused(
    nb,
    () => updateDocument(nb, { id, source: long(MAX_TITLE_LENGTH + 1) }),
    'invalid',
    most(MAX_TITLE_LENGTH),
  );
  assertRefused(
    nb,
    () => updateTopic(nb, { id: 't0', description: long(MAX_DESCRIPTION_LENGTH + 1) }),
    'invalid',
    most(MAX_DESCRIPTION_LENGTH),
  );
});

test('the size limit is worded from MAX_IMPORT_BYTES wherever a file or page is refused for it', () => {
  assert.equal(MAX_IMPORT_SIZE_TEXT, `${MAX_IMPORT_BYTES / (1024 * 1024)} MB`);
  const refusal = (call: () => unknown) =>
    assert.throws(
      call,
      (error: unknown) => error instanceof Error && error.message.includes(`up to ${MAX_IMPORT_SIZE_TEXT}.`),
    );
  refusal(() => decodeImportBytes('big.txt', new Uint8Array(MAX_IMPORT_BYTES + 1)));
  refusal(() => importHtml('a'.repeat(MAX_IMPORT_CHARS + 1), { fileName: 'big.html' }));
});

test("Markdown front matter's source is clipped to the schema's bound, and an address too long to keep whole is left out", () => {
  const front = (source: string, url: string) =>
    `---\ntitle: Talks\nsource: ${source}\nurl: ${url}\n---\n\nA paragraph written for this test.\n`;
  const long1 = importMarkdown(
    front(long(MAX_TITLE_LENGTH + 1), `https://example.org/${long(MAX_URL_LENGTH)}`),
    {
      fileName: 'a.md',
    },
  );
  assert.equal(long1.source.length, MAX_TITLE_LENGTH);
  assert.equal(long1.url, '');
  const fits = importMarkdown(front('The Wire', 'https://example.org/talks'), { fileName: 'a.md' });
  assert.equal(fits.source, 'The Wire');
  assert.equal(fits.url, 'https://example.org/talks');
  const nb = notebookWith({ ...sampleDocument(), ...long1, id: 'd1' }, []);
  assert.equal(NotebookSchema.safeParse(nb).success, true);
});

test('a title clipped at the bound is cut between characters, not inside an emoji', () => {
  const title = `a${'😀'.repeat(MAX_TITLE_LENGTH)}`;
  const draft = importMarkdown(`# ${title}\n\nA paragraph written for this test.\n`, { fileName: 'a.md' });
  assert.equal(draft.title.length, MAX_TITLE_LENGTH - 1);
  assert.doesNotMatch(draft.title, /[\ud800-\udbff](?![\udc00-\udfff])/);
});
