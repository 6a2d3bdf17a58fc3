// The wiring the app and the CLI share: the cache and the sync coordinator,
// whose runs write periods on a worker thread (in-process if it cannot start).
import type { SyncProgress } from '../../shared/bridge';
import { openCache, type CacheDatabase } from '../cache/database';
import { CacheRepository } from '../cache/repository';
import type { Logger } from '../log';
import { inProcessPeriodSink, lazyPeriodSink } from '../sync/period-sink';
import { SyncCoordinator } from '../sync/sync-coordinator';
import { startWorkerPeriodSink } from '../sync/worker-period-sink';

export interface CoreOptions {
  cacheFile: string;
  /** Read-only commands of the CLI: the file must exist and is never changed. */
  readonly?: boolean;
  log?: Logger;
  onSyncProgress?: (progress: SyncProgress) => void;
}

export interface Core {
  db: CacheDatabase;
  repo: CacheRepository;
  coordinator: SyncCoordinator;
  /** Cancels running syncs, waits for them, then closes the cache. */
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const { cacheFile, log } = options;
  const db = openCache(cacheFile, { readonly: options.readonly ?? false });
  const repo = new CacheRepository(db);
  const coordinator = new SyncCoordinator({
    repo,
    onProgress: options.onSyncProgress ?? (() => {}),
    createSink: () =>
      lazyPeriodSink(
        () => startWorkerPeriodSink(cacheFile),
        () => inProcessPeriodSink(repo),
        (error) => log?.error('sync writer thread unavailable; writing on the main thread', error),
      ),
    onReport: (target, report) => log?.info(`sync ${target.profileId}: ${report.status}${report.error ? ` (${report.error})` : ''}`),
  });
  return {
    db,
    repo,
    coordinator,
    close: async () => {
      await coordinator.close();
      db.close();
    },
  };
}
