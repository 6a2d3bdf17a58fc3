// Opening and migrating the cache file. The rules: never damage a file we do
// not understand (not SQLite, or written by a newer app), and never leave a
// half-migrated schema behind.
//
// Connections are branded (as Signal Desktop's ReadableDB/WritableDB): a query
// that writes asks for a WritableDB, so code holding a read-only connection
// cannot call it by mistake. The brands exist only for the type checker.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CacheError } from './errors';
import { notADatabaseError, readFileHeader } from './file-header';
import { verifyCacheFile } from './integrity';
import { MIGRATIONS, type Migration } from './migrations';
import { noteWriterVersion, readWriterVersion } from './queries/meta';
import { withUntouchedFile } from './read-copy';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/** Any open cache connection: enough for every read. */
export type ReadableDB = Database.Database & { readonly [readableBrand]: true };
/** A cache connection opened for writing (usable wherever a ReadableDB is). */
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };

export interface OpenCacheOptions {
  /** Open without writing anything; refuses a file that still needs migrations. */
  readonly?: boolean;
  /**
   * Writable opens run SQLite's quick_check first, before anything (a
   * migration, a pragma) writes, and refuse a damaged file with 'damaged',
   * leaving it byte for byte as it was. Pass false only where the file was
   * just checked (the app's background check, a sync's writer threads).
   */
  verify?: boolean;
  /** The app's version, kept in the file as the one that last wrote it (see readWriterVersion). */
  appVersion?: string;
}

const BUSY_TIMEOUT_MS = 5_000;
/** Large enough that a whole period replacement stays in memory until commit. */
const CACHE_SIZE_KIB = 65_536;
/** Trim the WAL file after checkpoints so one big sync does not keep it huge. */
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export function openCache(file: string, options?: OpenCacheOptions & { readonly?: false }): WritableDB;
export function openCache(file: string, options: OpenCacheOptions & { readonly: true }): ReadableDB;
export function openCache(file: string, options?: OpenCacheOptions): ReadableDB;
export function openCache(file: string, options: OpenCacheOptions = {}): ReadableDB {
  const readonly = options.readonly ?? false;
  const inMemory = file === ':memory:';
  if (!inMemory) {
    // Refuse before SQLite touches the file (it may create -wal/-shm files).
    refuseUnusableFile(file, readFileHeader(file)?.userVersion ?? null);
    if (!readonly) mkdirSync(dirname(file), { recursive: true });
    // Before anything below writes (WAL mode, migrations), on a read-only
    // connection of its own that cannot write even a checkpoint.
    if (!readonly && options.verify !== false) verifyCacheFile(file);
  }

  const db = openConnection(file, readonly);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // The header check above misses a version still sitting in an
    // uncheckpointed WAL, so ask SQLite too before changing anything.
    refuseUnusableFile(file, readUserVersion(db, file), db);
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
    // A period being synced is staged in TEMP tables: keep them in a temporary
    // file (OS-cached) rather than in this process's memory.
    db.pragma('temp_store = FILE');
    if (readonly) refuseOutdatedSchema(db, file);
    else {
      migrate(db);
      if (options.appVersion !== undefined) noteWriterVersion(db as WritableDB, options.appVersion);
    }
    return db as ReadableDB;
  } catch (error) {
    db.close();
    throw error;
  }
}

export interface MigrationOutcome {
  from: number;
  to: number;
}

/**
 * Brings the schema up to the last of `migrations`. Each step runs its DDL and
 * sets `user_version` inside one IMMEDIATE transaction: a crash or a throwing
 * step leaves the file exactly at the previous version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): MigrationOutcome {
  assertWellFormed(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const from = readUserVersion(db, db.name);
  if (from > latest) throw newerVersionError(db.name, from, latest);

  for (const migration of migrations) {
    if (migration.version <= from) continue;
    withForeignKeysOffIf(db, migration.rebuildsTables === true, () =>
      db
        .transaction(() => {
          // Another process may have migrated since we looked.
          if (readUserVersion(db, db.name) >= migration.version) return;
          runStep(db, migration);
          db.pragma(`user_version = ${migration.version}`);
        })
        .immediate(),
    );
  }
  return { from, to: Math.max(from, latest) };
}

/** foreign_keys can only change outside a transaction: off around `work`, then back as it was. */
function withForeignKeysOffIf(db: Database.Database, off: boolean, work: () => void): void {
  const wasOn = off && db.pragma('foreign_keys', { simple: true }) === 1;
  if (wasOn) db.pragma('foreign_keys = OFF');
  try {
    work();
  } finally {
    if (wasOn) db.pragma('foreign_keys = ON');
  }
}

export function schemaVersion(db: ReadableDB): number {
  return readUserVersion(db, db.name);
}

function runStep(db: Database.Database, migration: Migration): void {
  try {
    if (typeof migration.up === 'string') db.exec(migration.up);
    else migration.up(db);
    if (migration.rebuildsTables === true) assertForeignKeysHold(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CacheError(
      'migration_failed',
      `Updating the cache schema to version ${migration.version} (${migration.name}) failed: ${reason}. The cache was left at its previous version.`,
      { cause: error },
    );
  }
}

function assertForeignKeysHold(db: Database.Database): void {
  const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (broken.length > 0) {
    const first = broken[0]!;
    throw new Error(`${broken.length} row(s) would break a foreign key (first: ${first.table} -> ${first.parent})`);
  }
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration list is malformed: entry ${index} (${migration.name}) has version ${migration.version}, expected ${index + 1}.`);
    }
  });
}

function openConnection(file: string, readonly: boolean): Database.Database {
  try {
    return new Database(file, { readonly, fileMustExist: readonly });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CacheError('cannot_open', `Cannot open the cache file ${file}: ${reason}`, { cause: error });
  }
}

function readUserVersion(db: Database.Database, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if (isSqliteCode(error, 'SQLITE_NOTADB')) throw notADatabaseError(file, error);
    throw error;
  }
}

function refuseUnusableFile(file: string, userVersion: number | null, db?: Database.Database): void {
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (userVersion === null || userVersion <= latest) return;
  // Which version wrote it, read without changing the file (or its folder).
  let writtenBy: string | null = null;
  try {
    writtenBy = db ? readWriterVersion(db) : withUntouchedFile(file, readWriterVersion);
  } catch {
    // Unknown: the message says less.
  }
  throw newerVersionError(file, userVersion, latest, writtenBy);
}

function refuseOutdatedSchema(db: Database.Database, file: string): void {
  const version = readUserVersion(db, file);
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (version < latest) {
    throw new CacheError('outdated_schema', `The cache ${file} uses schema ${version} and needs updating to ${latest}; it cannot be updated in read-only mode.`);
  }
}

export function newerVersionError(file: string, found: number, latest: number, writtenBy: string | null = null): CacheError {
  const writer = writtenBy === null ? '' : `${writtenBy}, `;
  return new CacheError(
    'newer_version',
    `This cache (${file}) was written by a newer version of OAI Desktop (${writer}schema ${found}, this app knows up to ${latest}). Update the app, or open another cache file.`,
  );
}

function isSqliteCode(error: unknown, code: string): boolean {
  return error instanceof Database.SqliteError && error.code === code;
}
