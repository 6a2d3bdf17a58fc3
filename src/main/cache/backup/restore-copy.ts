// The worker side of a restore (archive thread): the candidate copied beside
// the cache under a partial name, its WAL (if any) folded in, switched to
// rollback mode and inspected again, so what is renamed into place is a
// single, checked file.
import Database from 'better-sqlite3';
import { constants, copyFileSync, existsSync } from 'node:fs';
import { CacheError } from '../errors';
import { inspectCacheFile, type CacheFileInspection } from '../inspect';
import { syncToDisk } from './verified-copy';

/** Copies `candidate` (with its -wal) to `target`, a new file, and inspects the copy; throws if the copy is not usable. */
export function prepareRestoreCopy(candidate: string, target: string): CacheFileInspection {
  copyFileSync(candidate, target, constants.COPYFILE_EXCL);
  if (existsSync(`${candidate}-wal`)) copyFileSync(`${candidate}-wal`, `${target}-wal`, constants.COPYFILE_EXCL);
  const db = new Database(target, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  syncToDisk(target);
  const inspection = inspectCacheFile(target);
  if (inspection.problem !== null) throw new CacheError(inspection.problem.code, inspection.problem.message.replaceAll(target, candidate));
  return inspection;
}
