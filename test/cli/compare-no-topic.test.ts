/**
 * Accepted suggestions in the comparison, checked from outside as a new user would: `init --sample`, `list`,
 * `suggest --accept`, then `export --view compare` under the built `dist/cli.cjs`. The statements come with their
 * party and no topic, so they make the "No topic" row; nothing proposes or applies topics on the command line.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { root, useTempDir } from './support';

const dir = useTempDir('parley-compare-no-topic-');
const cli = join(root, 'dist/cli.cjs');
const exec = promisify(execFile);

async function parley(...args: string[]) {
  const { stdout, stderr } = await exec(process.execPath, [cli, ...args]);
  return { stdout, stderr };
}

describe('suggest --accept, then export --view compare', () => {
  test(
    'the accepted statements are the "No topic" row, each under its party',
    { skip: !existsSync(cli) && 'dist/cli.cjs is not built: run npm run build' },
    async () => {
      const notebook = join(dir(), 'n.json');
      await parley('init', '--sample', '--notebook', notebook);
      const [id] = (await parley('list', '--notebook', notebook)).stdout.trim().split('\t');
      assert.ok(id);
      const suggested = (await parley('suggest', '--document', id, '--notebook', notebook)).stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t'));
      await parley('suggest', '--document', id, '--accept', '--notebook', notebook);
      const saved = JSON.parse(await readFile(notebook, 'utf8')) as {
        annotations: Array<{ partyId: string | null; topicIds: string[] }>;
      };
      assert.equal(saved.annotations.length, suggested.length);
      assert.ok(saved.annotations.every((a) => a.topicIds.length === 0));
      // A statement whose speaker no party's alias names ("-") is a highlight with no party: not compared.
      const withParty = suggested.filter(([party]) => party !== '-');
      assert.equal(saved.annotations.filter((a) => a.partyId !== null).length, withParty.length);
      assert.ok(withParty.length >= 12, `the sample's statements with a party: ${withParty.length}`);

      const { stdout: md } = await parley('export', '--view', 'compare', '--notebook', notebook);
      assert.doesNotMatch(md, /No passage holds a party/);
      assert.match(md, /^topics: \[\]$/m);
      assert.match(md, /^## No topic$/m);
      assert.match(md, /^\*No topic: UK .* ↔ Russia .*\*$/m);
      assert.match(md, /^\| United Kingdom \| Russia \|$/m);
      const table = md.slice(md.indexOf('## No topic'), md.indexOf('## Common ground'));
      const cells = table
        .split('\n')
        .filter((line) => line.startsWith('| “') || line.startsWith('|  |'))
        .flatMap((line) => line.slice(1, -1).split(' | '))
        .map((cell) => cell.trim())
        .filter((cell) => cell !== '');
      // Every statement is in the row, once, in its party's column.
      assert.equal(cells.length, withParty.length, table);
      const column = (party: string) => (party === 'United Kingdom' ? 0 : 1);
      const rows = table.split('\n').filter((line) => line.startsWith('| “') || line.startsWith('|  |'));
      for (const [party, , quote] of withParty) {
        const start = quote!.replace(/\s+/g, ' ').slice(0, 30);
        const row = rows.find((line) => line.includes(start));
        assert.ok(row, `in the table: ${start}`);
        const at = row.slice(1, -1).split(' | ');
        assert.ok(at[column(party!)]!.includes(start), `${party}: ${start}`);
      }
    },
  );
});
