import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountSummary, billingCodeSummary, heldMonths, monthlyTotals, setLocalBillingCode } from '../../../src/main/cache';
import { chargebackReport, reportRange } from '../../../src/main/features/reports/chargeback';
import { summaryCompare } from '../../../src/main/features/reports/compare';
import { sumTotals } from '../../../src/shared/view-rules';
import { makeMonth, makePeriod, openTestCache, replaceInput, roomScope, SCOPE, type TestCache } from '../cache/fixtures';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { MONTHS, ROOMS, writeArchive } from './fixtures';

let cache: TestCache;
beforeEach(() => {
  cache = openTestCache();
  writeArchive(cache.db);
});
afterEach(() => cache.close());

describe('reports add up to the monthly summaries', () => {
  for (const scope of [SCOPE, roomScope('320026')]) {
    const who = scope.roomNumber === null ? 'account' : `room ${scope.roomNumber}`;
    for (const by of ['code', 'room'] as const) {
      it(`${who}: by ${by}, every month (archived and served)`, () => {
        const report = chargebackReport(cache.db, scope, by, MONTHS[0]!, MONTHS.at(-1)!);
        expect(report.months).toEqual(MONTHS);
        for (const month of MONTHS) {
          const summary = accountSummary(cache.db, scope, month, 'all').total;
          expect(summary.conferenceCount).toBeGreaterThan(0);
          expect(sumTotals(report.rows.map((row) => row.months[month]!))).toEqual(summary);
          expect(report.total.months[month]).toEqual(summary);
        }
        expect(report.total.total).toEqual(sumTotals(MONTHS.map((month) => accountSummary(cache.db, scope, month, 'all').total)));
      });
    }
    it(`${who}: the account's trend is the summary total of every month`, () => {
      const trend = monthlyTotals(cache.db, scope, { kind: 'account' });
      expect(trend.map((month) => month.period)).toEqual(MONTHS);
      for (const month of trend) {
        const { conferenceCount, accumulatedSeconds, chargeCents } = month;
        expect({ conferenceCount, accumulatedSeconds, chargeCents }).toEqual(accountSummary(cache.db, scope, month.period, 'all').total);
      }
    });
  }

  it('codes: Unallocated is its own row (last), pending changes count under their new code, refused ones do not', () => {
    const report = chargebackReport(cache.db, SCOPE, 'code', null, null);
    expect(report.rows.map((row) => row.key)).toEqual(['local-x', 'PROJ-0', 'PROJ-1', null]);
    const march = Object.fromEntries(billingCodeSummary(cache.db, SCOPE, '2026-03').map((row) => [String(row.billingCode), row.chargeCents]));
    for (const row of report.rows) expect(row.months['2026-03']!.chargeCents).toBe(march[String(row.key)] ?? 0);
    expect(report.rows.find((row) => row.key === 'REFUSED')).toBeUndefined();
    expect(report.rows[0]!.months['2026-03']!.conferenceCount).toBe(1);
  });

  it('a local allocation in an archived, invoiced month counts under its local code, as in the billing-codes view', () => {
    setLocalBillingCode(cache.db, SCOPE, '2025-12', 'c-2025-12-1', 'LOCAL-DEC', '2026-03-21T09:00:00Z');
    const report = chargebackReport(cache.db, SCOPE, 'code', null, null);
    const local = report.rows.find((row) => row.key === 'LOCAL-DEC');
    expect(local?.months['2025-12']?.conferenceCount).toBe(1);
    const december = Object.fromEntries(billingCodeSummary(cache.db, SCOPE, '2025-12').map((row) => [String(row.billingCode), row.chargeCents]));
    expect(december['LOCAL-DEC']).toBe(local!.months['2025-12']!.chargeCents);
    for (const row of report.rows) expect(row.months['2025-12']!.chargeCents).toBe(december[String(row.key)] ?? 0);
    expect(report.total.months['2025-12']).toEqual(accountSummary(cache.db, SCOPE, '2025-12', 'all').total);
  });

  it('rooms: each room with its cardholder, numerically ordered', () => {
    const report = chargebackReport(cache.db, SCOPE, 'room', null, null);
    expect(report.rows.map((row) => [row.key, row.label])).toEqual(ROOMS.map((room) => [room, `Holder ${room}`]));
  });

  it('a code’s and a room’s trend: their rows of the report, zero in months without use', () => {
    const report = chargebackReport(cache.db, SCOPE, 'code', null, null);
    const local = monthlyTotals(cache.db, SCOPE, { kind: 'code', billingCode: 'local-x' });
    expect(local.map((month) => month.chargeCents)).toEqual(MONTHS.map((month) => report.rows[0]!.months[month]!.chargeCents));
    expect(local.slice(0, 4).every((month) => month.conferenceCount === 0)).toBe(true);
    const unallocated = monthlyTotals(cache.db, SCOPE, { kind: 'code', billingCode: null });
    expect(unallocated.map((month) => month.chargeCents)).toEqual(MONTHS.map((month) => report.rows.at(-1)!.months[month]!.chargeCents));
    const room = monthlyTotals(cache.db, SCOPE, { kind: 'room', roomNumber: '7' });
    expect(room.map((month) => month.chargeCents)).toEqual(MONTHS.map((month) => accountSummary(cache.db, SCOPE, month, 'all').rooms.find((r) => r.roomNumber === '7')!.chargeCents));
  });

  it('a range keeps its months only; a room sign-in sees its room only', () => {
    const report = chargebackReport(cache.db, roomScope('7'), 'room', '2025-12', '2026-01');
    expect(report.months).toEqual(['2025-12', '2026-01']);
    expect(report.rows.map((row) => row.key)).toEqual(['7']);
  });
});

