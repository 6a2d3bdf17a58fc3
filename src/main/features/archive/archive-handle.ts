// The app's CacheHandle over the archive: the connection the state machine
// (archive.ts) attaches, swaps and detaches. Without one, or when it may
// not be written, read() and write() throw the AppError the archive's state
// gives (archive_unavailable, archive_read_only…). `file` is always where
// the archive is, even while a private copy of it is what is read.
import { closeDurably, type CacheHandle, type ReadableDB, type WritableDB } from '../../cache';

export interface ArchiveHandle extends CacheHandle {
  readonly connected: boolean;
  /** Uses `db` from now on (closing the previous one); writes go through only when `writable`. */
  attach(db: ReadableDB, writable: boolean): void;
  /** Runs `dispose` after the connection closes, at the next detach (a private copy's removal). */
  own(dispose: () => void): void;
  /** Closes the connection (checkpointing a writable one) and runs what it owns. */
  detach(): void;
}

export function archiveHandle(file: string, whyNot: () => Error): ArchiveHandle {
  let current: ReadableDB | null = null;
  let writable = false;
  const owned: Array<() => void> = [];

  const detach = () => {
    const db = current;
    current = null;
    writable = false;
    if (db !== null) closeDurably(db);
    for (const dispose of owned.splice(0)) {
      try {
        dispose();
      } catch {
        // A temporary copy that cannot be removed now is the OS's to clean.
      }
    }
  };
  const attach = (db: ReadableDB, canWrite: boolean) => {
    if (current !== null && current !== db) closeDurably(current);
    current = db;
    writable = canWrite;
  };

  return {
    file,
    get readOnly() {
      return !writable;
    },
    get connected() {
      return current !== null;
    },
    read: () => {
      if (current === null) throw whyNot();
      return current;
    },
    write: () => {
      if (current === null || !writable) throw whyNot();
      return current as WritableDB;
    },
    replace: (next) => attach(next, !next.readonly),
    attach,
    own: (dispose) => void owned.push(dispose),
    detach,
    close: detach,
  };
}
