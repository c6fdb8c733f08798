/**
 * One question to a sync server before syncing: does it answer, and does it take our token? A websocket that opens
 * is closed at once. The stock client adapter retries a refused or unreachable server for ever without saying why;
 * this says why, in words.
 */
import WebSocket from 'ws';

export type ProbeResult =
  { ok: true } | { ok: false; reason: 'refused' | 'unreachable' | 'invalid'; message: string };

/** The websocket address of a server as the user gave it (http(s) becomes ws(s)), with the token in its query. */
export function serverAddress(server: string, token: string): string {
  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    throw new Error(
      `“${server}” is not a server address: give one like ws://127.0.0.1:3030 or wss://sync.example.org`,
    );
  }
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new Error(`“${server}” is not a server address: it must start ws://, wss://, http:// or https://`);
  }
  url.searchParams.set('token', token);
  return url.toString();
}

/** The address without its token, for messages. */
export function shownAddress(server: string): string {
  try {
    const url = new URL(server.trim());
    url.searchParams.delete('token');
    return url.toString().replace(/\/$/, '');
  } catch {
    return server;
  }
}

export function probe(server: string, token: string, timeoutMs = 10_000): Promise<ProbeResult> {
  let address: string;
  try {
    address = serverAddress(server, token);
  } catch (error) {
    return Promise.resolve({ ok: false, reason: 'invalid', message: (error as Error).message });
  }
  const shown = shownAddress(server);
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.terminate();
      resolve(result);
    };
    const socket = new WebSocket(address, { handshakeTimeout: timeoutMs });
    const timer = setTimeout(
      () =>
        done({ ok: false, reason: 'unreachable', message: `The sync server at ${shown} did not answer.` }),
      timeoutMs,
    );
    socket.on('open', () => done({ ok: true }));
    socket.on('unexpected-response', (_request, response) => {
      const status = response.statusCode ?? 0;
      done(
        status === 401 || status === 403
          ? { ok: false, reason: 'refused', message: `The sync server at ${shown} refused the token.` }
          : {
              ok: false,
              reason: 'unreachable',
              message: `The address ${shown} answered ${status}: it is not a sync server, or not its websocket.`,
            },
      );
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'ECONNREFUSED'
          ? 'nothing is listening there'
          : error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN'
            ? 'the host name is not known'
            : error.message;
      done({
        ok: false,
        reason: 'unreachable',
        message: `Cannot reach the sync server at ${shown}: ${why}.`,
      });
    });
  });
}
