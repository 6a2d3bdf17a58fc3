// A print layout's table, derived from the view's shared table definition
// (src/shared/columns): the headers, every row's cells as text by the
// columns' kinds, and the Total row.
import {
  NUMERIC_KINDS,
  cellText,
  columnHeader,
  columnsFor,
  totalText,
  type ColumnDef,
  type ColumnKind,
  type TextContext,
} from '../../../shared/columns';

export interface PrintColumn {
  /** The view's column id, so the column the user sorted by can be marked. */
  id: string;
  header: string;
  numeric?: boolean;
  /** Free text that may wrap (names, codes); other cells stay on one line. */
  wrap?: boolean;
}

export interface PrintTable {
  columns: PrintColumn[];
  rows: string[][];
  /** The Total row's cells: its label first. */
  total: string[];
}

export interface PrintTableOptions<Row> extends TextContext {
  /** The time zone offset named in time columns' headers (and each time's own where it names two); null: none. */
  offset: string | null;
  totalLabel: string;
  /** Cells printed otherwise than by their kind, by column id. */
  cells?: Readonly<Record<string, (row: Row) => string>>;
}

// Provider words (service and access types) are short: on one line, in every language.
const WRAPPING_KINDS: ReadonlySet<ColumnKind> = new Set(['text', 'code']);

export function printTable<Row>(definitions: readonly ColumnDef<Row>[], rows: readonly Row[], o: PrintTableOptions<Row>): PrintTable {
  const columns = columnsFor(definitions, 'print');
  const cell = columns.map((column) => o.cells?.[column.id] ?? ((row: Row) => cellText(column, row, o)));
  return {
    columns: columns.map((column) => ({
      id: column.id,
      header: columnHeader(column, o.t, o.offset),
      ...(NUMERIC_KINDS.has(column.kind) ? { numeric: true } : {}),
      ...(WRAPPING_KINDS.has(column.kind) ? { wrap: true } : {}),
    })),
    rows: rows.map((row) => cell.map((text) => text(row))),
    total: columns.map((column, index) => (index === 0 ? o.totalLabel : (totalText(column, rows, o) ?? ''))),
  };
}
