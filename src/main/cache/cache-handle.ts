// The app's cache connection, behind a handle that can swap it at run time
// (a restored backup, a read-only mode). Services keep the handle and ask it
// for the connection at each use, never a connection captured once.
import { checkpointWal } from './checkpoint';
import { openCache, type OpenCacheOptions, type ReadableDB, type WritableDB } from './db';

export interface CacheHandle {
  /** The file of the current connection. */
  readonly file: string;
  readonly readOnly: boolean;
  read(): ReadableDB;
  /** Throws when the cache is open read-only. */
  write(): WritableDB;
  /** Closes the current connection and uses `next` from now on. */
  replace(next: ReadableDB): void;
  /** Checkpoints the WAL into the main file (writable connections), then closes. */
  close(): void;
}

/** Opens `file` (as openCache does) behind a handle. */
export function openCacheHandle(file: string, options: OpenCacheOptions = {}): CacheHandle {
  return cacheHandle(openCache(file, options));
}

/** A handle over an open connection; it is writable unless the connection was opened read-only. */
export function cacheHandle(db: ReadableDB): CacheHandle {
  let current = db;
  return {
    get file() {
      return current.name;
    },
    get readOnly() {
      return current.readonly;
    },
    read: () => current,
    write: () => {
      if (current.readonly) throw new Error(`The cache ${current.name} is open read-only: it cannot be changed.`);
      return current as WritableDB;
    },
    replace: (next) => {
      if (next === current) return;
      const previous = current;
      current = next;
      closeDurably(previous);
    },
    close: () => closeDurably(current),
  };
}

/**
 * SQLite checkpoints when the last connection to a file closes, but not while
 * another (a snapshot, a writer thread, another process) is still open: make
 * the main file whole here, whoever else is reading.
 */
export function closeDurably(db: ReadableDB): void {
  if (!db.open) return;
  if (!db.readonly && !db.memory) {
    try {
      checkpointWal(db as WritableDB);
    } catch {
      // Busy or failing: SQLite still checkpoints at the last close.
    }
  }
  db.close();
}
