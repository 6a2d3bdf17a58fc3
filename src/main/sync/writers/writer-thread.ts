// A PeriodWriter backed by a worker thread (writer-thread.worker.ts) with its
// own connection to the cache file. Built as out/main/writer-thread.worker.js
// in the app (and by the bench); run from source through tsx in development,
// tests and the CLI.
import { Worker } from 'node:worker_threads';
import type { ReplaceCounts } from '../../cache';
import { workerScript } from '../../worker-script';
import { flattenPage } from '../flatten-page';
import type { WriterReply, WriterRequest } from './messages';
import type { PeriodWriter } from './period-writer';
import { alternatingPeriodWriter } from './writer-pool';

export class WriterThreadError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = name;
  }
}

/** Pages handed to the worker and not yet staged, at most (a sync runs up to four of these threads side by side). */
const PAGES_AHEAD = 2;

/**
 * The writer holds one page at a time (the rest wait serialized in its message
 * queue), so it lives in a few MB. Without limits V8 lets its heap grow to
 * ~80 MB of garbage during a large sync; with these it stays near 30 MB at the
 * same speed (npm run bench). A page of the contract's 5000 conferences is ~10 MB.
 */
const WRITER_HEAP_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/**
 * Writer threads a sync uses in turn, one period each: while one copies its
 * period into the cache (a few hundred ms per large month), the next period
 * stages on the other instead of waiting behind it.
 */
export const WRITER_THREADS = 2;

/** Writes periods on WRITER_THREADS worker threads; rejects if the first cannot start. */
export async function startWriterThreads(cacheFile: string, writers = WRITER_THREADS): Promise<PeriodWriter> {
  const first = await startWriterThread(cacheFile);
  return alternatingPeriodWriter(first, () => startWriterThread(cacheFile), writers);
}

/** One writer thread with its own connection to the cache file; rejects if it cannot start. */
export function startWriterThread(cacheFile: string): Promise<PeriodWriter> {
  const { file, execArgv } = workerScript(import.meta.url, 'writer-thread.worker');
  const worker = new Worker(file, { workerData: { file: cacheFile }, execArgv, resourceLimits: WRITER_HEAP_LIMITS });
  const waiting = new Map<number, { resolve: (c: ReplaceCounts) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  /** Row number of the next conference of the period being staged, or null between periods. */
  let nextRow: number | null = null;
  const inFlight: Array<Promise<unknown>> = [];
  let failure: Error | null = null;

  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: WriterReply | { ready: true }) => {
    if ('ready' in reply) return;
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!pending) return;
    if (reply.ok) pending.resolve(reply.counts);
    else pending.reject(new WriterThreadError(reply.error.name, reply.error.message, reply.error.code));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the sync writer stopped (exit ${code})`)));

  const send = (request: WriterRequest) => {
    if (failure) throw failure;
    worker.postMessage(request);
  };
  const ask = (make: (id: number) => WriterRequest) =>
    new Promise<ReplaceCounts>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage(make(id));
    });

  const writer: PeriodWriter = {
    begin: (key, period, scope) => {
      nextRow = 1;
      send({ type: 'begin', key, period, scope });
      return Promise.resolve();
    },
    add: async (conferences) => {
      if (nextRow === null) throw new Error('no period staged: call begin() first');
      // Flattened here, on the downloading thread: the writer thread then only binds rows.
      const page = flattenPage(conferences, nextRow);
      nextRow += page.conferences;
      const request = (id: number): WriterRequest => ({ type: 'add', id, page });
      // A lost worker is reported by commit(); here it only must not stall.
      const acknowledged = ask(request).then(
        () => {},
        () => {},
      );
      inFlight.push(acknowledged);
      // Let the worker stage at most PAGES_AHEAD pages behind the download.
      if (inFlight.length > PAGES_AHEAD) await inFlight.shift();
    },
    commit: (input) => ask((id) => ({ type: 'commit', id, input })),
    discard: () => {
      if (!failure) worker.postMessage({ type: 'discard' } satisfies WriterRequest);
    },
    close: async () => {
      if (!failure) await ask((id) => ({ type: 'close', id })).catch(() => {});
      await worker.terminate();
    },
  };
  // Resolve once the worker has opened the cache; reject if it cannot, so the
  // caller can write in-process instead.
  return new Promise((resolve, reject) => {
    const onReady = (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'ready' in message) {
        worker.off('message', onReady);
        resolve(writer);
      }
    };
    worker.on('message', onReady);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the sync writer thread exited before it was ready (exit ${code})`)));
  });
}
