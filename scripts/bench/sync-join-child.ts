/**
 * One join, in a process of its own so that its memory is its own (bench part `sync`): prints one JSON line with
 * how long joinNotebook took and how much the process's resident memory grew at its peak.
 *
 *   node --import tsx scripts/bench/sync-join-child.ts LINK SERVER TOKEN PATH [raw]
 */
import { Repo } from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import { joinNotebook } from '../../main/sync/service';
import { serverAddress } from '../../main/sync/probe';

const [link, server, token, path, mode] = process.argv.slice(2) as [string, string, string, string, string?];
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);
const start = performance.now();
if (mode === 'raw') {
  // The peer: the same document fetched by a bare automerge-repo client, with nothing written anywhere.
  const repo = new Repo({ network: [new WebSocketClientAdapter(serverAddress(server, token))] });
  const handle = await repo.find(link as never);
  handle.doc();
  await repo.shutdown();
} else {
  await joinNotebook({ link, server, token, path, author: 'Bench' });
}
const ms = performance.now() - start;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
process.stdout.write(`${JSON.stringify({ ms, mb: (peak - before) / 1024 / 1024 })}\n`);
process.exit(0);
