// Billing periods of an account: what the provider serves, what the cache
// holds of each (revision, scope, origin), and why its last sync failed.
//
// History never disappears: periods the provider stops serving are only
// marked archived (served_by_provider = 0) and keep all their rows.
import type { PeriodInfo } from '../../../shared/domain';
import type { ReadableDB, WritableDB } from '../db';
import { prepare } from '../statements';
import { ACCOUNT_SCOPE, type AccountKey, type PeriodMeta, type SyncScope } from '../types';
import { ensureAccount } from './accounts';
import { importedFilesOf } from './imports';
import { ACCOUNT_ID, keyParams, type KeyParams } from './keys';

const PERIOD_COLUMNS = `a.account_number AS accountNumber, p.period, p.start_date AS start, p.invoiced, p.revision,
  p.served_by_provider AS servedByProvider, p.scope, p.origin, p.last_synced_at AS lastSyncedAt,
  p.last_error AS lastError, p.last_error_at AS lastErrorAt, p.source`;
const PERIODS_OF_ACCOUNT = `FROM periods p JOIN accounts a ON a.id = p.account_id WHERE p.account_id = ${ACCOUNT_ID}`;

const GET_PERIOD = `SELECT ${PERIOD_COLUMNS} ${PERIODS_OF_ACCOUNT} AND p.period = @period`;
const LIST_PERIODS = `SELECT ${PERIOD_COLUMNS} ${PERIODS_OF_ACCOUNT} ORDER BY p.period DESC`;
const NOTE_PERIOD_SERVED = `INSERT INTO periods (account_id, period, start_date, invoiced, served_by_provider, last_seen_at)
  VALUES (?, ?, ?, ?, 1, ?)
  ON CONFLICT (account_id, period) DO UPDATE SET start_date = excluded.start_date,
    invoiced = excluded.invoiced, served_by_provider = 1, last_seen_at = excluded.last_seen_at`;
const ARCHIVE_PERIODS_NOT_SERVED = `UPDATE periods SET served_by_provider = 0
  WHERE account_id = ? AND served_by_provider = 1 AND period NOT IN (SELECT value FROM json_each(?))`;
const SAVE_PERIOD_SYNC = `INSERT INTO periods (account_id, period, start_date, invoiced, revision, served_by_provider, scope, origin,
    first_synced_at, last_synced_at, last_seen_at)
  VALUES (@accountId, @period, @start, @invoiced, @revision, 1, @scope, @origin, @syncedAt, @syncedAt, @syncedAt)
  ON CONFLICT (account_id, period) DO UPDATE SET start_date = excluded.start_date,
    invoiced = excluded.invoiced, revision = excluded.revision, served_by_provider = 1,
    scope = excluded.scope, origin = excluded.origin,
    first_synced_at = coalesce(periods.first_synced_at, excluded.first_synced_at),
    last_synced_at = excluded.last_synced_at, last_seen_at = excluded.last_seen_at,
    last_error = NULL, last_error_at = NULL, source = 'provider'`;
const RECORD_PERIOD_ERROR = `INSERT INTO periods (account_id, period, start_date, last_error, last_error_at)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (account_id, period) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`;

interface PeriodRecord extends Omit<PeriodInfo, 'invoiced' | 'servedByProvider'> {
  invoiced: number;
  servedByProvider: number;
}

function toPeriodInfo(db: ReadableDB, key: AccountKey, record: PeriodRecord): PeriodInfo {
  const info: PeriodInfo = { ...record, invoiced: record.invoiced === 1, servedByProvider: record.servedByProvider === 1 };
  return info.source === 'import' ? { ...info, importedFiles: importedFilesOf(db, key, info.period) } : info;
}

/** Newest first, archived ones included. */
export function listPeriods(db: ReadableDB, key: AccountKey): PeriodInfo[] {
  return prepare<[KeyParams], PeriodRecord>(db, LIST_PERIODS).all(keyParams(key)).map((record) => toPeriodInfo(db, key, record));
}

