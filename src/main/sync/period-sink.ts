// Where the sync engine puts a period's pages while they download, and how it
// swaps them in. In-process: straight into the cache connection's staging
// tables. In a worker (worker-period-sink.ts): the same on the worker's own
// connection, so writing overlaps downloading and the main thread never
// blocks on a large transaction.
import type { CacheRepository, PeriodStage, StagedPeriodInput } from '../cache/repository';
import type { ReplaceCounts, SyncScope } from '../cache/types';
import type { ApiConference } from '../provider/api-schemas';

export interface PeriodSink {
  /** Starts a period afresh (drops anything staged before). */
  begin(accountNumber: string, period: string, scope: SyncScope): Promise<void>;
  /** Resolves when the sink can take the next page (back-pressure, so pages don't pile up in memory). */
  add(conferences: readonly ApiConference[]): Promise<void>;
  /** Swaps the staged content in with one transaction; rejects and changes nothing on any error. */
  commit(input: StagedPeriodInput): Promise<ReplaceCounts>;
  discard(): void;
  close(): Promise<void>;
}

export function inProcessPeriodSink(repo: CacheRepository): PeriodSink {
  let stage: PeriodStage | null = null;
  const current = () => {
    if (stage === null) throw new Error('no period staged: call begin() first');
    return stage;
  };
  return {
    begin(accountNumber, period, scope) {
      stage?.discard();
      stage = repo.stagePeriod(accountNumber, period, scope);
      return Promise.resolve();
    },
    add: (conferences) => {
      current().add(conferences);
      return Promise.resolve();
    },
    commit: (input) => {
      try {
        return Promise.resolve(repo.commitStagedPeriod(input, current()));
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
 * Starts the real sink (a worker thread) only when a period needs writing, so
 * a sync with nothing to download costs no thread start; falls back to the
 * in-process sink when it cannot start.
 */
export function lazyPeriodSink(
  start: () => Promise<PeriodSink>,
  fallback: () => PeriodSink,
  onFallback: (error: unknown) => void = () => {},
): PeriodSink {
  let sink: PeriodSink | null = null;
  const current = () => {
    if (sink === null) throw new Error('no period staged: call begin() first');
    return sink;
  };
  return {
    async begin(accountNumber, period, scope) {
      if (sink === null) {
        try {
          sink = await start();
        } catch (error) {
          onFallback(error);
          sink = fallback();
        }
      }
      await sink.begin(accountNumber, period, scope);
    },
    add: (conferences) => current().add(conferences),
    commit: (input) => current().commit(input),
    discard: () => sink?.discard(),
    close: () => sink?.close() ?? Promise.resolve(),
  };
}

/**
 * Spreads periods over several sinks in turn (each its own writer thread and
 * connection), so one period is copied into the cache while the next one is
 * already being staged. Commits still run one after the other, in period
 * order: writers never wait on each other's write lock, and the outcome is
 * the same as with one writer. The second and later sinks start at their
 * first period; if one cannot start, the sinks already running take its turns.
 */
export function alternatingPeriodSink(first: PeriodSink, startAnother: () => Promise<PeriodSink>, count: number): PeriodSink {
  const sinks: PeriodSink[] = [first];
  let canGrow = count > 1;
  let turns = 0;
  let current: PeriodSink | null = null;
  let previousCommit: Promise<unknown> = Promise.resolve();
  /** Per sink: settles once its latest commit has been handed to it (a new period must queue behind that). */
  const commitIssued = new Map<PeriodSink, Promise<void>>();
  const active = () => {
    if (current === null) throw new Error('no period staged: call begin() first');
    return current;
  };
  const next = async (): Promise<PeriodSink> => {
    const slot = turns++ % count;
    if (slot < sinks.length) return sinks[slot]!;
    if (canGrow) {
      try {
        sinks.push(await startAnother());
        return sinks.at(-1)!;
      } catch {
        canGrow = false;
      }
    }
    return sinks[slot % sinks.length]!;
  };
  return {
    async begin(accountNumber, period, scope) {
      const sink = await next();
      await commitIssued.get(sink);
      current = sink;
      await sink.begin(accountNumber, period, scope);
    },
    add: (conferences) => active().add(conferences),
    commit: (input) => {
      const sink = active();
      let issued!: () => void;
      commitIssued.set(sink, new Promise<void>((resolve) => (issued = resolve)));
      const committed = previousCommit.then(() => {
        try {
          return sink.commit(input);
        } finally {
          issued();
        }
      });
      previousCommit = committed.catch(() => {});
      return committed;
    },
    discard: () => current?.discard(),
    close: async () => {
      await previousCommit;
      await Promise.all(sinks.map((sink) => sink.close()));
    },
  };
}
