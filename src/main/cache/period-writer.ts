// Bulk insert of a period's conferences and participant legs into the staging
// tables. A page is first flattened into rows ready to bind (flattenPage), then
// written with multi-row `INSERT ... VALUES (..), (..)` statements, which bind a
// whole batch in one native call. Conference rows are numbered here (not by
// SQLite) so their legs can refer to them. Staged conference rows leave out the
// account and period, the same for the whole stage: the commit adds them.
import type Database from 'better-sqlite3';
import type { ApiConference } from '../provider/api-schemas';
import { extraFieldsJson, KNOWN_CONFERENCE_FIELDS, KNOWN_PARTICIPANT_FIELDS } from './extra-fields';

/** Rows per multi-row INSERT: 128 measured ~10 % faster than 32 for a full sync (npm run bench). */
export const BATCH_ROWS = 128;

/** Columns of a staged conference: the cache's, less account_number and period. */
const STAGED_CONFERENCE_COLUMNS = [
  'row',
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
export const STAGED_CONFERENCE_COLUMN_LIST = STAGED_CONFERENCE_COLUMNS.join(', ');
export const PARTICIPANT_COLUMN_LIST = PARTICIPANT_COLUMNS.join(', ');

export function preparePeriodWriterStatements(db: Database.Database, tables: PeriodTables): PeriodWriterStatements {
  const prepareRows = (table: string, columns: readonly string[]): RowStatements => ({
    single: db.prepare<unknown[]>(insertSql(table, columns, 1)),
    batch: db.prepare<unknown[]>(insertSql(table, columns, BATCH_ROWS)),
  });
  return {
    conferences: prepareRows(tables.conferences, STAGED_CONFERENCE_COLUMNS),
    participants: prepareRows(tables.participants, PARTICIPANT_COLUMNS),
  };
}

/**
 * A page of conferences as rows ready to bind, in the column order of
 * STAGED_CONFERENCE_COLUMNS and PARTICIPANT_COLUMNS. Built by the thread that
 * downloads (cheap to send to the writer thread, which then only binds), with
 * conference rows numbered from `firstRow` within the period being staged.
 *
 * Values come in batches of BATCH_ROWS rows, the last one shorter: each full
 * batch binds as it is, and no array is large enough to go straight to V8's
 * large-object space (one flat array per page did, and kept the downloading
 * thread's heap growing during a large sync).
 */
export interface FlatPage {
  conferenceBatches: unknown[][];
  conferences: number;
  participantBatches: unknown[][];
  participants: number;
}

/** Appends rows of `columns` values to batches of BATCH_ROWS rows. */
class BatchBuilder {
  readonly batches: unknown[][] = [];
  private current: unknown[] = [];
  private rows = 0;

  constructor(private readonly columns: number) {}

  /** The batch being filled: push one row's values into it, then call endRow(). */
  get row(): unknown[] {
    return this.current;
  }

  endRow(): void {
    this.rows += 1;
    if (this.current.length === BATCH_ROWS * this.columns) {
      this.batches.push(this.current);
      this.current = [];
    }
  }

  finish(): unknown[][] {
    if (this.current.length > 0) this.batches.push(this.current);
    this.current = [];
    return this.batches;
  }
}

export function flattenPage(conferences: readonly ApiConference[], firstRow: number): FlatPage {
  const conferenceRows = new BatchBuilder(STAGED_CONFERENCE_COLUMNS.length);
  const participantRows = new BatchBuilder(PARTICIPANT_COLUMNS.length);
  let row = firstRow;
  let participants = 0;
  for (const c of conferences) {
    conferenceRows.row.push(
      row,
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
    conferenceRows.endRow();
    for (const p of c.participants) {
      participantRows.row.push(row, p.id, p.name, p.phone, p.accessType, p.joinedAt, p.leftAt, p.seconds, p.chargeCents, extraFieldsJson(p, KNOWN_PARTICIPANT_FIELDS));
      participantRows.endRow();
      participants += 1;
    }
    row += 1;
  }
  return { conferenceBatches: conferenceRows.finish(), conferences: conferences.length, participantBatches: participantRows.finish(), participants };
}

/** Room number of each conference row of a flat page (for scope checks). */
export function flatRoomNumber(page: FlatPage, index: number): unknown {
  const batch = page.conferenceBatches[Math.floor(index / BATCH_ROWS)];
  return batch?.[(index % BATCH_ROWS) * STAGED_CONFERENCE_COLUMNS.length + 2];
}

/** Inserts batches of rows: full ones through the batch statement, the last one row by row. */
export function insertFlatRows(statements: RowStatements, batches: readonly unknown[][], columns: number): void {
  for (const values of batches) {
    if (values.length === BATCH_ROWS * columns) {
      statements.batch.run(values);
      continue;
    }
    for (let offset = 0; offset < values.length; offset += columns) {
      statements.single.run(values.slice(offset, offset + columns));
    }
  }
}

export const STAGED_CONFERENCE_COLUMN_COUNT = STAGED_CONFERENCE_COLUMNS.length;
export const PARTICIPANT_COLUMN_COUNT = PARTICIPANT_COLUMNS.length;
