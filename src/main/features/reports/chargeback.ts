// The chargeback report: billing codes (or rooms) × the archive's months of a
// range, each row with its months and total, and the months' totals. The
// rows of a month add up to that month's summary total (tested).
import type { Totals } from '../../../shared/domain';
import { ZERO_TOTALS, type Chargeback, type ChargebackRow, type ReportBy } from '../../../shared/reports';
import { sumTotals } from '../../../shared/view-rules';
import { groupMonthTotals, heldMonths, type ReadableDB, type ViewScope } from '../../cache';

/** Months a report covers when none are chosen. */
export const DEFAULT_REPORT_MONTHS = 12;

/**
 * The range a report covers: as given, or the last DEFAULT_REPORT_MONTHS of
 * the archive (an empty archive: an empty range).
 */
export function reportRange(held: readonly string[], from: string | null, to: string | null): { from: string; to: string } {
  const last = to ?? held.at(-1) ?? '';
  const upTo = held.filter((month) => month <= last);
  const first = from ?? upTo.at(-DEFAULT_REPORT_MONTHS) ?? upTo[0] ?? last;
  return first <= last ? { from: first, to: last } : { from: last, to: first };
}

const addTotals = (a: Totals, b: Totals): Totals => sumTotals([a, b]);

/** Codes in case-insensitive order with Unallocated last; rooms numerically. */
function compareKeys(by: ReportBy): (a: ChargebackRow, b: ChargebackRow) => number {
  if (by === 'room') return (a, b) => a.key!.length - b.key!.length || (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0);
  return (a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
    return a.key.localeCompare(b.key, 'en', { sensitivity: 'base' }) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  };
}

export function chargebackReport(db: ReadableDB, scope: ViewScope, by: ReportBy, from: string | null, to: string | null): Chargeback {
  const range = reportRange(heldMonths(db, scope), from, to);
  const months = heldMonths(db, scope).filter((month) => month >= range.from && month <= range.to);
  const zeroMonths = () => Object.fromEntries(months.map((month) => [month, ZERO_TOTALS]));
  const rows = new Map<string | null, ChargebackRow>();
  for (const group of groupMonthTotals(db, scope, by, range.from, range.to)) {
    if (!months.includes(group.period)) continue;
    let row = rows.get(group.key);
    if (!row) {
      row = { key: group.key, label: by === 'code' ? group.key : group.label, months: zeroMonths(), total: ZERO_TOTALS };
      rows.set(group.key, row);
    }
    const totals: Totals = { conferenceCount: group.conferenceCount, accumulatedSeconds: group.accumulatedSeconds, chargeCents: group.chargeCents };
    row.months[group.period] = addTotals(row.months[group.period]!, totals);
    row.total = addTotals(row.total, totals);
    // Rooms are read oldest month first: the latest cardholder wins.
    if (by === 'room') row.label = group.label;
  }
  const sorted = [...rows.values()].sort(compareKeys(by));
  const monthTotals = Object.fromEntries(months.map((month) => [month, sumTotals(sorted.map((row) => row.months[month]!))]));
  return { ...range, by, months, rows: sorted, total: { months: monthTotals, total: sumTotals(sorted.map((row) => row.total)) } };
}
