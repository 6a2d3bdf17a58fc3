// The one table of the app: ARIA table semantics on a CSS grid, a sticky
// header, a virtualized body (only the rows on screen are in the DOM, so
// 10,000 conferences scroll smoothly) and a Total row kept outside the body,
// pinned to the bottom of the scroll area. A list whose first screen arrives
// before the rest (rowCount above rows.length) shows empty rows, marked busy,
// where the rest will be. Home/End and Go to top: table-navigation.tsx.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { nextSort, sortRows, type SortState, type SortValue } from '../../../shared/view-rules';
import { GoToTop, useTableNavigation } from './table-navigation';

export interface Column<Row> {
  id: string;
  header: string;
  /** Narrowest the column may get (px), and its share of the spare width. */
  minWidth: number;
  grow?: number;
  /** Numbers align right, with tabular figures. */
  numeric?: boolean;
  /** Sortable when given. */
  sortValue?: (row: Row) => SortValue;
  cell: (row: Row) => ReactNode;
  /** Content of this column in the Total row. */
  total?: ReactNode;
  /** Class for this column's body cells (e.g. to let an editor overflow). */
  cellClassName?: (row: Row) => string | undefined;
}

export interface DataTableProps<Row> {
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sort?: SortState | null;
  /** The sort after a click on a sortable header (same column again: the other direction). */
  onSort?: (next: SortState) => void;
  /** Shows the Total row (each column's `total`). */
  showTotal?: boolean;
  empty?: ReactNode;
  rowClassName?: (row: Row) => string | undefined;
  testId?: string;
  /** Rows in the whole list when only the first `rows` are loaded yet (already in `sort` order). */
  rowCount?: number;
}

export const ROW_HEIGHT = 38;

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t } = useI18n();
  const { columns, rows, sort, onSort } = props;
  const sortBy = onSort ? (columnId: string) => onSort(nextSort(sort ?? null, columnId)) : undefined;
  const scrollRef = useRef<HTMLDivElement>(null);

  const partial = props.rowCount !== undefined && props.rowCount > rows.length;
  const sortedRows = useMemo(() => {
    const column = sort ? columns.find((c) => c.id === sort.column) : undefined;
    if (partial || !sort || !column?.sortValue) return rows;
    return sortRows(rows, column.sortValue, sort.direction);
  }, [rows, columns, sort, partial]);
  const count = partial ? props.rowCount! : sortedRows.length;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only during render, as its docs show
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 600 },
  });

  const navigation = useTableNavigation(scrollRef, count);

  const template = columns.map((c) => `minmax(${c.minWidth}px, ${c.grow ?? 1}fr)`).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.minWidth, 0);
  const tableStyle = { '--table-columns': template, '--table-min-width': `${minWidth}px` } as CSSProperties;
  const rowCount = count + 1 + (props.showTotal ? 1 : 0);

  return (
    <div className="table-frame">
      <div
        ref={scrollRef}
        className="table-scroll"
        role="table"
        aria-label={props.label}
        aria-rowcount={rowCount}
        style={tableStyle}
        data-testid={props.testId}
        // A scrollable region keyboard users can reach; Home and End go to the first and last row.
        tabIndex={0}
        onKeyDown={navigation.onKeyDown}
        onScroll={navigation.onScroll}
      >
        <div role="rowgroup" className="table-head">
          <div role="row" className="table-row" aria-rowindex={1}>
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} sort={sort ?? null} onSort={sortBy} sortHint={t('table.sortHint')} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="table-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = sortedRows[item.index];
            if (row === undefined) return <PendingRow key={`pending-${item.index}`} index={item.index} start={item.start} columns={columns.length} />;
            const className = props.rowClassName?.(row);
            return (
              <div
                key={props.rowKey(row)}
                role="row"
                aria-rowindex={item.index + 2}
                className={className ? `table-row ${className}` : 'table-row'}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {columns.map((column) => {
                  const extra = column.cellClassName?.(row);
                  return (
                    <div key={column.id} role="cell" className={cellClass(column, extra)}>
                      {column.cell(row)}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {props.showTotal && count > 0 ? (
          <div role="rowgroup" className="table-foot">
            <div role="row" className="table-row" aria-rowindex={rowCount}>
              {columns.map((column) => (
                <div key={column.id} role="cell" className={cellClass(column)}>
                  {column.total}
                </div>
              ))}
            </div>
          </div>
        ) : null}
      </div>
      <GoToTop shown={navigation.scrolled} onClick={navigation.toTop} />
      {count === 0 && props.empty ? <div className="table-empty">{props.empty}</div> : null}
    </div>
  );
}

/** A row of the list not loaded yet (it follows the first screen in a moment). */
function PendingRow(props: { index: number; start: number; columns: number }) {
  return (
    <div role="row" aria-rowindex={props.index + 2} aria-busy="true" className="table-row table-row-pending" style={{ transform: `translateY(${props.start}px)`, height: ROW_HEIGHT }}>
      {Array.from({ length: props.columns }, (_, column) => (
        <div key={column} role="cell" className="cell" />
      ))}
    </div>
  );
}

function cellClass(column: { numeric?: boolean }, extra?: string): string {
  const base = column.numeric ? 'cell cell-number' : 'cell';
  return extra ? `${base} ${extra}` : base;
}

function HeaderCell<Row>(props: {
  column: Column<Row>;
  sort: SortState | null;
  onSort: ((columnId: string) => void) | undefined;
  sortHint: string;
}) {
  const { column, sort, onSort } = props;
  const sorted = sort?.column === column.id ? sort.direction : undefined;
  const className = column.numeric ? 'cell cell-header cell-number' : 'cell cell-header';
  if (!column.sortValue || !onSort) {
    return (
      <div role="columnheader" className={className}>
        {column.header}
      </div>
    );
  }
  return (
    <div role="columnheader" className={className} aria-sort={sorted ?? 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column.id)} title={props.sortHint}>
        <span>{column.header}</span>
        {sorted ? (
          <span className="sort-icon" aria-hidden="true">
            {sorted === 'descending' ? '▼' : '▲'}
          </span>
        ) : null}
      </button>
    </div>
  );
}
