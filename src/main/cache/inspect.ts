// What a file offered as a cache is, without changing it or leaving anything
// beside it: an OAI Desktop cache? of a schema this app knows? intact? which
// months does it hold? Used for restore candidates and by `check`.
import type Database from 'better-sqlite3';
import { newerVersionError, type ReadableDB } from './db';
import { CacheError, isCacheError, type CacheErrorCode } from './errors';
import { OAI_APPLICATION_ID, readFileHeader, type FileHeader } from './file-header';
import { damagedError, quickCheck, type IntegrityReport } from './integrity';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { readWriterVersion } from './queries/meta';
import { listCachedMonths, type CachedMonth } from './queries/periods';
import { withUntouchedFile } from './read-copy';

export interface CacheFileInspection {
  file: string;
  sizeBytes: number;
  /** null when the file can be used as the cache; else why not, as the cache's error code and a message naming the file. */
  problem: { code: CacheErrorCode; message: string } | null;
  /** `user_version`, when the file is SQLite. */
  schemaVersion: number | null;
  /** The app version that last wrote it, when the file says. */
  writtenBy: string | null;
  /** quick_check's report; null when the file was refused before (not SQLite, another app's, newer). */
  integrity: IntegrityReport | null;
  /** The months it holds, oldest first per account. */
  months: CachedMonth[];
}

/** Tables every OAI Desktop cache has had since schema 1 (files from before the application id). */
const OAI_TABLES = ['accounts', 'periods', 'rooms', 'conferences', 'participants'];

export function inspectCacheFile(file: string): CacheFileInspection {
  const result: CacheFileInspection = { file, sizeBytes: 0, problem: null, schemaVersion: null, writtenBy: null, integrity: null, months: [] };
  const refuse = (error: CacheError) => ({ ...result, problem: { code: error.code, message: error.message } });
  let header: FileHeader | null;
  try {
    header = readFileHeader(file);
  } catch (error) {
    if (isCacheError(error)) return refuse(error);
    throw error;
  }
  if (header === null) return refuse(new CacheError('cannot_open', `The file ${file} is empty or does not exist.`));
  result.sizeBytes = header.sizeBytes;
  if (header.applicationId !== 0 && header.applicationId !== OAI_APPLICATION_ID) return refuse(notOurs(file));
  try {
    return withUntouchedFile(file, (db) => inspectOpen(db, file, header.applicationId === OAI_APPLICATION_ID, result));
  } catch (error) {
    if (isCacheError(error)) return refuse(error);
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(new CacheError('cannot_open', `Cannot read ${file}: ${reason}`, { cause: error }));
  }
}

function inspectOpen(db: Database.Database, file: string, marked: boolean, result: CacheFileInspection): CacheFileInspection {
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const writtenBy = readWriterVersion(db);
  const known = { ...result, schemaVersion, writtenBy };
  if (schemaVersion > LATEST_SCHEMA_VERSION) {
    const newer = newerVersionError(file, schemaVersion, LATEST_SCHEMA_VERSION, writtenBy);
    return { ...known, problem: { code: newer.code, message: newer.message } };
  }
  const integrity = quickCheck(db);
  if (!integrity.ok) {
    const damaged = damagedError(file, integrity);
    return { ...known, integrity, problem: { code: damaged.code, message: damaged.message } };
  }
  if (!marked && !hasOaiTables(db)) throw notOurs(file);
  return { ...known, integrity, months: listCachedMonths(db as ReadableDB) };
}

function hasOaiTables(db: Database.Database): boolean {
  const tables = tableNames(db);
  return OAI_TABLES.every((name) => tables.has(name));
}

function tableNames(db: Database.Database): Set<string> {
  return new Set((db.pragma('table_list') as Array<{ name: string }>).map((table) => table.name).filter((name) => !name.startsWith('sqlite_')));
}

/**
 * A SQLite file that is not an OAI Desktop cache: another application's id,
 * or (files from before the id) tables that are not a cache's. An empty
 * database is not foreign: it becomes a new cache. Read without changing the file.
 */
export function isForeignDatabase(file: string, header: FileHeader): boolean {
  if (header.applicationId === OAI_APPLICATION_ID) return false;
  if (header.applicationId !== 0) return true;
  return withUntouchedFile(file, (db) => {
    const tables = tableNames(db);
    return tables.size > 0 && !hasOaiTables(db);
  });
}

function notOurs(file: string): CacheError {
  return new CacheError('not_an_oai_cache', `The file ${file} is a SQLite database but not an OAI Desktop cache. It was left untouched; choose another file.`);
}
