import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accountSummary,
  BATCH_ROWS,
  CacheError,
  conferenceParticipants,
  getConference,
  getPeriod,
  listPeriods,
  notePeriodsServed,
  periodConferences,
  periodNeedsSync,
  periodParticipants,
  recordPeriodError,
  roomConferences,
  type PeriodConferenceRow,
} from '../../../src/main/cache';
import type { ApiConference } from '../../../src/main/provider/api-schemas';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import {
  ACCOUNT,
  KEY,
  ORIGIN,
  SCOPE,
  countRows,
  makeConference,
  makeMonth,
  makeParticipant,
  makePeriod,
  openTestCache,
  replaceInput,
  roomFor,
  type TestCache,
} from './fixtures';

let cache: TestCache;
beforeEach(() => {
  cache = openTestCache();
});
afterEach(() => cache.close());

const NOVEMBER = makePeriod('2026-11');
const OCTOBER = makePeriod('2026-10', { invoiced: true });

function catchError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** Everything a period holds, as plain data, to compare before/after a failed write. */
function snapshot(period: string) {
  const { db } = cache;
  return {
    period: getPeriod(db, SCOPE, period),
    rooms: accountSummary(db, SCOPE, period, 'all').rooms,
    conferences: [...periodConferences(db, SCOPE, period)],
    participants: [...periodParticipants(db, SCOPE, period)],
  };
}

