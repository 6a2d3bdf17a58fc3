// The app's cache connection, behind a handle that can swap it at run time
// (a restored backup, a read-only mode). Services keep the handle and ask it
// for the connection at each use, never a connection captured once.
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
      if (previous.open) previous.close();
    },
    close: () => {
      if (current.open) current.close();
    },
  };
}
