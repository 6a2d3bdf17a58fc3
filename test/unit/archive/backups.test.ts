// Backups of real cache files: where they go and what they are, failures that
// leave the previous ones intact, a kill -9 midway, a backup during a sync.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/commands';
import { CacheError, openCache, quickCheckFile } from '../../../src/main/cache';
import { backupTo, listBackups, takeBackup } from '../../../src/main/cache/archive';
import { createCore } from '../../../src/main/app/core';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { demoClient, tempDir } from '../sync/helpers';
import { ACCOUNT, damageMiddle, fillerCache, sha256 } from './helpers';

function cacheIn(dir: string, megabytes = 1): string {
  const file = path.join(dir, 'oai-cache.sqlite');
  fillerCache(file, megabytes);
  return file;
}

describe('takeBackup', () => {
  it('writes a checked, rollback-mode copy to backups/ beside the cache, named by its UTC time', async () => {
    const dir = tempDir('oai-backup-');
    const file = cacheIn(dir);
    const backup = await takeBackup(file, { now: () => new Date('2026-12-02T04:15:00.500Z') });
    const expected = path.join(dir, 'backups', 'oai-cache-2026-12-02T041500Z.sqlite');
    expect(backup).toMatchObject({ file: expected, createdAt: '2026-12-02T04:15:00Z', pruned: [] });
    expect(backup.months).toEqual([{ accountNumber: ACCOUNT, period: '2026-01', archived: false }]);
    expect(backup.sizeBytes).toBe(statSync(expected).size);
    const copy = new Database(expected, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();

    // Listing reads each backup's months without leaving anything beside it.
    const second = await takeBackup(file, { now: () => new Date('2026-12-02T04:15:00.900Z') });
    expect(second.file).toBe(path.join(dir, 'backups', 'oai-cache-2026-12-02T041500Z-2.sqlite'));
    expect(listBackups(file).map((b) => [b.file, b.months.length])).toEqual([
      [second.file, 1],
      [expected, 1],
    ]);
    expect(readdirSync(path.join(dir, 'backups')).sort()).toEqual(['oai-cache-2026-12-02T041500Z-2.sqlite', 'oai-cache-2026-12-02T041500Z.sqlite']);
  });

  it('prunes by the retention rule only once the new backup is verified', async () => {
    const dir = tempDir('oai-backup-');
    const file = cacheIn(dir);
    const backups = path.join(dir, 'backups');
    mkdirSync(backups);
    // Eight older backups of November (tiny files: pruning looks at names and sizes only).
    const older = Array.from({ length: 8 }, (_, i) => path.join(backups, `oai-cache-2026-11-${String(10 + i).padStart(2, '0')}T040000Z.sqlite`));
    for (const name of older) writeFileSync(name, 'x');
    const now = () => new Date('2026-12-02T04:15:00Z');

    // A damaged cache: the backup fails and nothing is pruned.
    damageMiddle(file);
    await expect(takeBackup(file, { now })).rejects.toMatchObject({ code: 'damaged' });
    expect(readdirSync(backups).sort()).toEqual(older.map((f) => path.basename(f)));

    const good = cacheIn(tempDir('oai-backup-'));
    const taken = await takeBackup(good, { dir: backups, now });
    // Newest 7: the new one and Nov 17..12; November's newest is among them; Nov 11 and 10 go.
    expect(taken.pruned.sort()).toEqual([older[0], older[1]]);
    expect(existsSync(older[2]!)).toBe(true);
  });

  it('a failed backup leaves the previous ones intact and no partial file', async () => {
    const dir = tempDir('oai-backup-');
    const file = cacheIn(dir);
    const first = await takeBackup(file);
    const before = sha256(first.file);
    damageMiddle(file);
    const error = await takeBackup(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).code).toBe('damaged');
    expect(readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(first.file)]);
    expect(sha256(first.file)).toBe(before);
  });

  it('backupTo copies to a chosen file and refuses the cache itself', async () => {
    const dir = tempDir('oai-backup-');
    const file = cacheIn(dir);
    const out = path.join(tempDir(), 'my copy.sqlite');
    const copy = await backupTo(file, out);
    expect(copy.file).toBe(out);
    expect(quickCheckFile(out).ok).toBe(true);
    await expect(backupTo(file, file)).rejects.toThrow(/onto itself/);
    await expect(backupTo(path.join(dir, 'none.sqlite'), out)).rejects.toThrow(/no cache/);
  });
});

