// The summary's compare column: each room's totals in the month before and
// in the same month a year earlier, where the archive holds those months.
import { shiftPeriod, type ComparedMonth, type SummaryCompare } from '../../../shared/reports';
import { accountSummary, heldMonths, type ReadableDB, type ViewScope } from '../../cache';

function comparedMonth(db: ReadableDB, scope: ViewScope, held: ReadonlySet<string>, period: string): ComparedMonth | null {
  if (!held.has(period)) return null;
  const summary = accountSummary(db, scope, period, 'all');
  return { period, rooms: Object.fromEntries(summary.rooms.map(({ roomNumber, conferenceCount, accumulatedSeconds, chargeCents }) => [roomNumber, { conferenceCount, accumulatedSeconds, chargeCents }])), total: summary.total };
}

export function summaryCompare(db: ReadableDB, scope: ViewScope, period: string): SummaryCompare {
  const held = new Set(heldMonths(db, scope));
  return {
    period,
    previous: comparedMonth(db, scope, held, shiftPeriod(period, -1)),
    yearAgo: comparedMonth(db, scope, held, shiftPeriod(period, -12)),
  };
}
