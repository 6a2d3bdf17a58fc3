// What a sign-in sees through the query layer: a room sign-in its room only,
// even when the cache holds the whole account; an account at one provider
// never the same account number at another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accountSummary,
  billingCodeConferences,
  billingCodeSummary,
  conferenceParticipants,
  getConference,
  listPeriods,
  periodConferences,
  periodParticipants,
  roomConferences,
} from '../../../src/main/cache';
import type { ApiConference } from '../../../src/main/provider/api-schemas';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { makeConference, makeParticipant, makePeriod, openTestCache, replaceInput, roomFor, roomScope, SCOPE, type TestCache } from './fixtures';

let cache: TestCache;
afterEach(() => cache.close());

const NOVEMBER = makePeriod('2026-11');
const conferences: ApiConference[] = [
  makeConference('c-1', '320026', '2026-11-02T09:00:00Z', [makeParticipant('p-1')], { billingCode: 'SHARED' }),
  makeConference('c-2', '332703', '2026-11-03T09:00:00Z', [makeParticipant('p-2'), makeParticipant('p-3')], { billingCode: 'SHARED' }),
  makeConference('c-3', '332703', '2026-11-04T09:00:00Z', [makeParticipant('p-4')]),
  makeConference('c-4', '335848', '2026-11-05T09:00:00Z', [makeParticipant('p-5')]),
];
const ROOM = roomScope('332703');

describe('a room sign-in, with the whole account in the cache', () => {
  beforeEach(() => {
    cache = openTestCache();
    replacePeriod(cache.db, replaceInput(NOVEMBER, conferences));
  });

  it('summary: only its room, and a total equal to that room’s charge', () => {
    const summary = accountSummary(cache.db, ROOM, '2026-11', 'all');
    const room = roomFor('332703', conferences);
    expect(summary.rooms.map((r) => r.roomNumber)).toEqual(['332703']);
    expect(summary.total).toEqual({ conferenceCount: room.conferenceCount, accumulatedSeconds: room.accumulatedSeconds, chargeCents: room.chargeCents });
    expect(accountSummary(cache.db, ROOM, '2026-11', 'active').rooms).toHaveLength(1);
    expect(accountSummary(cache.db, SCOPE, '2026-11', 'all').rooms).toHaveLength(3);
    expect(listPeriods(cache.db, ROOM).map((p) => p.period)).toEqual(['2026-11']);
  });

  it('billing codes: only its room’s conferences', () => {
    expect(billingCodeSummary(cache.db, ROOM, '2026-11').map((r) => [r.billingCode, r.conferenceCount])).toEqual([
      [null, 1],
      ['SHARED', 1],
    ]);
    expect(billingCodeConferences(cache.db, ROOM, '2026-11', 'SHARED').map((c) => c.id)).toEqual(['c-2']);
    expect(billingCodeConferences(cache.db, SCOPE, '2026-11', 'SHARED').map((c) => c.id)).toEqual(['c-1', 'c-2']);
  });

  it('another room, and its conferences, are not found', () => {
    expect(roomConferences(cache.db, ROOM, '2026-11', '320026')).toEqual([]);
    expect(roomConferences(cache.db, ROOM, '2026-11', '332703').map((c) => c.id)).toEqual(['c-2', 'c-3']);
    expect(getConference(cache.db, ROOM, '2026-11', 'c-1')).toBeNull();
    expect(conferenceParticipants(cache.db, ROOM, '2026-11', 'c-1')).toEqual([]);
    expect(getConference(cache.db, ROOM, '2026-11', 'c-2')?.roomNumber).toBe('332703');
  });

  it('export rows: its room only, and nothing of another room even when asked for it', () => {
    expect([...periodConferences(cache.db, ROOM, '2026-11')].map((c) => c.id)).toEqual(['c-2', 'c-3']);
    expect([...periodParticipants(cache.db, ROOM, '2026-11')].map((leg) => leg.id)).toEqual(['p-2', 'p-3', 'p-4']);
    expect([...periodConferences(cache.db, ROOM, '2026-11', { roomNumber: '335848' })]).toEqual([]);
    expect([...periodParticipants(cache.db, ROOM, '2026-11', { roomNumber: '335848' })]).toEqual([]);
    expect([...periodConferences(cache.db, SCOPE, '2026-11', { roomNumber: '335848' })].map((c) => c.id)).toEqual(['c-4']);
  });
});

describe('two providers with the same account number', () => {
  beforeEach(() => {
    cache = openTestCache();
    replacePeriod(cache.db, replaceInput(NOVEMBER, conferences));
    replacePeriod(cache.db, replaceInput(NOVEMBER, [makeConference('c-1', '999', '2026-11-09T09:00:00Z', [])], { origin: 'https://other.example/oai' }));
  });

  it('keep two accounts: neither sees the other’s rooms, conferences or periods', () => {
    const other = { ...SCOPE, provider: 'https://other.example' };
    expect(accountSummary(cache.db, other, '2026-11', 'all').rooms.map((r) => r.roomNumber)).toEqual(['999']);
    expect(accountSummary(cache.db, SCOPE, '2026-11', 'all').rooms.map((r) => r.roomNumber)).toEqual(['320026', '332703', '335848']);
    expect(getConference(cache.db, other, '2026-11', 'c-1')?.roomNumber).toBe('999');
    expect(getConference(cache.db, SCOPE, '2026-11', 'c-1')?.roomNumber).toBe('320026');
    expect(listPeriods(cache.db, other).map((p) => p.origin)).toEqual(['https://other.example/oai']);
  });
});
