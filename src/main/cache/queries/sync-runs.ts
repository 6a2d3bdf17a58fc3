// The log of syncs: one run per sync of a sign-in, with each period's outcome.
import type { ReadableDB, WritableDB } from '../db';
import { prepare } from '../statements';
import type { ReplaceCounts, SyncRun, SyncRunPeriod, SyncRunPeriodStatus, SyncRunStatus, SyncScope } from '../types';

const SYNC_RUN_COLUMNS = `id, account_number AS accountNumber, scope, origin, started_at AS startedAt,
  finished_at AS finishedAt, status, error`;

const START_RUN = `INSERT INTO sync_runs (account_number, scope, origin, started_at, status) VALUES (?, ?, ?, ?, 'running')`;
const RECORD_RUN_PERIOD = `INSERT INTO sync_run_periods (run_id, period, status, conferences, participants, error) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (run_id, period) DO UPDATE SET status = excluded.status, conferences = excluded.conferences,
    participants = excluded.participants, error = excluded.error`;
const FINISH_RUN = `UPDATE sync_runs SET status = ?, finished_at = ?, error = ? WHERE id = ? AND status = 'running'`;
const INTERRUPT_RUNNING = `UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running'`;
const LAST_SUCCESSFUL_SYNC = `SELECT finished_at AS finishedAt FROM sync_runs WHERE account_number = ? AND status = 'ok'
  ORDER BY finished_at DESC, id DESC LIMIT 1`;
const LIST_RUNS = `SELECT ${SYNC_RUN_COLUMNS} FROM sync_runs WHERE account_number = ? ORDER BY id DESC LIMIT ?`;
const RUN_PERIODS = `SELECT period, status, conferences, participants, error FROM sync_run_periods WHERE run_id = ? ORDER BY period DESC`;

type SyncRunRecord = Omit<SyncRun, 'periods'>;

export function startSyncRun(db: WritableDB, accountNumber: string, scope: SyncScope, origin: string, at: string): number {
  return Number(prepare<[string, string, string, string]>(db, START_RUN).run(accountNumber, scope, origin, at).lastInsertRowid);
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

/** When the last fully successful sync of the account finished, or null. */
export function lastSuccessfulSync(db: ReadableDB, accountNumber: string): string | null {
  return prepare<[string], { finishedAt: string }>(db, LAST_SUCCESSFUL_SYNC).get(accountNumber)?.finishedAt ?? null;
}

/** Newest first, each with its periods (newest period first). */
export function listSyncRuns(db: ReadableDB, accountNumber: string, limit = 20): SyncRun[] {
  const periods = prepare<[number], SyncRunPeriod>(db, RUN_PERIODS);
  return prepare<[string, number], SyncRunRecord>(db, LIST_RUNS)
    .all(accountNumber, limit)
    .map((run) => ({ ...run, periods: periods.all(run.id) }));
}
