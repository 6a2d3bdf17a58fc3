// A multi-month archive for the reports' tests: five months of one account,
// the first three archived (the provider serves the last two), with
// Unallocated conferences, provider codes, a pending local change and a
// refused one, and two rooms' conferences.
import { notePeriodsServed, queueBillingCode, markOutboxFailed, type WritableDB } from '../../../src/main/cache';
import { toPeriodMeta } from '../../../src/main/sync/provider-rows';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { KEY, makeMonth, makePeriod, replaceInput, SCOPE } from '../cache/fixtures';

export const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
export const ROOMS = ['7', '320026', '332703'];

export function writeArchive(db: WritableDB): void {
  MONTHS.forEach((period, index) => {
    replacePeriod(db, replaceInput(makePeriod(period, { invoiced: index < 4 }), makeMonth(period, 12 + index * 3, ROOMS)));
  });
  notePeriodsServed(db, KEY, MONTHS.slice(-2).map((period) => toPeriodMeta(makePeriod(period))), '2026-03-20T08:00:00Z');
  // A pending change moves an Unallocated conference to a new code, another a coded one to Unallocated;
  // a refused change leaves the provider's code.
  queueBillingCode(db, SCOPE, '2026-03', 'c-2026-03-1', 'local-x', '2026-03-20T09:00:00Z');
  queueBillingCode(db, SCOPE, '2026-03', 'c-2026-03-3', null, '2026-03-20T09:00:00Z');
  const refused = queueBillingCode(db, SCOPE, '2025-12', 'c-2025-12-2', 'REFUSED', '2026-03-20T09:00:00Z');
  markOutboxFailed(db, refused.outboxId, 'invalid_code', 'no', '2026-03-20T09:01:00Z');
}
