// A PeriodWriter backed by a worker thread (writer-thread.worker.ts) with its
// own connection to the cache file. Built as out/main/writer-thread.worker.js
// in the app (and by the bench); run from source through tsx in development,
// tests and the CLI.
import { Worker } from 'node:worker_threads';
import type { ReplaceCounts } from '../../cache';
import { workerScript } from '../../worker-script';
import { ProviderError, type ProviderErrorKind } from '../../provider/errors';
import type { StagedPage } from '../page-reader';
import type { WriterFailure, WriterReply, WriterRequest } from './messages';
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

/** The error a writer thread reported, as its own class where the sync branches on it (a provider's malformed page). */
function threadError(error: WriterFailure): Error {
  if (error.name === 'ProviderError' && error.kind !== undefined) {
    const { code, jsonPath, request, attempts } = error;
    return new ProviderError(error.kind as ProviderErrorKind, error.message, { code, jsonPath, request, attempts });
  }
  return new WriterThreadError(error.name, error.message, error.code);
}

/**
 * The writer holds a page or two at a time (the downloading side sends the
 * next only once this one is read), so it lives in a few MB. Without limits V8
 * lets its heap grow to ~80 MB of garbage during a large sync; with limits it
 * stays small at the same speed (npm run bench). The old generation leaves room
 * for one page at the sync's ceiling (pageBodyCeiling: 19 MiB for 300
 * conferences), whose text, objects and rows take about three times that.
 */
const WRITER_HEAP_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

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
  const waiting = new Map<number, { resolve: (reply: Extract<WriterReply, { ok: true }>) => void; reject: (e: Error) => void }>();
  let nextId = 1;
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
    if (reply.ok) pending.resolve(reply);
    else pending.reject(threadError(reply.error));
  });
  /** The page being read, to name it if the thread runs out of memory on it. */
  let reading = 'a page';
  worker.on('error', (error) => {
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    failAll(outOfMemory ? new WriterThreadError('WriterThreadError', `The sync ran out of memory reading the provider's answer to ${reading}.`, 'out_of_memory') : error);
  });
  worker.on('exit', (code) => failAll(new Error(`the sync writer stopped (exit ${code})`)));

  const send = (request: WriterRequest) => {
    if (failure) throw failure;
    worker.postMessage(request);
  };
  const ask = (make: (id: number) => WriterRequest, transfer: ArrayBuffer[] = []) =>
    new Promise<Extract<WriterReply, { ok: true }>>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage(make(id), transfer);
    });

  const writer: PeriodWriter = {
    begin: (key, period, scope) => {
      send({ type: 'begin', key, period, scope });
      return Promise.resolve();
    },
    page: async (body, request, attempts) => {
      // Moved, not copied: this thread is done with the bytes.
      const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
      reading = request;
      const reply = await ask((id) => ({ type: 'page', id, body: owned, request, attempts }), [owned.buffer as ArrayBuffer]);
      return reply.page as StagedPage;
    },
    checkTotals: async (rooms) => {
      await ask((id) => ({ type: 'check', id, rooms }));
    },
    commit: async (input) => (await ask((id) => ({ type: 'commit', id, input }))).counts as ReplaceCounts,
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
