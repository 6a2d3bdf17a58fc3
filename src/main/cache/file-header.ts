// What a cache file's first 100 bytes say, read without SQLite: SQLite may
// create -wal/-shm files beside a file it opens, and a file we refuse (not
// SQLite, a newer version) must be left exactly as it was.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { CacheError } from './errors';

/** `PRAGMA application_id` of an OAI Desktop cache: 'OAID' in ASCII (set by migration 002). */
export const OAI_APPLICATION_ID = 0x4f414944;

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;
const WRITE_VERSION_OFFSET = 18;
const USER_VERSION_OFFSET = 60;
const APPLICATION_ID_OFFSET = 68;
const WAL_FORMAT = 2;

export interface FileHeader {
  /** `PRAGMA user_version`: the schema version of an OAI Desktop cache. */
  userVersion: number;
  applicationId: number;
  /** The file is in WAL mode: opening it, even read-only, makes SQLite create -wal/-shm beside it. */
  wal: boolean;
  sizeBytes: number;
}

/**
 * The header of `file`; null for a file that does not exist or is empty
 * (SQLite treats both as a new database). Throws 'not_a_database' for a file
 * that is not SQLite, 'cannot_open' for a directory or unreadable file.
 */
export function readFileHeader(file: string): FileHeader | null {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new CacheError('cannot_open', `Cannot open the cache file ${file}: it is not a regular file.`);
    size = stats.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (size === 0) return null;

  const header = Buffer.alloc(HEADER_SIZE);
  let bytesRead: number;
  try {
    const fd = openSync(file, 'r');
    try {
      bytesRead = readSync(fd, header, 0, HEADER_SIZE, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CacheError('cannot_open', `Cannot open the cache file ${file}: ${reason}`, { cause: error });
  }
  const isSqlite = bytesRead === HEADER_SIZE && header.subarray(0, MAGIC.length).equals(MAGIC);
  if (!isSqlite) throw notADatabaseError(file);
  return {
    userVersion: header.readInt32BE(USER_VERSION_OFFSET),
    applicationId: header.readUInt32BE(APPLICATION_ID_OFFSET),
    wal: header[WRITE_VERSION_OFFSET] === WAL_FORMAT,
    sizeBytes: size,
  };
}

export function notADatabaseError(file: string, cause?: unknown): CacheError {
  return new CacheError('not_a_database', `The file ${file} is not an OAI Desktop cache (not a SQLite database). It was left untouched; choose another file.`, { cause });
}
