import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiConference } from '../../../src/main/provider/api-schemas';
import { ACCOUNT, makeConference, makeParticipant, makePeriod, openTestCache, PROVIDER, replaceInput, roomFor, SCOPE, type TestCache } from './fixtures';
import { toAccountInput } from '../../../src/main/sync/provider-rows';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import {
  accountSummary,
  billingCodeConferences,
  billingCodeSummary,
  conferenceParticipants,
  getConference,
  listCachedAccounts,
  markOutboxFailed,
  markOutboxSent,
  pendingOutbox,
  periodConferences,
  periodParticipants,
  queueBillingCode,
  roomConferences,
  upsertAccount,
  getAccount,
} from '../../../src/main/cache';

let cache: TestCache;
afterEach(() => cache.close());

const NOVEMBER = makePeriod('2026-11');

describe('accountSummary', () => {
  beforeEach(() => {
    cache = openTestCache();
    // Through the sync's mapper, as the engine stores the provider's account: unknown fields are not kept.
    upsertAccount(
      cache.db,
      PROVIDER,
      toAccountInput({ accountNumber: ACCOUNT, companyName: 'MeetingOne Phoenix', currency: 'EUR', timeZone: 'Europe/Paris', supportPhone: '+32 2 789 00 10', unknown: 1 }),
      '2026-11-26T09:00:00Z',
    );
    // The product guide's example month: three active rooms, one idle.
    const rooms = [
      { roomNumber: '332703', cardholder: 'Marilene BALLESTER', autoBillingCode: null, conferenceCount: 19, accumulatedSeconds: 85816, chargeCents: 11659 },
      { roomNumber: '320026', cardholder: 'Leo', autoBillingCode: null, conferenceCount: 1, accumulatedSeconds: 60, chargeCents: 9 },
      { roomNumber: '99', cardholder: null, autoBillingCode: 'OLD', conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 },
      { roomNumber: '335848', cardholder: 'Jean-Baptiste Godeau', autoBillingCode: null, conferenceCount: 3, accumulatedSeconds: 10732, chargeCents: 1539 },
    ];
    replacePeriod(cache.db, replaceInput(NOVEMBER, [], { rooms }));
  });

  it('active rooms, sorted by room number, with the total from the rooms table', () => {
    const summary = accountSummary(cache.db, SCOPE, '2026-11', 'active');
    expect(summary.account).toEqual({ accountNumber: ACCOUNT, companyName: 'MeetingOne Phoenix', currency: 'EUR', timeZone: 'Europe/Paris', supportPhone: '+32 2 789 00 10' });
    expect(summary.period?.period).toBe('2026-11');
    expect(summary.rooms.map((room) => room.roomNumber)).toEqual(['320026', '332703', '335848']);
    expect(summary.total).toEqual({ conferenceCount: 23, accumulatedSeconds: 96608, chargeCents: 13207 }); // 132,07 €
  });

  it('all rooms, numerically ordered (99 before 320026)', () => {
    const summary = accountSummary(cache.db, SCOPE, '2026-11', 'all');
    expect(summary.rooms.map((room) => room.roomNumber)).toEqual(['99', '320026', '332703', '335848']);
    expect(summary.rooms[0]).toEqual({ roomNumber: '99', cardholder: null, autoBillingCode: 'OLD', conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 });
    expect(summary.total.chargeCents).toBe(13207);
  });

  it('an unknown account or period gives nulls and zero totals', () => {
    expect(accountSummary(cache.db, { ...SCOPE, accountNumber: '1' }, '2026-11', 'all')).toEqual({
      account: null,
      period: null,
      rooms: [],
      total: { conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 },
    });
    expect(accountSummary(cache.db, SCOPE, '2026-01', 'active').period).toBeNull();
  });

  it('lists accounts with their provider and months, and updates them in place', () => {
    upsertAccount(cache.db, PROVIDER, { accountNumber: '100', companyName: 'Other', currency: 'USD', timeZone: 'UTC' });
    upsertAccount(cache.db, 'https://other.example', { accountNumber: ACCOUNT, companyName: 'Same number elsewhere', currency: 'USD', timeZone: 'UTC' });
    upsertAccount(cache.db, PROVIDER, { accountNumber: ACCOUNT, companyName: 'Renamed', currency: 'EUR', timeZone: 'Europe/Paris', supportPhone: null });
    expect(listCachedAccounts(cache.db)).toEqual([
      { provider: PROVIDER, accountNumber: '100', months: 0 },
      { provider: PROVIDER, accountNumber: ACCOUNT, months: 1 },
      { provider: 'https://other.example', accountNumber: ACCOUNT, months: 0 },
    ]);
    expect(getAccount(cache.db, SCOPE)).toMatchObject({ companyName: 'Renamed', supportPhone: null });
    expect(getAccount(cache.db, { provider: 'https://other.example', accountNumber: ACCOUNT })?.companyName).toBe('Same number elsewhere');
  });
});

