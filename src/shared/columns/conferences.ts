// A conference list, as OAI's CONFERENCE LIST shows it: Date, Time [GMT+x],
// Quantity, Service Type, Billing Code, Length, Accum. Time and Charge (a
// list across rooms adds Room Number and Cardholder). Excel's conference
// sheets use OAI's own download columns instead (src/main/export).
import type { ConferenceRow } from '../domain';
import { timeZoneOffsetLabel } from '../format';
import { serviceTypeName, type Translate } from '../i18n';
import { effectiveBillingCode, type SortState } from '../view-rules';
import { sortedForView, type ColumnDef } from './column';

export interface ConferenceColumnOptions {
  /** Adds Room Number and Cardholder (lists that span rooms). */
  cardholderOf?: (roomNumber: string) => string | null;
}

export function conferenceColumns(options: ConferenceColumnOptions = {}): ColumnDef<ConferenceRow>[] {
  const { cardholderOf } = options;
  const roomColumns: ColumnDef<ConferenceRow>[] = cardholderOf
    ? [
        { id: 'room', labelKey: 'col.roomNumber', kind: 'room', value: (c) => c.roomNumber },
        { id: 'cardholder', labelKey: 'col.cardholder', kind: 'text', value: (c) => cardholderOf(c.roomNumber) },
      ]
    : [];
  return [
    { id: 'date', labelKey: 'col.date', kind: 'date', value: (c) => c.start },
    { id: 'time', labelKey: 'col.time', kind: 'time', value: (c) => c.start, offsetInHeader: true },
    ...roomColumns,
    { id: 'quantity', labelKey: 'col.quantity', kind: 'count', value: (c) => c.participantCount, total: { of: 'sum' } },
    {
      id: 'service',
      labelKey: 'col.serviceType',
      kind: 'serviceType',
      value: (c) => c.serviceType,
      sortValue: (c, t) => serviceTypeName(c.serviceType, t),
    },
    { id: 'code', labelKey: 'col.billingCode', kind: 'code', value: (c) => effectiveBillingCode(c) },
    { id: 'length', labelKey: 'col.length', kind: 'duration', value: (c) => c.lengthSeconds, total: { of: 'sum' } },
    { id: 'accumulated', labelKey: 'col.accumTime', kind: 'duration', value: (c) => c.accumulatedSeconds, total: { of: 'sum', strong: true } },
    { id: 'charge', labelKey: 'col.charge', kind: 'money', value: (c) => c.chargeCents, total: { of: 'sum', strong: true } },
  ];
}

/** One room's conference list. */
export const CONFERENCE_COLUMNS: readonly ColumnDef<ConferenceRow>[] = conferenceColumns();

/** A conference list as the view shows it (start order by default). */
export function conferenceRowsForView(rows: readonly ConferenceRow[], sort: SortState | null, t: Translate): ConferenceRow[] {
  return sortedForView(rows, CONFERENCE_COLUMNS, sort, t);
}

/**
 * The offset a conference list's times are in, for its Time header: the
 * account zone's offset over the listed conferences (both across a
 * daylight-saving change), else at noon on the period's first day.
 */
export function conferenceListOffset(timeZone: string | undefined, rows: readonly ConferenceRow[], periodStart: string): string {
  return timeZone ? timeZoneOffsetLabel(timeZone, rows.map((r) => r.start), `${periodStart}T12:00:00Z`) : 'GMT';
}
