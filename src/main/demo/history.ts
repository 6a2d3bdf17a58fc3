// Years of the demo account's history, written straight into a cache: each
// month as the demo provider served it at the time (complete, invoiced), then
// every month but the provider's four marked archived, as a long-time user's
// cache holds them. For the bench's 24-month archive and for tests; the app
// itself only ever syncs.
import { notePeriodsServed, upsertAccount, type AccountKey, type WritableDB } from '../cache';
import { replacePeriod } from '../sync/replace-period';
import { toAccountInput, toPeriodMeta } from '../sync/provider-rows';
import { parsePeriodKey, periodKeyOf } from './calendar';
import { DEMO_ACCOUNT } from './catalog';
import { DemoDataset } from './dataset';

export interface DemoHistoryOptions {
  /** The account's key in the cache (the demo's account number at some provider). */
  key: AccountKey;
  /** The provider's base URL the rows say they came from. */
  origin: string;
  /** First and last month written, YYYY-MM. */
  first: string;
  last: string;
  rooms: number;
  perRoom: number;
  /** Conferences per staged page. */
  pageSize?: number;
}

/** YYYY-MM months from first to last, oldest first. */
export function monthsBetween(first: string, last: string): string[] {
  const from = parsePeriodKey(first);
  const to = parsePeriodKey(last);
  if (!from || !to) throw new RangeError(`months must be YYYY-MM, got ${first} and ${last}`);
  const months: string[] = [];
  for (let index = from.year * 12 + from.month - 1; index <= to.year * 12 + to.month - 1; index++) {
    months.push(periodKeyOf(Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
}

/** The first day of the month after `period`: a demo "today" at which `period` is complete and invoiced. */
function dayAfter(period: string): string {
  const { year, month } = parsePeriodKey(period)!;
  return `${month === 12 ? periodKeyOf(year + 1, 1) : periodKeyOf(year, month + 1)}-01`;
}

/**
 * Writes every month from `first` to `last` (each in one transaction, as a
 * sync's swap would), then marks all but the last four archived. Returns the
 * conferences and legs written.
 */
export function writeDemoHistory(db: WritableDB, options: DemoHistoryOptions): { conferences: number; participants: number } {
  const pageSize = options.pageSize ?? 2000;
  upsertAccount(db, options.key.provider, toAccountInput({ ...DEMO_ACCOUNT, accountNumber: options.key.accountNumber }));
  const written = { conferences: 0, participants: 0 };
  const months = monthsBetween(options.first, options.last);
  for (const period of months) {
    const dataset = new DemoDataset({ now: dayAfter(period), rooms: options.rooms, perRoom: options.perRoom });
    const size = dataset.conferenceCount(period, null);
    const pages = function* () {
      for (let offset = 0; offset < size; offset += pageSize) yield dataset.conferencePage(period, offset, pageSize);
    };
    const counts = replacePeriod(db, {
      accountNumber: options.key.accountNumber,
      period: { period, start: `${period}-01`, invoiced: true, revision: dataset.revision(period) },
      scope: 'account',
      origin: options.origin,
      rooms: dataset.roomsOf(period, null),
      conferences: pages(),
      syncedAt: `${dayAfter(period)}T06:00:00Z`,
    });
    written.conferences += counts.conferences;
    written.participants += counts.participants;
  }
  const served = months.slice(-4).map((period) => toPeriodMeta({ period, start: `${period}-01`, invoiced: true, revision: 'r-history' }));
  notePeriodsServed(db, options.key, served, new Date().toISOString());
  return written;
}
