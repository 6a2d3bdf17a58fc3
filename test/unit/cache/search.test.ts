// Searching the archive: every field finds its conferences, across archived
// months, within a room sign-in's room and the date range, and the index
// follows re-syncs and billing-code changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  discardOutbox,
  hasUnindexedPeriods,
  indexMissingPeriods,
  migrate,
  notePeriodsServed,
  queueBillingCode,
  removeImportedMonth,
  searchConferences,
  setLocalBillingCode,
  writeImportedFile,
  searchMatchExpression,
  searchSql,
  type SearchQuery,
  type ViewScope,
} from '../../../src/main/cache';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { countRows, KEY, makeConference, makeParticipant, makePeriod, openTestCache, replaceInput, roomScope, SCOPE, type TestCache } from './fixtures';

let cache: TestCache;
afterEach(() => cache.close());

const SEPTEMBER = [
  makeConference('s-1', '320026', '2026-09-02T09:00:00Z', [makeParticipant('p-1', { name: 'Élodie Müller', phone: '+33 1 23 45 67 89' })], {
    billingCode: 'CLIENT-A',
  }),
  makeConference('s-2', '332 703', '2026-09-03T09:00:00Z', [makeParticipant('p-2', { name: 'Bob Stone' })], { serviceType: 'Operator Assisted' }),
];
const NOVEMBER = [
  makeConference('n-1', '320026', '2026-11-02T09:00:00Z', [makeParticipant('p-3', { name: 'Carla Diaz' })], { billingCode: 'client-a' }),
  makeConference('n-2', '332 703', '2026-11-05T09:00:00Z', [makeParticipant('p-4', { name: 'Elodie Muller' })]),
];

function search(text: string, scope: ViewScope = SCOPE, range: Partial<SearchQuery> = {}): string[] {
  return searchConferences(cache.db, scope, { text, from: null, to: null, offset: 0, limit: 50, ...range }).hits.map((hit) => `${hit.period}/${hit.id}`);
}

beforeEach(() => {
  cache = openTestCache();
  replacePeriod(cache.db, replaceInput(makePeriod('2026-09'), SEPTEMBER));
  replacePeriod(cache.db, replaceInput(makePeriod('2026-11'), NOVEMBER));
  // September is no longer served: an archived month.
  notePeriodsServed(cache.db, KEY, [makePeriod('2026-11')], '2026-11-26T10:00:00Z');
});

describe('search finds by each field, newest first, across months', () => {
  it('cardholder', () => {
    expect(search('holder 320026')).toEqual(['2026-11/n-1', '2026-09/s-1']);
  });
  it('room number, with or without its spaces, and by prefix', () => {
    expect(search('332 703')).toEqual(['2026-11/n-2', '2026-09/s-2']);
    expect(search('332703')).toEqual(['2026-11/n-2', '2026-09/s-2']);
    expect(search('3327')).toEqual(['2026-11/n-2', '2026-09/s-2']);
    // As the app shows it, spaced otherwise.
    expect(search('33 270 3')).toEqual(['2026-11/n-2', '2026-09/s-2']);
    expect(search('holder 33 27')).toEqual(['2026-11/n-2', '2026-09/s-2']);
  });
  it('billing code, whatever its case', () => {
    expect(search('CLIENT-a')).toEqual(['2026-11/n-1', '2026-09/s-1']);
  });
  it('participant name, whatever its accents and case', () => {
    expect(search('elodie muller')).toEqual(['2026-11/n-2', '2026-09/s-1']);
    expect(search('ÉLO')).toEqual(['2026-11/n-2', '2026-09/s-1']);
  });
  it('participant phone, as written or as digits', () => {
    expect(search('+33 1 23 45')).toEqual(['2026-09/s-1']);
    expect(search('0123456789')).toEqual([]);
    expect(search('3312345')).toEqual(['2026-09/s-1']);
  });
  it('service type', () => {
    expect(search('operator')).toEqual(['2026-09/s-2']);
  });
  it('nothing searchable finds nothing', () => {
    expect(searchMatchExpression(' -- ')).toBeNull();
    expect(search('"*')).toEqual([]);
  });
});

