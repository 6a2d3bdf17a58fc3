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
const PAGE_SIZE_OFFSET = 16;
const CHANGE_COUNTER_OFFSET = 24;
const PAGE_COUNT_OFFSET = 28;
const USER_VERSION_OFFSET = 60;
const APPLICATION_ID_OFFSET = 68;
const VERSION_VALID_FOR_OFFSET = 92;
const WAL_FORMAT = 2;

export interface FileHeader {
  /** `PRAGMA user_version`: the schema version of an OAI Desktop cache. */
  userVersion: number;
  applicationId: number;
  /** The file is in WAL mode: opening it, even read-only, makes SQLite create -wal/-shm beside it. */
  wal: boolean;
  sizeBytes: number;
  /** Page size × page count as the header says, when its count is valid (SQLite keeps it so since 3.7.0); else null. */
  expectedBytes: number | null;
}

/**
 * The header of `file`; null for a file that does not exist or is empty
 * (SQLite treats both as a new database). Throws 'not_a_database' for a file
 * that is not SQLite, 'cannot_open' for a directory or unreadable file.
 */
export function readFileHeader(file: string): FileHeader | null {
  const read = readHeaderBytes(file);
  if (read === null) return null;
  const { header, bytesRead, size } = read;
  const isSqlite = bytesRead === HEADER_SIZE && header.subarray(0, MAGIC.length).equals(MAGIC);
  if (!isSqlite) throw notADatabaseError(file);
  return {
    userVersion: header.readInt32BE(USER_VERSION_OFFSET),
    applicationId: header.readUInt32BE(APPLICATION_ID_OFFSET),
    wal: header[WRITE_VERSION_OFFSET] === WAL_FORMAT,
    sizeBytes: size,
    expectedBytes: expectedBytes(header),
  };
}

/**
 * A SQLite file cut short (a copy or a disk that stopped midway): fewer bytes
 * than its header says it holds, or a header itself cut short. False for a
 * whole file, a missing or empty one, and a file that is not SQLite at all.
 */
export function isTruncatedDatabase(file: string): boolean {
  let read;
  try {
    read = readHeaderBytes(file);
  } catch {
    return false;
  }
  if (read === null) return false;
  const { header, bytesRead, size } = read;
  if (bytesRead < HEADER_SIZE) {
    const n = Math.min(bytesRead, MAGIC.length);
    return header.subarray(0, n).equals(MAGIC.subarray(0, n));
  }
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return false;
  const expected = expectedBytes(header);
  return expected !== null && size < expected;
}

function expectedBytes(header: Buffer): number | null {
  const pageCount = header.readUInt32BE(PAGE_COUNT_OFFSET);
  const valid = pageCount > 0 && header.readUInt32BE(CHANGE_COUNTER_OFFSET) === header.readUInt32BE(VERSION_VALID_FOR_OFFSET);
  if (!valid) return null;
  const rawPageSize = header.readUInt16BE(PAGE_SIZE_OFFSET);
  return (rawPageSize === 1 ? 65_536 : rawPageSize) * pageCount;
}

/** The first bytes of `file` (up to the header's 100); null when it does not exist or is empty. */
function readHeaderBytes(file: string): { header: Buffer; bytesRead: number; size: number } | null {
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
  try {
    const fd = openSync(file, 'r');
    try {
      return { header, bytesRead: readSync(fd, header, 0, HEADER_SIZE, 0), size };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CacheError('cannot_open', `Cannot open the cache file ${file}: ${reason}`, { cause: error });
  }
}

export function notADatabaseError(file: string, cause?: unknown): CacheError {
  return new CacheError('not_a_database', `The file ${file} is not an OAI Desktop cache (not a SQLite database). It was left untouched; choose another file.`, { cause });
}
