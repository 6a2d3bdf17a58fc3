// Worker thread of one import: each file is read on a reading thread
// (import/parse-thread.ts) while this one stages its conferences, then
// writes it in one transaction on a connection of its own; the app's main
// thread only relays progress (a 50,000-row file would otherwise stall it
// for seconds). The reading thread starts first: it loads the file reader
// while this thread loads the cache's code (imported below, on demand).
import { parentPort, workerData } from 'node:worker_threads';
import { startReadingThread } from '../../import/parse-thread';
import type { ImportJob, ImportThreadMessage } from './import-thread';

const reader = startReadingThread();
const port = parentPort!;
const job = workerData as ImportJob;
const post = (message: ImportThreadMessage) => port.postMessage(message);

const { runImportJob } = await import('./import-job');
try {
  post({ type: 'done', outcomes: await runImportJob(job, reader, post) });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ type: 'error', name: e.name, message: e.message, code: (e as { code?: string }).code });
} finally {
  await reader.close();
}
