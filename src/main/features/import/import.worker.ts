// Worker thread of one import: parses the files and writes each in one
// transaction on a connection of its own, so the app's main thread only
// relays progress (a 50,000-row file would otherwise stall it for seconds).
import { parentPort, workerData } from 'node:worker_threads';
import { cacheHandle, openCache } from '../../cache';
import { parseImportFile } from '../../import/parse-file';
import { importFiles } from './import-files';
import type { ImportJob, ImportThreadMessage } from './import-thread';

const port = parentPort!;
const job = workerData as ImportJob;
const post = (message: ImportThreadMessage) => port.postMessage(message);

// The app's connection checked the file when it opened it; wait long for the write lock (a sync may hold it).
const db = openCache(job.cacheFile, { verify: false });
db.pragma('busy_timeout = 60000');
try {
  const outcomes = await importFiles(cacheHandle(db), parseImportFile, job.key, job.sources, {
    dryRun: job.dryRun,
    onRows: (rows, index) => post({ type: 'rows', rows, index }),
    onFile: (outcome, index) => post({ type: 'file', outcome, index }),
  });
  post({ type: 'done', outcomes });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ type: 'error', name: e.name, message: e.message, code: (e as { code?: string }).code });
} finally {
  db.close();
}
