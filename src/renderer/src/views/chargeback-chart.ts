// The chargeback's chart, on screen and in print: each row's charge over the
// range, largest first (the rest added up as one bar).
import type { ChargebackTableRow } from '../../../shared/columns';
import type { Formatter } from '../../../shared/format';
import type { Translate } from '../../../shared/i18n';
import { largestBars, type ChartData } from '../charts/chart-data';

export function chargebackChart(rows: readonly ChargebackTableRow[], by: 'code' | 'room', t: Translate, format: Formatter, currency: string): ChartData {
  const money = (cents: number) => format.money(cents, currency);
  const label = (row: ChargebackTableRow) =>
    by === 'code' ? (row.key ?? t('code.unallocated')) : `${format.room(row.key ?? '')}${row.label ? ` ${row.label}` : ''}`;
  const bars = rows.map((row) => ({ key: row.key ?? '\u0000', label: label(row), value: row.total.chargeCents / 100, text: money(row.total.chargeCents) }));
  return {
    title: t('chart.label', { title: t('report.chartTitle') }),
    layout: 'rows',
    bars: largestBars(bars, (count) => t('report.others', { count: format.count(count) }), (value) => money(Math.round(value * 100))),
  };
}
