// Months imported from OAI's Excel downloads: their conferences (no
// participant legs), room totals computed from them, the period marked
// `source = 'import'`, and the files they came from. The provider's months
// are never touched: a file with one is refused whole. Each file is written
// in ONE transaction; re-importing adds nothing (deterministic conference
// ids), and across files each conference key counts its most occurrences in
// any one file (ids carry the occurrence index).
import { IMPORTED_SERVICE_TYPE, type ImportedFileInfo } from '../../../shared/domain';
import type { ReadableDB, WritableDB } from '../db';
import { CacheError } from '../errors';
import { prepare } from '../statements';
import type { AccountKey } from '../types';
import { accountIdOf, ensureAccount } from './accounts';
import { forgetSearchDocuments, indexPeriod } from './search-index';

/** A conference as an import writes it (ids from src/main/import). */
export interface ImportConferenceInput {
  id: string;
  period: string;
  roomNumber: string;
  cardholder: string | null;
  startUtc: string;
  participantCount: number;
  billingCode: string | null;
  lengthSeconds: number;
  accumulatedSeconds: number;
  chargeCents: number;
}

export interface ImportFileInput {
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

export interface ImportWriteResult {
  /** Conferences this file added (0: nothing changed, nothing recorded). */
  added: number;
  addedChargeCents: number;
  /** Months the file holds, oldest first. */
  periods: string[];
}

export { IMPORTED_SERVICE_TYPE };

const PROVIDER_MONTHS = `SELECT period FROM periods WHERE account_id = ? AND source = 'provider'
  AND period IN (SELECT value FROM json_each(?)) ORDER BY period`;
/** Conferences per INSERT statement: fewer calls into SQLite for a large file. */
const INSERT_BATCH = 50;
const CONFERENCE_VALUES = `(?, ?, ?, ?, ?, '${IMPORTED_SERVICE_TYPE}', ?, ?, ?, ?, ?)`;
/** `rows` conferences not cached yet, in one statement (ids are unique within a file: an id cached already is a bug, and fails). */
const insertConferencesSql = (rows: number) => `INSERT INTO conferences (account_id, period, conference_id, room_number, start_utc, service_type,
    billing_code, participant_count, length_seconds, accumulated_seconds, charge_cents)
  VALUES ${Array.from({ length: rows }, () => CONFERENCE_VALUES).join(', ')}`;
const INSERT_FULL_BATCH = insertConferencesSql(INSERT_BATCH);
const UPSERT_IMPORTED_PERIOD = `INSERT INTO periods (account_id, period, start_date, invoiced, served_by_provider, scope, source,
    first_synced_at, last_synced_at)
  VALUES (@accountId, @period, @start, 0, 0, 'account', 'import', @at, @at)
  ON CONFLICT (account_id, period) DO UPDATE SET last_synced_at = excluded.last_synced_at`;
const ROOM_TOTALS = `SELECT room_number AS roomNumber, count(*) AS conferenceCount, sum(accumulated_seconds) AS accumulatedSeconds,
    sum(charge_cents) AS chargeCents
  FROM conferences WHERE account_id = ? AND period = ? GROUP BY room_number`;
const LATEST_CARDHOLDER = `SELECT cardholder FROM rooms WHERE account_id = ? AND room_number = ? AND cardholder IS NOT NULL
  ORDER BY period DESC LIMIT 1`;
const UPSERT_ROOM = `INSERT INTO rooms (account_id, period, room_number, cardholder, auto_billing_code, conference_count,
    accumulated_seconds, charge_cents, extra_json)
  VALUES (@accountId, @period, @roomNumber, @cardholder, NULL, @conferenceCount, @accumulatedSeconds, @chargeCents, NULL)
  ON CONFLICT (account_id, period, room_number) DO UPDATE SET conference_count = excluded.conference_count,
    accumulated_seconds = excluded.accumulated_seconds, charge_cents = excluded.charge_cents,
    cardholder = coalesce(rooms.cardholder, excluded.cardholder)`;
const INSERT_FILE = `INSERT INTO import_files (account_id, file_name, size_bytes, sha256, imported_at, conferences, charge_cents)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;
const INSERT_FILE_PERIOD = 'INSERT OR IGNORE INTO import_file_periods (file_id, period) VALUES (?, ?)';
const FILES_OF_PERIOD = `SELECT f.file_name AS fileName, f.size_bytes AS sizeBytes, f.sha256, f.imported_at AS importedAt
  FROM import_files f JOIN import_file_periods fp ON fp.file_id = f.id
  WHERE f.account_id = ? AND fp.period = ? ORDER BY f.imported_at, f.id`;
const PERIOD_SOURCE = 'SELECT source FROM periods WHERE account_id = ? AND period = ?';
const DELETE_CONFERENCES = 'DELETE FROM conferences WHERE account_id = ? AND period = ?';
const DELETE_ROOMS = 'DELETE FROM rooms WHERE account_id = ? AND period = ?';
const DELETE_LOCAL_CODES = 'DELETE FROM local_billing_codes WHERE account_id = ? AND period = ?';
const DELETE_OUTBOX = 'DELETE FROM billing_code_outbox WHERE account_id = ? AND period = ?';
const DELETE_PERIOD = 'DELETE FROM periods WHERE account_id = ? AND period = ?';
const DELETE_FILE_PERIODS = `DELETE FROM import_file_periods WHERE period = ? AND file_id IN (SELECT id FROM import_files WHERE account_id = ?)`;
const DELETE_FILES_WITHOUT_PERIODS = `DELETE FROM import_files WHERE account_id = ?
  AND NOT EXISTS (SELECT 1 FROM import_file_periods fp WHERE fp.file_id = import_files.id)`;

/** The months among `periods` the cache holds from the provider (served or archived): a file with any is refused. */
export function providerMonthsAmong(db: ReadableDB, key: AccountKey, periods: readonly string[]): string[] {
  const accountId = accountIdOf(db, key);
  if (accountId === null) return [];
  return prepare<[number, string], { period: string }>(db, PROVIDER_MONTHS)
    .all(accountId, JSON.stringify(periods))
    .map((row) => row.period);
}

/**
 * Writes one file's conferences in ONE IMMEDIATE transaction: refused whole
 * (CacheError 'provider_month') when a month is the provider's. Conferences
 * already cached are left as they are; room totals of the months touched are
 * computed again from their conferences. The file is recorded only when it
 * added something.
 */
export function writeImportedFile(db: WritableDB, key: AccountKey, file: ImportFileInput, conferences: readonly ImportConferenceInput[], at: string): ImportWriteResult {
  const periods = [...new Set(conferences.map((c) => c.period))].sort();
  return db
    .transaction((): ImportWriteResult => {
      const held = providerMonthsAmong(db, key, periods);
      if (held.length > 0) {
        throw new CacheError('provider_month', `${held.join(', ')} of account ${key.accountNumber} came from the provider: an import never replaces the provider's data.`);
      }
      const accountId = ensureAccount(db, key);
      const { added, addedChargeCents } = insertConferences(db, accountId, conferences);
      if (added === 0) return { added, addedChargeCents, periods };
      const cardholders = new Map<string, string>();
      for (const c of conferences) if (c.cardholder !== null && !cardholders.has(c.roomNumber)) cardholders.set(c.roomNumber, c.cardholder);
      for (const period of periods) {
        prepare<[Record<string, unknown>]>(db, UPSERT_IMPORTED_PERIOD).run({ accountId, period, start: `${period}-01`, at });
        updateRoomTotals(db, accountId, period, cardholders);
        // Searchable at once, in the same transaction (a nested one: a savepoint).
        indexPeriod(db, { accountId, period }, at);
      }
      const fileId = Number(
        prepare<[number, string, number, string, string, number, number]>(db, INSERT_FILE).run(accountId, file.fileName, file.sizeBytes, file.sha256, at, added, addedChargeCents)
          .lastInsertRowid,
      );
      for (const period of periods) prepare<[number, string]>(db, INSERT_FILE_PERIOD).run(fileId, period);
      return { added, addedChargeCents, periods };
    })
    .immediate();
}

