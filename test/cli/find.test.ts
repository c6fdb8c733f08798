/**
 * `parley find QUERY [--document ID]` run as a user runs it: the built dist/cli.cjs under plain Node, on a notebook
 * made with `init --sample`. One line per hit in the full text, document-id<TAB>start<TAB>snippet, with start a
 * UTF-16 offset into the document's text; an unknown document is an error, no hit an empty stdout and a note.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { builtCli, needsBuiltCli, useTempDir } from './support';

const dir = useTempDir('parley-find-');
const exec = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [builtCli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A sample notebook, its one document's id and its text as stored. */
async function sample(name: string) {
  const notebook = join(dir(), name);
  assert.equal((await cli('init', '--sample', '--notebook', notebook)).code, 0);
  const saved = JSON.parse(await readFile(notebook, 'utf8')) as {
    documents: Array<{ id: string; text: string }>;
  };
  const [doc] = saved.documents;
  return { notebook, id: doc!.id, text: doc!.text };
}

function lines(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

describe('parley find', () => {
  test(
    'prints document-id, start and snippet for each of the four "extradition" in the sample',
    needsBuiltCli,
    async () => {
      const { notebook, id, text } = await sample('find.json');
      const result = await cli('find', 'extradition', '--notebook', notebook);
      assert.equal(result.code, 0, result.stderr);
      const rows = lines(result.stdout);
      assert.equal(rows.length, 4);
      let previous = -1;
      for (const row of rows) {
        assert.equal(row.length, 3, 'three fields, no tab in the snippet');
        const [docId, start, snippet] = row as [string, string, string];
        assert.equal(docId, id);
        assert.match(start, /^\d+$/);
        const at = Number(start);
        assert.ok(at > previous, 'text order');
        previous = at;
        assert.match(text.slice(at), /^extradition/i);
        assert.match(snippet, /extradition/i);
      }
      // The same with --document, and with the query in capitals.
      const one = await cli('find', 'EXTRADITION', '--document', id, '--notebook', notebook);
      assert.equal(one.stdout, result.stdout);
    },
  );

  test('finds "Lugovoy" in the text, where no highlight is', needsBuiltCli, async () => {
    const { notebook, text } = await sample('lugovoy.json');
    const result = await cli('find', 'Lugovoy', '--notebook', notebook);
    assert.equal(result.code, 0, result.stderr);
    const rows = lines(result.stdout);
    assert.ok(rows.length >= 1);
    for (const [, start, snippet] of rows) {
      assert.equal(text.slice(Number(start), Number(start) + 7), 'Lugovoy');
      assert.ok(!/[\t\n]/.test(snippet!) && snippet!.includes('Lugovoy'));
    }
    // Several words: each occurrence of each, in the paragraphs that hold them all.
    const both = lines((await cli('find', 'lugovoy', 'extradition', '--notebook', notebook)).stdout);
    assert.ok(both.length > rows.length - 1);
    for (const [, start] of both) assert.match(text.slice(Number(start)), /^(lugovoy|extradition)/i);
  });

  test(
    '"lukasz" finds "Łukasz" and "strasse" finds "Straße", at their exact offsets',
    needsBuiltCli,
    async () => {
      const notebook = join(dir(), 'letters.json');
      assert.equal((await cli('init', '--notebook', notebook)).code, 0);
      const file = join(dir(), 'letters.txt');
      const text = 'Written for the project: Łukasz Nowak walked down the Straße.';
      await writeFile(file, text);
      assert.equal((await cli('import', file, '--notebook', notebook)).code, 0);
      const saved = JSON.parse(await readFile(notebook, 'utf8')) as { documents: Array<{ text: string }> };
      const stored = saved.documents[0]!.text;
      for (const [query, word] of [
        ['lukasz', 'Łukasz'],
        ['strasse', 'Straße'],
      ] as const) {
        const result = await cli('find', query, '--notebook', notebook);
        assert.equal(result.code, 0, result.stderr);
        const rows = lines(result.stdout);
        assert.equal(rows.length, 1, result.stdout);
        const start = Number(rows[0]![1]);
        assert.equal(stored.slice(start, start + word.length), word);
      }
    },
  );

  test(
    'an unknown --document is an error; no hit prints nothing and says so; no query is a usage error',
    needsBuiltCli,
    async () => {
      const { notebook } = await sample('errors.json');
      const unknown = await cli('find', 'extradition', '--document', 'no-such-id', '--notebook', notebook);
      assert.equal(unknown.code, 1);
      assert.equal(unknown.stdout, '');
      assert.match(unknown.stderr, /no document with id "no-such-id"/);

      const none = await cli('find', 'zanzibar', '--notebook', notebook);
      assert.equal(none.code, 0);
      assert.equal(none.stdout, '');
      assert.match(none.stderr, /No text matches "zanzibar"/);

      const empty = await cli('find', '--notebook', notebook);
      assert.equal(empty.code, 2);
      assert.match(empty.stderr, /find needs a QUERY/);
    },
  );
});
