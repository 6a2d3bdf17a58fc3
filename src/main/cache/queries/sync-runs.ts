// The log of syncs: one run per sync of a sign-in, with each period's outcome.
import type { ReadableDB, WritableDB } from '../db';
import { prepare } from '../statements';
import type { AccountKey, ReplaceCounts, SyncRun, SyncRunPeriod, SyncRunPeriodStatus, SyncRunStatus, SyncScope } from '../types';
import { ensureAccount } from './accounts';
import { ACCOUNT_ID, keyParams, type KeyParams } from './keys';

const SYNC_RUN_COLUMNS = `r.id, a.provider, a.account_number AS accountNumber, r.scope, r.origin, r.started_at AS startedAt,
  r.finished_at AS finishedAt, r.status, r.error`;

const START_RUN = `INSERT INTO sync_runs (account_id, scope, origin, started_at, status) VALUES (?, ?, ?, ?, 'running')`;
const RECORD_RUN_PERIOD = `INSERT INTO sync_run_periods (run_id, period, status, conferences, participants, error) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (run_id, period) DO UPDATE SET status = excluded.status, conferences = excluded.conferences,
    participants = excluded.participants, error = excluded.error`;
const FINISH_RUN = `UPDATE sync_runs SET status = ?, finished_at = ?, error = ? WHERE id = ? AND status = 'running'`;
const INTERRUPT_RUNNING = `UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running'`;
const LAST_SUCCESSFUL_SYNC = `SELECT finished_at AS finishedAt FROM sync_runs WHERE account_id = ${ACCOUNT_ID} AND status = 'ok'
  ORDER BY finished_at DESC, id DESC LIMIT 1`;
const LIST_RUNS = `SELECT ${SYNC_RUN_COLUMNS} FROM sync_runs r JOIN accounts a ON a.id = r.account_id
  WHERE r.account_id = ${ACCOUNT_ID} ORDER BY r.id DESC LIMIT @limit`;
const RUN_PERIODS = `SELECT period, status, conferences, participants, error FROM sync_run_periods WHERE run_id = ? ORDER BY period DESC`;

type SyncRunRecord = Omit<SyncRun, 'periods'>;

/** `origin` is the provider's full base URL; the account key's provider is its origin (providerKey()). */
export function startSyncRun(db: WritableDB, key: AccountKey, scope: SyncScope, origin: string, at: string): number {
  const accountId = ensureAccount(db, key);
  return Number(prepare<[number, string, string, string]>(db, START_RUN).run(accountId, scope, origin, at).lastInsertRowid);
}

/** Recording the same period again in a run (e.g. restarted after period_changed) overwrites it. */
export function recordSyncRunPeriod(
  db: WritableDB,
  runId: number,
  period: string,
  status: SyncRunPeriodStatus,
  counts: ReplaceCounts = { conferences: 0, participants: 0 },
  error: string | null = null,
): void {
  prepare<[number, string, string, number, number, string | null]>(db, RECORD_RUN_PERIOD).run(
    runId,
    period,
    status,
    counts.conferences,
    counts.participants,
    error,
  );
}

export function finishSyncRun(db: WritableDB, runId: number, status: Exclude<SyncRunStatus, 'running'>, at: string, error: string | null = null): void {
  prepare<[string, string, string | null, number]>(db, FINISH_RUN).run(status, at, error, runId);
}

/** Runs still 'running' from a previous process (crash, kill) become failed. Call at startup. */
export function closeInterruptedSyncRuns(db: WritableDB, at: string, message = 'Interrupted: the app stopped during the sync.'): number {
  return prepare<[string, string]>(db, INTERRUPT_RUNNING).run(at, message).changes;
}

/** When the last fully successful sync of the account (at its provider) finished, or null. */
export function lastSuccessfulSync(db: ReadableDB, key: AccountKey): string | null {
  return prepare<[KeyParams], { finishedAt: string }>(db, LAST_SUCCESSFUL_SYNC).get(keyParams(key))?.finishedAt ?? null;
}

/** Newest first, each with its periods (newest period first). */
export function listSyncRuns(db: ReadableDB, key: AccountKey, limit = 20): SyncRun[] {
  const periods = prepare<[number], SyncRunPeriod>(db, RUN_PERIODS);
  return prepare<[KeyParams & { limit: number }], SyncRunRecord>(db, LIST_RUNS)
    .all({ ...keyParams(key), limit })
    .map((run) => ({ ...run, periods: periods.all(run.id) }));
}
