// Restoring a backup (or another cache file) as the cache. The caller must
// have closed every connection to the cache first (the app: its CacheHandle
// and writer threads; then it reopens the file).
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { CacheError } from '../errors';
import type { CachedMonth } from '../queries/periods';
import { setAside, type SetAsideReason, type SetAsideResult } from '../set-aside';
import { inspectCacheFileInBackground, prepareRestoreCopyInBackground, quickCheckFileInBackground } from '../worker/archive-thread';
import { partialFileOf, removePartial } from './names';

export interface RestoreResult {
  cacheFile: string;
  restoredFrom: string;
  /** Where the previous cache went (null when there was none). */
  setAside: SetAsideResult | null;
  /** The months the restored cache holds, oldest first per account. */
  months: CachedMonth[];
  /** The app version that last wrote the restored file, when it says. */
  writtenBy: string | null;
}

/**
 * Installs `candidate` as `cacheFile`: the candidate is inspected first (an
 * OAI Desktop cache, a schema this app knows, intact), and refused with a
 * CacheError naming why, nothing changed, if it is not usable. Then it is
 * copied beside the cache under a partial name and checked again; only then
 * is the current cache set aside (as 'damaged' or 'unopenable' when it is,
 * else 'replaced') and the copy renamed into place.
 * The candidate itself is never changed. Checks and copies run on the archive thread.
 */
export async function restoreFrom(candidate: string, cacheFile: string, now: () => Date = () => new Date()): Promise<RestoreResult> {
  const from = path.resolve(candidate);
  const to = path.resolve(cacheFile);
  if (from === to) throw new CacheError('cannot_open', `${from} is the cache itself: choose a backup or another cache file.`);
  const inspection = await inspectCacheFileInBackground(from);
  if (inspection.problem !== null) throw new CacheError(inspection.problem.code, inspection.problem.message);

  mkdirSync(path.dirname(to), { recursive: true });
  const partial = partialFileOf(`${to}.restore`);
  removePartial(partial);
  let prepared;
  try {
    prepared = await prepareRestoreCopyInBackground(from, partial);
  } catch (error) {
    removePartial(partial);
    throw error;
  }
  const why = await whyReplaced(to);
  const aside = setAside(to, why.reason, `${why.detail} Replaced by a restore from ${from}.`, now());
  renameSync(partial, to);
  return { cacheFile: to, restoredFrom: from, setAside: aside, months: prepared.months, writtenBy: prepared.writtenBy };
}

/** What the cache being replaced was, for the name it is set aside under. */
async function whyReplaced(cacheFile: string): Promise<{ reason: SetAsideReason; detail: string }> {
  if (!existsSync(cacheFile)) return { reason: 'replaced', detail: '' };
  try {
    const report = await quickCheckFileInBackground(cacheFile);
    if (report.ok) return { reason: 'replaced', detail: 'It was intact.' };
    return { reason: 'damaged', detail: `SQLite's integrity check found: ${report.problems.join('; ')}.` };
  } catch (error) {
    return { reason: 'unopenable', detail: error instanceof Error ? error.message : String(error) };
  }
}