describe('what a search may see', () => {
  it('a room sign-in finds its own room only', () => {
    expect(search('elodie', roomScope('332 703'))).toEqual(['2026-11/n-2']);
  });
  it('the date range bounds the months', () => {
    expect(search('elodie', SCOPE, { from: '2026-10' })).toEqual(['2026-11/n-2']);
    expect(search('elodie', SCOPE, { to: '2026-10' })).toEqual(['2026-09/s-1']);
  });
  it('pages: hasMore until the last', () => {
    const first = searchConferences(cache.db, SCOPE, { text: 'holder', from: null, to: null, offset: 0, limit: 3 });
    expect(first.hits).toHaveLength(3);
    expect(first.hasMore).toBe(true);
    const last = searchConferences(cache.db, SCOPE, { text: 'holder', from: null, to: null, offset: 3, limit: 3 });
    expect(last.hits.map((hit) => hit.id)).toEqual(['s-1']);
    expect(last.hasMore).toBe(false);
  });
});

describe('the index follows the archive', () => {
  it('a re-synced month replaces its documents (no stale hit, no duplicate)', () => {
    const renamed = [makeConference('n-1', '320026', '2026-11-02T09:00:00Z', [makeParticipant('p-3', { name: 'Dora Diaz' })])];
    replacePeriod(cache.db, replaceInput(makePeriod('2026-11', { revision: 'r2' }), renamed));
    expect(search('carla')).toEqual([]);
    expect(search('dora')).toEqual(['2026-11/n-1']);
    expect(search('diaz')).toEqual(['2026-11/n-1']);
    expect(countRows(cache.db, 'conference_search')).toBe(countRows(cache.db, 'conferences'));
    // The rows the re-sync removed are numbered again by the next month: their old words must not find it.
    replacePeriod(cache.db, replaceInput(makePeriod('2026-12'), [makeConference('d-1', '999', '2026-12-01T09:00:00Z', [makeParticipant('p-9', { name: 'Yan' })])]));
    expect(search('elodie')).toEqual(['2026-09/s-1']);
    expect(search('yan')).toEqual(['2026-12/d-1']);
  });
  it('a room sign-in’s re-sync keeps the other rooms’ documents', () => {
    const room = [makeConference('n-2', '332 703', '2026-11-05T09:00:00Z', [makeParticipant('p-4', { name: 'Zoe Park' })])];
    replacePeriod(cache.db, replaceInput(makePeriod('2026-11', { revision: 'r2' }), room, { scope: '332 703' }));
    expect(search('zoe')).toEqual(['2026-11/n-2']);
    expect(search('carla')).toEqual(['2026-11/n-1']);
  });
  it('a pending billing-code change is searchable at once, and gone when discarded', () => {
    const queued = queueBillingCode(cache.db, SCOPE, '2026-11', 'n-2', 'DEPT 42', '2026-11-26T11:00:00Z');
    expect(search('dept42')).toEqual(['2026-11/n-2']);
    expect(search('dept 42')).toEqual(['2026-11/n-2']);
    discardOutbox(cache.db, queued.outboxId);
    expect(search('dept')).toEqual([]);
  });
  it('a local allocation (an archived month) is searchable at once by its local code', () => {
    expect(search('LOCAL-SEPT')).toEqual([]);
    setLocalBillingCode(cache.db, SCOPE, '2026-09', 's-2', 'LOCAL-SEPT', '2026-11-20T09:00:00Z');
    expect(search('LOCAL-SEPT')).toEqual(['2026-09/s-2']);
  });

  it('an imported month is left to the index upkeep, searchable once indexed, and gone once removed', () => {
    const conference = {
      id: 'imp-1',
      period: '2025-06',
      roomNumber: '320026',
      cardholder: 'Zoé Imported',
      startUtc: '2025-06-03T08:00:00Z',
      participantCount: 3,
      billingCode: 'OLD-CODE',
      lengthSeconds: 600,
      accumulatedSeconds: 1800,
      chargeCents: 120,
    };
    writeImportedFile(cache.db, KEY, { fileName: 'june.xlsx', sizeBytes: 1, sha256: 'x' }, [conference], '2026-11-20T09:00:00Z');
    expect(hasUnindexedPeriods(cache.db)).toBe(true);
    expect(search('old-code')).toEqual([]);
    expect(indexMissingPeriods(cache.db)).toBe(1);
    expect(search('old-code')).toEqual(['2025-06/imp-1']);
    expect(search('zoe')).toEqual(['2025-06/imp-1']);
    expect(removeImportedMonth(cache.db, KEY, '2025-06')).toBe(true);
    expect(search('old-code')).toEqual([]);
    expect(countRows(cache.db, 'conference_search')).toBe(SEPTEMBER.length + NOVEMBER.length);
  });

  it('months without documents (an upgraded archive) are indexed when asked', () => {
    cache.db.exec('DELETE FROM conference_search; DELETE FROM conference_search_periods');
    expect(search('elodie')).toEqual([]);
    expect(indexMissingPeriods(cache.db)).toBe(2);
    expect(search('elodie')).toEqual(['2026-11/n-2', '2026-09/s-1']);
    expect(indexMissingPeriods(cache.db)).toBe(0);
    expect(countRows(cache.db, 'conference_search_periods')).toBe(2);
  });
});

