// `parley share`, `parley join` and `parley sync` as a team runs them: the built command line (dist/cli.cjs) against
// the sync server (scripts/sync-server.mjs) started here on 127.0.0.1. The notebooks are the shipped sample article
// with highlights the command line suggests or imports; the notes and topic names are written for these tests.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { generateAutomergeUrl } from '@automerge/automerge-repo';
import { updateTopic } from '../../main/core/codebook';
import { openNotebookStore } from '../../main/storage/notebook-store';
import { freePort, startSyncServer, type RunningSyncServer } from '../unit/sync/server-process';
import {
  builtCli,
  needsBuiltCli,
  parley,
  quoteAnnotation,
  sampleNotebook,
  useTempDir,
  writeJson,
} from './support';

const dir = useTempDir('parley-cli-sync-');
const exec = promisify(execFile);
// Longer than any command here should take: a command still running then has hung, and the test fails.
const HANG_MS = 90_000;

/** Runs the built `parley` with these arguments and only these PARLEY_ variables; its exit code, output and time. */
async function cli(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  delete clean.PARLEY_NOTEBOOK;
  delete clean.PARLEY_SYNC_TOKEN;
  delete clean.PARLEY_AUTHOR;
  const started = Date.now();
  try {
    const { stdout, stderr } = await exec(process.execPath, [builtCli, ...args], {
      env: { ...clean, ...env },
      timeout: HANG_MS,
    });
    return { code: 0, stdout, stderr, ms: Date.now() - started };
  } catch (error) {
    const failed = error as { code?: unknown; stdout: string; stderr: string };
    // Killed by the timeout (no exit code), or not started at all: not an answer of parley's.
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, ms: Date.now() - started };
  }
}

const SYNCED = /^sent (\d+), received (\d+), conflicts (\d+)\n$/;

/** The three figures `parley sync` printed (it printed exactly that line). */
function figures(result: { code: number; stdout: string; stderr: string }) {
  assert.equal(result.code, 0, result.stderr);
  const match = SYNCED.exec(result.stdout);
  assert.ok(match, `sync printed ${JSON.stringify(result.stdout)}`);
  return { sent: Number(match[1]), received: Number(match[2]), conflicts: Number(match[3]) };
}

/** The files in the test directory named after the notebook `name` (the notebook, its journal, its sync folder…). */
function filesOf(name: string): string[] {
  return readdirSync(dir()).filter((entry) => entry === name || entry.startsWith(`${name}.`));
}

/** The notebook's bytes and its sync settings' bytes (null when not shared). */
async function bytesOf(notebook: string) {
  const settings = `${notebook}.sync/sync.json`;
  return {
    notebook: await readFile(notebook),
    settings: existsSync(settings) ? await readFile(settings) : null,
  };
}

/** `parley export --all` of the notebook, without its line of when it was exported. */
async function exportAll(notebook: string): Promise<string> {
  const exported = await parley('export', '--all', '--notebook', notebook);
  assert.equal(exported.code, 0, exported.stderr);
  return exported.stdout.replace(/^exported: .*\n/m, '');
}

/** Renames the topic `from` to `to` in the notebook, through the store, as the app's Edit topic does. */
async function renameTopic(notebook: string, from: string, to: string): Promise<void> {
  const store = await openNotebookStore(notebook);
  try {
    const topic = store.data.topics.find((t) => t.path === from);
    assert.ok(topic, `the notebook has a topic ${from}`);
    store.change((nb) => updateTopic(nb, { id: topic.id, path: to }), 'Edit topic');
  } finally {
    await store.close();
  }
}

/**
 * A TCP proxy to the server that kills it (SIGKILL) in the middle of a sync: on the connection where the client
 * has sent its upgrade, heard the server, and sends a third time (the sync itself, after the websocket's handshake
 * and join), that data is held back and the server is killed. The command line's first connection, the check of
 * the token, only sends its upgrade and so never triggers it.
 */
async function killingProxy(server: RunningSyncServer) {
  let killed: Promise<void> | null = null;
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(server.port, '127.0.0.1');
    sockets.add(upstream);
    let sent = 0;
    let heard = false;
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.on('data', (chunk) => {
      heard = true;
      client.write(chunk);
    });
    client.on('data', (chunk) => {
      sent += 1;
      if (killed === null && heard && sent >= 3) {
        killed = server.kill('SIGKILL');
        return;
      }
      if (killed === null) upstream.write(chunk);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolveListen) => proxy.listen(port, '127.0.0.1', resolveListen));
  return {
    url: `ws://127.0.0.1:${port}`,
    killed: () => killed,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolveClose());
      }),
  };
}

