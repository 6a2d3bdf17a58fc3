// The chargeback's source (migration 007): each month's totals per provider
// billing code stay equal to the GROUP BY of the cached conferences after
// every kind of write (a swap, a room's slice, an import and its re-import,
// its removal, a code the provider accepted), and an upgraded cache gets
// them from the conferences it already holds.
import { afterEach, describe, expect, it } from 'vitest';
import {
  groupMonthTotals,
  migrate,
  removeImportedMonth,
  setConferenceBillingCode,
  writeImportedFile,
  type ReadableDB,
} from '../../../src/main/cache';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { KEY, makeMonth, makePeriod, openTestCache, replaceInput, roomFor, SCOPE, type TestCache } from './fixtures';

const caches: TestCache[] = [];
afterEach(() => caches.splice(0).forEach((cache) => cache.close()));

type Group = { accountId: number; period: string; code: string | null; count: number; seconds: number; cents: number };

/** What the triggers keep (zero rows skipped, as readers do). */
function kept(db: ReadableDB): Group[] {
  return db
    .prepare(
      `SELECT account_id AS accountId, period, billing_code AS code, conference_count AS count, accumulated_seconds AS seconds, charge_cents AS cents
       FROM code_month_totals WHERE conference_count <> 0 ORDER BY 1, 2, coalesce(3, '')`,
    )
    .all() as Group[];
}

/** The same groups counted from the conferences. */
function counted(db: ReadableDB): Group[] {
  return db
    .prepare(
      `SELECT account_id AS accountId, period, billing_code AS code, count(*) AS count, sum(accumulated_seconds) AS seconds, sum(charge_cents) AS cents
       FROM conferences GROUP BY account_id, period, billing_code ORDER BY 1, 2, coalesce(3, '')`,
    )
    .all() as Group[];
}

function open(): TestCache {
  const cache = openTestCache();
  caches.push(cache);
  return cache;
}

const imported = (id: string, period: string, billingCode: string | null, chargeCents: number) => ({
  id,
  period,
  roomNumber: '555',
  cardholder: 'Zoé',
  startUtc: `${period}-03T09:00:00Z`,
  participantCount: 2,
  billingCode,
  lengthSeconds: 600,
  accumulatedSeconds: 1200,
  chargeCents,
});

describe('code_month_totals follow every write', () => {
  it('a swap, a re-sync with other codes, a room slice, an import, its removal, an accepted code', () => {
    const { db } = open();
    const rooms = ['100', '200', '300'];
    replacePeriod(db, replaceInput(makePeriod('2026-10'), makeMonth('2026-10', 40, rooms)));
    replacePeriod(db, replaceInput(makePeriod('2026-11'), makeMonth('2026-11', 25, rooms)));
    expect(kept(db).length).toBeGreaterThan(3);
    expect(kept(db)).toEqual(counted(db));

    // A re-sync of November with other conferences and codes.
    const again = makeMonth('2026-11', 11, rooms, 'c-again').map((c, i) => ({ ...c, billingCode: i % 2 === 0 ? 'NEW' : null }));
    replacePeriod(db, replaceInput(makePeriod('2026-11', { revision: 'r2' }), again));
    expect(kept(db)).toEqual(counted(db));
    expect(kept(db).filter((g) => g.period === '2026-11').map((g) => g.code)).toEqual([null, 'NEW']);

    // One room's slice (a room sign-in).
    const slice = makeMonth('2026-10', 5, ['200'], 'c-room').map((c) => ({ ...c, billingCode: 'ROOM-CODE' }));
    replacePeriod(db, replaceInput(makePeriod('2026-10'), slice, { scope: '200', rooms: [roomFor('200', slice)] }));
    expect(kept(db)).toEqual(counted(db));

    // An import, the same file again (nothing added), then its removal.
    const file = { fileName: 'june.xlsx', sizeBytes: 1, sha256: 'x' };
    const rows = [imported('imp-1', '2025-06', 'OLD', 125), imported('imp-2', '2025-06', null, 300), imported('imp-3', '2025-07', 'OLD', 7)];
    writeImportedFile(db, KEY, file, rows, '2026-11-20T09:00:00Z');
    writeImportedFile(db, KEY, file, rows, '2026-11-21T09:00:00Z');
    expect(kept(db)).toEqual(counted(db));
    expect(kept(db).filter((g) => g.period === '2025-06')).toEqual([
      expect.objectContaining({ code: null, count: 1, cents: 300 }),
      expect.objectContaining({ code: 'OLD', count: 1, cents: 125 }),
    ]);
    removeImportedMonth(db, KEY, '2025-06');
    expect(kept(db)).toEqual(counted(db));

    // The provider accepted a code: the conference moves from one group to the other.
    expect(setConferenceBillingCode(db, KEY, '2026-11', 'c-again-1', 'NEW')).toBe(true);
    expect(kept(db)).toEqual(counted(db));
  });

  it('the chargeback of an account reads them, and still adds up to the conferences', () => {
    const { db } = open();
    replacePeriod(db, replaceInput(makePeriod('2026-11'), makeMonth('2026-11', 30, ['100', '200'])));
    const before = groupMonthTotals(db, SCOPE, 'code', '2026-11', '2026-11');
    // Totals that disagree with the conferences show in the report: it reads the kept totals, not the conferences.
    db.exec(`UPDATE code_month_totals SET charge_cents = charge_cents + 1000 WHERE billing_code IS NULL`);
    const after = groupMonthTotals(db, SCOPE, 'code', '2026-11', '2026-11');
    const unallocated = (rows: typeof before) => rows.find((row) => row.key === null)!.chargeCents;
    expect(unallocated(after)).toBe(unallocated(before) + 1000);
  });
});

describe('an upgraded cache', () => {
  it('gets the totals of the conferences it already holds (migration 007 backfills them)', () => {
    const { db } = open();
    replacePeriod(db, replaceInput(makePeriod('2026-10'), makeMonth('2026-10', 20, ['100', '200'])));
    replacePeriod(db, replaceInput(makePeriod('2026-11'), makeMonth('2026-11', 30, ['100', '200'])));
    // Back to schema 6: conferences without their totals.
    db.exec(`DROP TRIGGER code_month_totals_insert; DROP TRIGGER code_month_totals_delete; DROP TRIGGER code_month_totals_update;
      DROP TABLE code_month_totals; DROP TABLE conference_search_docs; DROP INDEX participants_long_legs; DROP INDEX conferences_long; PRAGMA user_version = 6;`);
    expect(counted(db).length).toBeGreaterThan(3);
    migrate(db);
    expect(kept(db)).toEqual(counted(db));
  });
});
