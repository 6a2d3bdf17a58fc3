// One sync of one sign-in: push the billing-code outbox, list the provider's
// periods, then re-download each period that is new or whose revision changed
// and replace it in one transaction. Up to MONTHS_IN_FLIGHT periods download
// side by side over a slow link, fewer over a fast one (writer-lanes.ts;
// period-sync.ts), outside any transaction; they are committed
// one after the other in the provider's order. A period that fails keeps its
// previous rows and records why, and the other periods go on. Months the provider no longer lists stay, marked archived.
// Everything is stored under the provider's key (the origin of its address)
// and the account number the session names.
import {
  ACCOUNT_SCOPE,
  finishSyncRun,
  isCacheError,
  listPeriods,
  notePeriodsServed,
  pendingOutbox,
  providerKey,
  recordSyncRunPeriod,
  startSyncRun,
  upsertAccount,
  type AccountKey,
  type CacheHandle,
} from '../cache';
import { isProviderError, type ProviderClient } from '../provider/client';
import { Cancelled, endsTheRun, messageOf, syncPeriod, type PeriodOutcome, type RunContext } from './period-sync';
import { pushOutbox } from './push-outbox';
import { toAccountInput, toPeriodMeta } from './provider-rows';
import { WriteGate } from './write-gate';
import { MONTHS_IN_FLIGHT, monthsInFlightFor, WriterLanes } from './writer-lanes';
import { connectionPeriodWriter, inProcessPeriodWriter, type PeriodWriter } from './writers/period-writer';

export type { PeriodOutcome, PeriodStatus } from './period-sync';

export type SyncPhase = 'starting' | 'outbox' | 'periods' | 'downloading' | 'writing' | 'finished';

export interface SyncEngineProgress {
  phase: SyncPhase;
  /** How many periods have started (1-based index of the latest; 0 before the first). */
  periodIndex: number;
  periodCount: number;
  /** The earliest month still downloading (else the latest started). */
  period: string | null;
  /** The months downloading now, in the provider's order. */
  monthsInFlight: string[];
  /** Pages and conferences downloaded in this run so far, every month together. */
  pages: number;
  rows: number;
  /** Months swapped into the cache so far in this run: views reload as each one lands. */
  committed: number;
}

export interface SyncReport {
  runId: number;
  accountNumber: string | null;
  scope: string;
  status: 'ok' | 'partial' | 'failed' | 'cancelled';
  periods: PeriodOutcome[];
  outbox: { sent: number; failed: number; pending: number; local: number };
  /** Why the whole run failed (sign-in, listing periods), if it did. */
  error: string | null;
  /** ProviderError kind of that failure, e.g. 'invalid_credentials'; 'cache_damaged' when the cache check failed. */
  errorKind: string | null;
}

export interface SyncEngineOptions {
  /** The cache, asked for its connection at each write. */
  cache: CacheHandle;
  client: ProviderClient;
  /**
   * Where the data comes from: the provider's base URL (or the embedded
   * demo's stable name), kept with each period. Its origin (providerKey())
   * keys everything the sync stores.
   */
  origin: string;
  signal?: AbortSignal;
  onProgress?: (progress: SyncEngineProgress) => void;
  /** Conferences asked per page (the contract allows up to 5000). */
  pageLimit?: number;
  /**
   * Opens the writer of each lane (a month downloading), lane 0 first. Default:
   * lane 0 in this process on the cache's connection, the others in this
   * process on connections of their own. The engine closes what it opens.
   */
  openWriter?: (lane: number) => PeriodWriter;
  /** One writer for every period, one period at a time (the caller closes it). */
  writer?: PeriodWriter;
  /**
   * Months downloading at once. Default: from the link, timed on the run's
   * first requests (monthsInFlightFor: MONTHS_IN_FLIGHT over a slow link, fewer over a fast one); 1 with `writer`.
   */
  monthsInFlight?: number;
  /**
   * Every write of the run waits for this (the coordinator's integrity check
   * of the cache file): the sync signs in, lists and downloads meanwhile. If
   * it rejects, the sync fails with its message, errorKind 'cache_damaged',
   * and writes nothing at all.
   */
  writeCheck?: Promise<void>;
  now?: () => Date;
}