describe('replacePeriod', () => {
  it('round-trips exact values, nulls and unknown provider fields', () => {
    const legWithExtras = {
      ...makeParticipant('p-1', { name: null, phone: null, accessType: 'satellite', seconds: 0, chargeCents: -15 }),
      codec: 'G.722',
      quality: { mos: 4.1 },
    };
    const plainLeg = makeParticipant('p-2', { joinedAt: '2026-11-06T07:05:00Z', leftAt: '2026-11-06T07:09:59Z', seconds: 299, chargeCents: 40 });
    const conference = {
      ...makeConference('c-1', '332703', '2026-11-06T07:02:11Z', [legWithExtras, plainLeg], {
        serviceType: 'Holographic',
        billingCode: 'PROJ-42',
        lengthSeconds: 3721,
      }),
      recordingUrl: 'https://example.test/r/1',
    } as ApiConference;
    const room = { ...roomFor('332703', [conference], { cardholder: null, autoBillingCode: 'AUTO-1' }), floor: 3 };
    const emptyRoom = roomFor('320026', [], { cardholder: 'Leo' });

    const counts = replacePeriod(cache.db, replaceInput(NOVEMBER, [conference], { rooms: [room, emptyRoom] }));
    expect(counts).toEqual({ conferences: 1, participants: 2 });

    const [stored] = [...periodConferences(cache.db, SCOPE, '2026-11')];
    expect(stored).toEqual<PeriodConferenceRow>({
      id: 'c-1',
      roomNumber: '332703',
      start: '2026-11-06T07:02:11Z',
      serviceType: 'Holographic',
      billingCode: 'PROJ-42',
      pending: null,
      participantCount: 2,
      lengthSeconds: 3721,
      accumulatedSeconds: 0 + 299,
      chargeCents: -15 + 40,
      period: '2026-11',
      cardholder: null,
      extraJson: JSON.stringify({ recordingUrl: 'https://example.test/r/1' }),
    });
    expect(conferenceParticipants(cache.db, SCOPE, '2026-11', 'c-1')).toEqual([
      { id: 'p-1', name: null, phone: null, accessType: 'satellite', joinedAt: '2026-11-06T07:02:11Z', leftAt: '2026-11-06T08:03:12Z', seconds: 0, chargeCents: -15 },
      { id: 'p-2', name: 'Name p-2', phone: '+33 1 ** ** 12 34', accessType: 'toll', joinedAt: '2026-11-06T07:05:00Z', leftAt: '2026-11-06T07:09:59Z', seconds: 299, chargeCents: 40 },
    ]);
    const legExtras = [...periodParticipants(cache.db, SCOPE, '2026-11')].map((leg) => leg.extraJson);
    expect(legExtras.map((text) => (text === null ? null : JSON.parse(text)))).toEqual([{ codec: 'G.722', quality: { mos: 4.1 } }, null]);

    const roomExtras = cache.db.prepare(`SELECT room_number AS room, extra_json AS extra FROM rooms ORDER BY room_number`).all();
    expect(roomExtras).toEqual([
      { room: '320026', extra: null },
      { room: '332703', extra: '{"floor":3}' },
    ]);
    expect(accountSummary(cache.db, SCOPE, '2026-11', 'all').rooms).toEqual([
      { roomNumber: '320026', cardholder: 'Leo', autoBillingCode: null, conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 },
      { roomNumber: '332703', cardholder: null, autoBillingCode: 'AUTO-1', conferenceCount: 1, accumulatedSeconds: 299, chargeCents: 25 },
    ]);
    expect(getPeriod(cache.db, SCOPE, '2026-11')).toEqual({
      accountNumber: ACCOUNT,
      period: '2026-11',
      start: '2026-11-01',
      invoiced: false,
      revision: 'r-2026-11-1',
      servedByProvider: true,
      scope: 'account',
      origin: ORIGIN,
      lastSyncedAt: '2026-11-26T10:00:00Z',
      lastError: null,
      lastErrorAt: null,
      source: 'provider',
    });
  });

  it('writes many conferences from a generator of pages, across insert batches, and replaces the previous copy', () => {
    const rooms = ['100', '200', '300'];
    // Enough conferences for two full insert batches and a partial one.
    const first = makeMonth('2026-11', BATCH_ROWS * 2 + 13, rooms);
    function* pagesOf(conferences: ApiConference[], size: number) {
      for (let at = 0; at < conferences.length; at += size) yield conferences.slice(at, at + size);
    }
    const expectedLegs = first.reduce((sum, conference) => sum + conference.participants.length, 0);
    expect(replacePeriod(cache.db, replaceInput(NOVEMBER, [], { conferences: pagesOf(first, 40), rooms: rooms.map((room) => roomFor(room, first)) }))).toEqual({
      conferences: first.length,
      participants: expectedLegs,
    });
    const stored = [...periodConferences(cache.db, SCOPE, '2026-11')];
    expect(stored.map((conference) => conference.id)).toEqual(first.map((conference) => conference.id));
    const legs = [...periodParticipants(cache.db, SCOPE, '2026-11')];
    expect(legs.map((leg) => leg.id)).toEqual(first.flatMap((conference) => conference.participants.map((leg) => leg.id)));
    expect(legs.every((leg) => leg.conferenceId === leg.id.replace(/-p\d+$/, ''))).toBe(true);

    // Second sync: fewer conferences, different ids; nothing of the first copy remains.
    const second = makeMonth('2026-11', 7, rooms, 'c-new');
    replacePeriod(cache.db, replaceInput(makePeriod('2026-11', { revision: 'r-2' }), second, { syncedAt: '2026-11-27T09:00:00Z' }));
    expect([...periodConferences(cache.db, SCOPE, '2026-11')].map((conference) => conference.id)).toEqual(second.map((conference) => conference.id));
    expect(countRows(cache.db, 'conferences')).toBe(7);
    expect(countRows(cache.db, 'participants')).toBe(second.reduce((sum, conference) => sum + conference.participants.length, 0));
    const period = getPeriod(cache.db, SCOPE, '2026-11');
    expect(period?.revision).toBe('r-2');
    expect(period?.lastSyncedAt).toBe('2026-11-27T09:00:00Z');
    const firstSynced = cache.db.prepare(`SELECT first_synced_at AS at FROM periods WHERE period = '2026-11'`).get() as { at: string };
    expect(firstSynced.at).toBe('2026-11-26T10:00:00Z');
  });

  it('leaves other periods alone', () => {
    replacePeriod(cache.db, replaceInput(OCTOBER, makeMonth('2026-10', 5, ['100'])));
    replacePeriod(cache.db, replaceInput(NOVEMBER, makeMonth('2026-11', 9, ['100'])));
    replacePeriod(cache.db, replaceInput(NOVEMBER, makeMonth('2026-11', 2, ['100'])));
    expect([...periodConferences(cache.db, SCOPE, '2026-10')]).toHaveLength(5);
    expect([...periodConferences(cache.db, SCOPE, '2026-11')]).toHaveLength(2);
  });

  describe('is all-or-nothing', () => {
    let before: ReturnType<typeof snapshot>;
    beforeEach(() => {
      replacePeriod(cache.db, replaceInput(NOVEMBER, makeMonth('2026-11', 40, ['100', '200'])));
      recordPeriodError(cache.db, SCOPE, '2026-11', 'earlier failure', '2026-11-26T11:00:00Z');
      before = snapshot('2026-11');
      expect(before.conferences).toHaveLength(40);
    });

    it('when the conference iterator throws midway', () => {
      const fresh = makeMonth('2026-11', 80, ['100', '200'], 'c-fresh');
      function* failingPages() {
        yield fresh.slice(0, 50);
        yield fresh.slice(50, 70);
        throw new Error('connection reset while paging');
      }
      expect(() => replacePeriod(cache.db, replaceInput(makePeriod('2026-11', { revision: 'r-9' }), [], { conferences: failingPages() }))).toThrow(
        'connection reset while paging',
      );
      expect(snapshot('2026-11')).toEqual(before);
      expect(cache.db.inTransaction).toBe(false);
    });

    it('when a participant violates a constraint', () => {
      const fresh = makeMonth('2026-11', 60, ['100', '200'], 'c-fresh');
      const broken = fresh[45]!.participants;
      broken.push({ ...makeParticipant('p-broken'), accessType: null as unknown as string });
      expect(() => replacePeriod(cache.db, replaceInput(NOVEMBER, fresh))).toThrow(/NOT NULL/);
      expect(snapshot('2026-11')).toEqual(before);
    });

    it('when the provider sends the same conference twice', () => {
      const fresh = makeMonth('2026-11', 60, ['100', '200'], 'c-fresh');
      fresh.push({ ...fresh[3]!, start: '2026-11-29T10:00:00Z' });
      const error = catchError(() => replacePeriod(cache.db, replaceInput(NOVEMBER, fresh)));
      expect(error).toBeInstanceOf(CacheError);
      expect((error as CacheError).code).toBe('duplicate_conference');
      expect((error as CacheError).message).toContain('c-fresh-3');
      expect(snapshot('2026-11')).toEqual(before);
    });
  });

  describe('with a room scope', () => {
    const rooms = ['100', '200', '300'];
    beforeEach(() => {
      replacePeriod(cache.db, replaceInput(NOVEMBER, makeMonth('2026-11', 30, rooms)));
    });

    it('replaces only that room and its room entry', () => {
      const others = () => ({
        conferences: [...periodConferences(cache.db, SCOPE, '2026-11')].filter((conference) => conference.roomNumber !== '200'),
        legs: [...periodParticipants(cache.db, SCOPE, '2026-11')].filter((leg) => leg.roomNumber !== '200'),
        rooms: accountSummary(cache.db, SCOPE, '2026-11', 'all').rooms.filter((room) => room.roomNumber !== '200'),
      });
      const untouched = others();
      const fresh = makeMonth('2026-11', 4, ['200'], 'c-room');
      const counts = replacePeriod(cache.db, 
        replaceInput(NOVEMBER, fresh, { scope: '200', rooms: [roomFor('200', fresh, { cardholder: 'New holder' })] }),
      );
      expect(counts).toEqual({ conferences: 4, participants: fresh.reduce((sum, conference) => sum + conference.participants.length, 0) });
      expect(others()).toEqual(untouched);
      expect(roomConferences(cache.db, SCOPE, '2026-11', '200').map((conference) => conference.id)).toEqual(['c-room-0', 'c-room-1', 'c-room-2', 'c-room-3']);
      const room200 = accountSummary(cache.db, SCOPE, '2026-11', 'all').rooms.find((room) => room.roomNumber === '200');
      expect(room200).toEqual({ ...roomFor('200', fresh), cardholder: 'New holder' });
      // Same revision as the account-wide copy: still complete account content.
      expect(getPeriod(cache.db, SCOPE, '2026-11')).toMatchObject({ scope: 'account', revision: 'r-2026-11-1' });
    });

    it('a room refreshed at another revision makes the account copy need a full sync again', () => {
      const fresh = makeMonth('2026-11', 2, ['300'], 'c-room');
      replacePeriod(cache.db, replaceInput(makePeriod('2026-11', { revision: 'r-newer' }), fresh, { scope: '300' }));
      expect(getPeriod(cache.db, SCOPE, '2026-11')).toMatchObject({ scope: 'account', revision: null });
      expect(periodNeedsSync(cache.db, SCOPE, makePeriod('2026-11', { revision: 'r-newer' }), 'account', ORIGIN)).toBe(true);
    });

    it('refuses data of another room and changes nothing', () => {
      const before = snapshot('2026-11');
      const stray = makeMonth('2026-11', 3, ['200', '300'], 'c-stray');
      const error = catchError(() => replacePeriod(cache.db, replaceInput(NOVEMBER, stray, { scope: '200', rooms: [roomFor('200', stray)] })));
      expect((error as CacheError).code).toBe('out_of_scope');
      expect(snapshot('2026-11')).toEqual(before);
    });

    it('a room login on a fresh period records that room as its scope', () => {
      const fresh = makeMonth('2026-10', 3, ['300'], 'c-oct');
      replacePeriod(cache.db, replaceInput(OCTOBER, fresh, { scope: '300' }));
      expect(getPeriod(cache.db, SCOPE, '2026-10')).toMatchObject({ scope: '300', revision: OCTOBER.revision, invoiced: true });
      expect(periodNeedsSync(cache.db, SCOPE, OCTOBER, '300', ORIGIN)).toBe(false);
      expect(periodNeedsSync(cache.db, SCOPE, OCTOBER, 'account', ORIGIN)).toBe(true);
      expect(periodNeedsSync(cache.db, SCOPE, OCTOBER, '300', 'https://other.example')).toBe(true);
    });
  });

  it('a conference id in two periods is two conferences: the newer month never takes it from the older one', () => {
    const moving = makeConference('c-moving', '100', '2026-10-31T23:30:00Z', [makeParticipant('p-m')]);
    replacePeriod(cache.db, replaceInput(OCTOBER, [moving, ...makeMonth('2026-10', 3, ['100'])]));
    const october = snapshot('2026-10');
    const november = makeMonth('2026-11', 40, ['100']);
    november.splice(5, 0, { ...moving, start: '2026-11-01T00:30:00Z', participants: [makeParticipant('p-n')] });
    replacePeriod(cache.db, replaceInput(NOVEMBER, november));
    expect(snapshot('2026-10')).toEqual(october);
    expect(getConference(cache.db, SCOPE, '2026-10', 'c-moving')?.start).toBe('2026-10-31T23:30:00Z');
    expect(getConference(cache.db, SCOPE, '2026-11', 'c-moving')?.start).toBe('2026-11-01T00:30:00Z');
    expect(conferenceParticipants(cache.db, SCOPE, '2026-10', 'c-moving').map((leg) => leg.id)).toEqual(['p-m']);
    expect(conferenceParticipants(cache.db, SCOPE, '2026-11', 'c-moving').map((leg) => leg.id)).toEqual(['p-n']);
    expect([...periodConferences(cache.db, SCOPE, '2026-11')]).toHaveLength(41);
    expect(getPeriod(cache.db, SCOPE, '2026-10')?.revision).toBe(OCTOBER.revision);
  });

  it('an id the provider reuses after archiving a month leaves that month whole, its room totals equal to its conferences', () => {
    // Month A synced with c-1, then archived: the provider can never resend it.
    const a = makePeriod('2026-08');
    const aConferences = [
      makeConference('c-1', '100', '2026-08-04T09:00:00Z', [makeParticipant('p-a1'), makeParticipant('p-a2')]),
      makeConference('c-2', '100', '2026-08-05T09:00:00Z', [makeParticipant('p-a3')]),
    ];
    replacePeriod(cache.db, replaceInput(a, aConferences));
    notePeriodsServed(cache.db, SCOPE, [NOVEMBER], '2026-11-02T09:00:00Z');
    const archived = snapshot('2026-08');
    expect(archived.period?.servedByProvider).toBe(false);

    // Month B: the provider recycles c-1 for a different conference.
    replacePeriod(cache.db, replaceInput(NOVEMBER, [makeConference('c-1', '100', '2026-11-09T09:00:00Z', [makeParticipant('p-b1')])]));

    expect(snapshot('2026-08')).toEqual(archived);
    const room = accountSummary(cache.db, SCOPE, '2026-08', 'all').rooms[0]!;
    const conferences = [...periodConferences(cache.db, SCOPE, '2026-08')];
    expect(conferences.map((conference) => conference.id)).toEqual(['c-1', 'c-2']);
    expect(room.conferenceCount).toBe(conferences.length);
    expect(room.chargeCents).toBe(conferences.reduce((sum, conference) => sum + conference.chargeCents, 0));
    expect(room.accumulatedSeconds).toBe(conferences.reduce((sum, conference) => sum + conference.accumulatedSeconds, 0));
    expect([...periodParticipants(cache.db, SCOPE, '2026-08')].map((leg) => leg.id)).toEqual(['p-a1', 'p-a2', 'p-a3']);
  });

  it('a room login refuses, naming conference, rooms and month, an id the cache holds under another room of the month, and keeps everything', () => {
    replacePeriod(cache.db, replaceInput(NOVEMBER, [
      makeConference('c-shared', '100', '2026-11-04T09:00:00Z', [makeParticipant('p-1')]),
      makeConference('c-200', '200', '2026-11-05T09:00:00Z', [makeParticipant('p-2')]),
    ]));
    const before = snapshot('2026-11');
    const moved = [makeConference('c-shared', '200', '2026-11-04T09:00:00Z', [makeParticipant('p-1')])];
    const error = catchError(() => replacePeriod(cache.db, replaceInput(NOVEMBER, moved, { scope: '200', rooms: [roomFor('200', moved)] })));
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).code).toBe('conference_in_another_room');
    expect((error as CacheError).message).toContain('conference c-shared of 2026-11 under room 200');
    expect((error as CacheError).message).toContain('holds it under room 100');
    expect((error as CacheError).message).toContain('the sync of 2026-11 was refused');
    expect(snapshot('2026-11')).toEqual(before);
  });

  it('clears the period error on success; recordPeriodError keeps the data', () => {
    replacePeriod(cache.db, replaceInput(NOVEMBER, makeMonth('2026-11', 3, ['100'])));
    recordPeriodError(cache.db, SCOPE, '2026-11', 'The provider is unavailable (503).', '2026-11-27T08:00:00Z');
    expect(getPeriod(cache.db, SCOPE, '2026-11')).toMatchObject({
      lastError: 'The provider is unavailable (503).',
      lastErrorAt: '2026-11-27T08:00:00Z',
      revision: NOVEMBER.revision,
    });
    expect([...periodConferences(cache.db, SCOPE, '2026-11')]).toHaveLength(3);
    replacePeriod(cache.db, replaceInput(NOVEMBER, makeMonth('2026-11', 3, ['100'])));
    expect(getPeriod(cache.db, SCOPE, '2026-11')).toMatchObject({ lastError: null, lastErrorAt: null });
  });

  it('recordPeriodError on a period never seen creates it with its first day', () => {
    recordPeriodError(cache.db, SCOPE, '2026-09', 'boom', '2026-11-27T08:00:00Z');
    expect(getPeriod(cache.db, SCOPE, '2026-09')).toMatchObject({ start: '2026-09-01', revision: null, lastError: 'boom' });
  });
});