describe('conferences', () => {
  const legsOf = (id: string) => [
    makeParticipant(`${id}-late`, { joinedAt: '2026-11-06T07:30:00Z' }),
    makeParticipant(`${id}-early`, { joinedAt: '2026-11-06T07:00:00Z' }),
    makeParticipant(`${id}-mid`, { joinedAt: '2026-11-06T07:10:00Z' }),
  ];
  // Deliberately not in start order.
  const conferences: ApiConference[] = [
    makeConference('c-3', '332703', '2026-11-20T09:00:00Z', legsOf('c-3'), { billingCode: 'PROJ-42' }),
    makeConference('c-1', '332703', '2026-11-02T09:00:00Z', legsOf('c-1')),
    makeConference('c-x', '320026', '2026-11-03T09:00:00Z', [], { billingCode: 'PROJ-42' }),
    makeConference('c-2', '332703', '2026-11-10T09:00:00Z', [makeParticipant('c-2-only')], { billingCode: 'Legacy code / 7' }),
  ];

  beforeEach(() => {
    cache = openTestCache();
    replacePeriod(cache.db, replaceInput(NOVEMBER, conferences));
  });

  it('roomConferences: one room, in start order, with no pending change', () => {
    const rows = roomConferences(cache.db, SCOPE, '2026-11', '332703');
    expect(rows.map((row) => row.id)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(rows[1]).toEqual({
      id: 'c-2',
      roomNumber: '332703',
      start: '2026-11-10T09:00:00Z',
      serviceType: 'Reservationless',
      billingCode: 'Legacy code / 7',
      pending: null,
      participantCount: 1,
      lengthSeconds: 3721,
      accumulatedSeconds: 3661,
      chargeCents: 489,
    });
    expect(roomConferences(cache.db, SCOPE, '2026-10', '332703')).toEqual([]);
  });

  it('roomConferences shows the unsent change (pending or failed) of each conference', () => {
    const { db } = cache;
    queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'FIRST', '2026-11-26T10:00:00Z');
    const latest = queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'SECOND', '2026-11-26T10:01:00Z');
    const refused = queueBillingCode(db, SCOPE, '2026-11', 'c-3', null, '2026-11-26T10:02:00Z');
    markOutboxFailed(db, refused.outboxId, 'period_locked', 'The period is locked.', '2026-11-26T10:03:00Z');
    const sent = queueBillingCode(db, SCOPE, '2026-11', 'c-2', 'DONE', '2026-11-26T10:04:00Z');
    markOutboxSent(db, sent.outboxId, '2026-11-26T10:05:00Z');

    const pendingById = Object.fromEntries(roomConferences(db, SCOPE, '2026-11', '332703').map((row) => [row.id, row.pending]));
    expect(pendingById).toEqual({
      'c-1': { outboxId: latest.outboxId, billingCode: 'SECOND', state: 'pending', errorCode: null, errorMessage: null },
      'c-2': null,
      'c-3': { outboxId: refused.outboxId, billingCode: null, state: 'failed', errorCode: 'period_locked', errorMessage: 'The period is locked.' },
    });
    expect(getConference(db, SCOPE, '2026-11', 'c-1')?.pending?.billingCode).toBe('SECOND');
  });

  it('conference by id, and null when unknown', () => {
    expect(getConference(cache.db, SCOPE, '2026-11', 'c-x')?.roomNumber).toBe('320026');
    expect(getConference(cache.db, SCOPE, '2026-11', 'nope')).toBeNull();
    expect(getConference(cache.db, { ...SCOPE, accountNumber: '1' }, '2026-11', 'c-x')).toBeNull();
    expect(getConference(cache.db, SCOPE, '2026-10', 'c-x')).toBeNull();
  });

  it('conferenceParticipants in joined order', () => {
    expect(conferenceParticipants(cache.db, SCOPE, '2026-11', 'c-3').map((leg) => leg.id)).toEqual(['c-3-early', 'c-3-mid', 'c-3-late']);
    expect(conferenceParticipants(cache.db, SCOPE, '2026-11', 'c-x')).toEqual([]);
  });

  it('periodConferences streams with cardholders, optionally for one room', () => {
    const all = [...periodConferences(cache.db, SCOPE, '2026-11')];
    expect(all.map((row) => [row.id, row.cardholder])).toEqual([
      ['c-1', 'Holder 332703'],
      ['c-x', 'Holder 320026'],
      ['c-2', 'Holder 332703'],
      ['c-3', 'Holder 332703'],
    ]);
    expect([...periodConferences(cache.db, SCOPE, '2026-11', { roomNumber: '320026' })].map((row) => row.id)).toEqual(['c-x']);
    expect([...periodParticipants(cache.db, SCOPE, '2026-11', { roomNumber: '332703' })].map((leg) => leg.id)).toEqual([
      'c-1-early', 'c-1-mid', 'c-1-late', 'c-2-only', 'c-3-early', 'c-3-mid', 'c-3-late',
    ]);
  });

  it('periodConferences is lazy: breaking early frees the connection', () => {
    for (const row of periodConferences(cache.db, SCOPE, '2026-11')) {
      expect(row.id).toBe('c-1');
      break;
    }
    queueBillingCode(cache.db, SCOPE, '2026-11', 'c-1', 'AFTER', '2026-11-26T10:00:00Z'); // would throw "connection is busy" if still iterating
    expect(pendingOutbox(cache.db, SCOPE)).toHaveLength(1);
  });

  describe('billing codes', () => {
    it('summary by provider code with Unallocated first', () => {
      expect(billingCodeSummary(cache.db, SCOPE, '2026-11')).toEqual([
        { billingCode: null, conferenceCount: 1, accumulatedSeconds: 3 * 3661, chargeCents: 3 * 489 },
        { billingCode: 'Legacy code / 7', conferenceCount: 1, accumulatedSeconds: 3661, chargeCents: 489 },
        { billingCode: 'PROJ-42', conferenceCount: 2, accumulatedSeconds: 3 * 3661, chargeCents: 3 * 489 },
      ]);
    });

    it('a pending change overrides the provider code; a failed one does not', () => {
      const { db } = cache;
      queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'PROJ-42', '2026-11-26T10:00:00Z'); // Unallocated -> PROJ-42
      queueBillingCode(db, SCOPE, '2026-11', 'c-x', null, '2026-11-26T10:00:00Z'); // PROJ-42 -> Unallocated
      const failed = queueBillingCode(db, SCOPE, '2026-11', 'c-2', 'NEVER', '2026-11-26T10:00:00Z');
      markOutboxFailed(db, failed.outboxId, 'invalid_billing_code', 'Refused.', '2026-11-26T10:01:00Z');

      expect(billingCodeSummary(db, SCOPE, '2026-11').map((row) => [row.billingCode, row.conferenceCount])).toEqual([
        [null, 1],
        ['Legacy code / 7', 1],
        ['PROJ-42', 2],
      ]);
      expect(billingCodeConferences(db, SCOPE, '2026-11', null).map((row) => row.id)).toEqual(['c-x']);
      expect(billingCodeConferences(db, SCOPE, '2026-11', 'PROJ-42').map((row) => row.id)).toEqual(['c-1', 'c-3']);
      expect(billingCodeConferences(db, SCOPE, '2026-11', 'Legacy code / 7').map((row) => row.id)).toEqual(['c-2']);
      expect(billingCodeConferences(db, SCOPE, '2026-11', 'NEVER')).toEqual([]);
    });

    it('codes differing only by case sort together but group apart', () => {
      replacePeriod(cache.db, 
        replaceInput(NOVEMBER, [
          makeConference('a', '1', '2026-11-01T00:00:00Z', [], { billingCode: 'beta' }),
          makeConference('b', '1', '2026-11-02T00:00:00Z', [], { billingCode: 'Alpha' }),
          makeConference('c', '1', '2026-11-03T00:00:00Z', [], { billingCode: 'BETA' }),
        ]),
      );
      expect(billingCodeSummary(cache.db, SCOPE, '2026-11').map((row) => row.billingCode)).toEqual(['Alpha', 'BETA', 'beta']);
    });
  });

  it('room totals come from the provider rooms list, not from summing conferences', () => {
    const rooms = [roomFor('332703', conferences, { conferenceCount: 99, chargeCents: 1 })];
    replacePeriod(cache.db, replaceInput(NOVEMBER, conferences.filter((conference) => conference.roomNumber === '332703'), { rooms }));
    expect(accountSummary(cache.db, SCOPE, '2026-11', 'all').total).toMatchObject({ conferenceCount: 99, chargeCents: 1 });
  });
});
