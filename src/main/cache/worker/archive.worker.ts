// The archive thread: one job per thread (a backup's copy, a restore's copy,
// quick_check or inspection of a file, the search index of months missing it), on connections of its own, so the
// app's main thread never waits on the disk for them. Built as
// out/main/archive.worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareRestoreCopy } from '../backup/restore-copy';
import { copyVerified } from '../backup/verified-copy';
import { isCacheError } from '../errors';
import { inspectCacheFile } from '../inspect';
import { quickCheckFile } from '../integrity';
import { indexMissingPeriodsOfFile } from '../queries/search-index';
import type { ArchiveReply, ArchiveRequest, ArchiveResult } from './messages';

function perform(request: ArchiveRequest): ArchiveResult | Promise<ArchiveResult> {
  switch (request.type) {
    case 'copy':
      return copyVerified(request.source, request.target);
    case 'quickCheck':
      return quickCheckFile(request.file);
    case 'inspect':
      return inspectCacheFile(request.file);
    case 'restoreCopy':
      return prepareRestoreCopy(request.candidate, request.target);
    case 'indexSearch':
      return indexMissingPeriodsOfFile(request.file);
  }
}

async function run(request: ArchiveRequest): Promise<ArchiveReply> {
  try {
    return { ok: true, result: await perform(request) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as { code?: unknown }).code;
    return {
      ok: false,
      error: { name: e.name, message: e.message, code: typeof code === 'string' ? code : undefined, problems: isCacheError(e) ? e.integrity?.problems : undefined },
    };
  }
}

parentPort!.postMessage(await run(workerData as ArchiveRequest));
