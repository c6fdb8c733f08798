// Written for Parley: `parley event create`, `parley event list` and `parley export --view accounts`, run as a user
// runs them on the sample and the two accounts of its talks written for the tests (test/fixtures/accounts/). Bad
// input is refused in words with exit code 2, and the notebook is left as it was.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { marked, type Tokens } from 'marked';
import { parley, root, sampleNotebook, useTempDir } from './support';

const dir = useTempDir('parley-accounts-');
const fixtures = join(root, 'test/fixtures/accounts/moscow-2009');

async function notebookWithAccounts(name: string) {
  const { notebook, id: rt } = await sampleNotebook(dir(), name);
  const imported = await parley(
    'import',
    join(fixtures, 'fco-transcript.md'),
    join(fixtures, 'wire.md'),
    '--notebook',
    notebook,
  );
  assert.equal(imported.code, 0, imported.stderr);
  const [fco, wire] = imported.stdout
    .trim()
    .split('\n')
    .map((line) => line.split('\t')[0]!);
  return { notebook, rt, fco: fco!, wire: wire! };
}

describe('parley event and export --view accounts', () => {
  test('event create prints only the new event’s id; event list shows it; the export is one table', async () => {
    const { notebook, rt, fco, wire } = await notebookWithAccounts('n.json');
    const created = await parley(
      'event',
      'create',
      'Miliband and Lavrov in Moscow',
      '--documents',
      `${rt},${fco},${wire}`,
      '--date',
      '2009-11-02',
      '--notebook',
      notebook,
    );
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^[0-9a-f-]{36}\n$/);
    const id = created.stdout.trim();

    const listed = await parley('event', 'list', '--notebook', notebook);
    assert.equal(listed.stdout, `${id}\t2009-11-02\tMiliband and Lavrov in Moscow\t${rt},${fco},${wire}\n`);

    const exported = await parley('export', '--view', 'accounts', '--event', id, '--notebook', notebook);
    assert.equal(exported.code, 0, exported.stderr);
    const md = exported.stdout;
    assert.match(md, /^# Miliband and Lavrov in Moscow$/m);
    const tables = marked.lexer(md).filter((t): t is Tokens.Table => t.type === 'table');
    assert.equal(tables.length, 1, 'one table');
    const [table] = tables;
    assert.deepEqual(
      table!.header.map((h) => h.text),
      ['RT', 'FCO', 'Wire'],
    );
    const cells = (i: number) => table!.rows.map((row) => row[i]!.text);
    // Statements each account gives, and empty cells where it omits one.
    const row = table!.rows.find((r) => r[0]!.text.includes('Our position has not changed'));
    assert.ok(row, md);
    assert.ok(row.every((cell) => cell.text.includes('Our position has not changed')));
    assert.ok(
      cells(0).some((c) => c === '') && cells(1).some((c) => c === '') && cells(2).some((c) => c === ''),
    );
    // The Lisbon Treaty is only in the RT report; the climate talks only in the transcript and the wire.
    const lisbon = table!.rows.find((r) => r[0]!.text.includes('Lisbon Treaty'))!;
    assert.deepEqual([lisbon[1]!.text, lisbon[2]!.text], ['', '']);
    const climate = table!.rows.find((r) => r[1]!.text.includes('climate change'))!;
    assert.equal(climate[0]!.text, '');
    assert.match(climate[2]!.text, /climate change/);
    assert.match(md, /^### What RT omits$/m);

    const out = join(dir(), 'accounts.md');
    const written = await parley(
      'export',
      '--view',
      'accounts',
      '--event',
      id,
      '--out',
      out,
      '--notebook',
      notebook,
    );
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, '');
    const file = await readFile(out, 'utf8');
    assert.equal(file.replace(/^exported: .*$/m, ''), md.replace(/^exported: .*$/m, ''));
  });

  test('bad input is refused in words, with exit code 2, and changes nothing', async () => {
    const { notebook, rt, fco } = await notebookWithAccounts('bad.json');
    const before = await readFile(notebook);
    const cases: Array<[string[], RegExp]> = [
      [['event', 'create', 'Talks', '--documents', `${rt},no-such-id`], /no document with id "no-such-id"/],
      [['event', 'create', 'Talks', '--documents', rt], /at least two accounts/],
      [['event', 'create', 'Talks', '--documents', `${rt},${rt}`], /given twice/],
      [['event', 'create', 'Talks', '--documents', `${rt},,${fco}`], /empty id/],
      [['event', 'create', 'Talks', '--documents', `${rt},${fco}`, '--date', '2009-02-30'], /YYYY-MM-DD/],
      [['event', 'create', 'Talks'], /needs --documents/],
      [['event', 'create', '--documents', `${rt},${fco}`], /needs a NAME/],
      [['event', 'rename', 'x'], /usage: parley event create/],
      [['export', '--view', 'accounts'], /needs --event ID/],
      [['export', '--view', 'accounts', '--event', 'no-such-event'], /no event with id "no-such-event"/],
      [['export', '--event', 'x'], /--event is for --view accounts/],
      [['export', '--view', 'accounts', '--event', 'x', '--format', 'csv'], /markdown only/],
    ];
    for (const [args, message] of cases) {
      const result = await parley(...args, '--notebook', notebook);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
      assert.ok((await readFile(notebook)).equals(before), `${args.join(' ')} changed the notebook`);
    }
    assert.equal((await parley('event', 'list', '--notebook', notebook)).stdout, '');
  });
});
