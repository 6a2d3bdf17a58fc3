// A trend's table: one row per month in the archive with its conferences,
// accumulated time and charge (the account's, a room's or a billing code's).
import type { MonthTotals } from '../reports';
import type { ColumnDef } from './column';

export type TrendMetric = 'chargeCents' | 'accumulatedSeconds' | 'conferenceCount';

export const TREND_COLUMNS: readonly ColumnDef<MonthTotals>[] = [
  { id: 'month', labelKey: 'col.month', kind: 'text', value: (m) => m.period },
  { id: 'conferences', labelKey: 'col.conferences', kind: 'count', value: (m) => m.conferenceCount, total: { of: 'sum' } },
  { id: 'time', labelKey: 'col.accumulatedTime', kind: 'duration', value: (m) => m.accumulatedSeconds, total: { of: 'sum', strong: true } },
  { id: 'charge', labelKey: 'col.charge', kind: 'money', value: (m) => m.chargeCents, total: { of: 'sum', strong: true } },
];
