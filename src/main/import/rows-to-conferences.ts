// OAI download rows to conferences, under the issue's rules: the header row
// found anywhere (any sheet, any title block above it), the billing period
// from the DATE, START TIME local to the account's time zone, a Total row
// checked against the sum of the rows, and every problem collected (the
// file is all or nothing: the caller refuses it if there is any).
import { hash } from 'node:crypto';
import type { ImportConferenceInput } from '../cache/queries/imports';
import { cellText, EMPTY, isEmpty, readBillingCode, readCount, readDate, readDuration, readMoney, readRoomNumber, readText, readTimeOfDay, type Cell, type Read } from './cells';
import { columnLetter, FIELD_HEADER, matchHeader, missingRequired, REQUIRED_FIELDS, type ColumnMap, type OaiField } from './header';
import { fileProblem, type ImportProblem } from './problems';
import type { SheetRow } from './sheet-rows';
import type { LocalToUtc } from './time-zone';

/**
 * A conference as the cache writes it: its id is `imp-` + a hash of room,
 * date, start minute, length, charge and occurrence (re-importing finds the
 * same ids); its period the YYYY-MM of the DATE.
 */
export type ParsedConference = ImportConferenceInput;

export interface ParsedRows {
  /** Every conference, unless the rules hand them over in batches (onConferences): then empty. */
  conferences: ParsedConference[];
  problems: ImportProblem[];
  /** Rows read (every sheet read up to the end of the data). */
  rowsRead: number;
}

export interface RowRules {
  toUtc: LocalToUtc;
  /** Stop and refuse past this many rows. */
  maxRows: number;
  /** Rows at the top of a sheet where the header row is looked for. */
  headerSearchRows?: number;
  onRows?: (rows: number) => void;
  /**
   * Conferences in batches as they are read, instead of collected: memory
   * stays flat whatever the file's size. None once a problem was found (the
   * file will be refused whole).
   */
  onConferences?: (batch: ParsedConference[]) => void;
}

const PROGRESS_EVERY = 5000;
const BATCH = 1000;

const TOTAL_LABEL = /^(grand\s+)?total\b/i;

export async function rowsToConferences(rows: AsyncIterable<SheetRow>, rules: RowRules): Promise<ParsedRows> {
  const state = new RowState(rules);
  for await (const row of rows) {
    state.rowsRead += 1;
    if (state.rowsRead % PROGRESS_EVERY === 0) rules.onRows?.(state.rowsRead);
    if (state.rowsRead > rules.maxRows) {
      state.problems.push(fileProblem('too_many_rows', `more than ${rules.maxRows} rows: refused before reading it whole`, { limit: rules.maxRows }));
      break;
    }
    if (!state.take(row)) break;
  }
  return state.finish();
}

class RowState {
  rowsRead = 0;
  readonly problems: ImportProblem[] = [];
  /** Not handed over yet (all of them when the rules take no batches). */
  private pending: ParsedConference[] = [];
  private count = 0;
  private seconds = 0;
  private cents = 0;
  private readonly occurrences = new Map<string, number>();
  private columns: ColumnMap | null = null;
  private dataSheet = 0;
  private done = false;
  private closestHeader: { missing: OaiField[]; row: number } | null = null;

  constructor(private readonly rules: RowRules) {}

  /** false once nothing more is needed from the file. */
  take(row: SheetRow): boolean {
    if (this.columns === null) {
      this.lookForHeader(row);
      return true;
    }
    if (row.sheet !== this.dataSheet || this.done) return false;
    if (row.cells.every(isEmpty)) return true;
    if (TOTAL_LABEL.test(cellText(this.cell(row, 'date'))) || TOTAL_LABEL.test(cellText(row.cells.find((cell) => !isEmpty(cell)) ?? EMPTY))) {
      this.checkTotal(row);
      this.done = true;
      return false;
    }
    this.readConference(row);
    return true;
  }

  finish(): ParsedRows {
    this.handOver();
    if (this.columns === null && !this.problems.some((p) => p.code === 'too_many_rows')) {
      const missing = this.closestHeader?.missing.map((field) => FIELD_HEADER[field]).join(', ');
      this.problems.push(
        fileProblem('no_header', `no sheet has OAI's columns (${REQUIRED_FIELDS.map((f) => FIELD_HEADER[f]).join(', ')})${missing ? `; missing: ${missing}` : ''}`, {
          missing: missing ?? '',
        }),
      );
    } else if (this.columns !== null && this.count === 0 && this.problems.length === 0) {
      this.problems.push(fileProblem('no_rows', 'the file holds no conference'));
    }
    return { conferences: this.pending, problems: this.problems, rowsRead: this.rowsRead };
  }

