// Integrity: quick_check of a cache, the writable open refusing a damaged
// file untouched, setting a file aside, inspecting a restore candidate.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CacheError,
  inspectCacheFile,
  LATEST_SCHEMA_VERSION,
  migrate,
  MIGRATIONS,
  OAI_APPLICATION_ID,
  openCache,
  quickCheck,
  quickCheckFile,
  readFileHeader,
  setAside,
} from '../../../src/main/cache';
import { quickCheckFileInBackground, verifyCacheFileInBackground } from '../../../src/main/cache/archive';
import { tempDir } from '../sync/helpers';
import { ACCOUNT, damageMiddle, fillerCache, sha256 } from './helpers';

function catchError(work: () => unknown): CacheError {
  try {
    work();
  } catch (error) {
    return error as CacheError;
  }
  throw new Error('expected an error');
}

function damagedCache(): { dir: string; file: string; table: string } {
  const dir = tempDir('oai-integrity-');
  const file = path.join(dir, 'oai-cache.sqlite');
  fillerCache(file, 2);
  return { dir, file, table: damageMiddle(file) };
}

describe('quick_check', () => {
  it('finds an intact cache ok, on the calling thread and on the archive thread', async () => {
    const file = path.join(tempDir(), 'oai-cache.sqlite');
    fillerCache(file, 1);
    const db = openCache(file);
    expect(quickCheck(db)).toMatchObject({ ok: true, problems: [] });
    db.close();
    expect(quickCheckFile(file).ok).toBe(true);
    expect((await quickCheckFileInBackground(file)).ok).toBe(true);
    await expect(verifyCacheFileInBackground(file)).resolves.toBeUndefined();
  });

  it('finds 4 KB of garbage in a table page and names the table', async () => {
    const { file, table } = damagedCache();
    expect(table).toBe('conferences');
    const report = quickCheckFile(file);
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.join('\n')).toMatch(/\(table conferences\)|table conferences:/);
    expect((await quickCheckFileInBackground(file)).problems).toEqual(report.problems);
    const error = await verifyCacheFileInBackground(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).code).toBe('damaged');
    expect((error as CacheError).integrity?.problems).toEqual(report.problems);
  });

  it('the writable open refuses a damaged cache before writing anything: the file stays byte for byte', () => {
    const { file } = damagedCache();
    const before = sha256(file);
    const error = catchError(() => openCache(file));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain(file);
    expect(error.message).toContain('Nothing was written to it');
    expect(sha256(file)).toBe(before);
    // A read-only open (browsing what is left) is still possible.
    openCache(file, { readonly: true }).close();
    expect(sha256(file)).toBe(before);
  });
});

describe('application id and writer version', () => {
  it('marks a cache as OAI Desktop and records the version that last wrote it', () => {
    const file = path.join(tempDir(), 'oai-cache.sqlite');
    openCache(file, { appVersion: '1.2.3' }).close();
    expect(readFileHeader(file)?.applicationId).toBe(OAI_APPLICATION_ID);
    const inspection = inspectCacheFile(file);
    expect(inspection).toMatchObject({ problem: null, schemaVersion: LATEST_SCHEMA_VERSION, writtenBy: '1.2.3' });
    openCache(file, { appVersion: '1.2.4' }).close();
    expect(inspectCacheFile(file).writtenBy).toBe('1.2.4');
  });

  it('a cache from a newer version is refused naming the version that wrote it, and left untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'oai-cache.sqlite');
    openCache(file, { appVersion: '9.0.0' }).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = sha256(file);
    const error = catchError(() => openCache(file));
    expect(error.code).toBe('newer_version');
    expect(error.message).toContain(`(9.0.0, schema ${LATEST_SCHEMA_VERSION + 1}`);
    expect(inspectCacheFile(file)).toMatchObject({ writtenBy: '9.0.0', problem: { code: 'newer_version' } });
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['oai-cache.sqlite']);
  });
});

