// The writer of each lane of a sync as the app (and the bench) runs it.
import type { CacheHandle } from '../../cache';
import { connectionPeriodWriter, inProcessPeriodWriter, type PeriodWriter } from './period-writer';
import { lazyPeriodWriter } from './writer-pool';
import { startWriterThread } from './writer-thread';

/**
 * The writer of one lane of a sync (a month downloading) as the app runs it:
 * a writer thread of its own, started at the lane's first period; if it cannot
 * start, this process writes instead (lane 0 on the cache's connection, the
 * others on connections of their own).
 */
export function laneWriter(cache: CacheHandle, lane: number, onFallback?: (error: unknown) => void): PeriodWriter {
  return lazyPeriodWriter(
    () => startWriterThread(cache.file),
    () => (lane === 0 ? inProcessPeriodWriter(cache) : connectionPeriodWriter(cache.file)),
    onFallback,
  );
}

