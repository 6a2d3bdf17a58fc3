// Worker thread that stages and commits synced periods on its own connection
// to the cache file. Messages are handled in order; a failure while staging
// is kept and reported by the next commit, which then changes nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { commitStagedPeriod, openCache, stagePeriod, type PeriodStage } from '../../cache';
import type { WriterReply, WriterRequest } from './messages';

const port = parentPort!;
// The sync checked the file before letting any period commit (SyncCoordinator):
// no second quick_check per thread.
const db = openCache((workerData as { file: string }).file, { verify: false });
// A small page cache: this connection only appends staged rows and copies
// them in order, and a sync runs two of these threads. 4 MiB measured as fast
// as 16 MiB for a large sync, with 30-50 MB less peak memory (npm run bench).
db.pragma('cache_size = -4096');
// Two writer threads take turns on the write lock, and a very large month's
// swap can hold it for seconds: wait longer than the app's connection does
// before calling the cache busy (this thread has no one to keep responsive).
db.pragma('busy_timeout = 60000');
// No foreign-key checks on this connection: checking each copied leg's
// conference cost a quarter of a period's copy, and the copy numbers legs and
// conferences together (the worker tests run foreign_key_check after syncs).
// The app's own connection keeps them on.
db.pragma('foreign_keys = OFF');
let stage: PeriodStage | null = null;
let stagingError: unknown = null;
port.postMessage({ ready: true });

function errorReply(id: number, error: unknown): WriterReply {
  const e = error instanceof Error ? error : new Error(String(error));
  return { id, ok: false, error: { name: e.name, message: e.message, code: (e as { code?: string }).code } };
}

port.on('message', (request: WriterRequest) => {
  switch (request.type) {
    case 'begin':
      stage?.discard();
      stagingError = null;
      stage = stagePeriod(db, request.key, request.period, request.scope);
      return;
    case 'add':
      if (stagingError === null && stage !== null) {
        try {
          stage.add(request.page);
        } catch (error) {
          stagingError = error;
        }
      }
      // Acknowledge even after a staging error: that error is reported by commit.
      port.postMessage({ id: request.id, ok: true, counts: { conferences: 0, participants: 0 } } satisfies WriterReply);
      return;
    case 'commit': {
      let reply: WriterReply;
      try {
        if (stagingError !== null) throw stagingError instanceof Error ? stagingError : new Error('staging failed');
        if (stage === null) throw new Error('no period staged');
        reply = { id: request.id, ok: true, counts: commitStagedPeriod(db, request.input, stage) };
      } catch (error) {
        reply = errorReply(request.id, error);
      }
      port.postMessage(reply);
      return;
    }
    case 'discard':
      stage?.discard();
      stage = null;
      stagingError = null;
      return;
    case 'close':
      stage?.discard();
      db.close();
      port.postMessage({ id: request.id, ok: true, counts: { conferences: 0, participants: 0 } } satisfies WriterReply);
      port.close();
      return;
  }
});
