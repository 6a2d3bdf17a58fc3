// The account summary's table: one row per room, as OAI's ACCOUNT SUMMARY
// shows it (the Excel sheet adds each room's conference count).
import type { RoomDisplay, RoomSummaryRow } from '../domain';
import type { MessageKey, Translate } from '../i18n';
import { roomMatchesFilter, type SortState } from '../view-rules';
import { sortedForView, type ColumnDef } from './column';

export const SUMMARY_COLUMNS: readonly ColumnDef<RoomSummaryRow>[] = [
  { id: 'room', labelKey: 'col.roomNumber', kind: 'room', value: (r) => r.roomNumber },
  { id: 'cardholder', labelKey: 'col.cardholder', kind: 'text', value: (r) => r.cardholder, placeholderKey: 'summary.noCardholder' },
  { id: 'code', labelKey: 'col.autoBillingCode', kind: 'text', value: (r) => r.autoBillingCode },
  { id: 'conferences', labelKey: 'col.conferences', kind: 'count', value: (r) => r.conferenceCount, total: { of: 'sum' }, media: ['sheet'] },
  { id: 'time', labelKey: 'col.accumulatedTime', kind: 'duration', value: (r) => r.accumulatedSeconds, total: { of: 'sum', strong: true } },
  { id: 'charge', labelKey: 'col.charge', kind: 'money', value: (r) => r.chargeCents, total: { of: 'sum', strong: true } },
];

/** The summary's rows as the view shows them: filtered, then sorted (room number order by default). */
export function summaryRowsForView(rows: readonly RoomSummaryRow[], filter: string, sort: SortState | null, t: Translate): RoomSummaryRow[] {
  return sortedForView(
    rows.filter((room) => roomMatchesFilter(room, filter)),
    SUMMARY_COLUMNS,
    sort,
    t,
  );
}

/** Whether the filter box leaves rooms out. */
export function isFiltered(filter: string): boolean {
  return filter.trim() !== '';
}

/** The Total row's label: "Total shown" when the filter leaves rooms out. */
export function summaryTotalKey(filter: string): MessageKey {
  return isFiltered(filter) ? 'table.totalShown' : 'table.total';
}

/** Why the summary has no row: nothing matches the filter, no room was used, or the account has none. */
export function summaryEmptyKey(filter: string, display: RoomDisplay): MessageKey {
  if (isFiltered(filter)) return 'summary.noMatch';
  return display === 'active' ? 'summary.noActiveRooms' : 'summary.noRooms';
}
