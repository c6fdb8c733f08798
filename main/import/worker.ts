/**
 * The import worker: reads one file's bytes into a document draft on a thread of its own, so that a slow page
 * (jsdom and Readability over megabytes of markup) never holds the main process's event loop. It is told what to
 * read in its start data, says how far it has got, and answers with the draft or with the refusal's message and
 * code. Started only by main/import/off-thread.ts, which can end it at any time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importFileBytes } from './index';
import { ParleyError } from '../../shared/model';
import type { WorkerReply, WorkerTask } from './off-thread';

const task = workerData as WorkerTask;
const reply = (message: WorkerReply) => parentPort?.postMessage(message);

if (task.crashForTest === 'throw') throw new Error('The import worker was told to fail (a test).');
if (task.crashForTest === 'exit') process.exit(3);

// The bundle is CommonJS, which has no top-level await: the reading runs in a function of its own.
void (async () => {
  try {
    const draft = await importFileBytes(task.fileName, task.bytes, (done, total) =>
      reply({ kind: 'step', done, total }),
    );
    reply({ kind: 'draft', draft });
  } catch (error) {
    reply(
      error instanceof ParleyError
        ? { kind: 'refused', message: error.message, code: error.code }
        : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
    );
  }
})();
