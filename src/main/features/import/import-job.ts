// What the import thread does once started: the job's files through
// importFiles, read on its reading thread, written on a connection of its own.
import { cacheHandle, openCache } from '../../cache';
import type { ReadingThread } from '../../import/parse-thread';
import { importFiles, type FileOutcome } from './import-files';
import type { ImportJob, ImportThreadMessage } from './import-thread';

export async function runImportJob(job: ImportJob, reader: ReadingThread, post: (message: ImportThreadMessage) => void): Promise<FileOutcome[]> {
  // The app's connection checked the file when it opened it; wait long for the write lock (a sync may hold it).
  const db = openCache(job.cacheFile, { verify: false });
  db.pragma('busy_timeout = 60000');
  try {
    return await importFiles(cacheHandle(db), (file, options) => reader.read(file, options), job.key, job.sources, {
      dryRun: job.dryRun,
      onRows: (rows, index) => post({ type: 'rows', rows, index }),
      onFile: (outcome, index) => post({ type: 'file', outcome, index }),
    });
  } finally {
    db.close();
  }
}
