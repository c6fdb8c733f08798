// The team sync server (scripts/sync-server.mjs): the stock Automerge sync server behind a token gate, started here
// on 127.0.0.1 and stopped by the tests. A client without the team's token is refused with a bare 401 and learns
// nothing; one with it syncs documents with the others, and what the server stored survives a SIGKILL.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { connect, createServer } from 'node:net';
import { createRequire } from 'node:module';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Repo, type AnyDocumentId } from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import { freePort, startSyncServer, type RunningSyncServer } from './server-process';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/sync-server.mjs');
const work = mkdtempSync(join(tmpdir(), 'parley-sync-server-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

// `ws` ships no types of its own; this is the part of its client the tests use.
interface WsClient {
  on(event: string, listener: (...args: never[]) => void): WsClient;
  close(): void;
  terminate(): void;
}
type WsConstructor = new (
  url: string,
  protocols?: string[],
  options?: { headers?: Record<string, string> },
) => WsClient;
const WebSocket = createRequire(import.meta.url)('ws') as WsConstructor;

type WsOutcome =
  | { kind: 'open' }
  | { kind: 'refused'; status: number; headers: IncomingMessage['headers']; body: string }
  | { kind: 'error'; message: string };

/** Opens a websocket and says whether it was upgraded or refused (with the whole refusal), then closes it. */
function tryWebSocket(
  url: string,
  protocols?: string[],
  headers?: Record<string, string>,
): Promise<WsOutcome & { messages: number }> {
  return new Promise((resolveOutcome) => {
    let messages = 0;
    const socket = new WebSocket(url, protocols, headers ? { headers } : undefined);
    const done = (outcome: WsOutcome) => resolveOutcome({ ...outcome, messages });
    socket.on('message', () => messages++);
    socket.on('open', () => {
      // A moment to see whether the server says anything to a client that has not spoken.
      setTimeout(() => {
        socket.close();
        done({ kind: 'open' });
      }, 100);
    });
    socket.on('unexpected-response', (_request: ClientRequest, response: IncomingMessage) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        socket.terminate();
        done({ kind: 'refused', status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    socket.on('error', (error: Error) => done({ kind: 'error', message: error.message }));
  });
}

/** Writes a raw request and reads everything the server sends until it closes the connection. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolveExchange, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('end', () => resolveExchange(received));
    socket.on('error', reject);
    socket.setTimeout(3_000, () => {
      socket.destroy();
      reject(new Error(`the server kept the connection open; it sent:\n${received}`));
    });
  });
}

function upgradeRequest(path: string, extraHeaders = ''): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extraHeaders}\r\n`
  );
}

/** Whether a TCP connection to host:port is accepted within a second. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolveAccepts) => {
    const socket = connect({ host, port });
    const finish = (accepted: boolean) => {
      socket.destroy();
      resolveAccepts(accepted);
    };
    socket.on('connect', () => finish(true));
    socket.on('error', () => finish(false));
    socket.setTimeout(1_000, () => finish(false));
  });
}

// What a refusal may carry: a status line and these headers, with no body.
const REFUSAL_HEADERS = new Set(['connection', 'content-length', 'date']);
const TELLTALES = /automerge|express|sync-server|storage-server|x-powered-by|server:|peer/i;

function assertBareRefusal(raw: string, what: string): void {
  const [head = '', body] = raw.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  assert.equal(statusLine, 'HTTP/1.1 401 Unauthorized', `${what}: ${raw}`);
  for (const line of headerLines) {
    const name = line.slice(0, line.indexOf(':')).toLowerCase();
    assert.ok(REFUSAL_HEADERS.has(name), `${what}: the refusal carries the header ${line}`);
  }
  assert.match(head, /^Content-Length: 0$/im, what);
  assert.equal(body, '', `${what}: the refusal has a body`);
  assert.doesNotMatch(raw, TELLTALES, what);
}

function assertBareWsRefusal(outcome: WsOutcome & { messages: number }, what: string): void {
  assert.equal(outcome.kind, 'refused', `${what}: ${JSON.stringify(outcome)}`);
  if (outcome.kind !== 'refused') return;
  assert.equal(outcome.status, 401, what);
  for (const name of Object.keys(outcome.headers)) {
    assert.ok(REFUSAL_HEADERS.has(name), `${what}: the refusal carries the header ${name}`);
  }
  assert.equal(outcome.body, '', what);
  assert.equal(outcome.messages, 0, what);
}

/** A client adapter that records connection errors instead of throwing them (the stock one throws on a 401). */
class RecordingClientAdapter extends WebSocketClientAdapter {
  errors: string[] = [];
  override onError = (event: unknown) => {
    const error = (event as { error?: Error }).error;
    this.errors.push(error?.message ?? 'error');
  };
  // No reconnecting: a refused client is tried once, and leaves no timer behind.
  override onClose = () => {};
}

/** A document created by one client and synced to the server, as a fresh client finds it (retried briefly). */
async function findOnServer(address: string, id: AnyDocumentId): Promise<{ text: string }> {
  const giveUpAt = Date.now() + 10_000;
  for (;;) {
    const repo = new Repo({ network: [new WebSocketClientAdapter(address)] });
    try {
      const handle = await repo.find<{ text: string }>(id);
      return structuredClone(handle.doc());
    } catch (error) {
      if (Date.now() > giveUpAt) throw error;
    } finally {
      await repo.shutdown();
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

/** Runs the script with arguments that must stop it before it starts. */
function runRefused(args: string[], env: NodeJS.ProcessEnv = envWithout('PARLEY_SYNC_TOKEN')) {
  return spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: work,
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

// Process groups started here, killed if the test process exits with any still running.
const groups = new Set<number>();
process.on('exit', () => {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Spawns a server process with the given command and waits for its first stdout line. */
function spawnListening(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; line: string; stdout: () => string }> {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.add(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolveListening, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`no line within 20 s; stderr:\n${stderr}`));
    }, 20_000);
    child.stdout!.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolveListening({ child, line: stdout.slice(0, stdout.indexOf('\n')), stdout: () => stdout });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it listened; stderr:\n${stderr}`));
    });
  });
}

/** Whether any process of the group is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a process started with spawnListening: the whole group (npm and the server under it), until none is left. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid!;
  if (!groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const hardAt = Date.now() + 3_000;
  while (groupAlive(pid)) {
    if (Date.now() > hardAt) process.kill(-pid, 'SIGKILL');
    await new Promise((wait) => setTimeout(wait, 50));
  }
  groups.delete(pid);
}

describe('npm run -s sync-server', () => {
  it('prints one line when it listens, stays in the foreground on 127.0.0.1 only, and serves', async () => {
    const port = await freePort();
    const token = 'npm-started-token';
    const dataDir = join(work, 'npm-data');
    const { child, line, stdout } = await spawnListening(
      'npm',
      ['run', '-s', 'sync-server', '--', '--port', String(port), '--token', token, '--data', dataDir],
      envWithout('PARLEY_SYNC_TOKEN'),
    );
    try {
      assert.match(line, new RegExp(`listening on ws://127\\.0\\.0\\.1:${port}\\b`));
      assert.ok(existsSync(dataDir), 'the data folder is made');

      // It serves: a client with the token is upgraded, and one without it is refused.
      assert.equal((await tryWebSocket(`ws://127.0.0.1:${port}/?token=${token}`)).kind, 'open');
      assertBareWsRefusal(await tryWebSocket(`ws://127.0.0.1:${port}/`), 'no token');

      // Bound to 127.0.0.1: the loopback address answers, every other address of the machine does not.
      assert.equal(await accepts('127.0.0.1', port), true);
      const others = ['127.0.0.2', '::1'];
      for (const addresses of Object.values(networkInterfaces())) {
        for (const address of addresses ?? []) {
          if (address.address !== '127.0.0.1') others.push(address.address);
        }
      }
      for (const host of others) {
        assert.equal(await accepts(host, port), false, `a connection to ${host}:${port} was accepted`);
      }

      // Still running in the foreground, and it printed nothing more.
      assert.equal(child.exitCode, null);
      assert.equal(child.signalCode, null);
      assert.equal(stdout(), `${line}\n`);
    } finally {
      await stopGroup(child);
    }
    assert.equal(stdout(), `${line}\n`, 'nothing more on stdout while it stopped');
  });
});

describe('the token gate', () => {
  let server: RunningSyncServer;
  before(async () => {
    server = await startSyncServer();
  });
  after(() => server.stop());

  it('refuses a websocket without the token, with a wrong one, or with it in the wrong place, saying nothing', async () => {
    const { url, token, port } = server;
    const refused: [string, string, string[]?, Record<string, string>?][] = [
      ['no token', `${url}/`],
      ['an empty token', `${url}/?token=`],
      ['a wrong token', `${url}/?token=wrong`],
      ['the token with a character more', `${url}/?token=${token}x`],
      ['the token with a character less', `${url}/?token=${token.slice(0, -1)}`],
      ['the token in capitals', `${url}/?token=${token.toUpperCase()}`],
      ['a wrong bearer token', `${url}/`, undefined, { Authorization: 'Bearer wrong' }],
      ['the token in the path', `${url}/${token}`],
      ['the token under another name', `${url}/?key=${token}`],
      ['the token in its own header', `${url}/`, undefined, { 'X-Parley-Token': token }],
      ['the token as a cookie', `${url}/`, undefined, { Cookie: `token=${token}` }],
      ['the token as a subprotocol', `${url}/`, [token]],
      ['the token as a user name', `ws://${token}@127.0.0.1:${port}/`],
      ['the token under another scheme', `${url}/`, undefined, { Authorization: `Token ${token}` }],
    ];
    for (const [what, address, protocols, headers] of refused) {
      assertBareWsRefusal(await tryWebSocket(address, protocols, headers), what);
    }
    // The bytes on the wire, for an upgrade and for a plain GET: a bare 401 and the connection closed.
    assertBareRefusal(await rawExchange(port, upgradeRequest('/')), 'raw upgrade without the token');
    assertBareRefusal(
      await rawExchange(port, upgradeRequest('/?token=wrong')),
      'raw upgrade with a wrong token',
    );
    assertBareRefusal(
      await rawExchange(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n'),
      'plain GET without the token',
    );
  });

  it('lets a client with the token through, in the address or as a bearer token', async () => {
    const { url, token, port } = server;
    assert.equal((await tryWebSocket(`${url}/?token=${token}`)).kind, 'open');
    assert.equal(
      (await tryWebSocket(`${url}/`, undefined, { Authorization: `Bearer ${token}` })).kind,
      'open',
    );
    // Behind the gate is the stock server, which does name itself: the refusals above are the gate's doing.
    const raw = await rawExchange(
      port,
      `GET /?token=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    assert.match(raw, /^HTTP\/1\.1 200 /);
    assert.match(raw, /automerge-repo-sync-server is running/);
  });

  it('syncs a document between two automerge-repo clients with the token, and gives it to none without', async () => {
    const address = `${server.url}/?token=${server.token}`;
    const first = new Repo({ network: [new WebSocketClientAdapter(address)] });
    try {
      // Written for the tests, not real notes.
      const handle = first.create<{ text: string }>({ text: 'A note written for the sync server tests.' });
      assert.deepEqual(await findOnServer(address, handle.url), {
        text: 'A note written for the sync server tests.',
      });

      for (const [what, badAddress] of [
        ['no token', `${server.url}/`],
        ['a wrong token', `${server.url}/?token=wrong`],
      ] as const) {
        const adapter = new RecordingClientAdapter(badAddress);
        const outsider = new Repo({ network: [adapter] });
        try {
          await assert.rejects(outsider.find(handle.url), /unavailable/, what);
          assert.ok(adapter.errors.length > 0, `${what}: the client saw no refusal`);
          for (const error of adapter.errors) assert.match(error, /401/, what);
          assert.equal(adapter.remotePeerId, undefined, `${what}: the client learned the server's peer id`);
        } finally {
          await outsider.shutdown();
        }
      }
    } finally {
      await first.shutdown();
    }
  });
});

describe('starting it wrong', () => {
  const cases: [string, string[], RegExp][] = [
    ['no --port', ['--token', 't'], /--port is required/],
    ['no --token', ['--port', '4321'], /--token is required/],
    [
      'a port that is not a number',
      ['--port', 'abc', '--token', 't'],
      /--port must be a number from 1 to 65535/,
    ],
    ['port 0', ['--port', '0', '--token', 't'], /--port must be a number from 1 to 65535/],
    ['port 65536', ['--port', '65536', '--token', 't'], /--port must be a number from 1 to 65535/],
    ['a negative port', ['--port', '-1', '--token', 't'], /--port must be a number from 1 to 65535/],
    ['an unknown flag', ['--port', '4321', '--token', 't', '--verbose'], /unknown argument "--verbose"/],
    ['a stray argument', ['--port', '4321', '--token', 't', 'extra'], /unknown argument "extra"/],
    ['a flag with no value', ['--port', '4321', '--token'], /--token needs a value/],
    ['a flag followed by another flag', ['--token', '--port', '4321'], /--token needs a value/],
  ];
  for (const [what, args, message] of cases) {
    it(`says so and starts nothing: ${what}`, () => {
      const dataDir = join(work, `never-made-${what.replace(/\W+/g, '-')}`);
      const result = runRefused(['--data', dataDir, ...args]);
      assert.notEqual(result.status, 0, what);
      assert.equal(result.signal, null, what);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /^parley sync server: /);
      assert.equal(result.stdout, '');
      assert.equal(existsSync(dataDir), false, 'the data folder was made');
    });
  }

  it('says the port is in use and exits 1 when something else holds it', async () => {
    const holder = createServer();
    await new Promise<void>((listening) => holder.listen(0, '127.0.0.1', listening));
    const address = holder.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const result = spawnSync(
        process.execPath,
        [SCRIPT, '--port', String(port), '--token', 't', '--data', join(work, 'in-use-data')],
        { cwd: work, encoding: 'utf8', timeout: 20_000 },
      );
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.equal(result.stdout, '');
    } finally {
      await new Promise((closed) => holder.close(closed));
    }
  });

  it('takes the token from PARLEY_SYNC_TOKEN when --token is not given', async () => {
    const port = await freePort();
    // Characters that must be escaped in an address: the client gives the token encoded, the server decodes it.
    const token = 'token+from/the=environment&more';
    const { child, line } = await spawnListening(
      process.execPath,
      [SCRIPT, '--port', String(port), '--data', join(work, 'env-data')],
      { ...process.env, PARLEY_SYNC_TOKEN: token },
    );
    try {
      assert.match(line, new RegExp(`listening on ws://127\\.0\\.0\\.1:${port}\\b`));
      const encoded = encodeURIComponent(token);
      assert.equal((await tryWebSocket(`ws://127.0.0.1:${port}/?token=${encoded}`)).kind, 'open');
      assertBareWsRefusal(await tryWebSocket(`ws://127.0.0.1:${port}/`), 'no token');
      assertBareWsRefusal(await tryWebSocket(`ws://127.0.0.1:${port}/?token=wrong`), 'a wrong token');
    } finally {
      await stopGroup(child);
    }
  });

  it('refuses a data folder it cannot make', () => {
    const file = join(work, 'a-file-not-a-folder');
    writeFileSync(file, 'written for the tests\n');
    const result = runRefused(['--port', '4321', '--token', 't', '--data', join(file, 'data')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /cannot make the data folder/);
  });
});

describe('a server killed and restarted', () => {
  it('keeps the documents it had stored: a new client finds them after a SIGKILL and restart', async () => {
    const server = await startSyncServer();
    try {
      const address = `${server.url}/?token=${server.token}`;
      const writer = new Repo({ network: [new WebSocketClientAdapter(address)] });
      // Written for the tests, not real notes.
      const handle = writer.create<{ text: string }>({ text: 'Stored before the crash, for the tests.' });
      try {
        assert.deepEqual(await findOnServer(address, handle.url), {
          text: 'Stored before the crash, for the tests.',
        });
        // The server writes what it holds to its data folder a moment after it receives it; the kill comes after.
        const folder = join(server.dataDir, handle.documentId.slice(0, 2), handle.documentId.slice(2));
        const giveUpAt = Date.now() + 5_000;
        while (!(existsSync(folder) && readdirSync(folder, { recursive: true }).length > 1)) {
          assert.ok(Date.now() < giveUpAt, 'the server wrote nothing to its data folder');
          await new Promise((wait) => setTimeout(wait, 50));
        }
      } finally {
        await writer.shutdown();
      }
      await server.kill('SIGKILL');
      assert.equal(await accepts('127.0.0.1', server.port), false, 'the server still answers after SIGKILL');
      await server.restart();
      assert.deepEqual(await findOnServer(address, handle.url), {
        text: 'Stored before the crash, for the tests.',
      });
    } finally {
      await server.stop();
    }
  });
});

describe('a client with the token that sends what the stock server cannot read', () => {
  it('does not end the server: it goes on serving everyone else', async () => {
    const server = await startSyncServer();
    try {
      const address = `${server.url}/?token=${server.token}`;
      const raw = createRequire(import.meta.url)('ws') as new (url: string) => WsClient & {
        send(data: string | Uint8Array): void;
      };
      // Text that is not CBOR, a CBOR message with no sender, and bytes that are not CBOR at all.
      const garbage: Array<string | Uint8Array> = [
        'hello',
        Uint8Array.from([0xa1, 0x64, 0x74, 0x79, 0x70, 0x65, 0x64, 0x6a, 0x6f, 0x69, 0x6e]),
        Uint8Array.from([0xff, 0x00, 0x12]),
      ];
      for (const message of garbage) {
        // The connection may be closed for it, or the message ignored: either way, the server stays up.
        await new Promise<void>((resolveDone) => {
          const socket = new raw(address);
          socket.on('open', () => {
            socket.send(message);
            setTimeout(() => {
              socket.terminate();
              resolveDone();
            }, 500);
          });
          socket.on('error', () => resolveDone());
        });
        assert.equal(await accepts('127.0.0.1', server.port), true, 'the server is still listening');
      }
      const writer = new Repo({ network: [new WebSocketClientAdapter(address)] });
      const handle = writer.create<{ text: string }>({ text: 'Written for the tests after the garbage.' });
      try {
        assert.deepEqual(await findOnServer(address, handle.url), {
          text: 'Written for the tests after the garbage.',
        });
      } finally {
        await writer.shutdown();
      }
    } finally {
      await server.stop();
    }
  });
});
