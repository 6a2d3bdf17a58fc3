// The first screen of a room's list, read before the whole list: totals over
// every conference and the first rows in the list's date order, either way;
// then the whole list in slices.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roomConferences, roomConferencesFirst, roomConferencesPage } from '../../../src/main/cache';
import { syncedCache, type SyncedCache } from '../export/helpers';

const PERIOD = '2010-03';
let cache: SyncedCache;
beforeAll(async () => {
  cache = await syncedCache({ now: '2010-03-31', rooms: 12, perRoom: 40 });
});
afterAll(() => cache.db.close());

it('gives the totals of every conference and the first rows of the date order, either way', () => {
  const busiest = cache.db.prepare('SELECT room_number FROM conferences WHERE period = ? GROUP BY room_number ORDER BY count(*) DESC LIMIT 1').pluck().get(PERIOD) as string;
  const all = roomConferences(cache.db, cache.scope, PERIOD, busiest);
  expect(all.length).toBeGreaterThan(30);
  const sum = (pick: (c: (typeof all)[number]) => number) => all.reduce((total, c) => total + pick(c), 0);

  const ascending = roomConferencesFirst(cache.db, cache.scope, PERIOD, busiest, { descending: false, limit: 25 });
  expect(ascending.totals).toEqual({
    conferenceCount: all.length,
    participantCount: sum((c) => c.participantCount),
    lengthSeconds: sum((c) => c.lengthSeconds),
    accumulatedSeconds: sum((c) => c.accumulatedSeconds),
    chargeCents: sum((c) => c.chargeCents),
  });
  expect(ascending.firstRows).toEqual(all.slice(0, 25));

  const descending = roomConferencesFirst(cache.db, cache.scope, PERIOD, busiest, { descending: true, limit: 25 });
  expect(descending.firstRows).toEqual([...all].reverse().slice(0, 25));
});

it('finds nothing of a room outside a room sign-in, and zero totals for an empty room', () => {
  const other = roomConferencesFirst(cache.db, { ...cache.scope, roomNumber: '999999' }, PERIOD, '332703', { descending: false, limit: 10 });
  expect(other).toEqual({ totals: { conferenceCount: 0, participantCount: 0, lengthSeconds: 0, accumulatedSeconds: 0, chargeCents: 0 }, firstRows: [] });
});

it('gives the whole list slice by slice, in the same order', () => {
  const room = cache.db.prepare('SELECT room_number FROM conferences WHERE period = ? GROUP BY room_number ORDER BY count(*) DESC LIMIT 1').pluck().get(PERIOD) as string;
  const all = roomConferences(cache.db, cache.scope, PERIOD, room);
  const sliced = [];
  for (let offset = 0; offset < all.length + 7; offset += 7) sliced.push(...roomConferencesPage(cache.db, cache.scope, PERIOD, room, { offset, limit: 7 }));
  expect(sliced).toEqual(all);
});
