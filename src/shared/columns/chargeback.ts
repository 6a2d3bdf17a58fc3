// The chargeback report's table, once for the screen, the print layout and
// the Excel sheet: a row per billing code (Unallocated its own row) or per
// room, a charge column per month, the row's total and its share of the
// whole range.
import type { Totals } from '../domain';
import type { Chargeback, ChargebackRow, ReportBy } from '../reports';
import type { ColumnDef } from './column';

export interface ChargebackTableRow extends ChargebackRow {
  /** The row's share of the range's charge (0–1); null when the range cost nothing. */
  share: number | null;
}

export function chargebackTableRows(report: Chargeback): ChargebackTableRow[] {
  const whole = report.total.total.chargeCents;
  return report.rows.map((row) => ({ ...row, share: whole === 0 ? null : row.total.chargeCents / whole }));
}

const charge = (totals: Totals | undefined) => totals?.chargeCents ?? 0;

/** The column id of a month's charge. */
export const monthColumnId = (period: string) => `m-${period}`;

/**
 * The columns of a report over `months`, each month's header as `monthName`
 * gives it. Rooms have their cardholder beside them.
 */
export function chargebackColumns(by: ReportBy, months: readonly string[], monthName: (period: string) => string): ColumnDef<ChargebackTableRow>[] {
  const head: ColumnDef<ChargebackTableRow>[] =
    by === 'code'
      ? [{ id: 'key', labelKey: 'col.billingCode', kind: 'code', value: (r) => r.key }]
      : [
          { id: 'key', labelKey: 'col.roomNumber', kind: 'room', value: (r) => r.key },
          { id: 'label', labelKey: 'col.cardholder', kind: 'text', value: (r) => r.label, placeholderKey: 'summary.noCardholder' },
        ];
  const monthColumns = months.map(
    (period): ColumnDef<ChargebackTableRow> => ({
      id: monthColumnId(period),
      labelKey: 'col.charge',
      headerText: monthName(period),
      kind: 'money',
      value: (r) => charge(r.months[period]),
      total: { of: 'sum' },
    }),
  );
  return [
    ...head,
    ...monthColumns,
    { id: 'total', labelKey: 'table.total', kind: 'money', value: (r) => r.total.chargeCents, total: { of: 'sum', strong: true } },
    { id: 'share', labelKey: 'report.share', kind: 'percent', value: (r) => r.share, total: { of: 'sum' } },
  ];
}
