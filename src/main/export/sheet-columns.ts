// A view's Excel columns and cells, derived from its table's shared definition
// (src/shared/columns): the headers in the workbook's language, and each
// value as Excel keeps it — text, numbers in the cache's units (the sheet
// formats them), times as wall-clock time in the account's time zone.
import { columnsFor, type CellValue, type ColumnDef, type ColumnKind } from '../../shared/columns';
import { accessTypeName, serviceTypeName, type Translate } from '../../shared/i18n';
import type { WallClock } from './excel-values';
import type { CellInput, ColumnKind as SheetKind, TableColumn } from './sheet-table';

const SHEET_KINDS: Readonly<Record<ColumnKind, SheetKind>> = {
  text: 'text',
  phone: 'text',
  room: 'text',
  code: 'text',
  serviceType: 'text',
  accessType: 'text',
  count: 'count',
  duration: 'duration',
  money: 'money',
  percent: 'percent',
  date: 'date',
  time: 'time',
};

export function sheetColumns<Row>(definitions: readonly ColumnDef<Row>[], t: Translate): TableColumn[] {
  return columnsFor(definitions, 'sheet').map((column) => ({
    header: column.headerText ?? t(column.sheetLabelKey ?? column.labelKey),
    kind: SHEET_KINDS[column.kind],
    // Excel's Total row holds sums only.
    total: column.total?.of === 'sum',
  }));
}

export interface SheetCellContext {
  t: Translate;
  /** The account's time zone, which times are shown in. */
  clock: WallClock;
  /** That zone's name, for the offsets START TIME cells name (see offset-cells.ts). */
  timeZone?: string;
}

/** A row's cells, in the order of sheetColumns(definitions). */
export function sheetCells<Row>(definitions: readonly ColumnDef<Row>[], context: SheetCellContext): (row: Row) => CellInput[] {
  const columns = columnsFor(definitions, 'sheet');
  return (row) => columns.map((column) => sheetCell(column.kind, column.value(row), context));
}

/** A value as Excel keeps it; `code`: a billing code, null = Unallocated. */
export function sheetCell(kind: ColumnKind, value: CellValue, { t, clock }: SheetCellContext): CellInput {
  if (value === null) return kind === 'code' ? t('code.unallocated') : null;
  switch (kind) {
    case 'serviceType':
      return serviceTypeName(String(value), t);
    case 'accessType':
      return accessTypeName(String(value), t, 'sheet');
    case 'date':
    case 'time':
      return clock.localMs(String(value));
    default:
      return value;
  }
}
