// The retention rule, as a pure function over crafted dates and sizes.
import { describe, expect, it } from 'vitest';
import { planRetention } from '../../../src/main/cache/archive';

const NOW = new Date('2026-12-02T04:15:00Z');
const MB = 1_048_576;

interface Backup {
  createdAt: string;
  sizeBytes: number;
}

const at = (iso: string, sizeBytes = MB): Backup => ({ createdAt: iso, sizeBytes });
const names = (list: Backup[]) => list.map((b) => b.createdAt);

/** One backup a day for `days` days back from NOW, at 04:00. */
function daily(days: number, sizeBytes = MB): Backup[] {
  return Array.from({ length: days }, (_, i) => at(new Date(Date.UTC(2026, 11, 2 - i, 4)).toISOString().replace('.000', ''), sizeBytes));
}

describe('planRetention', () => {
  it('keeps the newest 7 and the newest of each of the last 12 calendar months', () => {
    // Daily backups for 400 days: far more than the rule keeps.
    const backups = daily(400);
    const { keep, remove } = planRetention(backups, 1_000 * MB, NOW);
    const newest7 = names(backups.slice(0, 7));
    // Newest of each month, Dec 2026 back to Jan 2026 (December's and November's are among the newest 7).
    const monthly = ['2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31'].map(
      (day) => `${day}T04:00:00Z`,
    );
    expect(names(keep)).toEqual([...newest7, ...monthly]);
    expect(keep.length + remove.length).toBe(400);
    // Nothing from before the 12-month window survives.
    expect(keep.every((b) => b.createdAt >= '2026-01')).toBe(true);
  });

  it('accepts backups in any order and returns the kept ones newest first', () => {
    const backups = daily(10).reverse();
    const { keep, remove } = planRetention(backups, 100 * MB, NOW);
    expect(names(keep)).toEqual(names(daily(7)));
    expect(names(remove)).toEqual(['2026-11-25T04:00:00Z', '2026-11-24T04:00:00Z', '2026-11-23T04:00:00Z']);
  });

  it('over three times the cache size, drops the oldest monthly ones first, then the oldest recent ones', () => {
    // 7 recent + 10 monthly = 17 backups of 10 MB = 170 MB; cache 40 MB: cap 120 MB = 12 backups.
    const backups = daily(400, 10 * MB);
    const { keep } = planRetention(backups, 40 * MB, NOW);
    expect(keep).toHaveLength(12);
    expect(names(keep)).toEqual([...names(backups.slice(0, 7)), '2026-10-31T04:00:00Z', '2026-09-30T04:00:00Z', '2026-08-31T04:00:00Z', '2026-07-31T04:00:00Z', '2026-06-30T04:00:00Z']);
    expect(keep.reduce((sum, b) => sum + b.sizeBytes, 0)).toBeLessThanOrEqual(120 * MB);

    // A cap below the recent ones: oldest recent go too.
    const small = planRetention(backups, 10 * MB, NOW);
    expect(names(small.keep)).toEqual(names(backups.slice(0, 3)));
  });

  it('never removes the newest backup, even when it alone is over the cap', () => {
    const backups = [at('2026-12-02T04:00:00Z', 500 * MB), at('2026-12-01T04:00:00Z', 1)];
    const { keep, remove } = planRetention(backups, 1 * MB, NOW);
    expect(names(keep)).toEqual(['2026-12-02T04:00:00Z']);
    expect(names(remove)).toEqual(['2026-12-01T04:00:00Z']);
    expect(planRetention([at('2026-12-02T04:00:00Z', 500 * MB)], 0, NOW).keep).toHaveLength(1);
  });

  it('keeps everything while under 7 backups and the cap', () => {
    const backups = daily(5);
    expect(planRetention(backups, 10 * MB, NOW)).toEqual({ keep: backups, remove: [] });
    expect(planRetention([], 10 * MB, NOW)).toEqual({ keep: [], remove: [] });
  });
});
