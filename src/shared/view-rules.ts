// Sorting, filtering and totals of table rows: one definition for the renderer's tables
// and for exports and print layouts, which must show the rows the same way.
// What each column sorts by is part of its definition (src/shared/columns).
import type { BillingCodeRow, ConferenceRow, PeriodInfo, RoomSummaryRow, Totals } from './domain';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: string;
  direction: SortDirection;
}

export type SortValue = string | number | null;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Compares two sort values ascending; null and empty text (Unallocated, no name) sort last. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const aMissing = a === null || a === '';
  const bMissing = b === null || b === '';
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Rows sorted by one column, stably; missing values stay last in both
 * directions, and ties keep the rows' original order.
 */
export function sortRows<Row>(rows: readonly Row[], value: (row: Row) => SortValue, direction: SortDirection): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((x, y) => {
      const xMissing = x.key === null || x.key === '';
      const yMissing = y.key === null || y.key === '';
      if (xMissing !== yMissing) return xMissing ? 1 : -1;
      return sign * compareSortValues(x.key, y.key) || x.index - y.index;
    })
    .map((entry) => entry.row);
}

/** The next sort after a click on a column header: same column flips, a new column starts ascending. */
export function nextSort(current: SortState | null, column: string): SortState {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: 'ascending' };
}

/** Lower case without accents, so `elodie` finds `Élodie`. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * Whether a room matches the filter box: its number (typed with or without
 * the display spaces), its cardholder or its auto billing code.
 */
export function roomMatchesFilter(room: Pick<RoomSummaryRow, 'roomNumber' | 'cardholder' | 'autoBillingCode'>, query: string): boolean {
  const folded = foldText(query.trim());
  if (folded === '') return true;
  const digits = folded.replace(/\s+/g, '');
  if (/^\d+$/.test(digits) && room.roomNumber.includes(digits)) return true;
  return [room.cardholder, room.autoBillingCode].some((text) => text !== null && foldText(text).includes(folded));
}

/** "Sort by billing code", as OAI's button does. */
export const BILLING_CODE_SORT: SortState = { column: 'code', direction: 'ascending' };

/** Rule for new billing-code assignments (provider contract): 1–20 letters, digits, space, _ . - */
export const BILLING_CODE_PATTERN = /^[\p{L}\p{N} _.-]{1,20}$/u;

/** The billing code a conference shows: a local change wins over the provider's, unless it was refused. */
export function effectiveBillingCode(conference: Pick<ConferenceRow, 'billingCode' | 'pending' | 'local'>): string | null {
  if (conference.local) return conference.local.billingCode;
  const change = conference.pending;
  return change && change.state !== 'failed' ? change.billingCode : conference.billingCode;
}

/** The billing-codes view's order: by code, Unallocated last. */
export function billingCodeRowsForView(rows: readonly BillingCodeRow[]): BillingCodeRow[] {
  return sortRows(rows, (r) => r.billingCode, 'ascending');
}

/** Conferences, accumulated seconds and charge added up over rows (rooms, billing codes). */
export function sumTotals(rows: readonly Totals[]): Totals {
  const total: Totals = { conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 };
  for (const row of rows) {
    total.conferenceCount += row.conferenceCount;
    total.accumulatedSeconds += row.accumulatedSeconds;
    total.chargeCents += row.chargeCents;
  }
  return total;
}

/**
 * Whether billing codes of a month are kept locally (never sent): an imported
 * month, or one the provider invoiced or no longer serves. Otherwise they go
 * through the outbox to the provider.
 */
export function isLocallyAllocated(period: Pick<PeriodInfo, 'source' | 'invoiced' | 'servedByProvider'>): boolean {
  return period.source === 'import' || period.invoiced || !period.servedByProvider;
}