export function getPeriod(db: ReadableDB, key: AccountKey, period: string): PeriodInfo | null {
  const record = prepare<[KeyParams & { period: string }], PeriodRecord>(db, GET_PERIOD).get({ ...keyParams(key), period });
  return record ? toPeriodInfo(db, key, record) : null;
}

/**
 * Records the provider's current list of periods: their metadata is updated
 * (content and revision untouched) and every other cached period of the
 * account is marked archived. Nothing is deleted.
 */
export function notePeriodsServed(db: WritableDB, key: AccountKey, served: readonly PeriodMeta[], seenAt: string): void {
  const noteServed = prepare<[number, string, string, number, string]>(db, NOTE_PERIOD_SERVED);
  const archiveOthers = prepare<[number, string]>(db, ARCHIVE_PERIODS_NOT_SERVED);
  db.transaction(() => {
    const accountId = ensureAccount(db, key);
    for (const period of served) noteServed.run(accountId, period.period, period.start, period.invoiced ? 1 : 0, seenAt);
    archiveOthers.run(accountId, JSON.stringify(served.map((period) => period.period)));
  }).immediate();
}

/**
 * Whether a sync with this login must fetch the period: false only when the
 * cache holds a complete copy at the provider's current revision, from the
 * same provider address, covering the login's scope.
 */
export function periodNeedsSync(db: ReadableDB, key: AccountKey, served: PeriodMeta, scope: SyncScope, origin: string): boolean {
  const cached = getPeriod(db, key, served.period);
  if (!cached || cached.revision === null || cached.revision !== served.revision || cached.origin !== origin) return true;
  return !(cached.scope === scope || cached.scope === ACCOUNT_SCOPE);
}

/** Notes a failed sync of the period; its cached content stays as it is. */
export function recordPeriodError(db: WritableDB, key: AccountKey, period: string, message: string, at: string): void {
  const accountId = ensureAccount(db, key);
  prepare<[number, string, string, string, string]>(db, RECORD_PERIOD_ERROR).run(accountId, period, `${period}-01`, message, at);
}

export interface PeriodSyncState {
  accountId: number;
  period: PeriodMeta;
  /** May differ from the period's own revision (see the period swap's scope rules); null = must sync again. */
  revision: string | null;
  scope: SyncScope;
  origin: string;
  syncedAt: string;
}

/** A period's content was just replaced: its metadata, revision and sync time; its last error is cleared. */
export function savePeriodSync(db: WritableDB, state: PeriodSyncState): void {
  prepare<[Record<string, unknown>]>(db, SAVE_PERIOD_SYNC).run({
    accountId: state.accountId,
    period: state.period.period,
    start: state.period.start,
    invoiced: state.period.invoiced ? 1 : 0,
    revision: state.revision,
    scope: state.scope,
    origin: state.origin,
    syncedAt: state.syncedAt,
  });
}

export interface CachedMonth {
  accountNumber: string;
  /** YYYY-MM. */
  period: string;
  /** The provider no longer serves it: the cache is its only copy. */
  archived: boolean;
}

const CACHED_MONTHS = `SELECT a.account_number AS accountNumber, p.period, p.served_by_provider AS served
  FROM periods p JOIN accounts a ON a.id = p.account_id
  WHERE p.first_synced_at IS NOT NULL ORDER BY a.account_number, p.period`;
/** The same before schema 3 keyed periods by account id (a backup or restore candidate of an older version). */
const CACHED_MONTHS_BY_NUMBER = `SELECT account_number AS accountNumber, period, served_by_provider AS served FROM periods
  WHERE first_synced_at IS NOT NULL ORDER BY account_number, period`;

/** Every month that holds synced data, oldest first per account (what a backup or restore holds), in any known schema. */
export function listCachedMonths(db: ReadableDB): CachedMonth[] {
  const keyedById = (db.pragma('table_info(periods)') as { name: string }[]).some((column) => column.name === 'account_id');
  return prepare<[], { accountNumber: string; period: string; served: number }>(db, keyedById ? CACHED_MONTHS : CACHED_MONTHS_BY_NUMBER)
    .all()
    .map((row) => ({ accountNumber: row.accountNumber, period: row.period, archived: row.served === 0 }));
}