const CACHED_IDS = `SELECT c.conference_id AS id FROM json_each(@ids) j
  JOIN conferences c ON c.account_id = @accountId AND c.period = @period AND c.conference_id = j.value`;

/**
 * Inserts the conferences not cached yet (those are found first, a month at
 * a time), in batches, in the order of their ids: the ids are hashes, and
 * inserting them in order writes the unique index's pages one after the
 * other instead of all over it (25 % faster at 50,000 rows).
 */
function insertConferences(db: WritableDB, accountId: number, conferences: readonly ImportConferenceInput[]): { added: number; addedChargeCents: number } {
  const cached = new Set<string>();
  const idsOfPeriod = new Map<string, string[]>();
  for (const c of conferences) {
    let ids = idsOfPeriod.get(c.period);
    if (ids === undefined) idsOfPeriod.set(c.period, (ids = []));
    ids.push(c.id);
  }
  for (const [period, ids] of idsOfPeriod) {
    for (const row of prepare<[{ ids: string; accountId: number; period: string }], { id: string }>(db, CACHED_IDS).all({ ids: JSON.stringify(ids), accountId, period })) {
      cached.add(`${period}|${row.id}`);
    }
  }
  const fresh = conferences.filter((c) => !cached.has(`${c.period}|${c.id}`)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const valuesOf = (c: ImportConferenceInput) => [accountId, c.period, c.id, c.roomNumber, c.startUtc, c.billingCode, c.participantCount, c.lengthSeconds, c.accumulatedSeconds, c.chargeCents];
  for (let start = 0; start < fresh.length; start += INSERT_BATCH) {
    const batch = fresh.slice(start, start + INSERT_BATCH);
    prepare<unknown[]>(db, batch.length === INSERT_BATCH ? INSERT_FULL_BATCH : insertConferencesSql(batch.length)).run(...batch.flatMap(valuesOf));
  }
  return { added: fresh.length, addedChargeCents: fresh.reduce((sum, c) => sum + c.chargeCents, 0) };
}

/** Room totals of an imported month = the sums of its conferences; a room's cardholder is kept, else the file's, else its latest known. */
function updateRoomTotals(db: WritableDB, accountId: number, period: string, cardholders: ReadonlyMap<string, string>): void {
  const totals = prepare<[number, string], { roomNumber: string; conferenceCount: number; accumulatedSeconds: number; chargeCents: number }>(db, ROOM_TOTALS).all(
    accountId,
    period,
  );
  for (const room of totals) {
    const known = prepare<[number, string], { cardholder: string }>(db, LATEST_CARDHOLDER).get(accountId, room.roomNumber)?.cardholder ?? null;
    prepare<[Record<string, unknown>]>(db, UPSERT_ROOM).run({ accountId, period, ...room, cardholder: cardholders.get(room.roomNumber) ?? known });
  }
}

/** The files an imported month came from, in import order. */
export function importedFilesOf(db: ReadableDB, key: AccountKey, period: string): ImportedFileInfo[] {
  const accountId = accountIdOf(db, key);
  if (accountId === null) return [];
  return prepare<[number, string], ImportedFileInfo>(db, FILES_OF_PERIOD).all(accountId, period);
}

/**
 * Removes an imported month: its conferences, rooms, local codes, the
 * period and its links to files (a file left with no month goes too).
 * Refused (CacheError 'not_imported') for a month from the provider; false if not cached.
 */
export function removeImportedMonth(db: WritableDB, key: AccountKey, period: string): boolean {
  return db
    .transaction((): boolean => {
      const accountId = accountIdOf(db, key);
      if (accountId === null) return false;
      const source = prepare<[number, string], { source: string }>(db, PERIOD_SOURCE).get(accountId, period)?.source;
      if (source === undefined) return false;
      if (source !== 'import') throw new CacheError('not_imported', `${period} of account ${key.accountNumber} came from the provider: only imported months can be removed.`);
      forgetSearchDocuments(db, { accountId, period }, null);
      for (const sql of [DELETE_CONFERENCES, DELETE_ROOMS, DELETE_LOCAL_CODES, DELETE_OUTBOX, DELETE_PERIOD]) prepare<[number, string]>(db, sql).run(accountId, period);
      prepare<[string, number]>(db, DELETE_FILE_PERIODS).run(period, accountId);
      prepare<[number]>(db, DELETE_FILES_WITHOUT_PERIODS).run(accountId);
      return true;
    })
    .immediate();
}
