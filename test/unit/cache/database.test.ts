import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheError, getAccount, LATEST_SCHEMA_VERSION, migrate, openCache, schemaVersion, upsertAccount, type Migration } from '../../../src/main/cache';
import { makeTempDir } from './fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function tempDir(): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

function catchError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('openCache', () => {
  it('creates the parent directory, migrates, and sets WAL, foreign keys, synchronous NORMAL and a busy timeout', () => {
    const file = join(tempDir(), 'nested', 'deeper', 'cache.sqlite');
    const db = openCache(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
      expect(tables).toEqual([
        'accounts',
        'billing_code_outbox',
        // Each month's totals per provider billing code (the chargeback's source).
        'code_month_totals',
        // The search index (FTS5's own tables), its documents' conference rows and its months.
        'conference_search',
        'conference_search_config',
        'conference_search_data',
        'conference_search_docs',
        'conference_search_docsize',
        'conference_search_idx',
        'conference_search_periods',
        'conferences',
        'import_file_periods',
        'import_files',
        'local_billing_codes',
        'meta',
        'participants',
        'periods',
        'rooms',
        'sync_run_periods',
        'sync_runs',
      ]);
    } finally {
      db.close();
    }
  });

  it('reopens an existing cache without migrating again and keeps its data', () => {
    const file = join(tempDir(), 'cache.sqlite');
    const first = openCache(file);
    upsertAccount(first, 'https://oai.example', { accountNumber: '1', companyName: 'A', currency: 'EUR', timeZone: 'UTC', supportPhone: null }, '2026-01-01T00:00:00Z');
    first.close();
    const second = openCache(file);
    try {
      expect(schemaVersion(second)).toBe(LATEST_SCHEMA_VERSION);
      expect(getAccount(second, { provider: 'https://oai.example', accountNumber: '1' })?.companyName).toBe('A');
    } finally {
      second.close();
    }
  });

  it('refuses a cache written by a newer schema and leaves the file byte-identical', () => {
    const dir = tempDir();
    const file = join(dir, 'future.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 41}`);
    future.close();
    const before = readFileSync(file);

    const error = catchError(() => openCache(file));
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).code).toBe('newer_version');
    expect((error as CacheError).message).toBe(
      `This cache (${file}) was written by a newer version of OAI Desktop (schema ${LATEST_SCHEMA_VERSION + 41}, this app knows up to ${LATEST_SCHEMA_VERSION}). Update the app, or open another cache file.`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['future.sqlite']); // no -wal / -shm created
  });

  it('refuses a newer WAL-mode cache without touching it', () => {
    const dir = tempDir();
    const file = join(dir, 'future-wal.sqlite');
    const future = new Database(file);
    future.pragma('journal_mode = WAL');
    future.exec('CREATE TABLE t (x)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close(); // checkpoints and removes the WAL
    const before = readFileSync(file);
    expect((catchError(() => openCache(file)) as CacheError).code).toBe('newer_version');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['future-wal.sqlite']);
  });

  it('refuses a file that is not a SQLite database, naming it, and leaves it untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'notes.sqlite');
    const text = 'These are my meeting notes, not a database.\n'.repeat(50);
    writeFileSync(file, text);

    const error = catchError(() => openCache(file));
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).code).toBe('not_a_database');
    expect((error as CacheError).message).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['notes.sqlite']);
  });

  it('refuses a file shorter than a SQLite header', () => {
    const file = join(tempDir(), 'short.sqlite');
    writeFileSync(file, 'SQLite format 3\0');
    expect((catchError(() => openCache(file)) as CacheError).code).toBe('not_a_database');
    expect(readFileSync(file, 'latin1')).toBe('SQLite format 3\0');
  });

  it('treats an empty file as a new cache', () => {
    const file = join(tempDir(), 'empty.sqlite');
    writeFileSync(file, '');
    const db = openCache(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('opens read-only without writing, and refuses a missing file in read-only mode', () => {
    const dir = tempDir();
    const file = join(dir, 'cache.sqlite');
    openCache(file).close();
    const readonly = openCache(file, { readonly: true });
    try {
      expect(schemaVersion(readonly)).toBe(LATEST_SCHEMA_VERSION);
      expect(() => readonly.exec(`INSERT INTO accounts (provider, account_number) VALUES ('https://oai.example', '1')`)).toThrow(/readonly/i);
    } finally {
      readonly.close();
    }
    expect((catchError(() => openCache(join(dir, 'missing.sqlite'), { readonly: true })) as CacheError).code).toBe('cannot_open');
  });

  it('refuses read-only opening of a cache that needs migrations', () => {
    const file = join(tempDir(), 'old.sqlite');
    new Database(file).close(); // schema 0
    expect((catchError(() => openCache(file, { readonly: true })) as CacheError).code).toBe('outdated_schema');
  });
});

describe('migrate', () => {
  function rawDb(): Database.Database {
    const db = new Database(join(tempDir(), 'm.sqlite'));
    cleanups.unshift(() => db.open && db.close());
    return db;
  }
  const tableNames = (db: Database.Database) =>
    (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((row) => row.name);

  it('applies pending steps in order, setting user_version after each', () => {
    const db = rawDb();
    const seen: number[] = [];
    const steps: Migration[] = [
      { version: 1, name: 'one', up: 'CREATE TABLE one (x)' },
      {
        version: 2,
        name: 'two',
        up: (conn) => {
          seen.push(conn.pragma('user_version', { simple: true }) as number);
          conn.exec(`CREATE TABLE two (y); INSERT INTO two SELECT 'copied'`);
        },
      },
    ];
    expect(migrate(db, steps)).toEqual({ from: 0, to: 2 });
    expect(seen).toEqual([1]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tableNames(db)).toEqual(['one', 'two']);
    expect(migrate(db, steps)).toEqual({ from: 2, to: 2 }); // nothing left to run
  });

  describe('a step that rebuilds referenced tables', () => {
    const parentAndChild: Migration = {
      version: 1,
      name: 'tables',
      up: `CREATE TABLE parent (id INTEGER PRIMARY KEY, x); CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent (id));
           INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (1);`,
    };
    const rebuild = (keep: string): Migration => ({
      version: 2,
      name: 'rebuild parent',
      rebuildsTables: true,
      up: `CREATE TABLE parent_v2 (id INTEGER PRIMARY KEY, x, y); INSERT INTO parent_v2 SELECT id, x, 'new' FROM parent WHERE ${keep};
           DROP TABLE parent; ALTER TABLE parent_v2 RENAME TO parent;`,
    });

    it('runs with foreign keys off, in one transaction, and turns them back on', () => {
      const db = rawDb();
      db.pragma('foreign_keys = ON');
      expect(migrate(db, [parentAndChild, rebuild('1')])).toEqual({ from: 0, to: 2 });
      expect(db.prepare('SELECT id, x, y FROM parent').all()).toEqual([{ id: 1, x: 'a', y: 'new' }]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    });

    it('is refused, and changes nothing, when the rebuilt tables break a foreign key', () => {
      const db = rawDb();
      db.pragma('foreign_keys = ON');
      migrate(db, [parentAndChild]);
      const error = catchError(() => migrate(db, [parentAndChild, rebuild('0')]));
      expect((error as CacheError).code).toBe('migration_failed');
      expect((error as CacheError).message).toContain('would break a foreign key (first: child -> parent)');
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare('SELECT * FROM parent').all()).toEqual([{ id: 1, x: 'a' }]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    });
  });

  it('a step failing midway leaves user_version and the schema of that step unchanged', () => {
    const db = rawDb();
    const steps: Migration[] = [
      { version: 1, name: 'one', up: 'CREATE TABLE one (x)' },
      { version: 2, name: 'two', up: 'CREATE TABLE two (y); CREATE INDEX two_y ON two (y); CREATE TABLE one (again)' },
    ];
    const error = catchError(() => migrate(db, steps));
    expect((error as CacheError).code).toBe('migration_failed');
    expect((error as CacheError).message).toContain('version 2 (two)');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(db)).toEqual(['one']); // table two was rolled back with the failed step
    expect(db.inTransaction).toBe(false);
  });

  it('a function step throwing after its DDL is rolled back too', () => {
    const db = rawDb();
    const steps: Migration[] = [
      {
        version: 1,
        name: 'boom',
        up: (conn) => {
          conn.exec('CREATE TABLE half (x)');
          throw new Error('disk on fire');
        },
      },
    ];
    expect((catchError(() => migrate(db, steps)) as CacheError).message).toContain('disk on fire');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('refuses a database newer than the list', () => {
    const db = rawDb();
    db.pragma('user_version = 3');
    expect((catchError(() => migrate(db, [{ version: 1, name: 'one', up: 'CREATE TABLE one (x)' }])) as CacheError).code).toBe('newer_version');
    expect(tableNames(db)).toEqual([]);
  });

  it('rejects a malformed list (gaps or disorder)', () => {
    const db = rawDb();
    expect(() => migrate(db, [{ version: 2, name: 'two', up: '' }])).toThrow(/malformed/);
  });
});
