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
import { marked, type Tokens } from 'marked';
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
      assert.match(md, /No topic: UK \(no stance\) ↔ Russia \(no stance\)/);
      // The table under "No topic", read as a Markdown parser reads it.
      const tokens = marked.lexer(md);
      const heading = tokens.findIndex((t) => t.type === 'heading' && t.text === 'No topic');
      assert.ok(heading >= 0, md);
      const table = tokens.slice(heading).find((t): t is Tokens.Table => t.type === 'table');
      assert.ok(table, md);
      assert.deepEqual(
        table.header.map((cell) => cell.text),
        ['United Kingdom', 'Russia'],
      );
      const columns = [0, 1].map((i) => table.rows.map((row) => row[i]!.text).filter((text) => text !== ''));
      // Every statement with a party is in the row once, in its party's column.
      assert.equal(columns[0]!.length + columns[1]!.length, withParty.length, md);
      for (const [party, , quote] of withParty) {
        const start = quote!.replace(/\s+/g, ' ').slice(0, 30);
        const column = columns[party === 'United Kingdom' ? 0 : 1]!;
        assert.equal(column.filter((cell) => cell.includes(start)).length, 1, `${party}: ${start}`);
      }
    },
  );
});