describe('notePeriodsServed', () => {
  it('updates served periods without touching their content, archives the others and keeps their rows', () => {
    const { db } = cache;
    const august = makePeriod('2026-08');
    replacePeriod(db, replaceInput(august, makeMonth('2026-08', 4, ['100'])));
    replacePeriod(db, replaceInput(NOVEMBER, makeMonth('2026-11', 2, ['100'])));

    notePeriodsServed(db, SCOPE, [makePeriod('2026-11', { invoiced: true, revision: 'r-changed' }), makePeriod('2026-10')], '2026-12-01T09:00:00Z');

    expect(listPeriods(db, SCOPE).map((period) => [period.period, period.servedByProvider, period.revision, period.invoiced])).toEqual([
      ['2026-11', true, NOVEMBER.revision, true], // metadata updated, revision kept until a real sync
      ['2026-10', true, null, false], // new, never synced
      ['2026-08', false, august.revision, false], // archived
    ]);
    expect([...periodConferences(db, SCOPE, '2026-08')]).toHaveLength(4);
    expect(accountSummary(db, SCOPE, '2026-08', 'all').rooms).toHaveLength(1);
    const seen = cache.db.prepare(`SELECT period, last_seen_at AS seen FROM periods ORDER BY period`).all();
    expect(seen).toEqual([
      { period: '2026-08', seen: '2026-11-26T10:00:00Z' },
      { period: '2026-10', seen: '2026-12-01T09:00:00Z' },
      { period: '2026-11', seen: '2026-12-01T09:00:00Z' },
    ]);

    // Served again later: no longer archived.
    notePeriodsServed(db, SCOPE, [august], '2026-12-02T09:00:00Z');
    expect(getPeriod(db, SCOPE, '2026-08')?.servedByProvider).toBe(true);
    expect(getPeriod(db, SCOPE, '2026-11')?.servedByProvider).toBe(false);
  });

  it('only affects the given account', () => {
    replacePeriod(cache.db, replaceInput(NOVEMBER, makeMonth('2026-11', 1, ['100']), { accountNumber: '999' }));
    notePeriodsServed(cache.db, SCOPE, [], '2026-12-01T09:00:00Z');
    expect(getPeriod(cache.db, { ...KEY, accountNumber: '999' }, '2026-11')?.servedByProvider).toBe(true);
  });

  it('only affects the given provider: the same account number elsewhere is another account', () => {
    replacePeriod(cache.db, replaceInput(NOVEMBER, makeMonth('2026-11', 1, ['100']), { origin: 'https://other.example/api' }));
    notePeriodsServed(cache.db, SCOPE, [], '2026-12-01T09:00:00Z');
    expect(getPeriod(cache.db, { ...KEY, provider: 'https://other.example' }, '2026-11')).toMatchObject({ servedByProvider: true, origin: 'https://other.example/api' });
  });
});
