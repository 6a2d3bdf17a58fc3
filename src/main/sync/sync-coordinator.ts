// Runs syncs for sign-ins (profiles): one at a time per profile (a second
// request joins the running one), cancellable, on demand and every N hours,
// and reports progress as bridge events.
import type { SyncProgress } from '../../shared/bridge';
import { checkpointWal, lastSuccessfulSync, providerKey, type AccountKey, type CacheHandle } from '../cache';
import type { ProviderClient } from '../provider/client';
import type { PeriodWriter } from './writers/period-writer';
import { runSync, type SyncEngineProgress, type SyncReport } from './sync-engine';

export interface SyncTarget {
  profileId: string;
  /** Where the data comes from (the server URL, or 'embedded-demo'); its origin (providerKey()) keys the data. */
  origin: string;
  accountNumber: string | null;
  /** Builds a client for this run (resolves the server URL and password lazily). */
  createClient(signal: AbortSignal): Promise<ProviderClient>;
  /** Each step of the engine, phases included (the CLI prints them). */
  onEngineProgress?: (progress: SyncEngineProgress) => void;
}

interface Running {
  controller: AbortController;
  promise: Promise<SyncReport>;
}

export interface SyncCoordinatorOptions {
  cache: CacheHandle;
  onProgress: (progress: SyncProgress) => void;
  /** Before a run touches the cache (e.g. to note which months it holds). */
  onStart?: (target: SyncTarget) => void;
  onReport?: (target: SyncTarget, report: SyncReport) => void;
  pageLimit?: number;
  /** Where each run writes the month of each lane (the app: a writer thread per lane); in-process when absent. */
  createWriter?: (lane: number) => PeriodWriter;
  /**
   * Checks the cache file before a run writes (the app: quick_check on the
   * archive thread); rejecting fails the run with nothing written. Started
   * with the run, so it overlaps signing in and the first period's download.
   */
  checkBeforeWrite?: (cacheFile: string) => Promise<void>;
}

export class SyncCoordinator {
  private readonly running = new Map<string, Running>();
  private readonly latest = new Map<string, SyncProgress>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SyncCoordinatorOptions) {}

  /** Starts a sync of the target, or joins the one already running for it. */
  sync(target: SyncTarget): Promise<SyncReport> {
    const existing = this.running.get(target.profileId);
    if (existing) return existing.promise;
    const controller = new AbortController();
    const promise = this.run(target, controller).finally(() => this.running.delete(target.profileId));
    this.running.set(target.profileId, { controller, promise });
    return promise;
  }

  isRunning(profileId: string): boolean {
    return this.running.has(profileId);
  }

  cancel(profileId: string): void {
    this.running.get(profileId)?.controller.abort();
  }

  /** `key`: the sign-in's account at its provider, when known (for when it last synced). */
  status(profileId: string, key: AccountKey | null): SyncProgress {
    const lastSuccessAt = key ? lastSuccessfulSync(this.options.cache.read(), key) : null;
    const latest = this.latest.get(profileId);
    if (latest) return { ...latest, lastSuccessAt };
    return idleProgress(profileId, lastSuccessAt);
  }

  /** Syncs `targets()` now and then every `hours` hours (setting, default 6). */
  schedule(hours: number, targets: () => Promise<SyncTarget[]>, onError: (error: unknown) => void, runNow = true): void {
    this.stopSchedule();
    const tick = () => {
      targets().then((list) => Promise.all(list.map((t) => this.sync(t))), onError).catch(onError);
    };
    if (runNow) tick();
    this.timer = setInterval(tick, hours * 3_600_000);
    this.timer.unref();
  }

  stopSchedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Cancels every running sync and waits for them to end. */
  async close(): Promise<void> {
    this.stopSchedule();
    const all = [...this.running.values()];
    for (const r of all) r.controller.abort();
    await Promise.allSettled(all.map((r) => r.promise));
  }

  private async run(target: SyncTarget, controller: AbortController): Promise<SyncReport> {
    const { cache } = this.options;
    const publish = (progress: SyncProgress) => {
      this.latest.set(target.profileId, progress);
      this.options.onProgress(progress);
    };
    const lastSuccess = () => {
      const key = targetKey(target, target.accountNumber);
      return key ? lastSuccessfulSync(cache.read(), key) : null;
    };
    this.options.onStart?.(target);
    publish({ ...idleProgress(target.profileId, lastSuccess()), state: 'running' });
    let report: SyncReport;
    const writeCheck = this.options.checkBeforeWrite?.(cache.file);
    writeCheck?.catch(() => {});
    try {
      const client = await target.createClient(controller.signal);
      report = await runSync({
        cache,
        client,
        origin: target.origin,
        signal: controller.signal,
        pageLimit: this.options.pageLimit,
        openWriter: this.options.createWriter,
        writeCheck,
        onProgress: (p) => {
          target.onEngineProgress?.(p);
          publish(toBridgeProgress(target.profileId, p, lastSuccess()));
        },
      });
    } catch (error) {
      report = failedReport(error);
    }
    // Not after a run the check stopped: it wrote nothing, and a damaged file is never written to.
    if (report.runId !== 0) checkpointAfterRun(cache);
    const key = targetKey(target, report.accountNumber ?? target.accountNumber);
    publish({
      ...(this.latest.get(target.profileId) ?? idleProgress(target.profileId, null)),
      state: report.status === 'ok' ? 'done' : report.status === 'cancelled' ? 'cancelled' : 'failed',
      message: describeOutcome(report),
      failureCode: report.status === 'failed' ? (report.errorKind ?? null) : null,
      lastSuccessAt: key ? lastSuccessfulSync(cache.read(), key) : null,
    });
    this.options.onReport?.(target, report);
    return report;
  }
}

/**
 * The run's commits into the main file, so it holds the whole sync even if
 * the -wal is lost while the app runs. A reader (an export, a backup) may keep
 * part of it in the WAL: the next checkpoint, at the latest at close, takes it.
 */
function checkpointAfterRun(cache: CacheHandle): void {
  if (cache.readOnly) return;
  try {
    checkpointWal(cache.write());
  } catch {
    // Busy: SQLite's own checkpoints and the one at close go on.
  }
}

function targetKey(target: SyncTarget, accountNumber: string | null): AccountKey | null {
  return accountNumber === null ? null : { provider: providerKey(target.origin), accountNumber };
}

function idleProgress(profileId: string, lastSuccessAt: string | null): SyncProgress {
  return { profileId, state: 'idle', periodIndex: 0, periodCount: 0, period: null, monthsInFlight: [], pages: 0, rows: 0, committed: 0, message: null, lastSuccessAt };
}

function toBridgeProgress(profileId: string, p: SyncEngineProgress, lastSuccessAt: string | null): SyncProgress {
  return {
    profileId,
    state: 'running',
    periodIndex: p.periodIndex,
    periodCount: p.periodCount,
    period: p.period,
    monthsInFlight: p.monthsInFlight,
    pages: p.pages,
    rows: p.rows,
    committed: p.committed,
    message: null,
    lastSuccessAt,
  };
}

function describeOutcome(report: SyncReport): string | null {
  if (report.status === 'ok') return null;
  if (report.error) return report.error;
  const failed = report.periods.filter((p) => p.status === 'failed');
  return failed.map((p) => p.error).join('\n') || null;
}

function failedReport(error: unknown): SyncReport {
  return {
    runId: 0,
    accountNumber: null,
    scope: 'account',
    status: 'failed',
    periods: [],
    outbox: { sent: 0, failed: 0, pending: 0, local: 0 },
    error: error instanceof Error ? error.message : String(error),
    errorKind: null,
  };
}