describe('report range', () => {
  const held = Array.from({ length: 15 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}`).map((m, i) => (i < 12 ? m : `2026-0${i - 11}`));
  it('defaults to the last 12 months of the archive', () => {
    expect(reportRange(held, null, null)).toEqual({ from: '2025-04', to: '2026-03' });
    expect(reportRange(held.slice(0, 3), null, null)).toEqual({ from: '2025-01', to: '2025-03' });
    expect(reportRange(held, null, '2025-06')).toEqual({ from: '2025-01', to: '2025-06' });
    expect(reportRange(held, '2026-02', '2025-12')).toEqual({ from: '2025-12', to: '2026-02' });
    expect(heldMonths(cache.db, SCOPE)).toEqual(MONTHS);
  });
});

describe('compare', () => {
  it('the month before, and no year-ago month where the archive has none', () => {
    const compare = summaryCompare(cache.db, SCOPE, '2026-03');
    expect(compare.previous?.period).toBe('2026-02');
    expect(compare.previous?.total).toEqual(accountSummary(cache.db, SCOPE, '2026-02', 'all').total);
    expect(compare.previous?.rooms['7']).toEqual(expect.objectContaining({ chargeCents: accountSummary(cache.db, SCOPE, '2026-02', 'all').rooms[0]!.chargeCents }));
    expect(compare.yearAgo).toBeNull();
    expect(summaryCompare(cache.db, SCOPE, '2025-11').previous).toBeNull();
  });

  it('the same month a year earlier once the archive holds it', () => {
    replacePeriod(cache.db, replaceInput(makePeriod('2025-03'), makeMonth('2025-03', 4, ROOMS)));
    const compare = summaryCompare(cache.db, SCOPE, '2026-03');
    expect(compare.yearAgo?.period).toBe('2025-03');
    expect(compare.yearAgo?.total).toEqual(accountSummary(cache.db, SCOPE, '2025-03', 'all').total);
    expect(compare.yearAgo?.total.conferenceCount).toBe(4);
  });
});
