// A cache that can only be read opens read-only, browsable, and leaves
// nothing behind that blocks the next writable run: made real with a
// read-only bind mount of the folder or of the file (unshare -m), since
// file modes do not stop root.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCachedMonths, migrate, MIGRATIONS, openCache } from '../../../src/main/cache';
import { createArchive } from '../../../src/main/features/archive/archive';
import { tempDir } from '../sync/helpers';
import { ACCOUNT, damageMiddle, fillerCache, sha256 } from './helpers';
import { canMountReadOnly, READ_ONLY_MOUNT_NEEDS, runWithReadOnly } from './read-only-mount';

const CHILD = 'test/unit/archive/children/read-only-archive-child.ts';

/** Every file of `dir` with its size and content hash. */
function snapshot(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return statSync(file).isFile() ? `${name} ${statSync(file).size} ${sha256(file)}` : `${name}/`;
    });
}

function openReadOnly(target: string, file: string, backup?: string) {
  const run = runWithReadOnly(target, [process.execPath, '--import', 'tsx', CHILD, file, ...(backup === undefined ? [] : [backup])]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { state: Record<string, unknown>; months: number | null; write: string | null; restore?: string };
}

async function writableRun(file: string) {
  const archive = createArchive({ file, appVersion: '0.1.0' });
  await archive.start();
  await archive.settled();
  const state = archive.state();
  const months = listCachedMonths(archive.cache.read()).length;
  archive.close();
  return { state, months };
}

/** A cache whose last commit is only in its -wal (as a crash leaves it), in a folder of its own. */
function cacheWithWal(): string {
  const source = path.join(tempDir('oai-ro-source-'), 'oai-cache.sqlite');
  fillerCache(source, 1);
  const db = openCache(source);
  db.pragma('wal_autocheckpoint = 0');
  db.exec(`INSERT INTO periods (account_id, period, start_date, revision, first_synced_at, last_synced_at)
    VALUES ((SELECT id FROM accounts WHERE account_number = '${ACCOUNT}'), '2026-02', '2026-02-01', 'r1', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')`);
  const dir = tempDir('oai-ro-');
  const file = path.join(dir, 'oai-cache.sqlite');
  copyFileSync(source, file);
  copyFileSync(`${source}-wal`, `${file}-wal`);
  db.close();
  return file;
}

describe.skipIf(!canMountReadOnly)(`a cache that can only be read (${READ_ONLY_MOUNT_NEEDS})`, () => {
  it('in a read-only folder: browsable from a private copy (its -wal included), writes and restores refused; nothing left behind; the next run writes', async () => {
    const file = cacheWithWal();
    const dir = path.dirname(file);
    const backup = path.join(tempDir('oai-ro-backup-'), 'backup.sqlite');
    fillerCache(backup, 1);
    const before = snapshot(dir);
    const result = openReadOnly(dir, file, backup);
    expect(result).toEqual({
      state: { state: 'read-only', reason: 'read_only_folder', problem: null, browsing: null },
      months: 2,
      write: 'archive_read_only',
      restore: 'archive_read_only',
    });
    expect(snapshot(dir)).toEqual(before);
    expect(await writableRun(file)).toEqual({ state: { state: 'ready' }, months: 2 });
  });

  it('a read-only file in a writable folder: no -wal nor -shm created beside it; the next run writes', async () => {
    const dir = tempDir('oai-ro-file-');
    const file = path.join(dir, 'oai-cache.sqlite');
    fillerCache(file, 1);
    const before = snapshot(dir);
    const result = openReadOnly(file, file);
    expect(result).toMatchObject({ state: { state: 'read-only', reason: 'read_only_file' }, months: 1, write: 'archive_read_only' });
    expect(snapshot(dir)).toEqual(before);
    expect(await writableRun(file)).toEqual({ state: { state: 'ready' }, months: 1 });
  });

  it('an older schema in a read-only folder: its copy is checked, then migrated and browsed; the file stays as it was', () => {
    const dir = tempDir('oai-ro-old-');
    const file = path.join(dir, 'oai-cache.sqlite');
    const db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.close();
    const before = snapshot(dir);
    expect(openReadOnly(dir, file)).toMatchObject({ state: { state: 'read-only', reason: 'read_only_folder' }, months: 0 });
    expect(snapshot(dir)).toEqual(before);
  });

  it('a damaged cache in a read-only folder: unavailable, checked on the copy, nothing left behind', () => {
    const dir = tempDir('oai-ro-damaged-');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'oai-cache.sqlite');
    fillerCache(file, 2);
    damageMiddle(file);
    const before = snapshot(dir);
    expect(openReadOnly(dir, file)).toMatchObject({ state: { state: 'unavailable', problem: { kind: 'damaged' } }, months: null });
    expect(snapshot(dir)).toEqual(before);
  });
});

if (!canMountReadOnly) console.log(`read-only archive tests skipped: they ${READ_ONLY_MOUNT_NEEDS}`);
