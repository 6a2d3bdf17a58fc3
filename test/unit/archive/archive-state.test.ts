// The archive's state machine over real files: what each kind of file opens
// as (ready, checking, read-only, unavailable and why), that nothing is
// written to a file it cannot use, and the ways out (restore, start empty,
// browse another file).
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LATEST_SCHEMA_VERSION,
  listCachedMonths,
  listSyncRuns,
  migrate,
  MIGRATIONS,
  openCache,
  startSyncRun,
} from '../../../src/main/cache';
import { takeBackup } from '../../../src/main/cache/archive';
import { createArchive, type Archive } from '../../../src/main/features/archive/archive';
import type { ArchiveState } from '../../../src/main/features/archive/archive-state';
import { tempDir } from '../sync/helpers';
import { ACCOUNT, damageMiddle, fillerCache, sha256 } from './helpers';

const FILLER_KEY = { provider: 'https://filler.example', accountNumber: ACCOUNT };

function cacheFile(prefix = 'oai-archive-state-'): string {
  return path.join(tempDir(prefix), 'oai-cache.sqlite');
}

/** Starts an archive on `file`, recording every state it goes through. */
function started(file: string): { archive: Archive; states: ArchiveState[]; opened: Promise<void> } {
  const archive = createArchive({ file, appVersion: '0.1.0' });
  const states: ArchiveState[] = [];
  archive.subscribe((state) => states.push(state));
  return { archive, states, opened: archive.start() };
}

async function settledOn(file: string) {
  const run = started(file);
  await run.opened;
  await run.archive.settled();
  return run;
}

