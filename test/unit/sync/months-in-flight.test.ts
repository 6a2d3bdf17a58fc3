// Four months downloading side by side against the demo provider on loopback,
// with faults: the cache must end up exactly as a one-month-at-a-time sync
// leaves it, and a cancel mid-flight leaves each month as it was or replaced.
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { runSync, type SyncEngineOptions } from '../../../src/main/sync/sync-engine';
import { MONTHS_IN_FLIGHT, MONTHS_IN_FLIGHT_FAST_LINK, monthsInFlightFor, SLOW_LINK_MS } from '../../../src/main/sync/writer-lanes';
import { laneWriter } from '../../../src/main/sync/writers/lane-writer';
import { demoClient, tempCache, type TempCache } from './helpers';

const SEED_NOW = '2009-05-20';
const MONTHS = ['2009-05', '2009-04', '2009-03', '2009-02'];
/** One origin for every provider of a test, so their data lands under the same key. */
const ORIGIN = 'https://oai.example';
const NOW = () => new Date('2026-12-01T08:00:00Z');

const open: DemoProvider[] = [];
async function demo(options: { perRoom?: number } = {}) {
  const provider = await startDemoProvider({ now: SEED_NOW, ...options });
  open.push(provider);
  return provider;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

async function sync(provider: DemoProvider, cache: TempCache, options: Partial<SyncEngineOptions> = {}) {
  let mostInFlight = 0;
  const report = await runSync({
    cache: cache.handle,
    client: demoClient(provider),
    origin: ORIGIN,
    pageLimit: 20,
    now: NOW,
    ...options,
    onProgress: (progress) => {
      mostInFlight = Math.max(mostInFlight, progress.monthsInFlight.length);
      options.onProgress?.(progress);
    },
  });
  return { report, mostInFlight };
}

/** Every table's rows (the run's times are fixed by NOW). */
function everyTable(db: Database.Database): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  // The account's updated_at and a month's indexed_at are the wall clock's, not the run's.
  const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify({ ...(row as object), updated_at: null, indexed_at: null })).sort();
  // The search index's own tables store its b-tree segments, which depend on
  // the order months were indexed in: compare its documents instead.
  const cached = tables.filter((table) => table === 'conference_search_periods' || !table.startsWith('conference_search'));
  const documents = db.prepare('SELECT id FROM conference_search_docsize').pluck().all() as number[];
  return {
    ...Object.fromEntries(cached.map((table) => [table, sorted(db.prepare(`SELECT * FROM "${table}"`).all())])),
    searchDocuments: documents.map(String).sort(),
  };
}

/** One month's content, independent of row numbers. */
function monthOf(db: Database.Database, period: string): unknown {
  return {
    period: db.prepare('SELECT start_date, invoiced, revision FROM periods WHERE period = ?').all(period),
    rooms: db.prepare('SELECT room_number, cardholder, conference_count, accumulated_seconds, charge_cents FROM rooms WHERE period = ? ORDER BY room_number').all(period),
    conferences: db
      .prepare('SELECT conference_id, room_number, start_utc, participant_count, accumulated_seconds, charge_cents FROM conferences WHERE period = ? ORDER BY conference_id')
      .all(period),
    legs: db
      .prepare(
        `SELECT c.conference_id, p.participant_id, p.seconds, p.charge_cents FROM participants p JOIN conferences c ON c.row = p.conference_row
         WHERE c.period = ? ORDER BY c.conference_id, p.participant_id`,
      )
      .all(period),
  };
}

/** A 429 with Retry-After, an expired token, a dropped connection, and a malformed page that fails one month. */
function addFaults(provider: DemoProvider): void {
  provider.faults.add({ path: '/periods/2009-05/conferences', times: 1, action: { kind: 'error', status: 429, code: 'rate_limited', retryAfterSeconds: 2 } });
  provider.faults.add({ path: '/periods/2009-04/conferences', times: 1, action: { kind: 'error', status: 401, code: 'session_expired' } });
  provider.faults.add({ path: '/periods/2009-03/rooms', times: 1, action: { kind: 'drop' } });
  provider.faults.add({ path: '/periods/2009-02/conferences', times: 10, action: { kind: 'raw', body: '{"conferences": [' } });
  // Slow enough that the four months are surely downloading at once.
  provider.faults.add({ path: '/conferences', times: Infinity, action: { kind: 'delay', ms: 5 } });
  slowLink(provider);
}

/** Every other request answered after SLOW_LINK_MS: a link slow enough for four months side by side. */
function slowLink(provider: DemoProvider): void {
  provider.faults.add({ times: Infinity, action: { kind: 'delay', ms: SLOW_LINK_MS + 5 } });
}