  /** Hands the pending conferences over, when the rules take batches; drops them once the file is refused. */
  private handOver(): void {
    const onConferences = this.rules.onConferences;
    if (onConferences === undefined) return;
    if (this.pending.length > 0 && this.problems.length === 0) onConferences(this.pending);
    this.pending = [];
  }

  private lookForHeader(row: SheetRow): void {
    if (row.number > (this.rules.headerSearchRows ?? 100)) return;
    const texts = row.cells.map((cell) => (cell.kind === 'text' ? cell.text : ''));
    const columns = matchHeader(texts);
    if (columns !== null) {
      this.columns = columns;
      this.dataSheet = row.sheet;
      return;
    }
    const missing = missingRequired(texts);
    if (missing.length < REQUIRED_FIELDS.length && (this.closestHeader === null || missing.length < this.closestHeader.missing.length)) {
      this.closestHeader = { missing, row: row.number };
    }
  }

  private cell(row: SheetRow, field: OaiField): Cell {
    const column = this.columns?.[field];
    return column === undefined ? EMPTY : (row.cells[column.index] ?? EMPTY);
  }

  private read<T>(row: SheetRow, field: OaiField, reader: (cell: Cell) => Read<T>): T | null {
    const result = reader(this.cell(row, field));
    if (result.ok) return result.value;
    this.problems.push(this.cellProblem(row, field, result.code, result.message));
    return null;
  }

  private cellProblem(row: SheetRow, field: OaiField, code: ImportProblem['code'], message: string, values: ImportProblem['values'] = {}): ImportProblem {
    const column = this.columns?.[field];
    return {
      row: row.number,
      column: column === undefined ? null : columnLetter(column.index),
      header: column?.header ?? FIELD_HEADER[field],
      code,
      values: { ...values, value: cellText(this.cell(row, field)) },
      message,
    };
  }

  private readConference(row: SheetRow): void {
    const day = this.read(row, 'date', readDate);
    const time = this.read(row, 'startTime', readTimeOfDay);
    const roomNumber = this.read(row, 'roomNumber', readRoomNumber);
    const participantCount = this.read(row, 'participants', readCount);
    const lengthSeconds = this.read(row, 'conferenceLength', readDuration);
    const accumulatedSeconds = this.read(row, 'accumulatedTime', readDuration);
    const chargeCents = this.read(row, 'charges', readMoney);
    if (day === null || time === null || roomNumber === null || participantCount === null) return;
    if (lengthSeconds === null || accumulatedSeconds === null || chargeCents === null) return;
    const startUtc = this.rules.toUtc(day, time);
    if (startUtc === null) {
      this.problems.push(this.cellProblem(row, 'startTime', 'time_in_gap', 'this time does not exist on that day (the clocks went forward)'));
      return;
    }
    const period = `${day.year}-${String(day.month).padStart(2, '0')}`;
    const date = `${period}-${String(day.day).padStart(2, '0')}`;
    const key = [roomNumber, date, Math.floor(time / 60), lengthSeconds, chargeCents].join('|');
    const occurrence = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, occurrence + 1);
    this.count += 1;
    this.seconds += accumulatedSeconds;
    this.cents += chargeCents;
    this.pending.push({
      id: conferenceId(key, occurrence),
      period,
      roomNumber,
      cardholder: readText(this.cell(row, 'cardholder')),
      startUtc,
      participantCount,
      billingCode: readBillingCode(this.cell(row, 'billingCode')),
      lengthSeconds,
      accumulatedSeconds,
      chargeCents,
    });
    if (this.pending.length >= BATCH) this.handOver();
  }

  private checkTotal(row: SheetRow): void {
    this.checkTotalOf(row, 'accumulatedTime', readDuration, this.seconds, clock);
    this.checkTotalOf(row, 'charges', readMoney, this.cents, amount);
  }

  /** A Total row that leaves a figure out (an empty cell) is not checked on it. */
  private checkTotalOf(row: SheetRow, field: OaiField, reader: (cell: Cell) => Read<number>, sum: number, show: (n: number) => string): void {
    if (isEmpty(this.cell(row, field))) return;
    const total = this.read(row, field, reader);
    if (total === null || total === sum) return;
    const values = { stated: show(total), sum: show(sum) };
    this.problems.push(this.cellProblem(row, field, 'total_mismatch', `the Total row says ${values.stated} but the rows add up to ${values.sum}`, values));
  }
}

function conferenceId(key: string, occurrence: number): string {
  return `imp-${hash('sha256', `${key}|${occurrence}`, 'hex').slice(0, 24)}`;
}

function clock(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

function amount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
