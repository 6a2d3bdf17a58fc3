// When the app backs up its cache (the copy itself: cache/backup/):
// - after a sync that changed something, at once;
// - after local billing-code changes, one minute after the last one (a user
//   assigning codes one after another gets one backup, not one per code);
// - otherwise at most once a day while the app runs: checked at start and
//   every 3 hours, a backup is taken when the newest is more than a day old.
// One backup at a time; a change during a backup asks for one more after it.
// A failed backup is logged and leaves the previous ones as they were.
import type { CacheHandle } from '../../cache';
import { listCachedMonths } from '../../cache';
import { listBackupFiles, takeBackup, type TakenBackup } from '../../cache/archive';
import type { Logger } from '../../log';

export type ArchiveChange = 'sync' | 'billing-codes' | 'import';

export type BackupOutcome = { ok: true; backup: TakenBackup } | { ok: false; error: unknown };

export interface BackupPolicy {
  /** The archive changed: back up at once ('sync', 'import') or a minute after the last change ('billing-codes'). */
  changed(change: ArchiveChange): void;
  /** Starts the daily check (now, then every few hours). */
  startDaily(): void;
  /** Takes a debounced backup now and resolves when no backup is running or due. */
  flush(): Promise<void>;
  /** Stops the timers, then flushes. */
  close(): Promise<void>;
}

export interface BackupPolicyOptions {
  cache: Pick<CacheHandle, 'file' | 'read'>;
  log?: Logger;
  onBackup?: (outcome: BackupOutcome) => void;
  /** Whether a backup may be taken now (the app: only while its archive is writable). */
  enabled?: () => boolean;
  now?: () => Date;
  /** How the backup is taken (tests count them). */
  backup?: (cacheFile: string) => Promise<TakenBackup>;
  debounceMs?: number;
  dailyCheckMs?: number;
  maxAgeMs?: number;
}

export const BILLING_CODE_DEBOUNCE_MS = 60_000;
const DAILY_CHECK_MS = 3 * 3_600_000;
const MAX_AGE_MS = 24 * 3_600_000;

export function createBackupPolicy(options: BackupPolicyOptions): BackupPolicy {
  const now = options.now ?? (() => new Date());
  const backup = options.backup ?? ((file: string) => takeBackup(file, { now }));
  let running: Promise<void> | null = null;
  let again = false;
  let debounce: NodeJS.Timeout | null = null;
  let daily: NodeJS.Timeout | null = null;

  const backupOnce = async () => {
    const { cache } = options;
    try {
      // Nothing to keep: the archive cannot be read in place, or nothing synced yet.
      if (options.enabled?.() === false || listCachedMonths(cache.read()).length === 0) return;
      const taken = await backup(cache.file);
      options.log?.info(`backup ${taken.file} (${taken.months.length} months${taken.pruned.length > 0 ? `; ${taken.pruned.length} older removed` : ''})`);
      options.onBackup?.({ ok: true, backup: taken });
    } catch (error) {
      options.log?.error('backup failed; the previous backups are kept', error);
      options.onBackup?.({ ok: false, error });
    }
  };
  const request = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await backupOnce();
      } while (again);
    })().finally(() => (running = null));
  };
  const dueByAge = () => {
    const newest = listBackupFiles(options.cache.file)[0];
    return newest === undefined || now().getTime() - Date.parse(newest.createdAt) >= (options.maxAgeMs ?? MAX_AGE_MS);
  };
  const checkDaily = () => {
    try {
      if (dueByAge()) request();
    } catch (error) {
      options.log?.error('backup check failed', error);
    }
  };
  const flush = async () => {
    if (debounce !== null) {
      clearTimeout(debounce);
      debounce = null;
      request();
    }
    while (running) await running;
  };

  return {
    changed(change) {
      if (change !== 'billing-codes') {
        request();
        return;
      }
      if (debounce !== null) clearTimeout(debounce);
      debounce = setTimeout(() => {
        debounce = null;
        request();
      }, options.debounceMs ?? BILLING_CODE_DEBOUNCE_MS);
      debounce.unref();
    },
    startDaily() {
      if (daily !== null) return;
      checkDaily();
      daily = setInterval(checkDaily, options.dailyCheckMs ?? DAILY_CHECK_MS);
      daily.unref();
    },
    flush,
    async close() {
      if (daily !== null) clearInterval(daily);
      daily = null;
      await flush();
    },
  };
}
