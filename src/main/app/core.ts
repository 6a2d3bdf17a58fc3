// The wiring the app and the CLI share: the cache and the sync coordinator,
// whose runs write periods on worker threads (in-process if they cannot start).
import type { SyncProgress } from '../../shared/bridge';
import { openCacheHandle, type CacheHandle } from '../cache';
import type { Logger } from '../log';
import { SyncCoordinator, type SyncCoordinatorOptions } from '../sync/sync-coordinator';
import { inProcessPeriodWriter } from '../sync/writers/period-writer';
import { lazyPeriodWriter } from '../sync/writers/writer-pool';
import { startWriterThreads } from '../sync/writers/writer-thread';

export interface CoreOptions {
  cacheFile: string;
  /** Read-only commands of the CLI: the file must exist and is never changed. */
  readonly?: boolean;
  log?: Logger;
  onSyncProgress?: (progress: SyncProgress) => void;
  onSyncStart?: SyncCoordinatorOptions['onStart'];
  /** After each run, once it is logged. */
  onSyncReport?: SyncCoordinatorOptions['onReport'];
}

export interface Core {
  /** Ask it for the connection at each use: it can be swapped at run time. */
  cache: CacheHandle;
  coordinator: SyncCoordinator;
  /** Cancels running syncs, waits for them, then closes the cache. */
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const { cacheFile, log } = options;
  const cache = openCacheHandle(cacheFile, { readonly: options.readonly ?? false });
  const coordinator = new SyncCoordinator({
    cache,
    onProgress: options.onSyncProgress ?? (() => {}),
    createWriter: () =>
      lazyPeriodWriter(
        () => startWriterThreads(cache.file),
        () => inProcessPeriodWriter(cache),
        (error) => log?.error('sync writer thread unavailable; writing on the main thread', error),
      ),
    onStart: options.onSyncStart,
    onReport: (target, report) => {
      log?.info(`sync ${target.profileId}: ${report.status}${report.error ? ` (${report.error})` : ''}`);
      options.onSyncReport?.(target, report);
    },
  });
  return {
    cache,
    coordinator,
    close: async () => {
      await coordinator.close();
      cache.close();
    },
  };
}
