// Bulk insert of a period's conferences and participant legs into the staging
// tables. A page is first flattened into rows ready to bind (flattenPage), then
// written with multi-row `INSERT ... VALUES (..), (..)` statements, which bind a
// whole batch in one native call. Conference rows are numbered here (not by
// SQLite) so their legs can refer to them.
import type Database from 'better-sqlite3';
import type { ApiConference } from '../provider/api-schemas';
import { extraFieldsJson, KNOWN_CONFERENCE_FIELDS, KNOWN_PARTICIPANT_FIELDS } from './extra-fields';

/** Rows per multi-row INSERT: 128 measured ~10 % faster than 32 for a full sync (npm run bench). */
export const BATCH_ROWS = 128;

const CONFERENCE_COLUMNS = [
  'row',
  'account_number',
  'period',
  'conference_id',
  'room_number',
  'start_utc',
  'service_type',
  'billing_code',
  'participant_count',
  'length_seconds',
  'accumulated_seconds',
  'charge_cents',
  'extra_json',
] as const;

const PARTICIPANT_COLUMNS = [
  'conference_row',
  'participant_id',
  'name',
  'phone',
  'access_type',
  'joined_at',
  'left_at',
  'seconds',
  'charge_cents',
  'extra_json',
] as const;

function insertSql(table: string, columns: readonly string[], rows: number): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
}

export interface RowStatements {
  single: Database.Statement<unknown[]>;
  batch: Database.Statement<unknown[]>;
}

export interface PeriodWriterStatements {
  conferences: RowStatements;
  participants: RowStatements;
}

export interface PeriodTables {
  conferences: string;
  participants: string;
}

/** Where a period being downloaded is staged, outside any transaction on the cache's own tables. */
export const STAGING_TABLES: PeriodTables = { conferences: 'temp.staged_conferences', participants: 'temp.staged_participants' };
export const CONFERENCE_COLUMN_LIST = CONFERENCE_COLUMNS.join(', ');
export const PARTICIPANT_COLUMN_LIST = PARTICIPANT_COLUMNS.join(', ');

export function preparePeriodWriterStatements(db: Database.Database, tables: PeriodTables): PeriodWriterStatements {
  const prepareRows = (table: string, columns: readonly string[]): RowStatements => ({
    single: db.prepare<unknown[]>(insertSql(table, columns, 1)),
    batch: db.prepare<unknown[]>(insertSql(table, columns, BATCH_ROWS)),
  });
  return {
    conferences: prepareRows(tables.conferences, CONFERENCE_COLUMNS),
    participants: prepareRows(tables.participants, PARTICIPANT_COLUMNS),
  };
}

/**
 * A page of conferences as rows ready to bind, in the column order of
 * CONFERENCE_COLUMNS and PARTICIPANT_COLUMNS. Built by the thread that
 * downloads (cheap to send to the writer thread, which then only binds), with
 * conference rows numbered from `firstRow` within the period being staged.
 */
export interface FlatPage {
  conferenceValues: unknown[];
  conferences: number;
  participantValues: unknown[];
  participants: number;
}

export function flattenPage(conferences: readonly ApiConference[], accountNumber: string, period: string, firstRow: number): FlatPage {
  const conferenceValues: unknown[] = [];
  const participantValues: unknown[] = [];
  let row = firstRow;
  let participants = 0;
  for (const c of conferences) {
    conferenceValues.push(
      row,
      accountNumber,
      period,
      c.id,
      c.roomNumber,
      c.start,
      c.serviceType,
      c.billingCode,
      c.participantCount,
      c.lengthSeconds,
      c.accumulatedSeconds,
      c.chargeCents,
      extraFieldsJson(c, KNOWN_CONFERENCE_FIELDS),
    );
    for (const p of c.participants) {
      participantValues.push(row, p.id, p.name, p.phone, p.accessType, p.joinedAt, p.leftAt, p.seconds, p.chargeCents, extraFieldsJson(p, KNOWN_PARTICIPANT_FIELDS));
      participants += 1;
    }
    row += 1;
  }
  return { conferenceValues, conferences: conferences.length, participantValues, participants };
}

/** Room number of each conference row of a flat page (for scope checks). */
export function flatRoomNumber(page: FlatPage, index: number): unknown {
  return page.conferenceValues[index * CONFERENCE_COLUMNS.length + 4];
}

/** Inserts flat rows: full batches through the batch statement, the rest one by one. */
export function insertFlatRows(statements: RowStatements, values: readonly unknown[], rows: number, columns: number): void {
  const batchWidth = BATCH_ROWS * columns;
  let offset = 0;
  for (; offset + batchWidth <= rows * columns; offset += batchWidth) {
    statements.batch.run(values.slice(offset, offset + batchWidth));
  }
  for (; offset < rows * columns; offset += columns) {
    statements.single.run(values.slice(offset, offset + columns));
  }
}

export const CONFERENCE_COLUMN_COUNT = CONFERENCE_COLUMNS.length;
export const PARTICIPANT_COLUMN_COUNT = PARTICIPANT_COLUMNS.length;
