// One sync of one sign-in: push the billing-code outbox, list the provider's
// periods, then re-download each period that is new or whose revision changed
// and replace it in one transaction. Downloads happen outside any transaction;
// a period that fails keeps its previous rows and records why, and the other
// periods go on. Months the provider no longer lists stay, marked archived.
// Everything is stored under the provider's key (the origin of its address)
// and the account number the session names.
import {
  ACCOUNT_SCOPE,
  finishSyncRun,
  isCacheError,
  listPeriods,
  notePeriodsServed,
  pendingOutbox,
  periodNeedsSync,
  providerKey,
  recordPeriodError,
  recordSyncRunPeriod,
  startSyncRun,
  upsertAccount,
  type AccountKey,
  type CacheHandle,
} from '../cache';
import type { ApiPeriod, ApiRoom } from '../provider/api-schemas';
import { isProviderError, type ProviderClient } from '../provider/client';
import { PeriodTotals } from './check-sums';
import { pushOutbox } from './push-outbox';
import { toAccountInput, toPeriodMeta, toRoomInput } from './provider-rows';
import { WriteGate } from './write-gate';
import { inProcessPeriodWriter, type PeriodWriter } from './writers/period-writer';

export type SyncPhase = 'starting' | 'outbox' | 'periods' | 'downloading' | 'writing' | 'finished';

export interface SyncEngineProgress {
  phase: SyncPhase;
  /** 1-based index of the period being synced (0 before the first). */
  periodIndex: number;
  periodCount: number;
  period: string | null;
  pages: number;
  rows: number;
}

export type PeriodStatus = 'synced' | 'skipped' | 'failed' | 'archived' | 'cancelled';

