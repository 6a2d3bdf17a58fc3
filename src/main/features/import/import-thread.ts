// Runs an import on a worker thread of its own (import.worker.ts): parsing
// and the write transaction happen there; this side relays progress.
import { Worker } from 'node:worker_threads';
import { CacheError, type AccountKey } from '../../cache';
import { AppError } from '../../errors';
import { workerScript } from '../../worker-script';
import type { FileOutcome, ImportOptions, ImportRunner, ImportSource } from './import-files';

export interface ImportJob {
  cacheFile: string;
  key: AccountKey;
  sources: readonly ImportSource[];
  dryRun: boolean;
}

export type ImportThreadMessage =
  | { type: 'rows'; rows: number; index: number }
  | { type: 'file'; outcome: FileOutcome; index: number }
  | { type: 'done'; outcomes: FileOutcome[] }
  | { type: 'error'; name: string; message: string; code?: string };

/** An ImportRunner for the cache file: one worker per import (or preview). */
export function importThreadRunner(cacheFile: () => string): ImportRunner {
  return (key, sources, options) => runInWorker({ cacheFile: cacheFile(), key, sources: [...sources], dryRun: options.dryRun === true }, options);
}

function runInWorker(job: ImportJob, options: ImportOptions): Promise<FileOutcome[]> {
  const { file, execArgv } = workerScript(import.meta.url, 'import.worker');
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: job, execArgv });
    let settled = false;
    worker.on('message', (message: ImportThreadMessage) => {
      if (message.type === 'rows') options.onRows?.(message.rows, message.index);
      else if (message.type === 'file') options.onFile?.(message.outcome, message.index);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.outcomes);
      } else {
        settled = true;
        reject(asError(message));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      const names = job.sources.map((source) => source.name).join(', ');
      reject(outOfMemory ? new AppError('import_failed', `The import ran out of memory reading ${names}: nothing of the file being read was written.`) : error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the import thread stopped (exit code ${code})`));
    });
  });
}

/** The cache's refusals keep their code across the thread (the handlers turn them into AppErrors). */
function asError(message: Extract<ImportThreadMessage, { type: 'error' }>): Error {
  if (message.name === 'CacheError' && message.code !== undefined) return new CacheError(message.code as CacheError['code'], message.message);
  const error = new Error(message.message);
  error.name = message.name;
  return error;
}