describe(
  'parley share, join and sync with a sync server on 127.0.0.1',
  { concurrency: true, ...needsBuiltCli },
  () => {
    describe('as the commands are written', { concurrency: false }, () => {
      let server: RunningSyncServer;
      // Ana's notebook, shared; Ben's, joined from it; and the link.
      let ana = '';
      let ben = '';
      let link = '';
      let documentId = '';

      before(async () => {
        server = await startSyncServer();
      });
      after(async () => {
        await server?.stop();
      });

      test('share prints the notebook link; sharing again is refused and changes nothing', async () => {
        const sample = await sampleNotebook(dir(), 'ana.json');
        ana = sample.notebook;
        documentId = sample.id;
        const accepted = await parley('suggest', '--document', documentId, '--accept', '--notebook', ana);
        assert.equal(accepted.code, 0, accepted.stderr);

        const shared = await cli([
          'share',
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          ana,
        ]);
        assert.equal(shared.code, 0, shared.stderr);
        assert.match(shared.stdout, /^automerge:[1-9A-HJ-NP-Za-km-z]+\n$/, 'one line: the link');
        link = shared.stdout.trim();
        const settings = `${ana}.sync/sync.json`;
        assert.equal(JSON.parse(await readFile(settings, 'utf8')).url, link);
        assert.equal(
          (await stat(settings)).mode & 0o077,
          0,
          'the server and token are readable by the user only',
        );

        const before = await bytesOf(ana);
        const again = await cli([
          'share',
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          ana,
        ]);
        assert.notEqual(again.code, 0);
        assert.equal(again.stdout, '');
        assert.match(again.stderr, /shared already/);
        assert.match(again.stderr, new RegExp(link));
        assert.deepEqual(await bytesOf(ana), before, 'the notebook and its sync settings are unchanged');
      });

      test('share takes the notebook from PARLEY_NOTEBOOK and the token from PARLEY_SYNC_TOKEN', async () => {
        const { notebook } = await sampleNotebook(dir(), 'from-env.json');
        const shared = await cli(['share', '--server', server.url], {
          PARLEY_NOTEBOOK: notebook,
          PARLEY_SYNC_TOKEN: server.token,
        });
        assert.equal(shared.code, 0, shared.stderr);
        assert.match(shared.stdout, /^automerge:\S+\n$/);
        assert.notEqual(shared.stdout.trim(), link, 'a notebook of its own');
        const settings = JSON.parse(await readFile(`${notebook}.sync/sync.json`, 'utf8'));
        assert.equal(settings.url, shared.stdout.trim());
        assert.equal(settings.token, server.token);
      });

      test('join makes a new file a replica with the same documents and highlights (token from PARLEY_SYNC_TOKEN)', async () => {
        ben = join(dir(), 'ben.json');
        const joined = await cli(['join', link, '--server', server.url, '--notebook', ben], {
          PARLEY_SYNC_TOKEN: server.token,
        });
        assert.equal(joined.code, 0, joined.stderr);
        assert.ok(existsSync(`${ben}.sync/sync.json`), 'the replica keeps its state beside the notebook');

        const listed = (await parley('list', '--notebook', ben)).stdout;
        assert.equal(listed, (await parley('list', '--notebook', ana)).stdout);
        assert.match(listed, new RegExp(`^${documentId}\\t[^\\t]+\\t14\\n$`), 'the 14 highlights accepted');
        assert.equal(await exportAll(ben), await exportAll(ana));
      });

      test('join refuses a file that exists, a link that is not one, one the server lacks, a wrong token', async () => {
        const { notebook: existing } = await sampleNotebook(dir(), 'existing.json');
        const before = await readFile(existing);
        const mtime = (await stat(existing)).mtimeMs;
        const over = await cli([
          'join',
          link,
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          existing,
        ]);
        assert.notEqual(over.code, 0);
        assert.match(over.stderr, /exists already/);
        assert.deepEqual(await readFile(existing), before);
        assert.equal((await stat(existing)).mtimeMs, mtime, 'not even written with the same bytes');
        assert.equal(existsSync(`${existing}.sync`), false);

        const target = join(dir(), 'refused.json');
        const notALink = await cli([
          'join',
          'not-a-link!',
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          target,
        ]);
        assert.equal(notALink.code, 2);
        assert.match(notALink.stderr, /“not-a-link!” is not a notebook link/);
        assert.deepEqual(filesOf('refused.json'), []);

        // A well-formed link to a notebook nobody shared (a fresh one: the server has never been asked for it).
        const unknown = generateAutomergeUrl();
        const missing = await cli([
          'join',
          unknown,
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          target,
        ]);
        assert.notEqual(missing.code, 0);
        assert.match(missing.stderr, new RegExp(`The server does not have the notebook ${unknown}`));
        assert.deepEqual(filesOf('refused.json'), [], 'no notebook, journal or sync folder left behind');

        const wrongToken = await cli([
          'join',
          link,
          '--server',
          server.url,
          '--token',
          'not-the-token',
          '--notebook',
          target,
        ]);
        assert.notEqual(wrongToken.code, 0);
        assert.match(wrongToken.stderr, /refused the token/);
        assert.deepEqual(filesOf('refused.json'), []);
      });

      test('sync prints sent, received and conflicts: one side sends three highlights, the other receives them', async () => {
        const file = await writeJson(dir(), 'three.jsonld', [
          quoteAnnotation('Sergey Lavrov has called his talks', 'A note written for the tests.', 'talks'),
          quoteAnnotation('successful and fruitful', 'Another note written for the tests.', 'talks'),
          quoteAnnotation('search for common ground', 'A third note written for the tests.', 'talks'),
        ]);
        const imported = await parley(
          'annotations',
          'import',
          file,
          '--document',
          documentId,
          '--notebook',
          ana,
        );
        assert.equal(imported.code, 0, imported.stderr);

        const sent = figures(
          await cli(['sync', '--server', server.url, '--token', server.token, '--notebook', ana]),
        );
        assert.ok(sent.sent >= 1, `sent ${sent.sent}`);
        assert.equal(sent.received, 0);
        assert.equal(sent.conflicts, 0);

        const received = figures(
          await cli(['sync', '--server', server.url, '--notebook', ben], { PARLEY_SYNC_TOKEN: server.token }),
        );
        assert.equal(received.sent, 0);
        assert.ok(received.received >= 1, `received ${received.received}`);
        assert.equal(received.conflicts, 0);
        assert.match((await parley('list', '--notebook', ben)).stdout, /\t17\n$/);
        assert.equal(await exportAll(ben), await exportAll(ana));

        const nothing = figures(
          await cli(['sync', '--server', server.url, '--token', server.token, '--notebook', ben]),
        );
        assert.deepEqual(nothing, { sent: 0, received: 0, conflicts: 0 });
      });

      test('a topic renamed differently on the two is a conflict, counted and listed with who set each name', async () => {
        await renameTopic(ana, 'talks', 'talks-by-ana');
        await renameTopic(ben, 'talks', 'talks-by-ben');
        const args = (notebook: string) => [
          'sync',
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          notebook,
        ];

        const first = figures(await cli(args(ana), { PARLEY_AUTHOR: 'Ana' }));
        assert.ok(first.sent >= 1, `sent ${first.sent}`);
        assert.equal(first.received, 0);
        assert.equal(first.conflicts, 0);

        const second = await cli(args(ben), { PARLEY_AUTHOR: 'Ben' });
        const counts = figures(second);
        assert.ok(counts.sent >= 1 && counts.received >= 1, JSON.stringify(counts));
        assert.equal(counts.conflicts, 1);
        const listed = second.stderr.split('\n').filter((line) => line.startsWith('conflict: '));
        assert.equal(listed.length, 1, second.stderr);
        assert.match(listed[0]!, /“talks-by-ana” \(Ana(, shown)?\)/);
        assert.match(listed[0]!, /“talks-by-ben” \(Ben(, shown)?\)/);

        const third = await cli(args(ana), { PARLEY_AUTHOR: 'Ana' });
        const back = figures(third);
        assert.ok(back.received >= 1, `received ${back.received}`);
        assert.equal(back.conflicts, 1);
        assert.match(third.stderr, /^conflict: .*“talks-by-ben” \(Ben/m);
      });

      test('refused: a wrong token, an unreachable server, a notebook never shared; nothing is changed', async () => {
        const before = await bytesOf(ana);
        const wrong = await cli([
          'sync',
          '--server',
          server.url,
          '--token',
          'not-the-token',
          '--notebook',
          ana,
        ]);
        assert.notEqual(wrong.code, 0);
        assert.equal(wrong.stdout, '');
        assert.match(wrong.stderr, /refused the token/);
        assert.deepEqual(await bytesOf(ana), before);

        const nobody = `ws://127.0.0.1:${await freePort()}`;
        const unreachable = await cli([
          'sync',
          '--server',
          nobody,
          '--token',
          server.token,
          '--notebook',
          ana,
        ]);
        assert.notEqual(unreachable.code, 0);
        assert.match(unreachable.stderr, /Cannot reach the sync server at ws:\/\/127\.0\.0\.1:\d+/);
        assert.deepEqual(await bytesOf(ana), before);

        const { notebook: lone } = await sampleNotebook(dir(), 'lone.json');
        const loneBefore = await readFile(lone);
        const shareRefused = await cli([
          'share',
          '--server',
          server.url,
          '--token',
          'not-the-token',
          '--notebook',
          lone,
        ]);
        assert.notEqual(shareRefused.code, 0);
        assert.match(shareRefused.stderr, /refused the token/);
        assert.equal(existsSync(`${lone}.sync`), false, 'not shared');
        assert.deepEqual(await readFile(lone), loneBefore);

        const never = await cli([
          'sync',
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          lone,
        ]);
        assert.notEqual(never.code, 0);
        assert.equal(never.stdout, '');
        assert.match(never.stderr, /lone\.json is not shared/);
        assert.match(never.stderr, /share --server URL --token TOKEN/);
        assert.equal(existsSync(`${lone}.sync`), false);
        assert.deepEqual(await readFile(lone), loneBefore);
      });

      test('--server and --token are required: usage errors, exit 2', async () => {
        const commands = {
          share: ['share', '--notebook', ana],
          join: ['join', link, '--notebook', join(dir(), 'never-made.json')],
          sync: ['sync', '--notebook', ana],
        };
        for (const [name, args] of Object.entries(commands)) {
          const noServer = await cli([...args, '--token', server.token]);
          assert.equal(noServer.code, 2, `${name} without --server`);
          assert.match(noServer.stderr, new RegExp(`${name} needs --server URL`));
          assert.match(noServer.stderr, /Usage: parley/);
          const noToken = await cli([...args, '--server', server.url]);
          assert.equal(noToken.code, 2, `${name} without --token`);
          assert.match(noToken.stderr, new RegExp(`${name} needs --token TOKEN \\(or PARLEY_SYNC_TOKEN\\)`));
        }
        assert.deepEqual(filesOf('never-made.json'), []);
      });

      test('a damaged notebook started empty (restore --empty) gets the team notebook back, and the others lose nothing', async () => {
        const sample = await sampleNotebook(dir(), 'carol.json');
        const carol = sample.notebook;
        assert.equal(
          (await parley('suggest', '--document', sample.id, '--accept', '--notebook', carol)).code,
          0,
        );
        const shared = await cli([
          'share',
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          carol,
        ]);
        assert.equal(shared.code, 0, shared.stderr);
        const dave = join(dir(), 'dave.json');
        const joined = await cli([
          'join',
          shared.stdout.trim(),
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          dave,
        ]);
        assert.equal(joined.code, 0, joined.stderr);
        const whole = (await parley('list', '--notebook', dave)).stdout;
        assert.match(whole, /\t[1-9]\d*\n$/, 'the copy has highlights');

        await writeFile(carol, '{broken');
        assert.equal((await parley('restore', '--empty', '--notebook', carol)).code, 0);
        figures(await cli(['sync', '--server', server.url, '--token', server.token, '--notebook', carol]));
        figures(await cli(['sync', '--server', server.url, '--token', server.token, '--notebook', dave]));
        assert.equal((await parley('list', '--notebook', dave)).stdout, whole, 'the other copy lost nothing');
        assert.equal(
          (await parley('list', '--notebook', carol)).stdout,
          whole,
          'the emptied one has it all back',
        );
      });

      test('parley --help lists the three commands', async () => {
        const help = await cli(['--help']);
        assert.equal(help.code, 0);
        assert.match(help.stdout, /^ {2}share --server URL --token TOKEN/m);
        assert.match(help.stdout, /^ {2}join LINK --server URL --token TOKEN --notebook FILE/m);
        assert.match(help.stdout, /^ {2}sync --server URL --token TOKEN/m);
        assert.match(help.stdout, /PARLEY_SYNC_TOKEN/);
      });
    });

    test('a server killed in the middle of a sync: a message and a non-zero exit, not a hang; the next sync works', async () => {
      const server = await startSyncServer();
      const proxy = await killingProxy(server);
      try {
        const { notebook, id } = await sampleNotebook(dir(), 'killed.json');
        const shared = await cli([
          'share',
          '--server',
          server.url,
          '--token',
          server.token,
          '--notebook',
          notebook,
        ]);
        assert.equal(shared.code, 0, shared.stderr);
        // Made after sharing: the sync below has them to send.
        assert.equal((await parley('suggest', '--document', id, '--accept', '--notebook', notebook)).code, 0);

        const cut = await cli([
          'sync',
          '--server',
          proxy.url,
          '--token',
          server.token,
          '--notebook',
          notebook,
        ]);
        assert.ok(proxy.killed(), 'the server was killed during the sync');
        assert.notEqual(cut.code, 0, cut.stdout);
        assert.equal(cut.stdout, '');
        assert.match(cut.stderr, /^parley: .*(Lost the connection|Cannot reach|stopped moving)/m);
        assert.ok(cut.ms < 15_000, `answered in ${cut.ms} ms, not after a long wait`);
        assert.match((await parley('list', '--notebook', notebook)).stdout, /\t14\n$/, 'nothing lost');

        await server.restart();
        const again = figures(
          await cli(['sync', '--server', server.url, '--token', server.token, '--notebook', notebook]),
        );
        assert.equal(again.received, 0);
        assert.equal(again.conflicts, 0);
      } finally {
        await proxy.close();
        await server.stop();
      }
    });
  },
);
