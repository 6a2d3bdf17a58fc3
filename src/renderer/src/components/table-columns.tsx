// A view's DataTable columns, derived from its table's shared definition
// (src/shared/columns): the header, the cell shown by the column's kind, the
// sort key and the Total row. Views add only the screen's own parts: the
// columns' widths, and cells that do more than show a value (links, the
// billing-code editor).
import type { ReactNode } from 'react';
import {
  NUMERIC_KINDS,
  cellText,
  columnHeader,
  columnsFor,
  sortValueOf,
  totalText,
  type ColumnDef,
  type ColumnKind,
  type KnownTotals,
  type TextContext,
} from '../../../shared/columns';
import type { Column } from './DataTable';

/** The narrowest a column may get (px) and its share of the spare width. */
export type ColumnLayout = readonly [minWidth: number, grow: number];

/** A cell as the column's kind shows it: its text, and that text as shown on screen. */
export interface ShownCell {
  text: string;
  content: ReactNode;
}

export interface ScreenColumnOptions<Row> extends TextContext {
  layout: Readonly<Record<string, ColumnLayout>>;
  /** The time zone offset named in time columns' headers (and each time's own where it names two); null: none. */
  offset: string | null;
  /** The rows the Total row adds up. */
  rows: readonly Row[];
  /** The Total row's figures when not every row is loaded yet (computed in the cache). */
  totals?: KnownTotals;
  totalLabel: string;
  /** Cells that do more than show their value, by column id. */
  cells?: Readonly<Record<string, (row: Row, shown: ShownCell) => ReactNode>>;
  cellClassNames?: Readonly<Record<string, (row: Row) => string | undefined>>;
  /** A test id for a column's total, by column id. */
  totalTestIds?: Readonly<Record<string, string>>;
}

/** Values in tabular figures, so digits line up from row to row. */
const TABULAR_KINDS: ReadonlySet<ColumnKind> = new Set(['room', 'phone', 'date', 'time']);

export function screenColumns<Row>(columns: readonly ColumnDef<Row>[], o: ScreenColumnOptions<Row>): Column<Row>[] {
  return columnsFor(columns, 'screen').map((column, index) => {
    const [minWidth, grow] = o.layout[column.id] ?? [100, 1];
    const custom = o.cells?.[column.id];
    const shown = (row: Row): ShownCell => {
      const text = cellText(column, row, o);
      return { text, content: cellContent(column, row, text) };
    };
    return {
      id: column.id,
      header: columnHeader(column, o.t, o.offset),
      minWidth,
      grow,
      numeric: NUMERIC_KINDS.has(column.kind) || undefined,
      sortValue: sortValueOf(column, o.t),
      cell: custom ? (row) => custom(row, shown(row)) : (row) => shown(row).content,
      total: index === 0 ? <strong>{o.totalLabel}</strong> : totalContent(column, o),
      cellClassName: o.cellClassNames?.[column.id],
    };
  });
}

function cellContent<Row>(column: ColumnDef<Row>, row: Row, text: string): ReactNode {
  if (column.placeholderKey && column.value(row) === null) return <span className="muted">{text}</span>;
  return TABULAR_KINDS.has(column.kind) ? <span className="tabular">{text}</span> : text;
}

function totalContent<Row>(column: ColumnDef<Row>, o: ScreenColumnOptions<Row>): ReactNode {
  const text = totalText(column, o.totals ?? o.rows, o);
  if (text === null || !column.total) return undefined;
  const testId = o.totalTestIds?.[column.id];
  if (column.total.of === 'rows') return <span className="muted">{text}</span>;
  return column.total.strong ? <strong data-testid={testId}>{text}</strong> : text;
}
