// A read-only connection of its own to a cache file, inside one read
// transaction: it sees one consistent snapshot even if a sync commits
// meanwhile (WAL), and never keeps another connection busy between rows.
import { openCache, type ReadableDB } from './db';

export interface ReadSnapshot {
  db: ReadableDB;
  close(): void;
}

export interface ReadSnapshotOptions {
  /** Page cache (and sort memory before spilling to a temporary file) of the snapshot's connection. */
  cacheKib: number;
}

/**
 * A snapshot of the file `source` is connected to. An in-memory or temporary
 * database cannot be opened twice: it is read through `source` as it is.
 */
export function openReadSnapshot(source: ReadableDB, options: ReadSnapshotOptions): ReadSnapshot {
  if (source.memory || source.name === '' || source.name === ':memory:') return { db: source, close: () => undefined };
  const db = openCache(source.name, { readonly: true });
  try {
    db.pragma(`cache_size = -${options.cacheKib}`);
    db.exec('BEGIN');
    // The snapshot starts at the first read: take it now.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    close: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}
