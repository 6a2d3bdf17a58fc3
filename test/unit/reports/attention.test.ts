import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attentionOf } from '../../../src/main/features/reports/attention';
import { longConferencesSql, longLegsSql } from '../../../src/main/cache/queries/attention';
import { makeConference, makeParticipant, makePeriod, openTestCache, replaceInput, roomFor, roomScope, SCOPE, type TestCache } from '../cache/fixtures';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import type { ApiRoom } from '../../../src/main/provider/api-schemas';

let cache: TestCache;
afterEach(() => cache.close());

const FOUR_HOURS = 4 * 3600;

/** A month of rooms with these charges (cents; 0 = unused), and the given conferences. */
function month(period: string, charges: Record<string, number>, conferences = [] as ReturnType<typeof makeConference>[]): void {
  const rooms: ApiRoom[] = Object.entries(charges).map(([roomNumber, chargeCents]) => {
    const own = roomFor(roomNumber, conferences);
    return own.conferenceCount > 0 ? own : { ...own, conferenceCount: chargeCents > 0 ? 1 : 0, accumulatedSeconds: chargeCents > 0 ? 60 : 0, chargeCents };
  });
  replacePeriod(cache.db, replaceInput(makePeriod(period), conferences, { rooms }));
}

beforeEach(() => {
  cache = openTestCache();
  // Room 1: steady 100 €, then 160 € (+60 %, +60 €): rising.
  // Room 2: 10 € average, then 25 € (+150 % but only +15 €): not rising.
  // Room 3: 100 € average, then 140 € (+40 €, only +40 %): not rising.
  // Room 4: used in 2026-01 only: unused for the three months since (02, 03, 04)
  // Room 5: used in 2026-02: unused for two months only. Room 6: never used in the archive's five months.
  month('2025-12', { 1: 10000, 2: 1000, 3: 10000, 4: 0, 5: 500, 6: 0 });
  month('2026-01', { 1: 10000, 2: 1000, 3: 9000, 4: 700, 5: 0, 6: 0 });
  month('2026-02', { 1: 10000, 2: 1000, 3: 11000, 4: 0, 5: 300, 6: 0 });
  month('2026-03', { 1: 10000, 2: 1000, 3: 10000, 4: 0, 5: 0, 6: 0 });
  const leftOpen = makeConference('open', '1', '2026-04-02T08:00:00Z', [
    makeParticipant('night', { seconds: FOUR_HOURS + 1, chargeCents: 8000 }),
    makeParticipant('short', { seconds: 600, chargeCents: 8000 }),
  ], { lengthSeconds: FOUR_HOURS + 60 });
  const exactly = makeConference('four', '3', '2026-04-03T08:00:00Z', [makeParticipant('exact', { seconds: FOUR_HOURS, chargeCents: 14000 })], { lengthSeconds: FOUR_HOURS });
  const small = makeConference('small', '2', '2026-04-04T08:00:00Z', [makeParticipant('s', { seconds: 60, chargeCents: 2500 })], { lengthSeconds: 60 });
  month('2026-04', { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 }, [leftOpen, exactly, small]);
});