describe('four months in flight', () => {
  it('against faults, leave the same cache as a one-at-a-time sync; only the broken month fails', async () => {
    const provider = await demo();
    addFaults(provider);
    const alone = tempCache();
    const one = await sync(provider, alone, { monthsInFlight: 1 });
    provider.faults.clear();
    addFaults(provider);
    const together = tempCache();
    const four = await sync(provider, together, { openWriter: (lane) => laneWriter(together.handle, lane) });

    expect(one.mostInFlight).toBe(1);
    expect(four.mostInFlight).toBe(4);
    for (const { report } of [one, four]) {
      expect(report.status).toBe('partial');
      expect(report.periods.map((p) => [p.period, p.status])).toEqual([
        ['2009-05', 'synced'],
        ['2009-04', 'synced'],
        ['2009-03', 'synced'],
        ['2009-02', 'failed'],
      ]);
    }
    expect(provider.requests.some((r) => r.status === 429)).toBe(true);
    expect(provider.requests.some((r) => r.status === 401)).toBe(true);
    expect(provider.requests.some((r) => r.status === 0)).toBe(true);
    expect(everyTable(together.db)).toEqual(everyTable(alone.db));
  });

  it('four months side by side over a slow link, two over a fast one (timed on the account and periods requests)', async () => {
    const fast = await demo();
    fast.faults.add({ path: '/conferences', times: Infinity, action: { kind: 'delay', ms: 5 } });
    const slow = await demo();
    slow.faults.add({ path: '/conferences', times: Infinity, action: { kind: 'delay', ms: 5 } });
    slowLink(slow);
    const overFast = tempCache();
    const overSlow = tempCache();
    const onFast = await sync(fast, overFast, { openWriter: (lane) => laneWriter(overFast.handle, lane) });
    const onSlow = await sync(slow, overSlow, { openWriter: (lane) => laneWriter(overSlow.handle, lane) });
    expect(onFast.mostInFlight).toBe(MONTHS_IN_FLIGHT_FAST_LINK);
    expect(onSlow.mostInFlight).toBe(MONTHS_IN_FLIGHT);
    expect(everyTable(overSlow.db)).toEqual(everyTable(overFast.db));
    // A caller's own number wins over the link's.
    expect((await sync(fast, tempCache(), { monthsInFlight: 3 })).mostInFlight).toBe(3);
    expect([0, 1, SLOW_LINK_MS - 0.1, SLOW_LINK_MS, 150].map(monthsInFlightFor)).toEqual([2, 2, 2, 4, 4]);
  });

  it('announces each month as it is swapped in (views reload on it), once the month is readable', async () => {
    const provider = await demo();
    const cache = tempCache();
    // When each commit is announced: how many months were in the cache, and how many still downloading.
    const seen: Array<{ committed: number; inCache: number }> = [];
    const { report } = await sync(provider, cache, {
      onProgress: (progress) => {
        if (progress.committed > (seen.at(-1)?.committed ?? 0)) {
          const inCache = cache.db.prepare('SELECT count(*) FROM periods').pluck().get() as number;
          seen.push({ committed: progress.committed, inCache });
        }
      },
    });
    expect(report.status).toBe('ok');
    expect(seen.map((s) => s.committed)).toEqual([1, 2, 3, 4]);
    // The announcement comes once the month is readable.
    for (const { committed, inCache } of seen) expect(inCache).toBeGreaterThanOrEqual(committed);
  });

  it('signs in again once when the token expires under every month at once', async () => {
    const provider = await demo();
    slowLink(provider);
    const cache = tempCache();
    const sessions = () => provider.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/session')).length;
    let expired = false;
    const { report } = await sync(provider, cache, {
      onProgress: (progress) => {
        if (!expired && progress.monthsInFlight.length >= 3 && progress.pages >= 4) {
          expired = true;
          provider.expireSessions();
        }
      },
    });
    expect(expired).toBe(true);
    expect(report.status).toBe('ok');
    expect(provider.requests.filter((r) => r.status === 401).length).toBeGreaterThan(1);
    expect(sessions()).toBe(2);
  });

  // Long on a loaded machine: three full syncs, each cancelled at another point.
  it('cancelled mid-flight, leave every month as it was or fully replaced', { timeout: 120_000 }, async () => {
    const before = await demo();
    const after = await demo({ perRoom: 12 });
    for (const month of MONTHS) after.bumpRevision(month);
    const replaced = tempCache();
    await sync(after, replaced);
    for (const cancelAtPage of [3, 20, 45]) {
      const cache = tempCache();
      expect((await sync(before, cache)).report.status).toBe('ok');
      const was = Object.fromEntries(MONTHS.map((m) => [m, monthOf(cache.db, m)]));
      after.faults.add({ path: '/conferences', times: Infinity, action: { kind: 'delay', ms: 3 } });
      const controller = new AbortController();
      const { report } = await sync(after, cache, {
        signal: controller.signal,
        openWriter: (lane) => laneWriter(cache.handle, lane),
        onProgress: (progress) => {
          if (progress.pages >= cancelAtPage) controller.abort();
        },
      });
      after.faults.clear();
      expect(report.status).toBe('cancelled');
      for (const month of MONTHS) {
        const now = monthOf(cache.db, month);
        expect([was[month], monthOf(replaced.db, month)]).toContainEqual(now);
      }
      expect(monthOf(replaced.db, MONTHS[0]!)).not.toEqual(was[MONTHS[0]!]);
    }
  });
});