describe('newest first without sorting every match (documents numbered in date order)', () => {
  it('a month written out of date order is still found newest first, months newest first', () => {
    // Start times shuffled against their ids and rows; one more month before.
    const starts = ['2026-12-14T09:00:00Z', '2026-12-02T09:00:00Z', '2026-12-30T09:00:00Z', '2026-12-02T08:59:59Z', '2026-12-21T17:00:00Z'];
    const december = starts.map((start, i) => makeConference(`d-${i}`, i % 2 === 0 ? '320026' : '332 703', start, [makeParticipant(`dp-${i}`, { name: 'Ines Roy' })]));
    replacePeriod(cache.db, replaceInput(makePeriod('2026-12'), december));
    const expected = december
      .map((c) => ({ id: `2026-12/${c.id}`, start: c.start }))
      .sort((a, b) => b.start.localeCompare(a.start))
      .map((c) => c.id);
    expect(search('ines')).toEqual(expected);
    expect(search('holder')).toEqual([...expected, '2026-11/n-2', '2026-11/n-1', '2026-09/s-2', '2026-09/s-1']);
    // Pages follow the same order.
    const page = (offset: number) => searchConferences(cache.db, SCOPE, { text: 'ines', from: null, to: null, offset, limit: 2 }).hits.map((hit) => `2026-12/${hit.id}`);
    expect([...page(0), ...page(2), ...page(4)]).toEqual(expected);
    // A room sign-in: its room only, in the same order.
    expect(search('ines', roomScope('332 703'))).toEqual(expected.filter((id) => ['2026-12/d-1', '2026-12/d-3'].includes(id)));
  });

  it('the full-text index drives the query: no walk of every conference, no sort of every match', () => {
    const plan = (scope: ViewScope) => {
      const params = { match: '"elodie"*', first: 0, last: 2 ** 52, limit: 51, offset: 0, ...(scope.roomNumber === null ? {} : { roomNumber: scope.roomNumber }) };
      const rows = cache.db.prepare(`EXPLAIN QUERY PLAN ${searchSql(scope)}`).all(params) as { detail: string }[];
      return rows.map((row) => row.detail);
    };
    for (const scope of [SCOPE, roomScope('332 703')]) {
      const details = plan(scope);
      expect(details[0]).toMatch(/^SCAN s VIRTUAL TABLE/);
      expect(details.join('\n')).not.toMatch(/TEMP B-TREE|SCAN c\b/);
    }
  });
});

describe('an archive indexed by schema 6 (documents numbered by row)', () => {
  it('is indexed again after the upgrade, on the first search that finds its months missing', () => {
    cache.db.exec(`PRAGMA user_version = 7; DROP TABLE conference_search_docs; DROP INDEX participants_long_legs; DROP INDEX conferences_long;`);
    migrate(cache.db);
    expect(search('elodie')).toEqual([]);
    expect(indexMissingPeriods(cache.db)).toBe(2);
    expect(search('elodie')).toEqual(['2026-11/n-2', '2026-09/s-1']);
  });
});
