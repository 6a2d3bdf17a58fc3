// The workbooks of the reports across months: the chargeback report (codes
// or rooms × months, each row's total a SUM of its months, each month's
// total a SUM of its rows) and each list of "what deserves attention".
import type { ViewRef } from '../../shared/bridge';
import { ATTENTION_COLUMNS, chargebackColumns, chargebackTableRows, type ColumnDef } from '../../shared/columns';
import { createFormatter } from '../../shared/format';
import type { MessageKey } from '../../shared/i18n';
import { DEFAULT_ATTENTION_SECONDS, type AttentionList } from '../../shared/reports';
import { attentionOf } from '../features/reports/attention';
import { chargebackReport } from '../features/reports/chargeback';
import { sheetCells, sheetColumns } from './sheet-columns';
import type { FactValue } from './sheet-table';
import { Sheets, requirePeriod, type WorkbookContent } from './sheets';

type ChargebackView = Extract<ViewRef, { kind: 'chargeback' }>;
type AttentionView = Extract<ViewRef, { kind: 'attention' }>;

export async function chargebackWorkbook(content: WorkbookContent, view: ChargebackView): Promise<void> {
  const sheets = new Sheets(content);
  const { t } = sheets;
  const format = createFormatter(content.presentation);
  const report = chargebackReport(content.db, content.scope, view.by, view.from, view.to);
  const rows = chargebackTableRows(report);
  content.table.progress.total = rows.length;
  const definitions = chargebackColumns(report.by, report.months, (period) => format.month(period));
  const columns = sheetColumns(definitions, t);
  // The row's total is the SUM of its month cells: they are the columns between the key(s) and the total.
  const firstMonth = definitions.findIndex((column) => column.id.startsWith('m-'));
  const totalAt = definitions.findIndex((column) => column.id === 'total');
  if (firstMonth >= 0) columns[totalAt] = { ...columns[totalAt]!, rowSum: [firstMonth, totalAt - 1] };
  const range = report.months.length === 0 ? t('report.noMonths') : t('period.range', { first: format.month(report.from), last: format.month(report.to) });
  const facts: [MessageKey, FactValue][] = [['report.groupedBy', t(view.by === 'code' ? 'report.byCode' : 'report.byRoom')]];
  const table = sheets.table('sheet.chargeback', sheets.title('report.chargebackTitle', null, facts, range), columns);
  const cells = sheetCells(definitions, sheets.cells);
  for (const row of rows) await table.add(cells(row));
  await table.finish();
}

const ATTENTION_TITLES: Readonly<Record<AttentionList, MessageKey>> = {
  longConferences: 'attention.longConferences',
  longLegs: 'attention.longLegs',
  risingRooms: 'attention.risingRooms',
  idleRooms: 'attention.idleRooms',
};

export async function attentionWorkbook(content: WorkbookContent, view: AttentionView): Promise<void> {
  const period = requirePeriod(content.db, content.scope, view.period);
  const sheets = new Sheets(content);
  const threshold = view.thresholdSeconds ?? DEFAULT_ATTENTION_SECONDS;
  const items: readonly unknown[] = attentionOf(content.db, content.scope, view.period, threshold)[view.list];
  const definitions = ATTENTION_COLUMNS[view.list] as readonly ColumnDef<unknown>[];
  content.table.progress.total = items.length;
  const facts: [MessageKey, FactValue][] = view.list === 'longConferences' || view.list === 'longLegs' ? [['attention.threshold', createFormatter(content.presentation).duration(threshold)]] : [];
  const { table, cells } = sheets.viewTable('sheet.attention', sheets.title(ATTENTION_TITLES[view.list], period, facts), definitions);
  for (const item of items) await table.add(cells(item));
  await table.finish();
}
