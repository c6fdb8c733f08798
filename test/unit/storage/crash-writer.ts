// A child process for the crash test: keeps changing a notebook and prints `saved N` each time revision N is
// flushed, until the test kills it. Usage: node --import tsx crash-writer.ts <notebook.json>
import { createHash } from 'node:crypto';
import { openNotebookStore } from '../../../main/storage/notebook-store';

const path = process.argv[2];
if (!path) throw new Error('usage: crash-writer.ts <notebook.json>');

const store = await openNotebookStore(path, { debounceMs: 2 });
if (store.created) {
  // A large document makes each write take long enough for kills to land in the middle of one.
  const text = 'The horrific murder of Mr. Litvinenko in 2006 has been followed up. '.repeat(30_000);
  store.change((nb) =>
    nb.documents.push({
      id: 'd1',
      title: 'Miliband: bilateral differences will not obscure our relationship',
      source: 'RT',
      published: '2009-11-02',
      url: '',
      importedAt: new Date().toISOString(),
      note: '',
      byline: '',
      format: 'text',
      text,
      blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
      contentHash: createHash('sha256').update(text).digest('hex'),
    }),
  );
  await store.flush();
}

let revision = store.data.topics.length;
process.stdout.write('ready\n');

for (;;) {
  const burst = 1 + Math.floor(Math.random() * 5);
  for (let i = 0; i < burst; i++) {
    revision++;
    const id = `r${revision}`;
    store.change((nb) => nb.topics.push({ id, path: `crash/${revision}`, colour: '', description: '' }));
  }
  if (Math.random() < 0.5) {
    await store.flush();
    process.stdout.write(`saved ${revision}\n`);
  } else {
    // Let the debounced write run in the background while more changes pile up.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
  }
}