describe('inspectCacheFile', () => {
  it('reads a cache in WAL mode from a copy: no -wal or -shm is left beside it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'candidate.sqlite');
    fillerCache(file, 1);
    expect(readFileHeader(file)?.wal).toBe(true);
    const before = sha256(file);
    const inspection = inspectCacheFile(file);
    expect(inspection.problem).toBeNull();
    expect(inspection.integrity?.ok).toBe(true);
    expect(inspection.months).toEqual([{ accountNumber: ACCOUNT, period: '2026-01', archived: false }]);
    expect(readdirSync(dir)).toEqual(['candidate.sqlite']);
    expect(sha256(file)).toBe(before);
  });

  it('says why a file is not usable: not SQLite, another application, damaged', () => {
    const dir = tempDir();
    const notes = path.join(dir, 'notes.sqlite');
    writeFileSync(notes, 'meeting notes\n'.repeat(100));
    expect(inspectCacheFile(notes).problem?.code).toBe('not_a_database');

    const other = path.join(dir, 'other.sqlite');
    const raw = new Database(other);
    raw.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    raw.close();
    expect(inspectCacheFile(other).problem).toMatchObject({ code: 'not_an_oai_cache' });
    const marked = new Database(other);
    marked.pragma('application_id = 1234');
    marked.close();
    expect(inspectCacheFile(other).problem).toMatchObject({ code: 'not_an_oai_cache' });

    const { file } = damagedCache();
    const damaged = inspectCacheFile(file);
    expect(damaged.problem?.code).toBe('damaged');
    expect(damaged.integrity?.ok).toBe(false);
    expect(inspectCacheFile(path.join(dir, 'missing.sqlite')).problem?.code).toBe('cannot_open');
  });

  it('recognises a cache from before the application id (schema 1) by its tables', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const raw = new Database(file);
    migrate(raw, MIGRATIONS.slice(0, 1));
    raw.close();
    expect(readFileHeader(file)?.applicationId).toBe(0);
    expect(inspectCacheFile(file)).toMatchObject({ problem: null, schemaVersion: 1 });
  });
});

describe('setAside', () => {
  it('renames the cache with its -wal and -shm byte for byte, with a note saying when and why', () => {
    const dir = tempDir();
    const file = path.join(dir, 'oai-cache.sqlite');
    writeFileSync(file, 'main bytes');
    writeFileSync(`${file}-wal`, 'wal bytes');
    writeFileSync(`${file}-shm`, 'shm bytes');
    const now = new Date('2026-12-02T04:15:00.250Z');
    const result = setAside(file, 'damaged', 'quick_check: Tree 7 page 9 is broken', now);
    const aside = path.join(dir, 'oai-cache.damaged-2026-12-02T041500Z.sqlite');
    expect(result).toEqual({ file: aside, moved: [aside, `${aside}-wal`, `${aside}-shm`], note: path.join(dir, 'oai-cache.damaged-2026-12-02T041500Z.txt') });
    expect(readFileSync(aside, 'utf8')).toBe('main bytes');
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('wal bytes');
    expect(readFileSync(`${aside}-shm`, 'utf8')).toBe('shm bytes');
    expect(existsSync(file) || existsSync(`${file}-wal`) || existsSync(`${file}-shm`)).toBe(false);
    const note = readFileSync(result!.note, 'utf8');
    expect(note).toContain('2026-12-02T04:15:00.250Z');
    expect(note).toContain('the file is damaged');
    expect(note).toContain('Tree 7 page 9 is broken');
    expect(note).toContain(file);
  });

  it('never overwrites a file already set aside in the same second, and has nothing to do without a cache', () => {
    const dir = tempDir();
    const file = path.join(dir, 'oai-cache.sqlite');
    const now = new Date('2026-12-02T04:15:00Z');
    writeFileSync(file, 'first');
    const first = setAside(file, 'replaced', 'one', now)!;
    writeFileSync(file, 'second');
    const second = setAside(file, 'replaced', 'two', now)!;
    expect(second.file).toBe(path.join(dir, 'oai-cache.replaced-2026-12-02T041500Z-2.sqlite'));
    expect(readFileSync(first.file, 'utf8')).toBe('first');
    expect(readFileSync(second.file, 'utf8')).toBe('second');
    expect(setAside(file, 'damaged', 'three', now)).toBeNull();
  });
});
