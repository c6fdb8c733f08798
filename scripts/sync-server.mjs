#!/usr/bin/env node
// The team sync server: the stock Automerge sync server (@automerge/automerge-repo-sync-server), run as it ships,
// with two things in front of it. It listens on 127.0.0.1 unless told otherwise, and every request and every
// websocket upgrade must carry the team's token (`?token=TOKEN` in the address, or `Authorization: Bearer TOKEN`);
// one without it is answered 401 with nothing else and never reaches the server.
//
//   npm run -s sync-server -- --port PORT --token TOKEN [--data DIR] [--host HOST]
//
// The token may come from PARLEY_SYNC_TOKEN instead of --token. The server prints one line when it listens and runs
// in the foreground until it is stopped. For a team across machines, run it behind a TLS proxy (docs/sync-server.md).
import http from 'node:http';
import { timingSafeEqual, createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const USAGE =
  'usage: npm run -s sync-server -- --port PORT --token TOKEN [--data DIR] [--host HOST]\n' +
  '  --port PORT    the port to listen on (1-65535)\n' +
  '  --token TOKEN  the team token every client must give (or PARLEY_SYNC_TOKEN)\n' +
  '  --data DIR     where the server keeps the notebooks it holds (default ./parley-sync-data)\n' +
  '  --host HOST    the address to listen on (default 127.0.0.1; put a TLS proxy in front for other machines)\n';

function fail(message, code = 2) {
  process.stderr.write(`parley sync server: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const options = {
    port: null,
    token: process.env.PARLEY_SYNC_TOKEN ?? null,
    data: 'parley-sync-data',
    host: '127.0.0.1',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    const eq = arg.indexOf('=');
    const [name, inline] =
      arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (!['--port', '--token', '--data', '--host'].includes(name))
      fail(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    // A flag straight after a flag is taken as the value missing, not as the value (`--token --port 80`).
    const value = inline ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[++i]);
    if (value === undefined || value === '') fail(`${name} needs a value\n${USAGE}`);
    options[name.slice(2)] = value;
  }
  if (options.port === null) fail(`--port is required\n${USAGE}`);
  if (!/^\d{1,5}$/.test(options.port) || Number(options.port) < 1 || Number(options.port) > 65535) {
    fail(`--port must be a number from 1 to 65535, not ${JSON.stringify(options.port)}`);
  }
  if (!options.token) fail(`--token is required (or set PARLEY_SYNC_TOKEN)\n${USAGE}`);
  return { ...options, port: Number(options.port) };
}

const options = parseArgs(process.argv.slice(2));
const dataDir = resolve(options.data);
try {
  mkdirSync(dataDir, { recursive: true });
} catch (error) {
  fail(`cannot make the data folder ${dataDir}: ${error.message}`, 1);
}

// Tokens are compared as digests, in constant time, so neither their length nor their first characters leak.
const digest = (text) => createHash('sha256').update(text, 'utf8').digest();
const expected = digest(options.token);

function tokenOf(request) {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  try {
    return new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
  } catch {
    return null;
  }
}

function allowed(request) {
  const token = tokenOf(request);
  return typeof token === 'string' && token.length > 0 && timingSafeEqual(digest(token), expected);
}

const REFUSAL = 'HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

// The stock server reads its port and data folder from the environment and calls express's app.listen(PORT), which
// listens on every address; while it starts, listen is given the host as well, and the server it makes is kept.
process.env.PORT = String(options.port);
process.env.DATA_DIR = dataDir;
const { Server } = await import('@automerge/automerge-repo-sync-server/src/server.js');

// The stock server reads each websocket message without guarding it: a message that is not one of its own (not
// CBOR, or without a sender, or for a peer that has just gone) throws, and the throw would end the server for
// everyone. Here that message is dropped, said in one line on stderr. (The same ws the stock server uses.)
const require = createRequire(
  fileURLToPath(import.meta.resolve('@automerge/automerge-repo-sync-server/src/server.js')),
);
const { WebSocket } = require('ws');
const originalEmit = WebSocket.prototype.emit;
WebSocket.prototype.emit = function emit(event, ...args) {
  if (event !== 'message') return originalEmit.call(this, event, ...args);
  try {
    return originalEmit.call(this, event, ...args);
  } catch (error) {
    process.stderr.write(`parley sync server: dropped a message it could not handle (${error.message})\n`);
    return true;
  }
};
process.on('unhandledRejection', (error) => {
  process.stderr.write(`parley sync server: ${error instanceof Error ? error.message : String(error)}\n`);
});

const originalListen = http.Server.prototype.listen;
const originalLog = console.log;
let httpServer = null;
http.Server.prototype.listen = function listen(port, ...rest) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the server the stock code made, kept to guard it
  httpServer = this;
  const callbacks = rest.filter((arg) => typeof arg === 'function');
  return originalListen.call(this, port, options.host, ...callbacks);
};
// The stock server's own "Listening on port" line is replaced by the one below, which says where and how.
console.log = (...args) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Listening on port')) return;
  originalLog(...args);
};
let server;
try {
  server = new Server();
} finally {
  http.Server.prototype.listen = originalListen;
}
if (httpServer === null) fail('the stock sync server did not start a listener', 1);

httpServer.on('error', (error) => {
  const message =
    error.code === 'EADDRINUSE'
      ? `port ${options.port} on ${options.host} is already in use`
      : error.code === 'EACCES'
        ? `not allowed to listen on port ${options.port}`
        : error.code === 'EADDRNOTAVAIL'
          ? `this machine has no address ${options.host}`
          : error.message;
  fail(message, 1);
});

// The token gate, in front of the stock handlers: they stay as they are and hear only requests that carry it.
for (const event of ['upgrade', 'request']) {
  const handlers = httpServer.listeners(event);
  httpServer.removeAllListeners(event);
  httpServer.on(event, (request, ...rest) => {
    if (allowed(request)) {
      for (const handler of handlers) handler.call(httpServer, request, ...rest);
      return;
    }
    if (event === 'upgrade') {
      const socket = rest[0];
      socket.end(REFUSAL);
      socket.destroy();
    } else {
      const response = rest[0];
      response.writeHead(401, { 'Content-Length': '0', Connection: 'close' });
      response.end();
    }
  });
}

await server.ready();
console.log = originalLog;
const host = options.host.includes(':') ? `[${options.host}]` : options.host;
process.stdout.write(
  `Parley sync server listening on ws://${host}:${options.port} (data in ${dataDir}; token required)\n`,
);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
