// Where the sync engine puts a period's pages while they download, and how it
// swaps them in. In-process (here): straight into the staging tables of the
// app's cache connection. On writer threads (writer-thread.ts): the same on
// each thread's own connection, so writing overlaps downloading and the main
// thread never blocks on a large transaction.
import { cacheHandle, commitStagedPeriod, openCache, stagePeriod, type AccountKey, type CacheHandle, type PeriodStage, type ReplaceCounts, type StagedPeriodInput, type SyncScope } from '../../cache';
import type { ApiRoom } from '../../provider/api-schemas';
import { PeriodPageReader, type StagedPage } from '../page-reader';

export interface PeriodWriter {
  /** Starts a period afresh (drops anything staged before). */
  begin(key: AccountKey, period: string, scope: SyncScope): Promise<void>;
  /**
   * Reads a page's body (parse, schema, sums) and stages its rows; resolves
   * with where the next page is as soon as the body is read (staging may
   * still run: a staging failure is reported by commit). Rejects with
   * ProviderError `malformed` or SumMismatchError.
   */
  page(body: Uint8Array, request: string, attempts: number): Promise<StagedPage>;
  /** Rejects (SumMismatchError) when the rooms list disagrees with the pages read since begin(). */
  checkTotals(rooms: readonly ApiRoom[]): Promise<void>;
  /** Swaps the staged content in with one transaction; rejects and changes nothing on any error. */
  commit(input: StagedPeriodInput): Promise<ReplaceCounts>;
  discard(): void;
  close(): Promise<void>;
}

/** Stages and commits on the cache's own connection, the one current when the period begins. */
export function inProcessPeriodWriter(cache: CacheHandle): PeriodWriter {
  let staged: { stage: PeriodStage; reader: PeriodPageReader } | null = null;
  const current = () => {
    if (staged === null) throw new Error('no period staged: call begin() first');
    return staged;
  };
  const settle = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    begin(key, period, scope) {
      staged?.stage.discard();
      staged = { stage: stagePeriod(cache.write(), key, period, scope), reader: new PeriodPageReader() };
      return Promise.resolve();
    },
    page: (body, request, attempts) =>
      settle(() => {
        const { stage, reader } = current();
        const { receipt, rows } = reader.read(body, request, attempts, stage.nextRow);
        stage.add(rows);
        return receipt;
      }),
    checkTotals: (rooms) => settle(() => current().reader.check(rooms)),
    commit: (input) =>
      settle(() => {
        const { stage } = current();
        return commitStagedPeriod(stage.db, input, stage, { index: false });
      }),
    discard() {
      staged?.stage.discard();
      staged = null;
    },
    close() {
      staged?.stage.discard();
      staged = null;
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
    page: (body, request, attempts) => current().page(body, request, attempts),
    checkTotals: (rooms) => current().checkTotals(rooms),
    commit: (input) => current().commit(input),
    discard: () => own?.writer.discard(),
    close: async () => {
      await own?.writer.close();
      own?.cache.close();
      own = null;
    },
  };
}
