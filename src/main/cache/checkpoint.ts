// Durability: while a connection is open, commits live in the -wal file until
// a checkpoint copies them into the main file. A backup tool (or a cleaner)
// that takes or deletes only the main file would lose them, so the sync
// checkpoints after each run and the cache at close, with TRUNCATE: the main
// file then holds everything committed and the -wal is empty.
import type { WritableDB } from './db';

export interface CheckpointResult {
  /** False when a reader (an export's snapshot, a backup) kept part of the WAL; the next checkpoint finishes it. */
  complete: boolean;
  /** Frames the WAL held, and how many of them reached the main file. */
  walFrames: number;
  checkpointed: number;
}

export function checkpointWal(db: WritableDB): CheckpointResult {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  if (row === undefined) return { complete: true, walFrames: 0, checkpointed: 0 };
  return { complete: row.busy === 0 && row.log === row.checkpointed, walFrames: Math.max(0, row.log), checkpointed: Math.max(0, row.checkpointed) };
}