export interface PeriodOutcome {
  period: string;
  status: PeriodStatus;
  conferences: number;
  participants: number;
  error: string | null;
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
  /** Where periods are staged and committed (default: in this process, on the cache's connection). */
  writer?: PeriodWriter;
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
 * Conferences asked per page. Measured at large scale (npm run bench): the
 * downloading thread's heap grows with the size of a page's parsed text, and
 * 500 keeps a large sync's peak at 250-285 MB where 750 reached 320-340 MB,
 * for about 5 % more time (5000, the contract's maximum: ~600 MB).
 */
export const DEFAULT_SYNC_PAGE_LIMIT = 500;

/** How often a period is restarted when the provider says it changed while paging. */
const PERIOD_CHANGED_RESTARTS = 3;

class Cancelled extends Error {}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runSync(options: SyncEngineOptions): Promise<SyncReport> {
  const { cache, client } = options;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const progress: SyncEngineProgress = { phase: 'starting', periodIndex: 0, periodCount: 0, period: null, pages: 0, rows: 0 };
  const emit = (change: Partial<SyncEngineProgress>) => {
    Object.assign(progress, change);
    options.onProgress?.({ ...progress });
  };
  const gate = new WriteGate(options.writeCheck);
  const checkCancel = () => {
    // A failed cache check stops the run too: nothing may be written.
    if (gate.failure !== null) throw gate.failure;
    if (options.signal?.aborted) throw new Cancelled('cancelled');
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
  try {
    checkCancel();
    emit({ phase: 'outbox' });
    const outboxScope = { ...key, roomNumber: scope === ACCOUNT_SCOPE ? null : scope };
    if (pendingOutbox(cache.read(), outboxScope).length > 0) await startRun();
    report.outbox = await pushOutbox(cache, client, outboxScope, now);
    checkCancel();
    emit({ phase: 'periods' });
    const account = toAccountInput(await client.getAccount(accountNumber));
    const served = await client.listPeriods(accountNumber);
    const opened = startRun().then(() => {
      upsertAccount(cache.write(), key.provider, account);
      notePeriodsServed(cache.write(), key, served.map(toPeriodMeta), now());
    });
    opened.catch(() => {});
    emit({ periodCount: served.length });
    const run = { id: () => report.runId, key, scope, opened, gate };
    for (const [index, period] of served.entries()) {
      checkCancel();
      emit({ phase: 'downloading', periodIndex: index + 1, period: period.period, pages: 0, rows: 0 });
      const started = await startPeriod(options, run, period, emit, checkCancel, now);
      // Seen below, after the downloads; until then don't report it as unhandled.
      started.outcome.catch(() => {});
      settling.push(started.outcome);
    }
    await opened;
  } catch (error) {
    runError = error;
  }
  // Commits still in flight finish (each all or nothing) before the run is
  // closed. Noting an outcome can itself fail (the cache busy for too long):
  // that fails the run, which is still closed rather than left 'running'.
  for (const settled of await Promise.allSettled(settling)) {
    if (settled.status === 'fulfilled') report.periods.push(settled.value);
    else runError ??= settled.reason;
  }
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

/** What a period needs of its run: the run's id (set once the gate opens) and the writes it waits behind. */
interface RunContext {
  id(): number;
  key: AccountKey;
  scope: string;
  /** Settles once the run is recorded, the account and the served periods noted. */
  opened: Promise<void>;
  gate: WriteGate;
}

/**
 * Downloads one period into the writer and queues its commit. Resolves once the
 * download is done, so the next period downloads while this one is written;
 * `outcome` settles when the commit has (or the period has not). Every write
 * waits for `run.opened`.
 */
async function startPeriod(
  options: SyncEngineOptions,
  run: RunContext,
  period: ApiPeriod,
  emit: (change: Partial<SyncEngineProgress>) => void,
  checkCancel: () => void,
  now: () => string,
): Promise<{ outcome: Promise<PeriodOutcome> }> {
  const { cache } = options;
  const { key, scope } = run;
  const afterOpened = <T>(write: () => T | PromiseLike<T>): Promise<T> => run.opened.then(write);
  const failed = (error: unknown): PeriodOutcome => {
    recordPeriodError(cache.write(), key, period.period, messageOf(error), now());
    recordSyncRunPeriod(cache.write(), run.id(), period.period, 'failed', { conferences: 0, participants: 0 }, messageOf(error));
    return { period: period.period, status: 'failed', conferences: 0, participants: 0, error: `${period.period}: ${messageOf(error)}` };
  };
  if (!periodNeedsSync(cache.read(), key, toPeriodMeta(period), scope, options.origin)) {
    const skipped = afterOpened((): PeriodOutcome => {
      recordSyncRunPeriod(cache.write(), run.id(), period.period, 'skipped', { conferences: 0, participants: 0 });
      return { period: period.period, status: 'skipped', conferences: 0, participants: 0, error: null };
    });
    return { outcome: skipped };
  }
  const writer = options.writer ?? inProcessPeriodWriter(cache);
  let download: PeriodDownload;
  try {
    download = await downloadPeriod(options, key, period, writer, scope, emit, checkCancel);
    checkCancel();
  } catch (error) {
    writer.discard();
    if (error === run.gate.failure) throw error;
    if (error instanceof Cancelled || (isProviderError(error) && error.kind === 'cancelled')) throw error;
    if (isProviderError(error) && error.kind === 'invalid_credentials') throw error;
    return { outcome: afterOpened(() => failed(error)) };
  }
  emit({ phase: 'writing' });
  const commit = afterOpened(() =>
    writer.commit({
      provider: key.provider,
      accountNumber: key.accountNumber,
      period: toPeriodMeta(download.period),
      scope,
      origin: options.origin,
      rooms: download.rooms.map(toRoomInput),
      syncedAt: now(),
    }),
  );
  const outcome = commit.then(
    (counts): PeriodOutcome => {
      recordSyncRunPeriod(cache.write(), run.id(), period.period, 'synced', counts);
      return { period: period.period, status: 'synced', ...counts, error: null };
    },
    // Not written if the gate never opened (the commit did not run either).
    (error: unknown) => afterOpened(() => failed(error)),
  );
  return { outcome };
}

interface PeriodDownload {
  period: ApiPeriod;
  rooms: ApiRoom[];
}

async function downloadPeriod(
  options: SyncEngineOptions,
  key: AccountKey,
  period: ApiPeriod,
  writer: PeriodWriter,
  scope: string,
  emit: (change: Partial<SyncEngineProgress>) => void,
  checkCancel: () => void,
): Promise<PeriodDownload> {
  const { accountNumber } = key;
  let current = period;
  for (let restart = 0; ; restart += 1) {
    try {
      await writer.begin(key, current.period, scope);
      const rooms = await options.client.listRooms(accountNumber, current.period);
      let pages = 0;
      const totals = new PeriodTotals();
      let rows = 0;
      const source = options.client.conferencePages(accountNumber, current.period, {
        limit: options.pageLimit ?? DEFAULT_SYNC_PAGE_LIMIT,
        signal: options.signal,
      });
      for await (const page of prefetching(source)) {
        checkCancel();
        totals.add(page.conferences);
        await writer.add(page.conferences);
        pages += 1;
        rows += page.conferences.length;
        emit({ pages, rows });
      }
      totals.check(rooms);
      return { period: current, rooms };
    } catch (error) {
      const changed = isProviderError(error) && error.code === 'period_changed';
      if (!changed || restart >= PERIOD_CHANGED_RESTARTS) throw error;
      // Start the period over at its new revision.
      const served = await options.client.listPeriods(accountNumber);
      current = served.find((p) => p.period === period.period) ?? current;
    }
  }
}

/**
 * Asks for the next page as soon as one arrives, so the provider prepares
 * page N+1 while this process checks (and stores) page N.
 */
async function* prefetching<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let pending = source.next();
  for (;;) {
    const result = await pending;
    if (result.done) return;
    pending = source.next();
    // Rejections are seen by the next await; until then, don't report them as unhandled.
    pending.catch(() => {});
    yield result.value;
  }
}
