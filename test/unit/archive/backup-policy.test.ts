// When the app backs up: at once after a sync that changed something, a
// minute after the last billing-code change, and at most daily otherwise.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheHandle, openCache, type CacheHandle } from '../../../src/main/cache';
import type { TakenBackup } from '../../../src/main/cache/archive';
import { BILLING_CODE_DEBOUNCE_MS, createBackupPolicy, type BackupOutcome } from '../../../src/main/features/archive/backup-policy';
import { billingCodeHandlers } from '../../../src/main/features/billing-codes/handlers';
import type { Logger } from '../../../src/main/log';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { makeConference, makePeriod, replaceInput } from '../cache/fixtures';
import { tempDir } from '../sync/helpers';
import { fillerCache } from './helpers';
import { savedProfiles, storedProfile } from '../app/profile-fixtures';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cache holding one synced month, and a backup function that counts its calls (each taking `ms`). */
function fixture(ms = 30, fail = false) {
  const file = path.join(tempDir('oai-policy-'), 'oai-cache.sqlite');
  fillerCache(file, 0.1);
  const cache = cacheHandle(openCache(file, { readonly: true }));
  const calls: string[] = [];
  const backup = async (cacheFile: string): Promise<TakenBackup> => {
    calls.push(cacheFile);
    if (ms > 0) await sleep(ms);
    if (fail) throw new Error('disk full');
    return { file: `${cacheFile}.backup`, createdAt: '2026-12-02T04:15:00Z', sizeBytes: 1, months: [], pruned: [] };
  };
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(`INFO ${m}`), error: (m, d) => lines.push(`ERROR ${m} ${d instanceof Error ? d.message : ''}`) };
  return { file, cache, calls, backup, lines, log };
}

describe('backup policy', () => {
  it('backs up at once after a sync; changes during a backup ask for exactly one more', async () => {
    const { cache, calls, backup } = fixture(60);
    const policy = createBackupPolicy({ cache, backup });
    policy.changed('sync');
    expect(calls).toHaveLength(1);
    policy.changed('sync');
    policy.changed('import');
    policy.changed('sync');
    await policy.flush();
    expect(calls).toHaveLength(2);
    await policy.close();
  });

  it('takes no backup while the archive may not be written (the app’s read-only or unavailable archive)', async () => {
    const { cache, calls, backup } = fixture(0);
    let writable = false;
    const policy = createBackupPolicy({ cache, backup, enabled: () => writable });
    policy.changed('sync');
    policy.startDaily();
    await policy.flush();
    expect(calls).toHaveLength(0);
    writable = true;
    policy.changed('sync');
    await policy.close();
    expect(calls).toHaveLength(1);
  });

  it('backs up billing-code changes once, a minute after the last one', async () => {
    const { cache, calls, backup } = fixture(0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const policy = createBackupPolicy({ cache, backup });
      for (let i = 0; i < 3; i += 1) {
        policy.changed('billing-codes');
        vi.advanceTimersByTime(40_000);
      }
      expect(calls).toHaveLength(0);
      vi.advanceTimersByTime(BILLING_CODE_DEBOUNCE_MS - 40_000);
      expect(calls).toHaveLength(1);
      await policy.flush();
      // One still waiting is taken when the app closes.
      policy.changed('billing-codes');
      await policy.close();
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('daily: backs up when the newest backup is over a day old (or there is none), not otherwise', async () => {
    const { file, cache, calls, backup } = fixture(1);
    const now = () => new Date('2026-12-02T12:00:00Z');
    const backups = path.join(path.dirname(file), 'backups');
    mkdirSync(backups);
    writeFileSync(path.join(backups, 'oai-cache-2026-12-01T130000Z.sqlite'), 'x');
    const recent = createBackupPolicy({ cache, backup, now });
    recent.startDaily();
    await recent.close();
    expect(calls).toHaveLength(0);

    const later = createBackupPolicy({ cache, backup, now: () => new Date('2026-12-02T13:00:01Z') });
    later.startDaily();
    await later.close();
    expect(calls).toHaveLength(1);
  });

  it('has nothing to back up in a cache that holds no month', async () => {
    const file = path.join(tempDir(), 'oai-cache.sqlite');
    const cache: CacheHandle = cacheHandle(openCache(file));
    const calls: string[] = [];
    const policy = createBackupPolicy({ cache, backup: (f) => (calls.push(f), Promise.reject(new Error('not expected'))) });
    policy.startDaily();
    policy.changed('sync');
    await policy.close();
    expect(calls).toEqual([]);
    cache.close();
  });

  it('logs a failed backup and goes on', async () => {
    const { cache, calls, backup, lines, log } = fixture(1, true);
    const outcomes: BackupOutcome[] = [];
    const policy = createBackupPolicy({ cache, backup, log, onBackup: (o) => outcomes.push(o) });
    policy.changed('sync');
    await policy.flush();
    policy.changed('sync');
    await policy.close();
    expect(calls).toHaveLength(2);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false]);
    expect(lines).toEqual(['ERROR backup failed; the previous backups are kept disk full', 'ERROR backup failed; the previous backups are kept disk full']);
  });

  it('billing-code changes made through the bridge handlers lead to one real backup', async () => {
    const dir = tempDir('oai-policy-');
    const file = path.join(dir, 'oai-cache.sqlite');
    const db = openCache(file);
    replacePeriod(db, replaceInput(makePeriod('2026-11'), [makeConference('c-1', '100', '2026-11-02T09:00:00Z', []), makeConference('c-2', '100', '2026-11-03T09:00:00Z', [])]));
    const cache = cacheHandle(db);
    const backups = createBackupPolicy({ cache, debounceMs: 50 });
    const handlers = billingCodeHandlers({ cache, backups, profiles: savedProfiles([storedProfile('account')]) });
    handlers.assignBillingCode({ profileId: 'account', period: '2026-11', conferenceId: 'c-1', billingCode: 'SALES' });
    handlers.assignBillingCode({ profileId: 'account', period: '2026-11', conferenceId: 'c-2', billingCode: 'SALES' });
    await sleep(120);
    await backups.close();
    expect(readdirSync(path.join(dir, 'backups'))).toHaveLength(1);
    cache.close();
  });
});