describe('what deserves attention', () => {
  it('conferences and legs longer than the threshold (not equal to it)', () => {
    const attention = attentionOf(cache.db, SCOPE, '2026-04', FOUR_HOURS);
    expect(attention.longConferences.map((c) => c.conferenceId)).toEqual(['open']);
    expect(attention.longLegs.map((leg) => [leg.conferenceId, leg.participantId])).toEqual([['open', 'night']]);
    expect(attentionOf(cache.db, SCOPE, '2026-04', 3600).longConferences.map((c) => c.conferenceId)).toEqual(['open', 'four']);
  });

  it('long legs at every threshold, through the partial index from two hours up and by reading every leg below', () => {
    const legs = [7199, 7200, 7201, 9000, 14_401].map((seconds) => makeParticipant(`leg-${seconds}`, { seconds, chargeCents: 100 }));
    month('2026-05', { 7: 0 }, [makeConference('long-legs', '7', '2026-05-02T08:00:00Z', legs, { lengthSeconds: 14_460 })]);
    const longer = (threshold: number) => attentionOf(cache.db, SCOPE, '2026-05', threshold).longLegs.map((leg) => leg.seconds);
    expect(longer(3600)).toEqual([14_401, 9000, 7201, 7200, 7199]);
    expect(longer(7200)).toEqual([14_401, 9000, 7201]);
    expect(longer(FOUR_HOURS)).toEqual([14_401]);
    // The app's query at the app's thresholds probes the partial index.
    const plan = cache.db
      .prepare(`EXPLAIN QUERY PLAN ${longLegsSql(SCOPE, true)}`)
      .all({ provider: SCOPE.provider, accountNumber: SCOPE.accountNumber, period: '2026-05', threshold: 7200, firstRow: 1, lastRow: 9 }) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/INDEX participants_long_legs \(conference_row>\? AND conference_row<\?\)/);
  });

  it('long legs of a month whose rows are not all together, and of a month whose rows lie among them', () => {
    const conferences = ['a', 'b', 'c'].map((id, index) =>
      makeConference(id, '7', `2026-05-0${index + 1}T08:00:00Z`, [makeParticipant(`leg-${id}`, { seconds: 9000 + index, chargeCents: 100 })], { lengthSeconds: 9100 }),
    );
    month('2026-05', { 7: 0 }, conferences);
    month('2026-06', { 7: 0 }, [makeConference('d', '7', '2026-06-01T08:00:00Z', [makeParticipant('leg-d', { seconds: 9500, chargeCents: 100 })], { lengthSeconds: 9600 })]);
    // The middle conference of May moves to June: June's rows now lie on both sides of May's last one.
    cache.db.exec(`UPDATE conferences SET period = '2026-06' WHERE conference_id = 'b'`);
    const legs = (period: string) => attentionOf(cache.db, SCOPE, period, 7200).longLegs.map((leg) => leg.participantId);
    expect(legs('2026-05')).toEqual(['leg-c', 'leg-a']);
    expect(legs('2026-06')).toEqual(['leg-d', 'leg-b']);
    expect(legs('2026-07')).toEqual([]);
  });

  it('long conferences at every threshold, through the partial index from two hours up and by reading the month below', () => {
    const conferences = [7199, 7200, 7201, 9000, 14_401].map((seconds, index) =>
      makeConference(`long-${seconds}`, '7', `2026-05-0${index + 1}T08:00:00Z`, [makeParticipant(`p-${seconds}`, { seconds: 60, chargeCents: 100 })], { lengthSeconds: seconds }),
    );
    month('2026-05', { 7: 0 }, conferences);
    const longer = (threshold: number) => attentionOf(cache.db, SCOPE, '2026-05', threshold).longConferences.map((c) => c.lengthSeconds);
    expect(longer(3600)).toEqual([14_401, 9000, 7201, 7200, 7199]);
    expect(longer(7200)).toEqual([14_401, 9000, 7201]);
    expect(longer(FOUR_HOURS)).toEqual([14_401]);
    const plan = cache.db.prepare(`EXPLAIN QUERY PLAN ${longConferencesSql(SCOPE, true)}`).all({ provider: SCOPE.provider, accountNumber: SCOPE.accountNumber, period: '2026-05', threshold: 7200 }) as {
      detail: string;
    }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/INDEX conferences_long/);
  });

  it('rooms more than 50 % and 20 € above their average of the three months before', () => {
    const attention = attentionOf(cache.db, SCOPE, '2026-04', FOUR_HOURS);
    expect(attention.risingRooms).toEqual([{ roomNumber: '1', cardholder: 'Holder 1', chargeCents: 16000, averageCents: 10000 }]);
    // Without the three months before in the archive, nothing is compared.
    expect(attentionOf(cache.db, SCOPE, '2026-02', FOUR_HOURS).risingRooms).toEqual([]);
  });

  it('rooms unused for three months or more, with the month they were last used', () => {
    const attention = attentionOf(cache.db, SCOPE, '2026-04', FOUR_HOURS);
    expect(attention.idleRooms.map((room) => [room.roomNumber, room.monthsUnused, room.lastUsed])).toEqual([
      ['6', 5, null],
      ['4', 3, '2026-01'],
    ]);
  });

  it('a room sign-in sees its own room only', () => {
    const attention = attentionOf(cache.db, roomScope('3'), '2026-04', 3600);
    expect(attention.longConferences.map((c) => c.roomNumber)).toEqual(['3']);
    expect(attention.risingRooms).toEqual([]);
    expect(attentionOf(cache.db, roomScope('6'), '2026-04', 3600).idleRooms.map((room) => room.roomNumber)).toEqual(['6']);
    // From two hours up, through the partial indexes: the same rule.
    const long = (room: string) => attentionOf(cache.db, roomScope(room), '2026-04', 7200);
    expect(long('3').longConferences.map((c) => c.conferenceId)).toEqual(['four']);
    expect(long('3').longLegs.map((leg) => leg.participantId)).toEqual(['exact']);
    expect(long('1').longLegs.map((leg) => leg.participantId)).toEqual(['night']);
    expect(long('2').longConferences).toEqual([]);
    expect(long('2').longLegs).toEqual([]);
    // Room 3's conferences on both sides of room 1's: its row range holds room 1's leg, which it must not see.
    const leg = (id: string) => [makeParticipant(`leg-${id}`, { seconds: 10_800, chargeCents: 100 })];
    month('2026-05', { 1: 0, 3: 0 }, [
      makeConference('a', '3', '2026-05-01T08:00:00Z', leg('a'), { lengthSeconds: 10_900 }),
      makeConference('b', '1', '2026-05-02T08:00:00Z', leg('b'), { lengthSeconds: 10_900 }),
      makeConference('c', '3', '2026-05-03T08:00:00Z', leg('c'), { lengthSeconds: 10_900 }),
    ]);
    const may = attentionOf(cache.db, roomScope('3'), '2026-05', 7200);
    expect(may.longLegs.map((l) => l.participantId).sort()).toEqual(['leg-a', 'leg-c']);
    expect(may.longConferences.map((c) => c.conferenceId).sort()).toEqual(['a', 'c']);
  });
});
