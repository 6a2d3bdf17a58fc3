// The summary's compare columns: each room's change against the month before
// and the same month a year earlier (€ and %), where the archive holds them.
import type { ReactNode } from 'react';
import type { RoomSummaryRow } from '../../../shared/domain';
import type { Formatter } from '../../../shared/format';
import type { Translate } from '../../../shared/i18n';
import { changeOf, type ComparedMonth, type SummaryCompare } from '../../../shared/reports';
import type { Column } from '../components/DataTable';

function changeText(current: number, before: number | undefined, format: Formatter, currency: string, t: Translate): string {
  if (before === undefined || (before === 0 && current === 0)) return before === undefined && current > 0 ? t('compare.new') : '—';
  const change = changeOf(current, before);
  const sign = change.cents > 0 ? '+' : '';
  const money = `${sign}${format.money(change.cents, currency)}`;
  return change.percent === null ? money : `${money} (${sign}${format.percent(change.percent / 100)})`;
}

function changeCell(text: string, cents: number | null): ReactNode {
  const tone = cents === null || cents === 0 ? '' : cents > 0 ? ' change-up' : ' change-down';
  return <span className={`tabular change${tone}`}>{text}</span>;
}

export function compareColumns(
  compare: SummaryCompare | undefined,
  rows: readonly RoomSummaryRow[],
  { t, format, currency, wholeMonth }: { t: Translate; format: Formatter; currency: string; wholeMonth: boolean },
): Column<RoomSummaryRow>[] {
  const months: [ComparedMonth | null | undefined, 'previous' | 'yearAgo'][] = [
    [compare?.previous, 'previous'],
    [compare?.yearAgo, 'yearAgo'],
  ];
  const total = rows.reduce((sum, row) => sum + row.chargeCents, 0);
  return months
    .filter((entry): entry is [ComparedMonth, 'previous' | 'yearAgo'] => Boolean(entry[0]))
    .map(([month, id]) => {
      const before = (row: RoomSummaryRow) => month.rooms[row.roomNumber]?.chargeCents;
      // The Total row is the whole month's unless a filter leaves rooms out: compare like with like.
      const totalBefore = wholeMonth ? month.total.chargeCents : rows.reduce((sum, row) => sum + (before(row) ?? 0), 0);
      return {
        id: `compare-${id}`,
        header: t(id === 'previous' ? 'compare.previous' : 'compare.yearAgo', { month: format.month(month.period) }),
        minWidth: 170,
        grow: 1.2,
        numeric: true,
        sortValue: (row) => row.chargeCents - (before(row) ?? 0),
        cell: (row) => changeCell(changeText(row.chargeCents, before(row), format, currency, t), row.chargeCents - (before(row) ?? 0)),
        total: <strong data-testid={`compare-total-${id}`}>{changeText(total, totalBefore, format, currency, t)}</strong>,
      };
    });
}
