// A child process for the crash test: keeps changing a notebook through the real store, its journal and its durable
// file, and prints `saved N` each time revision N is on disk, until the test kills it. Its bursts, flushes, folds
// and pauses follow a seeded generator, so a seed replays the same sequence of changes. The journal is folded
// after a few records (a number drawn from the seed) and now and then at once, so kills land in appends and folds.
// Usage: node --import tsx crash-writer.ts <notebook.json> <seed> (the test runs it bundled, to start faster)
import { importPlainText } from '../../../main/core/import-text';
import { addDocuments } from '../../../main/core/notebook';
import { openNotebookStore } from '../../../main/storage/notebook-store';
import { seededRandom } from '../../../scripts/seeded-random';

const [path, seedArg] = process.argv.slice(2);
if (!path || !seedArg) throw new Error('usage: crash-writer.ts <notebook.json> <seed>');
const random = seededRandom(Number(seedArg));

const store = await openNotebookStore(path, {
  debounceMs: 2,
  journal: { foldAfterRecords: 1 + Math.floor(random() * 12) },
});
if (store.created) {
  // A document of a hundred kilobytes makes each write long enough for kills to land inside one.
  const text = 'The horrific murder of Mr. Litvinenko in 2006 has been followed up.\n\n'.repeat(1_500);
  store.change((nb) => addDocuments(nb, [importPlainText(text, { fileName: 'crash.txt' })], new Date()));
  // Folded into the file before the first kill can land, so that the file alone holds the document as the test
  // expects of every round, even one killed before the journal's first fold.
  await store.checkpoint();
}

// Topic rN records revision N. Only the latest KEPT stay, so every change costs the same however long the run.
const KEPT = 50;
let revision = Number(store.data.topics.at(-1)?.id.slice(1) ?? 0);
process.stdout.write('ready\n');

for (;;) {
  const burst = 1 + Math.floor(random() * 5);
  for (let i = 0; i < burst; i++) {
    revision++;
    const id = `r${revision}`;
    store.change((nb) => {
      nb.topics.push({ id, path: `crash/${revision}`, colour: '', description: '' });
      if (nb.topics.length > KEPT) nb.topics.shift();
    });
  }
  const draw = random();
  if (draw < 0.1) {
    await store.checkpoint();
    process.stdout.write(`saved ${revision}\n`);
  } else if (draw < 0.8) {
    await store.flush();
    process.stdout.write(`saved ${revision}\n`);
  } else {
    // The pause is the point: the debounced write runs in the background, at a seeded moment, as more changes come.
    await new Promise((resolve) => setTimeout(resolve, random() * 4));
  }
}
