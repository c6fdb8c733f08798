/**
 * A stand-in for the app, run as its own process by app-kill.test.ts so that it can be killed: it opens a shared
 * notebook with sync on, makes edits and waits until they are saved (then prints what it saved), then starts a
 * large upload and goes on editing until it is killed.
 *
 *   node --import tsx app-process.ts NOTEBOOK SERVER TOKEN
 */
import * as ops from '../../../main/core/notebook';
import { openSync } from '../../../main/sync/service';
import { addHighlights, openStore } from './fixtures';

const [path, server, token] = process.argv.slice(2) as [string, string, string];
const store = await openStore(path);
const sync = await openSync(store, { author: () => 'Killed app', connect: false, retryMs: 200 });
sync.connect(server, token);

const docId = store.data.documents[0]!.id;
const made = addHighlights(store, docId, 20, { from: 300, sentences: 500, note: (i) => `saved note ${i}` });
const noted = store.data.annotations[0]!.id;
store.change((nb) => {
  nb.annotations.find((a) => a.id === noted)!.note += '\nline saved before the kill';
}, 'Edit note');
const topic = store.change((nb) => ops.createTopic(nb, { path: 'saved/topic' }), 'New topic');
await store.flush();
process.stdout.write(`${JSON.stringify({ saved: made, noted, topic: topic.id })}\n`);

// A large change to upload, then edits until the end.
addHighlights(store, docId, 5000, { from: 0, sentences: 500, perChange: 5000 });
process.stdout.write('uploading\n');
let i = 0;
setInterval(() => {
  store.change((nb) => {
    nb.annotations.find((a) => a.id === noted)!.note += `\nafter ${i++}`;
  }, 'Edit note');
}, 5);
