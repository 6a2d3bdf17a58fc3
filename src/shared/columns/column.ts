// What a table column is, once for the screen, the print layout and the Excel
// sheet: its id (the view's column id, kept in sort state), its name in the
// catalogue, the kind of value it holds, how to read that value (raw cents,
// seconds, UTC instants) from a row, what it sorts by and whether it has a
// total. Each medium derives its own columns from these and formats by kind.
import { namesSeveralOffsets, timeZoneOffset, type Formatter } from '../format';
import { accessTypeName, serviceTypeName, type MessageKey, type Translate } from '../i18n';
import { sortRows, type SortState, type SortValue } from '../view-rules';

/**
 * What a column's value is, and so how each medium shows it:
 * - text: a string (null shows the column's placeholder on screen and in print, an empty cell in Excel);
 * - phone: a phone number (text, in tabular figures on screen);
 * - room: a room number, digits grouped on screen and in print, kept as typed in Excel;
 * - code: a billing code, null = Unallocated;
 * - serviceType / accessType: provider words, in the user's language where known;
 * - count: a whole number; duration: seconds; money: integer cents of the account's currency; percent: a share (0.25 = 25 %);
 * - date / time: a UTC instant, shown as the day / the time of day in the account's time zone.
 */
export type ColumnKind = 'text' | 'phone' | 'room' | 'code' | 'serviceType' | 'accessType' | 'count' | 'duration' | 'money' | 'percent' | 'date' | 'time';

export type CellValue = string | number | null;

/** The media a view's table is shown in. */
export type Medium = 'screen' | 'print' | 'sheet';

/**
 * A column's total: its values added up (`strong`: in bold on screen, for the
 * totals a reader looks for), or how many rows there are, in words (screen
 * and print; Excel's Total row holds sums only).
 */
export type ColumnTotal = { of: 'sum'; strong?: boolean } | { of: 'rows'; messageKey: MessageKey };

export interface ColumnDef<Row> {
  /** The view's column id: what sort state names. */
  id: string;
  labelKey: MessageKey;
  /** A header that is data, not a word of the catalogue (a month's name): shown instead of labelKey everywhere. */
  headerText?: string;
  /** The Excel header where the workbooks name the column differently. */
  sheetLabelKey?: MessageKey;
  kind: ColumnKind;
  value: (row: Row) => CellValue;
  /** What the column sorts by, when not its value (e.g. a provider word as shown). */
  sortValue?: (row: Row, t: Translate) => SortValue;
  /** Shown on screen and in print where the value is missing (Excel leaves the cell empty). */
  placeholderKey?: MessageKey;
  /** A time of day with its seconds (screen and print). */
  withSeconds?: boolean;
  /** The header names the time zone's offset on screen and in print: `Joined [GMT+2]`. */
  offsetInHeader?: boolean;
  total?: ColumnTotal;
  /** Where the column is shown; everywhere when absent. */
  media?: readonly Medium[];
}

/** The columns a medium shows. */
export function columnsFor<Row>(columns: readonly ColumnDef<Row>[], medium: Medium): ColumnDef<Row>[] {
  return columns.filter((column) => column.media === undefined || column.media.includes(medium));
}

export function sortValueOf<Row>(column: ColumnDef<Row>, t: Translate): (row: Row) => SortValue {
  const { sortValue } = column;
  return sortValue ? (row) => sortValue(row, t) : column.value;
}

/** Rows sorted as the view sorts them; an unknown column keeps the rows' order. */
export function sortedForView<Row>(rows: readonly Row[], columns: readonly ColumnDef<Row>[], sort: SortState | null, t: Translate): Row[] {
  const column = sort === null ? undefined : columns.find((c) => c.id === sort.column);
  if (sort === null || column === undefined) return [...rows];
  return sortRows(rows, sortValueOf(column, t), sort.direction);
}

/** A column's header: its name, with the time zone's offset where the column shows it. */
export function columnHeader(column: ColumnDef<never>, t: Translate, offset: string | null): string {
  const label = column.headerText ?? t(column.labelKey);
  return column.offsetInHeader && offset !== null ? withOffset(label, offset) : label;
}

/** `Time [GMT+2]`: a label naming the time zone offset its times are in. */
export function withOffset(label: string, offset: string): string {
  return `${label} [${offset}]`;
}

export const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set(['count', 'duration', 'money', 'percent']);

/** What text formatting needs besides the row: the words, the formats, the account's currency and zone. */
export interface TextContext {
  t: Translate;
  format: Formatter;
  currency: string;
  timeZone: string | undefined;
  /**
   * The offset the time columns' headers name. When it names two (the list
   * crosses a daylight-saving change), each time names its own, `02:30 (GMT+1)`:
   * only then, so the usual month keeps its short cells.
   */
  offset?: string | null;
}

/** A cell as text, as the screen and the print layout show it. */
export function cellText<Row>(column: ColumnDef<Row>, row: Row, context: TextContext): string {
  return valueText(column, column.value(row), context);
}

function valueText(column: ColumnDef<never>, value: CellValue, { t, format, currency, timeZone, offset }: TextContext): string {
  if (value === null) {
    if (column.kind === 'code') return t('code.unallocated');
    return column.placeholderKey ? t(column.placeholderKey) : '';
  }
  switch (column.kind) {
    case 'text':
    case 'phone':
    case 'code':
      return String(value);
    case 'room':
      return format.room(String(value));
    case 'serviceType':
      return serviceTypeName(String(value), t);
    case 'accessType':
      return accessTypeName(String(value), t);
    case 'count':
      return format.count(Number(value));
    case 'duration':
      return format.duration(Number(value));
    case 'money':
      return format.money(Number(value), currency);
    case 'percent':
      return format.percent(Number(value));
    case 'date':
      return format.date(String(value), timeZone);
    case 'time': {
      const time = format.time(String(value), timeZone, column.withSeconds);
      const ownOffset = column.offsetInHeader === true && timeZone !== undefined && namesSeveralOffsets(offset);
      return ownOffset ? `${time} (${timeZoneOffset(timeZone, String(value))})` : time;
    }
  }
}

/** A column's values added up (numbers only). */
export function columnSum<Row>(column: ColumnDef<Row>, rows: readonly Row[]): number {
  let sum = 0;
  for (const row of rows) {
    const value = column.value(row);
    if (typeof value === 'number') sum += value;
  }
  return sum;
}

/** A column's total as text, or null when the column has none. */
/** Totals of a list computed elsewhere (in SQL, for a list whose rows are not all loaded): its row count and sums by column id. */
export interface KnownTotals {
  count: number;
  sums: Readonly<Record<string, number>>;
}

export function totalText<Row>(column: ColumnDef<Row>, rows: readonly Row[] | KnownTotals, context: TextContext): string | null {
  const { total } = column;
  if (!total) return null;
  const known = 'sums' in rows ? rows : null;
  if (total.of === 'rows') return context.t(total.messageKey, { count: context.format.count(known ? known.count : (rows as readonly Row[]).length) });
  return valueText(column, known ? (known.sums[column.id] ?? 0) : columnSum(column, rows as readonly Row[]), context);
}
