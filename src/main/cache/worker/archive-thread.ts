// Runs archive jobs on a worker thread of their own (archive.worker.ts): a
// backup's or a restore's copy, quick_check or inspection of a file. A thread per job: jobs are rare
// (a backup after a sync, a check before it) and a thread costs ~30 ms to
// start, against a second or more of work on a large cache.
//
// Not exported from the cache's index: only main-process code starts threads.
import { Worker } from 'node:worker_threads';
import { workerScript } from '../../worker-script';
import type { VerifiedCopy } from '../backup/verified-copy';
import { CacheError, type CacheErrorCode } from '../errors';
import type { CacheFileInspection } from '../inspect';
import { damagedError, type IntegrityReport } from '../integrity';
import type { ArchiveReply, ArchiveRequest, ArchiveResult } from './messages';

/** quick_check of `file` on the archive thread (see quickCheckFile). */
export function quickCheckFileInBackground(file: string): Promise<IntegrityReport> {
  return runOnArchiveThread({ type: 'quickCheck', file }) as Promise<IntegrityReport>;
}

/** Resolves when `file` is intact; rejects with CacheError 'damaged' (its `integrity` says what) when not. */
export async function verifyCacheFileInBackground(file: string): Promise<void> {
  const report = await quickCheckFileInBackground(file);
  if (!report.ok) throw damagedError(file, report);
}

/** copyVerified on the archive thread. */
export function copyVerifiedInBackground(source: string, target: string): Promise<VerifiedCopy> {
  return runOnArchiveThread({ type: 'copy', source, target }) as Promise<VerifiedCopy>;
}

/** inspectCacheFile on the archive thread. */
export function inspectCacheFileInBackground(file: string): Promise<CacheFileInspection> {
  return runOnArchiveThread({ type: 'inspect', file }) as Promise<CacheFileInspection>;
}

/** prepareRestoreCopy on the archive thread. */
export function prepareRestoreCopyInBackground(candidate: string, target: string): Promise<CacheFileInspection> {
  return runOnArchiveThread({ type: 'restoreCopy', candidate, target }) as Promise<CacheFileInspection>;
}

/** Indexes the months the search index lacks (after an upgrade), on a connection of the archive thread; how many. */
export function indexSearchInBackground(file: string): Promise<number> {
  return runOnArchiveThread({ type: 'indexSearch', file }) as Promise<number>;
}

function runOnArchiveThread(request: ArchiveRequest): Promise<ArchiveResult> {
  const { file, execArgv } = workerScript(import.meta.url, 'archive.worker');
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: request, execArgv });
    let answered = false;
    worker.once('message', (reply: ArchiveReply) => {
      answered = true;
      if (reply.ok) resolve(reply.result);
      else reject(rebuildError(reply.error));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the archive thread stopped before answering (exit ${code})`));
    });
  });
}

function rebuildError(error: Extract<ArchiveReply, { ok: false }>['error']): Error {
  if (error.name === 'CacheError' && error.code !== undefined) {
    return new CacheError(error.code as CacheErrorCode, error.message, error.problems ? { integrity: { problems: error.problems } } : undefined);
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.code !== undefined) Object.assign(rebuilt, { code: error.code });
  return rebuilt;
}