describe('a backup killed midway (kill -9)', () => {
  it('leaves the previous backups intact and only a partial file, which the next backup removes', async () => {
    const dir = tempDir('oai-backup-kill-');
    const file = cacheIn(dir, 120);
    const previous = await takeBackup(file, { now: () => new Date('2026-12-01T04:00:00Z') });
    const previousHash = sha256(previous.file);
    const backups = path.join(dir, 'backups');

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/unit/archive/children/backup-child.ts', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const partial = await new Promise<string | null>((resolve) => {
      const poll = setInterval(() => {
        const found = readdirSync(backups).find((name) => name.endsWith('.partial'));
        if (found !== undefined && statSync(path.join(backups, found)).size > 1_048_576) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve(found);
        }
      }, 5);
      void exited.then(() => {
        clearInterval(poll);
        resolve(null);
      });
    });
    await exited;
    expect(partial, 'the child finished before it could be killed').not.toBeNull();
    // Only the partial copy was left; the previous backup is untouched and still the only one.
    expect(readdirSync(backups).filter((name) => !name.startsWith('.')).sort()).toEqual([path.basename(previous.file)]);
    expect(readdirSync(backups)).toContain(partial);
    expect(sha256(previous.file)).toBe(previousHash);
    expect(listBackups(file).map((b) => b.file)).toEqual([previous.file]);

    const next = await takeBackup(file);
    expect(readdirSync(backups).sort()).toEqual([path.basename(previous.file), path.basename(next.file)].sort());
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('a backup during a large sync', () => {
  let provider: DemoProvider;
  beforeAll(async () => {
    provider = await startDemoProvider({ now: '2009-05-20', rooms: 300, perRoom: 40 });
  });
  afterAll(async () => {
    await provider.close();
  });

  it("completes, consistent (intact, each period's room totals equal its conferences), also through the CLI", async () => {
    const dir = tempDir('oai-backup-sync-');
    const file = path.join(dir, 'oai-cache.sqlite');
    const core = createCore({ cacheFile: file });
    let syncDone = false;
    const sync = core.coordinator
      .sync({
        profileId: 'big',
        origin: provider.url,
        accountNumber: ACCOUNT,
        createClient: (signal) => Promise.resolve(demoClient(provider, {}, { signal })),
      })
      .finally(() => (syncDone = true));
    // Once a first month is committed, while the others still download.
    const committed = () => (core.cache.read().prepare('SELECT count(*) FROM periods WHERE revision IS NOT NULL').pluck().get() as number) > 0;
    while (!committed() && !syncDone) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(syncDone).toBe(false);
    const out = path.join(dir, 'during-sync.sqlite');
    const io = { stdout: () => {}, stderr: () => {}, env: {}, stdin: Readable.from(['']) };
    const [automatic, cliCode] = await Promise.all([takeBackup(file), runCli(['backup', '--db', file, '--out', out], io)]);
    const report = await sync;
    await core.close();
    expect(report.status).toBe('ok');
    expect(cliCode).toBe(0);
    for (const copy of [automatic.file, out]) {
      expect(quickCheckFile(copy).ok).toBe(true);
      expect(completePeriodMismatches(copy)).toEqual({ periods: expect.any(Number), mismatches: 0 });
      expect(completePeriodMismatches(copy).periods).toBeGreaterThanOrEqual(1);
    }
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

/** Rooms of fully synced periods whose totals differ from the sum of their conferences. */
function completePeriodMismatches(file: string): { periods: number; mismatches: number } {
  const db = openCache(file, { readonly: true });
  try {
    const periods = (db.prepare(`SELECT count(*) AS n FROM periods WHERE revision IS NOT NULL`).get() as { n: number }).n;
    const mismatches = (
      db
        .prepare(
          `SELECT count(*) AS n FROM rooms r JOIN periods p ON p.account_id = r.account_id AND p.period = r.period AND p.revision IS NOT NULL
           LEFT JOIN (SELECT account_id, period, room_number, count(*) AS k, sum(accumulated_seconds) AS s, sum(charge_cents) AS c
                      FROM conferences GROUP BY 1, 2, 3) t
             ON t.account_id = r.account_id AND t.period = r.period AND t.room_number = r.room_number
           WHERE r.conference_count != coalesce(t.k, 0) OR r.accumulated_seconds != coalesce(t.s, 0) OR r.charge_cents != coalesce(t.c, 0)`,
        )
        .get() as { n: number }
    ).n;
    return { periods, mismatches };
  } finally {
    db.close();
  }
}
