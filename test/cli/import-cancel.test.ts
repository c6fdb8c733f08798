// Written for `parley import` and Ctrl+C: a web page is read on a worker thread, and an interrupt while it is read
// ends the worker, says the import was cancelled, exits with 130 (the shell's code for an interrupt) and leaves no notebook behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parley, useTempDir } from './support';
import { makeLargePage } from '../../scripts/make-large-page';

const dir = useTempDir('parley-import-cancel-');

test('Ctrl+C while a web page is read cancels the import and creates nothing', async () => {
  const page = join(dir(), 'long.html');
  await writeFile(page, makeLargePage(3).html);
  const notebook = join(dir(), 'notebook.json');
  const listening = process.listenerCount('SIGINT');
  const running = parley('import', page, '--notebook', notebook);
  // The worker takes longer than this to load its reader, let alone read 3 MB.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(
    process.listenerCount('SIGINT'),
    listening + 1,
    'the import listens for Ctrl+C while it reads',
  );
  process.emit('SIGINT');
  const { code, stdout, stderr } = await running;
  assert.equal(code, 130);
  assert.equal(stdout, '');
  assert.match(stderr, /The import of "long\.html" was cancelled: nothing was imported\./);
  assert.equal(existsSync(notebook), false);
  assert.equal(process.listenerCount('SIGINT'), listening, 'and stops listening after');
});
