// The connection an export reads through: its own read-only connection to the
// same cache file, inside one read transaction. So the export sees one
// consistent snapshot even if a sync commits meanwhile (WAL), never keeps the
// app's connection busy between rows (writes there would fail as "busy"),
// and sorts with a small cache instead of the app's 64 MiB.
import { openCache } from '../cache/database';
import { CacheRepository } from '../cache/repository';

/** Page cache (and sort memory before spilling to a temporary file) of the export's connection. */
const EXPORT_CACHE_KIB = 8 * 1024;

export interface ExportReader {
  repo: CacheRepository;
  close(): void;
}

export function openExportReader(repo: CacheRepository): ExportReader {
  const source = repo.db;
  // An in-memory or temporary database cannot be opened twice: read it as given.
  if (source.memory || source.name === '' || source.name === ':memory:') return { repo, close: () => undefined };
  const db = openCache(source.name, { readonly: true });
  try {
    db.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
    db.exec('BEGIN');
    // The snapshot starts at the first read: take it now, before any sheet.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    repo: new CacheRepository(db),
    close: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}
