// Worker thread that reads, stages and commits a sync's periods on its own
// connection to the cache file. Messages are handled in order; a page is
// answered (where the next one is) before its rows are staged, so the next
// request leaves while this thread writes. A failure while staging is kept
// and reported by the next commit, which then changes nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { commitStagedPeriod, openCache, stagePeriod, type PeriodStage } from '../../cache';
import { isProviderError } from '../../provider/errors';
import { PeriodPageReader } from '../page-reader';
import type { WriterFailure, WriterReply, WriterRequest } from './messages';

const port = parentPort!;
// The sync checked the file before letting any period commit (SyncCoordinator):
// no second quick_check per thread.
const db = openCache((workerData as { file: string }).file, { verify: false });
// A small page cache: this connection only appends staged rows and copies
// them in order, and a sync runs up to four of these threads. 4 MiB measured
// as fast as 16 MiB for a large sync, with 30-50 MB less peak memory (npm run bench).
db.pragma('cache_size = -4096');
// Writer threads take turns on the write lock, and a very large month's
// swap can hold it for seconds: wait longer than the app's connection does
// before calling the cache busy (this thread has no one to keep responsive).
db.pragma('busy_timeout = 60000');
// No foreign-key checks on this connection: checking each copied leg's
// conference cost a quarter of a period's copy, and the copy numbers legs and
// conferences together (the worker tests run foreign_key_check after syncs).
// The app's own connection keeps them on.
db.pragma('foreign_keys = OFF');
let stage: PeriodStage | null = null;
let reader = new PeriodPageReader();
let stagingError: unknown = null;
port.postMessage({ ready: true });

function failure(error: unknown): WriterFailure {
  const e = error instanceof Error ? error : new Error(String(error));
  const base: WriterFailure = { name: e.name, message: e.message, code: (e as { code?: string }).code };
  if (!isProviderError(error)) return base;
  return { ...base, kind: error.kind, jsonPath: error.jsonPath, request: error.request, attempts: error.attempts };
}

const reply = (message: WriterReply) => port.postMessage(message);
const answer = (id: number, work: () => Omit<Extract<WriterReply, { ok: true }>, 'id' | 'ok'>) => {
  try {
    reply({ id, ok: true, ...work() });
  } catch (error) {
    reply({ id, ok: false, error: failure(error) });
  }
};

function readPage(request: Extract<WriterRequest, { type: 'page' }>): void {
  if (stage === null) return reply({ id: request.id, ok: false, error: failure(new Error('no period staged')) });
  let rows;
  try {
    const read = reader.read(request.body, request.request, request.attempts, stage.nextRow);
    reply({ id: request.id, ok: true, page: read.receipt });
    rows = read.rows;
  } catch (error) {
    return reply({ id: request.id, ok: false, error: failure(error) });
  }
  if (stagingError !== null) return;
  try {
    stage.add(rows);
  } catch (error) {
    stagingError = error;
  }
}

port.on('message', (request: WriterRequest) => {
  switch (request.type) {
    case 'begin':
      stage?.discard();
      stagingError = null;
      reader = new PeriodPageReader();
      stage = stagePeriod(db, request.key, request.period, request.scope);
      return;
    case 'page':
      return readPage(request);
    case 'check':
      return answer(request.id, () => {
        reader.check(request.rooms);
        return {};
      });
    case 'commit':
      return answer(request.id, () => {
        if (stagingError !== null) throw stagingError instanceof Error ? stagingError : new Error('staging failed');
        if (stage === null) throw new Error('no period staged');
        return { counts: commitStagedPeriod(db, request.input, stage, { index: false }) };
      });
    case 'discard':
      stage?.discard();
      stage = null;
      stagingError = null;
      return;
    case 'close':
      stage?.discard();
      db.close();
      reply({ id: request.id, ok: true });
      port.close();
      return;
  }
});
