// The wiring the app and the CLI share: the cache, the sync coordinator,
// whose runs write periods on worker threads (in-process if they cannot
// start) after checking the cache file, and the automatic backups. The app
// brings its archive (features/archive/archive.ts: a handle it opens in the
// background, and when writes may go); the CLI opens the file here.
import type { SyncProgress } from '../../shared/bridge';
import { openCacheHandle, type CacheHandle } from '../cache';
import { verifyCacheFileInBackground } from '../cache/archive';
import { createBackupPolicy, type BackupOutcome, type BackupPolicy } from '../features/archive/backup-policy';
import type { Logger } from '../log';
import { SyncCoordinator, type SyncCoordinatorOptions } from '../sync/sync-coordinator';
import type { SyncReport } from '../sync/sync-engine';
import { laneWriter } from '../sync/writers/lane-writer';

/** What the app's archive state machine gives the core (features/archive/archive.ts). */
export interface CoreArchive {
  cache: CacheHandle;
  /** Before a sync writes: waits until the archive may be written, then checks the file. */
  checkBeforeWrite: (file: string) => Promise<void>;
  /** Whether automatic backups may be taken now. */
  writable: () => boolean;
}

export interface CoreOptions {
  cacheFile: string;
  /** The app's archive; without it, `cacheFile` is opened here (writable opens check it first). */
  archive?: CoreArchive;
  /** Read-only commands of the CLI: the file must exist and is never changed (no backups either). */
  readonly?: boolean;
  /** The app's version, kept in the cache as the last to write it. */
  appVersion?: string;
  log?: Logger;
  onSyncProgress?: (progress: SyncProgress) => void;
  /** Each automatic backup's outcome (the CLI prints it). */
  onBackup?: (outcome: BackupOutcome) => void;
  onSyncStart?: SyncCoordinatorOptions['onStart'];
  /** After each run, once it is logged. */
  onSyncReport?: SyncCoordinatorOptions['onReport'];
}

export interface Core {
  /** Ask it for the connection at each use: it can be swapped at run time. */
  cache: CacheHandle;
  coordinator: SyncCoordinator;
  /** Automatic backups into backups/ beside the cache file. */
  backups: BackupPolicy;
  /** Cancels running syncs, waits for them and for a due backup, then checkpoints and closes the cache. */
  close(): Promise<void>;
}

/** Opens the cache (writable opens check it first: see openCache) and wires the sync and the backups. */
export function createCore(options: CoreOptions): Core {
  const { cacheFile, log } = options;
  const readonly = options.readonly ?? false;
  const cache = options.archive?.cache ?? openCacheHandle(cacheFile, { readonly, appVersion: options.appVersion });
  const backups = createBackupPolicy({ cache, log, onBackup: options.onBackup, enabled: options.archive?.writable });
  const coordinator = new SyncCoordinator({
    cache,
    onProgress: options.onSyncProgress ?? (() => {}),
    createWriter: (lane) => laneWriter(cache, lane, (error) => log?.error('sync writer thread unavailable; writing on the main thread', error)),
    checkBeforeWrite: options.archive?.checkBeforeWrite ?? ((file) => verifyCacheFileInBackground(file)),
    onStart: options.onSyncStart,
    onReport: (target, report) => {
      log?.info(`sync ${target.profileId}: ${report.status}${report.error ? ` (${report.error})` : ''}`);
      if (!readonly && changedArchive(report)) backups.changed('sync');
      options.onSyncReport?.(target, report);
    },
  });
  return {
    cache,
    coordinator,
    backups,
    close: async () => {
      await coordinator.close();
      await backups.close();
      cache.close();
    },
  };
}

/** A period was replaced, or billing codes reached the provider (and the cache). */
function changedArchive(report: SyncReport): boolean {
  return report.periods.some((p) => p.status === 'synced') || report.outbox.sent > 0 || report.outbox.local > 0;
}
