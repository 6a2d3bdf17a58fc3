// Where the sync engine puts a period's pages while they download, and how it
// swaps them in. In-process (here): straight into the staging tables of the
// app's cache connection. On writer threads (writer-thread.ts): the same on
// each thread's own connection, so writing overlaps downloading and the main
// thread never blocks on a large transaction.
import { cacheHandle, commitStagedPeriod, openCache, stagePeriod, type AccountKey, type CacheHandle, type PeriodStage, type ReplaceCounts, type StagedPeriodInput, type SyncScope } from '../../cache';
import type { ApiConference } from '../../provider/api-schemas';
import { flattenPage } from '../flatten-page';

export interface PeriodWriter {
  /** Starts a period afresh (drops anything staged before). */
  begin(key: AccountKey, period: string, scope: SyncScope): Promise<void>;
  /** Resolves when the writer can take the next page (back-pressure, so pages don't pile up in memory). */
  add(conferences: readonly ApiConference[]): Promise<void>;
  /** Swaps the staged content in with one transaction; rejects and changes nothing on any error. */
  commit(input: StagedPeriodInput): Promise<ReplaceCounts>;
  discard(): void;
  close(): Promise<void>;
}

/** Stages and commits on the cache's own connection, the one current when the period begins. */
export function inProcessPeriodWriter(cache: CacheHandle): PeriodWriter {
  let stage: PeriodStage | null = null;
  const current = () => {
    if (stage === null) throw new Error('no period staged: call begin() first');
    return stage;
  };
  return {
    begin(key, period, scope) {
      stage?.discard();
      stage = stagePeriod(cache.write(), key, period, scope);
      return Promise.resolve();
    },
    add: (conferences) => {
      const target = current();
      target.add(flattenPage(conferences, target.nextRow));
      return Promise.resolve();
    },
    commit: (input) => {
      try {
        const target = current();
        return Promise.resolve(commitStagedPeriod(target.db, input, target));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    discard() {
      stage?.discard();
      stage = null;
    },
    close() {
      stage?.discard();
      stage = null;
      return Promise.resolve();
    },
  };
}

/**
 * Stages and commits in this process on a connection of its own to the cache
 * file (its own TEMP staging tables), so several months can stage at once
 * when writer threads cannot start. Opened at its first period; closed with it.
 */
export function connectionPeriodWriter(file: string): PeriodWriter {
  let own: { cache: CacheHandle; writer: PeriodWriter } | null = null;
  const current = () => {
    if (own === null) throw new Error('no period staged: call begin() first');
    return own.writer;
  };
  return {
    begin(key, period, scope) {
      if (own === null) {
        // The sync checked the file before any period commits: no second check.
        const cache = cacheHandle(openCache(file, { verify: false }));
        own = { cache, writer: inProcessPeriodWriter(cache) };
      }
      return own.writer.begin(key, period, scope);
    },
    add: (conferences) => current().add(conferences),
    commit: (input) => current().commit(input),
    discard: () => own?.writer.discard(),
    close: async () => {
      await own?.writer.close();
      own?.cache.close();
      own = null;
    },
  };
}
