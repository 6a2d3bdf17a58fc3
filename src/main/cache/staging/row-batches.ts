// The row format a period is staged in. A page of conferences arrives as rows
// ready to bind (a FlatPage, built by the downloading thread: see
// src/main/sync/flatten-page.ts) and is written with multi-row
// `INSERT ... VALUES (..), (..)` statements, which bind a whole batch in one
// native call. Conference rows are numbered by the page's builder (not by
// SQLite) so their legs can refer to them. Staged conference rows leave out
// the account and period, the same for the whole stage: the commit adds them.
import type Database from 'better-sqlite3';

/** Rows per multi-row INSERT: 128 measured ~10 % faster than 32 for a full sync (npm run bench). */
export const BATCH_ROWS = 128;

/** Columns of a staged conference, in the order of a FlatPage's values: the cache's, less account_number and period. */
export const STAGED_CONFERENCE_COLUMNS = [
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

/** Columns of a staged participant leg, in the order of a FlatPage's values. */
export const STAGED_PARTICIPANT_COLUMNS = [
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

export const STAGED_CONFERENCE_COLUMN_COUNT = STAGED_CONFERENCE_COLUMNS.length;
export const PARTICIPANT_COLUMN_COUNT = STAGED_PARTICIPANT_COLUMNS.length;
export const STAGED_CONFERENCE_COLUMN_LIST = STAGED_CONFERENCE_COLUMNS.join(', ');
export const PARTICIPANT_COLUMN_LIST = STAGED_PARTICIPANT_COLUMNS.join(', ');

const CONFERENCE_ID_COLUMN = STAGED_CONFERENCE_COLUMNS.indexOf('conference_id');
const ROOM_NUMBER_COLUMN = STAGED_CONFERENCE_COLUMNS.indexOf('room_number');

/**
 * A page of conferences as rows ready to bind, in the column order of
 * STAGED_CONFERENCE_COLUMNS and STAGED_PARTICIPANT_COLUMNS, with conference
 * rows numbered within the period being staged. Cheap to send to a writer
 * thread, which then only binds.
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
export class BatchBuilder {
  private readonly batches: unknown[][] = [];
  private current: unknown[] = [];

  constructor(private readonly columns: number) {}

  /** The batch being filled: push one row's values into it, then call endRow(). */
  get row(): unknown[] {
    return this.current;
  }

  endRow(): void {
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

function conferenceValue(page: FlatPage, index: number, column: number): unknown {
  const batch = page.conferenceBatches[Math.floor(index / BATCH_ROWS)];
  return batch?.[(index % BATCH_ROWS) * STAGED_CONFERENCE_COLUMN_COUNT + column];
}

/** Room number of a conference row of a flat page (for scope checks). */
export function flatRoomNumber(page: FlatPage, index: number): unknown {
  return conferenceValue(page, index, ROOM_NUMBER_COLUMN);
}

/** Conference id of a conference row of a flat page. */
export function flatConferenceId(page: FlatPage, index: number): unknown {
  return conferenceValue(page, index, CONFERENCE_ID_COLUMN);
}

export interface RowStatements {
  single: Database.Statement<unknown[]>;
  batch: Database.Statement<unknown[]>;
}

export function insertSql(table: string, columns: readonly string[], rows: number): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
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
