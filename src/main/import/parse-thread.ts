// parseImportFile on a thread of its own (parse.worker.ts), its conferences
// handed over in batches as they are read: the import thread stages them in
// the cache while the next ones are parsed, so reading a file and writing it
// take about the time of the reading alone. One reading thread serves an
// import's files in turn; it is started before the import thread loads the
// cache's code, so the two threads' start-ups overlap.
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script';
import type { ParsedFile, ParseOptions } from './parse-file';
import type { ParsedConference } from './rows-to-conferences';

export type ReadRequest = { file: string; options: Omit<ParseOptions, 'onRows' | 'onConferences'> };

export type ParseThreadMessage =
  | { type: 'rows'; rows: number }
  | { type: 'conferences'; batch: ParsedConference[] }
  | { type: 'done'; parsed: ParsedFile }
  | { type: 'error'; message: string };

/**
 * A ceiling on the thread's heap: with one set, V8 collects the reader's
 * garbage sooner (peak RSS of a 50,000-row import about 60 MB lower, no
 * slower), and a file that would need more fails with a clear error
 * instead of taking the machine's memory. The largest file an import takes
 * (1,000,000 rows, 77 MB) is read well within it: 334 MB peak RSS for the
 * whole import, against about 240 MB for 50,000 rows.
 */
const PARSE_THREAD_LIMITS = { maxOldGenerationSizeMb: 1024 };

/** The reading thread failed (out of memory, stopped): the file is refused, the import goes on. */
export class ParseThreadError extends Error {
  override name = 'ParseThreadError';
}

export interface ReadingThread {
  /** parseImportFile on the thread; one file at a time. */
  read(file: string, options: ParseOptions): Promise<ParsedFile>;
  /** Ends the thread (a thread that failed is started again by the next read). */
  close(): Promise<void>;
}

type Limits = { maxOldGenerationSizeMb: number };

/** A reading thread and, once it has failed or ended, why: listened to from its start, as it may fail while idle. */
interface Thread {
  worker: Worker;
  failure: ParseThreadError | null;
}

function startThread(limits: Limits): Thread {
  const { file, execArgv } = workerScript(import.meta.url, 'parse.worker');
  const thread: Thread = { worker: new Worker(file, { execArgv, resourceLimits: limits }), failure: null };
  thread.worker
    .on('error', (error) => {
      thread.failure ??= new ParseThreadError(outOfMemory(error) ? `reading it took more than ${limits.maxOldGenerationSizeMb} MB of memory` : error.message);
    })
    .on('exit', (code) => {
      thread.failure ??= new ParseThreadError(`its reading stopped (exit code ${code})`);
    });
  return thread;
}

export function startReadingThread(limits: Limits = PARSE_THREAD_LIMITS): ReadingThread {
  let current: Thread | null = startThread(limits);
  return {
    read: (file, options) => {
      const thread = (current ??= startThread(limits));
      return readOn(thread, { file, options: plainOptions(options) }, options).catch((error: unknown) => {
        // The thread is gone (or stopped reading half-way): the next read starts another.
        void thread.worker.terminate();
        if (current === thread) current = null;
        throw error;
      });
    },
    close: async () => {
      await current?.worker.terminate();
      current = null;
    },
  };
}

/** parseImportFile on a thread of its own, started for this one file. */
export async function parseOnThread(file: string, options: ParseOptions, limits = PARSE_THREAD_LIMITS): Promise<ParsedFile> {
  const thread = startReadingThread(limits);
  try {
    return await thread.read(file, options);
  } finally {
    await thread.close();
  }
}

function plainOptions(options: ParseOptions): ReadRequest['options'] {
  const { onRows: _onRows, onConferences: _onConferences, ...plain } = options;
  return plain;
}

function readOn(thread: Thread, request: ReadRequest, options: ParseOptions): Promise<ParsedFile> {
  const { worker } = thread;
  const { onRows, onConferences } = options;
  const collected: ParsedConference[] = [];
  return new Promise((resolve, reject) => {
    const listeners = {
      message: (message: ParseThreadMessage) => {
        try {
          if (message.type === 'rows') onRows?.(message.rows);
          else if (message.type === 'conferences') {
            if (onConferences) onConferences(message.batch);
            else collected.push(...message.batch);
          } else if (message.type === 'done') {
            settle(() => resolve(onConferences ? message.parsed : { ...message.parsed, conferences: message.parsed.problems.length > 0 ? [] : collected }));
          } else settle(() => reject(new ParseThreadError(message.message)));
        } catch (error) {
          // The receiver failed (a write): stop reading.
          settle(() => reject(error instanceof Error ? error : new Error(String(error))));
        }
      },
      // After the thread's own listeners (registered first), which name the failure.
      error: () => settle(() => reject(thread.failure!)),
      exit: () => settle(() => reject(thread.failure!)),
    };
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker.off('message', listeners.message).off('error', listeners.error).off('exit', listeners.exit);
      outcome();
    };
    if (thread.failure !== null) return reject(thread.failure);
    worker.on('message', listeners.message).on('error', listeners.error).on('exit', listeners.exit);
    worker.postMessage(request);
  });
}

function outOfMemory(error: Error): boolean {
  return (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}