/** A newer version's cache: a schema this app does not know, naming the version that wrote it. */
function newerCache(file: string, version = '9.1.0'): void {
  fillerCache(file, 1);
  const db = new Database(file);
  db.prepare(`INSERT INTO meta (key, value) VALUES ('last_written_by', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(version);
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  db.close();
}

describe('opening the archive', () => {
  it('opens a new archive at once, writable', async () => {
    const file = cacheFile();
    const { archive, states } = await settledOn(file);
    expect(states).toEqual([{ state: 'ready' }]);
    await expect(archive.whenWritable()).resolves.toBeUndefined();
    expect(existsSync(file)).toBe(true);
    archive.close();
  });

  it('reads an intact archive while it is checked, writes wait for the check, then it is writable and interrupted runs are closed', async () => {
    const file = cacheFile();
    fillerCache(file, 2);
    const db = openCache(file);
    startSyncRun(db, FILLER_KEY, 'account', 'https://oai.example', '2026-02-01T00:00:00Z');
    db.close();

    const { archive, states, opened } = started(file);
    // Right after start: readable, not writable.
    expect(states).toEqual([{ state: 'checking', readable: true }]);
    expect(listCachedMonths(archive.cache.read())).toHaveLength(1);
    expect(() => archive.cache.write()).toThrow(expect.objectContaining({ code: 'archive_busy' }));
    const order: string[] = [];
    const write = archive.whenWritable().then(() => order.push(`write while ${archive.state().state}`));
    await opened;
    await write;
    expect(order).toEqual(['write while ready']);
    expect(states.map((s) => s.state)).toEqual(['checking', 'ready']);
    expect(listSyncRuns(archive.cache.read(), FILLER_KEY)[0]).toMatchObject({ status: 'failed' });
    archive.close();
  });

  it('goes unavailable when the check finds damage: connections closed, the file byte for byte as it was', async () => {
    const file = cacheFile();
    fillerCache(file, 2);
    const table = damageMiddle(file);
    const before = sha256(file);
    const { archive, states } = await settledOn(file);
    expect(states.map((s) => s.state)).toEqual(['checking', 'unavailable']);
    expect(archive.state()).toMatchObject({ problem: { kind: 'damaged', message: expect.stringContaining(table) } });
    expect(sha256(file)).toBe(before);
    expect(() => archive.cache.read()).toThrow(expect.objectContaining({ code: 'archive_unavailable' }));
    await expect(archive.whenWritable()).rejects.toMatchObject({ code: 'archive_unavailable' });
    expect(archive.cache.connected).toBe(false);
  });

  it.each([
    ['truncated', 'truncated', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    ['random bytes', 'not_a_cache', (file: string) => writeFileSync(file, randomBytes(8192))],
    ['a header cut short', 'truncated', (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 40))],
    ['another application’s database', 'not_a_cache', (file: string) => {
      const db = new Database(file);
      db.exec('DROP TABLE conferences; CREATE TABLE invoices (id INTEGER PRIMARY KEY); PRAGMA application_id = 42');
      db.close();
    }],
  ])('refuses %s at once (%s), without opening it in place', async (_name, kind, spoil) => {
    const file = cacheFile();
    fillerCache(file, 1);
    spoil(file);
    const files = readdirSync(path.dirname(file)).sort();
    const before = sha256(file);
    const { archive, states } = await settledOn(file);
    expect(states).toEqual([{ state: 'unavailable', problem: expect.objectContaining({ kind }) }]);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(files);
    archive.close();
  });

  it('checks before migrating an older schema: nothing is read until the check passed', async () => {
    const file = cacheFile();
    const db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.close();
    const { archive, states, opened } = started(file);
    expect(states).toEqual([{ state: 'checking', readable: false }]);
    expect(() => archive.cache.read()).toThrow(expect.objectContaining({ code: 'archive_busy' }));
    await opened;
    expect(archive.state()).toEqual({ state: 'ready' });
    expect(archive.cache.read().pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    archive.close();
  });

  it('opens read-only when another program holds the write lock: reads work, writes are refused', async () => {
    const file = cacheFile();
    fillerCache(file, 1);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const { archive, states } = await settledOn(file);
      expect(states.map((s) => s.state)).toEqual(['checking', 'read-only']);
      expect(archive.state()).toMatchObject({ reason: 'locked' });
      expect(listCachedMonths(archive.cache.read())).toHaveLength(1);
      await expect(archive.whenWritable()).rejects.toMatchObject({ code: 'archive_read_only' });
      expect(() => archive.cache.write()).toThrow(expect.objectContaining({ code: 'archive_read_only' }));
      // Not replaced under the other program.
      await expect(archive.restore(file)).rejects.toMatchObject({ code: 'archive_read_only' });
      archive.close();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // The other program gone, the next run writes.
    const next = await settledOn(file);
    expect(next.archive.state()).toEqual({ state: 'ready' });
    next.archive.close();
  });
});

describe('ways out of an unusable archive', () => {
  it('restores a backup: the damaged archive set aside byte for byte, every month back, writable', async () => {
    const file = cacheFile();
    fillerCache(file, 2);
    const backup = await takeBackup(file);
    damageMiddle(file);
    const damaged = sha256(file);
    const { archive } = await settledOn(file);
    expect(archive.state().state).toBe('unavailable');

    const result = await archive.restore(backup.file);
    expect(archive.state()).toEqual({ state: 'ready' });
    expect(result.months).toEqual(backup.months);
    expect(listCachedMonths(archive.cache.read())).toEqual(backup.months);
    expect(path.basename(result.setAside!.file)).toMatch(/^oai-cache\.damaged-.*\.sqlite$/);
    expect(sha256(result.setAside!.file)).toBe(damaged);
    archive.close();
  });

  it('starts empty: the unusable archive set aside with a note, a new one writable', async () => {
    const file = cacheFile();
    writeFileSync(file, randomBytes(8192));
    const before = sha256(file);
    const { archive } = await settledOn(file);
    const aside = await archive.startEmpty();
    expect(path.basename(aside!.file)).toMatch(/^oai-cache\.unopenable-.*\.sqlite$/);
    expect(sha256(aside!.file)).toBe(before);
    expect(readFileSync(aside!.note, 'utf8')).toContain('could not be opened');
    expect(archive.state()).toEqual({ state: 'ready' });
    expect(listCachedMonths(archive.cache.read())).toEqual([]);
    archive.close();
  });

  it('never sets aside nor replaces a newer version’s archive; another file is shown read-only instead', async () => {
    const file = cacheFile();
    newerCache(file);
    const other = cacheFile();
    fillerCache(other, 1);
    const before = sha256(file);
    const files = readdirSync(path.dirname(file)).sort();
    const { archive } = await settledOn(file);
    expect(archive.state()).toMatchObject({ state: 'unavailable', problem: { kind: 'newer_version', writtenBy: '9.1.0' } });
    await expect(archive.startEmpty()).rejects.toMatchObject({ code: 'archive_unavailable' });
    await expect(archive.restore(other)).rejects.toMatchObject({ code: 'archive_unavailable' });

    await archive.browse(other);
    expect(archive.state()).toMatchObject({ state: 'read-only', reason: 'other_file', browsing: other, problem: { kind: 'newer_version' } });
    expect(listCachedMonths(archive.cache.read())).toHaveLength(1);
    expect(archive.cache.read().name).not.toBe(other);
    await expect(archive.restore(other)).rejects.toMatchObject({ code: 'archive_unavailable' });
    archive.close();
    expect(sha256(file)).toBe(before);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(files);
  });

  it('a sync’s check that finds damage makes a ready archive unavailable', async () => {
    const file = cacheFile();
    fillerCache(file, 2);
    const { archive } = await settledOn(file);
    expect(archive.state().state).toBe('ready');
    damageMiddle(file);
    await expect(archive.checkBeforeWrite(file)).rejects.toMatchObject({ code: 'damaged' });
    expect(archive.state()).toMatchObject({ state: 'unavailable', problem: { kind: 'damaged' } });
  });
});
