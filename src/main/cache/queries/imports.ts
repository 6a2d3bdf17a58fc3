// Months imported from OAI's Excel downloads: their conferences (no
// participant legs), room totals computed from them, the period marked
// `source = 'import'`, and the files they came from. The provider's months
// are never touched: a file with one is refused whole. Each file is staged
// as it is read, then written in ONE transaction; re-importing adds nothing
// (deterministic conference ids), and across files each conference key
// counts its most occurrences in any one file (ids carry the occurrence index).
import { IMPORTED_SERVICE_TYPE, type ImportedFileInfo } from '../../../shared/domain';
import type { ReadableDB, WritableDB } from '../db';
import { CacheError } from '../errors';
import { prepare } from '../statements';
import type { AccountKey } from '../types';
import { accountIdOf, ensureAccount } from './accounts';
import { forgetSearchDocuments } from './search-index';

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
 * A file's conferences, set down as they are read in a TEMP table of this
 * connection (no lock on the archive, memory flat whatever the file's size),
 * then written by commitStagedImport in one statement. Whoever stages
 * commits or discards before staging the next file on that connection.
 */
export interface ImportStaging {
  add(batch: readonly ImportConferenceInput[]): void;
  /** Forgets what was staged (a refused file). */
  discard(): void;
}

// In file order (a table keyed as the conferences are, sorted while the file
// is read, made the whole import no faster: the sort moved, it did not go).
const CREATE_STAGING = `CREATE TEMP TABLE IF NOT EXISTS import_staging (period TEXT NOT NULL, conference_id TEXT NOT NULL, room_number TEXT NOT NULL,
  cardholder TEXT, start_utc TEXT NOT NULL, billing_code TEXT, participant_count INTEGER NOT NULL, length_seconds INTEGER NOT NULL,
  accumulated_seconds INTEGER NOT NULL, charge_cents INTEGER NOT NULL)`;
const CLEAR_STAGING = 'DELETE FROM temp.import_staging';
const STAGED_VALUES = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** Staged conferences per INSERT statement: fewer calls into SQLite. */
const STAGE_BATCH = 50;
const stageSql = (rows: number) => `INSERT INTO temp.import_staging VALUES ${Array.from({ length: rows }, () => STAGED_VALUES).join(', ')}`;
const STAGE_FULL_BATCH = stageSql(STAGE_BATCH);
const STAGED_PERIODS = 'SELECT DISTINCT period FROM temp.import_staging ORDER BY period';
/** Whether the account holds any conference of the staged months (else none can be cached already). */
const ANY_CACHED_MONTH = `SELECT EXISTS (SELECT 1 FROM conferences WHERE account_id = @accountId
  AND period IN (SELECT DISTINCT period FROM temp.import_staging)) AS found`;
const NOT_CACHED = `NOT EXISTS (SELECT 1 FROM conferences c WHERE c.account_id = @accountId AND c.period = s.period AND c.conference_id = s.conference_id)`;
const STAGED_TOTALS = `SELECT count(*) AS added, coalesce(sum(charge_cents), 0) AS addedChargeCents FROM temp.import_staging s`;
const NEW_STAGED_TOTALS = `${STAGED_TOTALS} WHERE ${NOT_CACHED}`;
// In the order of the conferences' unique index (their ids are hashes):
// its pages are written one after the other instead of all over it.
const copyStagedSql = (where: string) => `INSERT INTO conferences (account_id, period, conference_id, room_number, start_utc, service_type,
    billing_code, participant_count, length_seconds, accumulated_seconds, charge_cents)
  SELECT @accountId, period, conference_id, room_number, start_utc, '${IMPORTED_SERVICE_TYPE}', billing_code, participant_count,
    length_seconds, accumulated_seconds, charge_cents
  FROM temp.import_staging s ${where} ORDER BY period, conference_id`;
const INSERT_ALL_STAGED = copyStagedSql('');
const INSERT_NEW_STAGED = copyStagedSql(`WHERE ${NOT_CACHED}`);
/** Each room's cardholder as the file's first row with one gives it (SQLite takes a bare column from the min()'s row). */
const STAGED_CARDHOLDERS = `SELECT room_number AS roomNumber, cardholder, min(rowid) FROM temp.import_staging
  WHERE cardholder IS NOT NULL GROUP BY room_number`;

export function stageImport(db: WritableDB): ImportStaging {
  db.exec(CREATE_STAGING);
  db.exec(CLEAR_STAGING);
  const valuesOf = (c: ImportConferenceInput) => [
    c.period, c.id, c.roomNumber, c.cardholder, c.startUtc, c.billingCode, c.participantCount, c.lengthSeconds, c.accumulatedSeconds, c.chargeCents,
  ];
  return {
    add: (batch) => {
      for (let start = 0; start < batch.length; start += STAGE_BATCH) {
        const rows = batch.slice(start, start + STAGE_BATCH);
        prepare<unknown[]>(db, rows.length === STAGE_BATCH ? STAGE_FULL_BATCH : stageSql(rows.length)).run(...rows.flatMap(valuesOf));
      }
    },
    discard: () => db.exec(CLEAR_STAGING),
  };
}

/**
 * Writes the staged file in ONE IMMEDIATE transaction: refused whole
 * (CacheError 'provider_month') when a month is the provider's. Conferences
 * already cached are left as they are; room totals of the months touched are
 * computed again from their conferences. The file is recorded only when it
 * added something. The staging is emptied either way. The months are left
 * for the search index's upkeep to index (indexing a large month costs about
 * as much as writing it), as a sync leaves the months it swaps in.
 */
export function commitStagedImport(db: WritableDB, key: AccountKey, file: ImportFileInput, at: string): ImportWriteResult {
  try {
    return db
      .transaction((): ImportWriteResult => {
        const periods = prepare<[], { period: string }>(db, STAGED_PERIODS).all().map((row) => row.period);
        const held = providerMonthsAmong(db, key, periods);
        if (held.length > 0) {
          throw new CacheError('provider_month', `${held.join(', ')} of account ${key.accountNumber} came from the provider: an import never replaces the provider's data.`);
        }
        const accountId = ensureAccount(db, key);
        // A month new to the archive (the usual import) has nothing cached to look up, row by row.
        const fresh = prepare<[{ accountId: number }], { found: number }>(db, ANY_CACHED_MONTH).get({ accountId })!.found === 0;
        const totals = fresh ? STAGED_TOTALS : NEW_STAGED_TOTALS;
        const { added, addedChargeCents } = prepare<[{ accountId: number }], { added: number; addedChargeCents: number }>(db, totals).get({ accountId })!;
        if (added === 0) return { added, addedChargeCents, periods };
        prepare<[{ accountId: number }]>(db, fresh ? INSERT_ALL_STAGED : INSERT_NEW_STAGED).run({ accountId });
        const cardholders = new Map(prepare<[], { roomNumber: string; cardholder: string }>(db, STAGED_CARDHOLDERS).all().map((r) => [r.roomNumber, r.cardholder]));
        for (const period of periods) {
          prepare<[Record<string, unknown>]>(db, UPSERT_IMPORTED_PERIOD).run({ accountId, period, start: `${period}-01`, at });
          updateRoomTotals(db, accountId, period, cardholders);
        }
        const fileId = Number(
          prepare<[number, string, number, string, string, number, number]>(db, INSERT_FILE).run(accountId, file.fileName, file.sizeBytes, file.sha256, at, added, addedChargeCents)
            .lastInsertRowid,
        );
        for (const period of periods) prepare<[number, string]>(db, INSERT_FILE_PERIOD).run(fileId, period);
        return { added, addedChargeCents, periods };
      })
      .immediate();
  } finally {
    db.exec(CLEAR_STAGING);
  }
}

/** stageImport and commitStagedImport in one go, for conferences at hand. */
export function writeImportedFile(db: WritableDB, key: AccountKey, file: ImportFileInput, conferences: readonly ImportConferenceInput[], at: string): ImportWriteResult {
  stageImport(db).add(conferences);
  return commitStagedImport(db, key, file, at);
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
