// Tells when a sync brought a month the cache did not have (the provider
// opened a new billing period), for the desktop app's optional notification.
// A sign-in's first sync brings every month at once: that is the initial
// download, not news, so it is not reported.
import { listPeriods, providerKey, type CacheHandle } from '../../cache';
import type { SyncTarget } from '../../sync/sync-coordinator';
import type { SyncReport } from '../../sync/sync-engine';

export interface NewMonths {
  profileId: string;
  accountNumber: string;
  /** YYYY-MM, as synced. */
  periods: string[];
}

export interface NewMonthWatcher {
  /** Before a run: notes the months that already have data. */
  onStart(target: SyncTarget): void;
  onReport(target: SyncTarget, report: SyncReport): void;
}

export function createNewMonthWatcher(cache: CacheHandle, onNewMonths: (news: NewMonths) => void): NewMonthWatcher {
  const monthsBefore = new Map<string, Set<string>>();
  return {
    onStart(target) {
      if (target.accountNumber === null) return;
      const key = { provider: providerKey(target.origin), accountNumber: target.accountNumber };
      const synced = listPeriods(cache.read(), key).filter((p) => p.lastSyncedAt !== null);
      monthsBefore.set(target.profileId, new Set(synced.map((p) => p.period)));
    },
    onReport(target, report) {
      const known = monthsBefore.get(target.profileId);
      monthsBefore.delete(target.profileId);
      const accountNumber = report.accountNumber ?? target.accountNumber;
      if (!known || known.size === 0 || accountNumber === null) return;
      const periods = report.periods.filter((p) => p.status === 'synced' && !known.has(p.period)).map((p) => p.period);
      if (periods.length > 0) onNewMonths({ profileId: target.profileId, accountNumber, periods });
    },
  };
}
