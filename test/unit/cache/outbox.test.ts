import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  discardOutbox,
  getConference,
  markOutboxFailed,
  markOutboxSent,
  noteOutboxAttemptError,
  outboxEntry,
  outboxEntryInScope,
  pendingOutbox,
  queueBillingCode,
  retryOutbox,
  setConferenceBillingCode,
  unsentOutbox,
  type CacheError,
} from '../../../src/main/cache';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { ACCOUNT, countRows, makeConference, makePeriod, openTestCache, PROVIDER, replaceInput, roomScope, SCOPE, type TestCache } from './fixtures';

let cache: TestCache;
const NOVEMBER = makePeriod('2026-11');
const conferences = [
  makeConference('c-1', '100', '2026-11-02T09:00:00Z', [], { billingCode: 'OLD' }),
  makeConference('c-2', '100', '2026-11-03T09:00:00Z', []),
];

beforeEach(() => {
  cache = openTestCache();
  replacePeriod(cache.db, replaceInput(NOVEMBER, conferences));
});
afterEach(() => cache.close());

function catchError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('billing-code outbox', () => {
  it('queues a change as pending', () => {
    const queued = queueBillingCode(cache.db, SCOPE, '2026-11', 'c-1', 'PROJ-42', '2026-11-26T10:00:00Z');
    expect(queued).toEqual({ outboxId: expect.any(Number), billingCode: 'PROJ-42', state: 'pending', errorCode: null, errorMessage: null });
    expect(pendingOutbox(cache.db, SCOPE)).toEqual([
      {
        id: queued.outboxId,
        provider: PROVIDER,
        accountNumber: ACCOUNT,
        period: '2026-11',
        conferenceId: 'c-1',
        billingCode: 'PROJ-42',
        state: 'pending',
        attempts: 0,
        errorCode: null,
        errorMessage: null,
        createdAt: '2026-11-26T10:00:00Z',
        updatedAt: '2026-11-26T10:00:00Z',
      },
    ]);
  });

  it('a newer assignment replaces an older pending or failed one instead of stacking', () => {
    const { db } = cache;
    const first = queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'A', '2026-11-26T10:00:00Z');
    const second = queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'B', '2026-11-26T10:01:00Z');
    expect(second.outboxId).not.toBe(first.outboxId);
    expect(pendingOutbox(db, SCOPE).map((entry) => [entry.conferenceId, entry.billingCode])).toEqual([['c-1', 'B']]);

    markOutboxFailed(db, second.outboxId, 'period_locked', 'Locked.', '2026-11-26T10:02:00Z');
    const third = queueBillingCode(db, SCOPE, '2026-11', 'c-1', null, '2026-11-26T10:03:00Z');
    expect(unsentOutbox(db, SCOPE).map((entry) => [entry.id, entry.billingCode, entry.state])).toEqual([[third.outboxId, null, 'pending']]);
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(1);

    // The sender finishing the superseded entry changes nothing.
    expect(markOutboxSent(db, first.outboxId, '2026-11-26T10:04:00Z')).toBe(false);
    expect(outboxEntry(db, third.outboxId)?.state).toBe('pending');
  });

  it('sent entries stay as history and do not block a new change', () => {
    const { db } = cache;
    const first = queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'A', '2026-11-26T10:00:00Z');
    expect(markOutboxSent(db, first.outboxId, '2026-11-26T10:00:05Z')).toBe(true);
    expect(outboxEntry(db, first.outboxId)).toMatchObject({ state: 'sent', attempts: 1, updatedAt: '2026-11-26T10:00:05Z' });
    expect(pendingOutbox(db, SCOPE)).toEqual([]);
    queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'B', '2026-11-26T10:01:00Z');
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(2);
    expect(discardOutbox(db, first.outboxId)).toBe(false); // history is not discarded
  });

  it('failed -> retry -> pending; transient errors count attempts and stay pending', () => {
    const { db } = cache;
    const queued = queueBillingCode(db, SCOPE, '2026-11', 'c-2', 'X', '2026-11-26T10:00:00Z');
    expect(noteOutboxAttemptError(db, queued.outboxId, 'unavailable', 'Provider unavailable.', '2026-11-26T10:00:10Z')).toBe(true);
    expect(outboxEntry(db, queued.outboxId)).toMatchObject({ state: 'pending', attempts: 1, errorCode: 'unavailable' });

    expect(markOutboxFailed(db, queued.outboxId, 'forbidden', 'Not your room.', '2026-11-26T10:00:20Z')).toBe(true);
    expect(outboxEntry(db, queued.outboxId)).toMatchObject({ state: 'failed', attempts: 2, errorCode: 'forbidden', errorMessage: 'Not your room.' });
    expect(pendingOutbox(db, SCOPE)).toEqual([]);
    expect(retryOutbox(db, queued.outboxId, '2026-11-26T10:05:00Z')).toBe(true);
    expect(outboxEntry(db, queued.outboxId)).toMatchObject({ state: 'pending', attempts: 2, errorCode: null, errorMessage: null, updatedAt: '2026-11-26T10:05:00Z' });
    expect(retryOutbox(db, queued.outboxId, '2026-11-26T10:06:00Z')).toBe(false); // only failed ones retry
  });

  it('discard deletes an unsent change', () => {
    const { db } = cache;
    const queued = queueBillingCode(db, SCOPE, '2026-11', 'c-2', 'X', '2026-11-26T10:00:00Z');
    expect(discardOutbox(db, queued.outboxId)).toBe(true);
    expect(outboxEntry(db, queued.outboxId)).toBeNull();
    expect(getConference(db, SCOPE, '2026-11', 'c-2')?.pending).toBeNull();
    expect(markOutboxFailed(db, queued.outboxId, 'x', 'y', '2026-11-26T10:01:00Z')).toBe(false);
  });

  it('pending entries are listed oldest first, per account', () => {
    const { db } = cache;
    replacePeriod(db, replaceInput(NOVEMBER, [makeConference('c-9', '5', '2026-11-02T09:00:00Z', [])], { accountNumber: '999' }));
    const a = queueBillingCode(db, SCOPE, '2026-11', 'c-2', 'A', '2026-11-26T10:00:00Z');
    const other = { ...SCOPE, accountNumber: '999' };
    queueBillingCode(db, other, '2026-11', 'c-9', 'Z', '2026-11-26T10:00:30Z');
    const b = queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'B', '2026-11-26T10:01:00Z');
    expect(pendingOutbox(db, SCOPE).map((entry) => entry.id)).toEqual([a.outboxId, b.outboxId]);
    expect(pendingOutbox(db, other).map((entry) => entry.conferenceId)).toEqual(['c-9']);
  });

  it('a conference is named with its period: the same id in another period is another conference', () => {
    const { db } = cache;
    replacePeriod(db, replaceInput(makePeriod('2026-10'), [makeConference('c-1', '100', '2026-10-02T09:00:00Z', [], { billingCode: 'OCT' })]));
    const october = queueBillingCode(db, SCOPE, '2026-10', 'c-1', 'FOR-OCT', '2026-11-26T10:00:00Z');
    const november = queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'FOR-NOV', '2026-11-26T10:00:01Z');
    expect(pendingOutbox(db, SCOPE).map((entry) => [entry.id, entry.period, entry.billingCode])).toEqual([
      [october.outboxId, '2026-10', 'FOR-OCT'],
      [november.outboxId, '2026-11', 'FOR-NOV'],
    ]);
    expect(getConference(db, SCOPE, '2026-10', 'c-1')?.pending?.billingCode).toBe('FOR-OCT');
    expect(setConferenceBillingCode(db, SCOPE, '2026-10', 'c-1', 'FOR-OCT')).toBe(true);
    expect(getConference(db, SCOPE, '2026-11', 'c-1')?.billingCode).toBe('OLD');
  });

  it('a room sign-in queues, lists and finds only changes of its room', () => {
    const { db } = cache;
    replacePeriod(db, replaceInput(NOVEMBER, [...conferences, makeConference('c-200', '200', '2026-11-04T09:00:00Z', [])]));
    const room100 = queueBillingCode(db, SCOPE, '2026-11', 'c-1', 'ROOM-100', '2026-11-26T10:00:00Z');
    const room200 = queueBillingCode(db, roomScope('200'), '2026-11', 'c-200', 'ROOM-200', '2026-11-26T10:00:01Z');
    expect((catchError(() => queueBillingCode(db, roomScope('200'), '2026-11', 'c-1', 'NO', 'now')) as CacheError).code).toBe('unknown_conference');
    expect(pendingOutbox(db, roomScope('200')).map((entry) => entry.id)).toEqual([room200.outboxId]);
    expect(unsentOutbox(db, roomScope('100')).map((entry) => entry.id)).toEqual([room100.outboxId]);
    expect(pendingOutbox(db, SCOPE).map((entry) => entry.id)).toEqual([room100.outboxId, room200.outboxId]);
    expect(outboxEntryInScope(db, roomScope('200'), room100.outboxId)).toBeNull();
    expect(outboxEntryInScope(db, roomScope('200'), room200.outboxId)?.billingCode).toBe('ROOM-200');
    expect(outboxEntryInScope(db, { ...SCOPE, provider: 'https://other.example' }, room100.outboxId)).toBeNull();
    expect(outboxEntryInScope(db, SCOPE, room100.outboxId)?.conferenceId).toBe('c-1');
  });

  // The code's format is the billing-codes feature's rule (test/unit/billing-codes).
  it('refuses unknown conferences', () => {
    expect((catchError(() => queueBillingCode(cache.db, SCOPE, '2026-11', 'nope', 'OK', 'now')) as CacheError).code).toBe('unknown_conference');
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(0);
  });

  it('a pending change survives a re-sync of its period', () => {
    const queued = queueBillingCode(cache.db, SCOPE, '2026-11', 'c-2', 'KEEP', '2026-11-26T10:00:00Z');
    replacePeriod(cache.db, replaceInput(makePeriod('2026-11', { revision: 'r-2' }), conferences));
    expect(getConference(cache.db, SCOPE, '2026-11', 'c-2')?.pending).toMatchObject({ outboxId: queued.outboxId, billingCode: 'KEEP' });
  });

  it('setConferenceBillingCode stores the confirmed code', () => {
    const { db } = cache;
    const queued = queueBillingCode(db, SCOPE, '2026-11', 'c-1', null, '2026-11-26T10:00:00Z');
    expect(setConferenceBillingCode(db, SCOPE, '2026-11', 'c-1', null)).toBe(true);
    markOutboxSent(db, queued.outboxId, '2026-11-26T10:00:01Z');
    expect(getConference(db, SCOPE, '2026-11', 'c-1')).toMatchObject({ billingCode: null, pending: null });
    expect(setConferenceBillingCode(db, SCOPE, '2026-11', 'not-cached', conferences[0]!.billingCode)).toBe(false);
  });
});
