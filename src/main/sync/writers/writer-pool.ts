// Combinations of period writers: one started lazily (a writer thread only
// when a period needs writing), and several taking the periods in turn.
import type { PeriodWriter } from './period-writer';

/**
 * Starts the real writer (a writer thread) only when a period needs writing, so
 * a sync with nothing to download costs no thread start; falls back to the
 * in-process writer when it cannot start.
 */
export function lazyPeriodWriter(
  start: () => Promise<PeriodWriter>,
  fallback: () => PeriodWriter,
  onFallback: (error: unknown) => void = () => {},
): PeriodWriter {
  let writer: PeriodWriter | null = null;
  const current = () => {
    if (writer === null) throw new Error('no period staged: call begin() first');
    return writer;
  };
  return {
    async begin(key, period, scope) {
      if (writer === null) {
        try {
          writer = await start();
        } catch (error) {
          onFallback(error);
          writer = fallback();
        }
      }
      await writer.begin(key, period, scope);
    },
    page: (body, request, attempts) => current().page(body, request, attempts),
    checkTotals: (rooms) => current().checkTotals(rooms),
    commit: (input) => current().commit(input),
    discard: () => writer?.discard(),
    close: () => writer?.close() ?? Promise.resolve(),
  };
}

/**
 * Spreads periods over several writers in turn (each its own writer thread and
 * connection), so one period is copied into the cache while the next one is
 * already being staged. Commits still run one after the other, in period
 * order: writers never wait on each other's write lock, and the outcome is
 * the same as with one writer. The second and later writers start at their
 * first period; if one cannot start, the writers already running take its turns.
 */
export function alternatingPeriodWriter(first: PeriodWriter, startAnother: () => Promise<PeriodWriter>, count: number): PeriodWriter {
  const writers: PeriodWriter[] = [first];
  let canGrow = count > 1;
  let turns = 0;
  let current: PeriodWriter | null = null;
  let previousCommit: Promise<unknown> = Promise.resolve();
  /** Per writer: settles once its latest commit has been handed to it (a new period must queue behind that). */
  const commitIssued = new Map<PeriodWriter, Promise<void>>();
  const active = () => {
    if (current === null) throw new Error('no period staged: call begin() first');
    return current;
  };
  const next = async (): Promise<PeriodWriter> => {
    const slot = turns++ % count;
    if (slot < writers.length) return writers[slot]!;
    if (canGrow) {
      try {
        writers.push(await startAnother());
        return writers.at(-1)!;
      } catch {
        canGrow = false;
      }
    }
    return writers[slot % writers.length]!;
  };
  return {
    async begin(key, period, scope) {
      const writer = await next();
      await commitIssued.get(writer);
      current = writer;
      await writer.begin(key, period, scope);
    },
    page: (body, request, attempts) => active().page(body, request, attempts),
    checkTotals: (rooms) => active().checkTotals(rooms),
    commit: (input) => {
      const writer = active();
      let issued!: () => void;
      commitIssued.set(writer, new Promise<void>((resolve) => (issued = resolve)));
      const committed = previousCommit.then(() => {
        try {
          return writer.commit(input);
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
      await Promise.all(writers.map((writer) => writer.close()));
    },
  };
}
