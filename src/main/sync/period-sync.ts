// One period of a sync: download it page by page into a lane's writer, then
// commit it when its turn comes (the period before it has settled), so
// months download side by side while the cache changes in period order.
import { periodNeedsSync, recordPeriodError, recordSyncRunPeriod, type AccountKey, type CacheHandle } from '../cache';
import type { ApiPeriod, ApiRoom } from '../provider/api-schemas';
import { isProviderError, type ProviderClient } from '../provider/client';
import { toPeriodMeta, toRoomInput } from './provider-rows';
import type { WriteGate } from './write-gate';
import type { WriterLanes } from './writer-lanes';
import type { PeriodWriter } from './writers/period-writer';

export type PeriodStatus = 'synced' | 'skipped' | 'failed' | 'archived' | 'cancelled';

export interface PeriodOutcome {
  period: string;
  status: PeriodStatus;
  conferences: number;
  participants: number;
  error: string | null;
}

/** What a period needs of its run. */
export interface RunContext {
  cache: CacheHandle;
  client: ProviderClient;
  origin: string;
  pageLimit: number;
  /** The run's signal: the caller's, or the run's own stop after a failure that ends it. */
  signal: AbortSignal;
  /** The run's id (set once the gate opens). */
  id(): number;
  key: AccountKey;
  scope: string;
  /** Settles once the run is recorded, the account and the served periods noted: every write waits for it. */
  opened: Promise<void>;
  gate: WriteGate;
  lanes: WriterLanes;
  checkCancel(): void;
  now(): string;
  /** A month starts or ends its download. */
  onDownloading(period: string, downloading: boolean): void;
  /** A page of `rows` conferences and legs was handed to a writer. */
  onPage(rows: number): void;
}

/** How often a period is restarted when the provider says it changed while paging. */
const PERIOD_CHANGED_RESTARTS = 3;

export class Cancelled extends Error {}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Errors that end the whole run, not only the period that met them. */
export function endsTheRun(error: unknown, run: RunContext): boolean {
  if (error === run.gate.failure || error instanceof Cancelled) return true;
  return isProviderError(error) && (error.kind === 'cancelled' || error.kind === 'invalid_credentials');
}

/**
 * Syncs one period: resolves with its outcome once it is committed, failed or
 * skipped; rejects with an error that ends the run. `turn` settles when the
 * period before it has: its commit (or failure) waits for that.
 */
export async function syncPeriod(run: RunContext, period: ApiPeriod, turn: Promise<void>): Promise<PeriodOutcome> {
  const { cache, key, scope } = run;
  const inTurn = <T>(write: () => T | PromiseLike<T>): Promise<T> => turn.then(() => run.opened).then(write);
  const failed = (error: unknown): PeriodOutcome => {
    recordPeriodError(cache.write(), key, period.period, messageOf(error), run.now());
    recordSyncRunPeriod(cache.write(), run.id(), period.period, 'failed', { conferences: 0, participants: 0 }, messageOf(error));
    return { period: period.period, status: 'failed', conferences: 0, participants: 0, error: `${period.period}: ${messageOf(error)}` };
  };
  if (!periodNeedsSync(cache.read(), key, toPeriodMeta(period), scope, run.origin)) {
    return inTurn((): PeriodOutcome => {
      recordSyncRunPeriod(cache.write(), run.id(), period.period, 'skipped', { conferences: 0, participants: 0 });
      return { period: period.period, status: 'skipped', conferences: 0, participants: 0, error: null };
    });
  }
  const writer = await run.lanes.acquire();
  try {
    let download: PeriodDownload;
    let downloading = false;
    try {
      run.checkCancel();
      downloading = true;
      run.onDownloading(period.period, true);
      download = await downloadPeriod(run, period, writer);
      run.checkCancel();
    } catch (error) {
      writer.discard();
      if (endsTheRun(error, run)) throw error;
      return await inTurn(() => failed(error));
    } finally {
      if (downloading) run.onDownloading(period.period, false);
    }
    const input = {
      provider: key.provider,
      accountNumber: key.accountNumber,
      period: toPeriodMeta(download.period),
      scope,
      origin: run.origin,
      rooms: download.rooms.map(toRoomInput),
    };
    return await inTurn(() => writer.commit({ ...input, syncedAt: run.now() })).then(
      (counts): PeriodOutcome => {
        recordSyncRunPeriod(cache.write(), run.id(), period.period, 'synced', counts);
        return { period: period.period, status: 'synced', ...counts, error: null };
      },
      // Not written if the gate never opened (the commit did not run either).
      (error: unknown) => run.opened.then(() => failed(error)),
    );
  } finally {
    run.lanes.release(writer);
  }
}

interface PeriodDownload {
  period: ApiPeriod;
  rooms: ApiRoom[];
}

async function downloadPeriod(run: RunContext, period: ApiPeriod, writer: PeriodWriter): Promise<PeriodDownload> {
  const { accountNumber } = run.key;
  const { client, signal } = run;
  let current = period;
  for (let restart = 0; ; restart += 1) {
    try {
      await writer.begin(run.key, current.period, run.scope);
      const rooms = await client.listRooms(accountNumber, current.period, { signal });
      // Each page is parsed, checked and staged by the month's writer (a thread of its own in the app).
      const read = (body: Uint8Array, request: string, attempts: number) => writer.page(body, request, attempts);
      const source = client.conferencePagesParsedBy(accountNumber, current.period, read, { limit: run.pageLimit, signal, maxBodyBytes: pageBodyCeiling(run.pageLimit) });
      for await (const page of prefetching(source)) {
        run.checkCancel();
        run.onPage(page.conferences);
      }
      await writer.checkTotals(rooms);
      return { period: current, rooms };
    } catch (error) {
      const changed = isProviderError(error) && error.code === 'period_changed';
      if (!changed || restart >= PERIOD_CHANGED_RESTARTS) throw error;
      // Start the period over at its new revision.
      const served = await client.listPeriods(accountNumber, { signal });
      current = served.find((p) => p.period === period.period) ?? current;
    }
  }
}

/**
 * The most a page of `limit` conferences may weigh once decoded: 64 KiB a
 * conference (one with ~250 participant legs), so a provider that sends far
 * more than was asked fails its month with an error naming the request
 * instead of exhausting the writer thread's memory.
 */
export function pageBodyCeiling(limit: number): number {
  return Math.max(1, limit) * 64 * 1024;
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
