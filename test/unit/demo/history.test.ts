// The demo's history written straight into a cache (the reports bench's archive).
import { afterEach, describe, expect, it } from 'vitest';
import { accountSummary, billingCodeSummary, listPeriods, providerKey } from '../../../src/main/cache';
import { monthsBetween, writeDemoHistory } from '../../../src/main/demo/history';
import { sumTotals } from '../../../src/shared/view-rules';
import { openTestCache, type TestCache } from '../cache/fixtures';

let cache: TestCache;
afterEach(() => cache.close());

describe('writeDemoHistory', () => {
  it('writes every month, all but the last four archived, each adding up', () => {
    cache = openTestCache();
    const key = { provider: providerKey('http://127.0.0.1:9'), accountNumber: '602127' };
    const written = writeDemoHistory(cache.db, { key, origin: 'http://127.0.0.1:9', first: '2025-11', last: '2026-06', rooms: 6, perRoom: 3, pageSize: 5 });
    const months = monthsBetween('2025-11', '2026-06');
    expect(months).toHaveLength(8);
    const periods = listPeriods(cache.db, key);
    expect(periods.map((p) => p.period).sort()).toEqual(months);
    expect(periods.filter((p) => !p.servedByProvider).map((p) => p.period).sort()).toEqual(months.slice(0, 4));
    let conferences = 0;
    for (const month of months) {
      const scope = { ...key, roomNumber: null };
      const total = accountSummary(cache.db, scope, month, 'all').total;
      expect(total.conferenceCount).toBeGreaterThan(0);
      expect(sumTotals(billingCodeSummary(cache.db, scope, month))).toEqual(total);
      conferences += total.conferenceCount;
    }
    expect(written.conferences).toBe(conferences);
    expect(() => monthsBetween('2025-13', '2026-01')).toThrow(RangeError);
  });
});