/**
 * Conferences asked per page. Measured at large scale (npm run bench): memory
 * grows with the size of a page's parsed text, times the months in flight
 * (each holds its page and the next; since pages are parsed on the months'
 * writer threads, in those threads' heaps). One month at a
 * time, 500 kept a large sync's peak at 250-285 MB (750: 320-340 MB; 5000,
 * the contract's maximum: ~600 MB); four months side by side with 500 reached
 * 354-373 MB, with 300 it stays at 293-315 MB.
 */
export const DEFAULT_SYNC_PAGE_LIMIT = 300;

export async function runSync(options: SyncEngineOptions): Promise<SyncReport> {
  const { cache, client } = options;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const progress: SyncEngineProgress = { phase: 'starting', periodIndex: 0, periodCount: 0, period: null, monthsInFlight: [], pages: 0, rows: 0, committed: 0 };
  const emit = (change: Partial<SyncEngineProgress>) => {
    Object.assign(progress, change);
    options.onProgress?.({ ...progress });
  };
  const gate = new WriteGate(options.writeCheck);
  // Stops every month in flight once one meets an error that ends the run.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const checkCancel = () => {
    // A failed cache check stops the run too: nothing may be written.
    if (gate.failure !== null) throw gate.failure;
    if (signal.aborted) throw new Cancelled('cancelled');
  };

  const report: SyncReport = {
    runId: 0,
    accountNumber: null,
    scope: ACCOUNT_SCOPE,
    status: 'ok',
    periods: [],
    outbox: { sent: 0, failed: 0, pending: 0, local: 0 },
    error: null,
    errorKind: null,
  };

  emit({});
  let session;
  try {
    session = await client.login();
  } catch (error) {
    return failBeforeRun(report, error);
  }
  const accountNumber = session.scope.accountNumber;
  const scope = session.scope.kind === 'room' && session.scope.roomNumber ? session.scope.roomNumber : ACCOUNT_SCOPE;
  const key: AccountKey = { provider: providerKey(options.origin), accountNumber };
  report.accountNumber = accountNumber;
  report.scope = scope;
  // The run's first write, once the gate opens.
  let runStarted: Promise<void> | null = null;
  const startRun = () =>
    (runStarted ??= gate.whenOpen(() => {
      report.runId = startSyncRun(cache.write(), key, scope, options.origin, now());
    }));

  const settling: Array<Promise<PeriodOutcome>> = [];
  let runError: unknown = null;
  const lanes = openLanes(options);
  try {
    checkCancel();
    emit({ phase: 'outbox' });
    const outboxScope = { ...key, roomNumber: scope === ACCOUNT_SCOPE ? null : scope };
    if (pendingOutbox(cache.read(), outboxScope).length > 0) await startRun();
    report.outbox = await pushOutbox(cache, client, outboxScope, now);
    checkCancel();
    emit({ phase: 'periods' });
    // The two small requests before the months time the link: the faster of them sets how many months download side by side.
    let asked = performance.now();
    const account = toAccountInput(await client.getAccount(accountNumber));
    const accountMs = performance.now() - asked;
    asked = performance.now();
    const served = await client.listPeriods(accountNumber);
    if (options.monthsInFlight === undefined && options.writer === undefined) lanes.setLimit(monthsInFlightFor(Math.min(accountMs, performance.now() - asked)));
    const opened = startRun().then(() => {
      upsertAccount(cache.write(), key.provider, account);
      notePeriodsServed(cache.write(), key, served.map(toPeriodMeta), now());
    });
    opened.catch(() => {});
    emit({ periodCount: served.length });
    const downloading = new Set<string>();
    const run: RunContext = {
      cache,
      client,
      origin: options.origin,
      pageLimit: options.pageLimit ?? DEFAULT_SYNC_PAGE_LIMIT,
      signal,
      id: () => report.runId,
      key,
      scope,
      opened,
      gate,
      lanes,
      checkCancel,
      now,
      onDownloading: (period, active) => {
        if (active) downloading.add(period);
        else downloading.delete(period);
        const monthsInFlight = served.map((p) => p.period).filter((p) => downloading.has(p));
        // A month downloaded is 'writing' (its commit queued) until another page arrives.
        if (active) emit({ phase: 'downloading', periodIndex: progress.periodIndex + 1, monthsInFlight, period: monthsInFlight[0]! });
        else emit({ phase: 'writing', monthsInFlight, period });
      },
      onPage: (rows) => emit({ phase: 'downloading', pages: progress.pages + 1, rows: progress.rows + rows, period: progress.monthsInFlight[0] ?? progress.period }),
    };
    let turn: Promise<void> = Promise.resolve();
    for (const period of served) {
      const outcome = syncPeriod(run, period, turn);
      outcome.catch((error: unknown) => {
        // The first error that ends the run (cancel, refused credentials) stops the other months.
        if (!endsTheRun(error, run)) return;
        runError ??= error;
        stop.abort();
      });
      settling.push(outcome);
      outcome.then(
        (settled) => settled.status === 'synced' && emit({ committed: progress.committed + 1 }),
        () => {},
      );
      turn = outcome.then(
        () => {},
        () => {},
      );
    }
    await opened;
  } catch (error) {
    runError ??= error;
    stop.abort();
  }
  // Commits still in flight finish (each all or nothing) before the run is
  // closed. Noting an outcome can itself fail (the cache busy for too long):
  // that fails the run, which is still closed rather than left 'running'.
  for (const settled of await Promise.allSettled(settling)) {
    if (settled.status === 'fulfilled') report.periods.push(settled.value);
    else runError ??= settled.reason;
  }
  await lanes.close();
  await gate.opened.catch(() => {});
  if (gate.failure !== null) return failUnchecked(report, gate.failure);
  if (runError === null) {
    for (const archived of listPeriods(cache.read(), key).filter((p) => !p.servedByProvider)) {
      recordSyncRunPeriod(cache.write(), report.runId, archived.period, 'archived', { conferences: 0, participants: 0 });
      report.periods.push({ period: archived.period, status: 'archived', conferences: 0, participants: 0, error: null });
    }
    report.status = report.periods.some((p) => p.status === 'failed') ? 'partial' : 'ok';
  } else if (runError instanceof Cancelled || (isProviderError(runError) && runError.kind === 'cancelled')) {
    report.status = 'cancelled';
    report.error = 'The sync was cancelled.';
  } else {
    report.status = 'failed';
    report.error = messageOf(runError);
    report.errorKind = isProviderError(runError) ? runError.kind : null;
  }
  await startRun();
  finishSyncRun(cache.write(), report.runId, report.status, now(), report.error);
  emit({ phase: 'finished' });
  return report;
}

/** The cache check failed (or could not run): the report says why and nothing was written (no run, no period). */
function failUnchecked(report: SyncReport, error: Error): SyncReport {
  const damaged = isCacheError(error, 'damaged');
  return { ...report, runId: 0, status: 'failed', periods: [], error: error.message, errorKind: damaged ? 'cache_damaged' : null };
}

function failBeforeRun(report: SyncReport, error: unknown): SyncReport {
  report.status = isProviderError(error) && error.kind === 'cancelled' ? 'cancelled' : 'failed';
  report.error = messageOf(error);
  report.errorKind = isProviderError(error) ? error.kind : null;
  return report;
}

/** The writer's methods, callable detached from it. */
function bound(writer: PeriodWriter): PeriodWriter {
  return {
    begin: (key, period, scope) => writer.begin(key, period, scope),
    page: (body, request, attempts) => writer.page(body, request, attempts),
    checkTotals: (rooms) => writer.checkTotals(rooms),
    commit: (input) => writer.commit(input),
    discard: () => writer.discard(),
    close: () => writer.close(),
  };
}

/** The lanes of the run's months: see SyncEngineOptions.openWriter. */
function openLanes(options: SyncEngineOptions): WriterLanes {
  if (options.openWriter) return new WriterLanes(options.monthsInFlight ?? MONTHS_IN_FLIGHT, options.openWriter);
  const { writer } = options;
  if (writer) {
    // The caller's writer, kept open for the caller to close.
    const borrowed: PeriodWriter = { ...bound(writer), close: () => Promise.resolve() };
    return new WriterLanes(1, () => borrowed);
  }
  const { cache } = options;
  return new WriterLanes(options.monthsInFlight ?? MONTHS_IN_FLIGHT, (lane) =>
    lane === 0 ? inProcessPeriodWriter(cache) : connectionPeriodWriter(cache.file),
  );
}
