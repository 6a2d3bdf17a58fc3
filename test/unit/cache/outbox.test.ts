import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CacheError } from '../../../src/main/cache';
import { ACCOUNT, countRows, makeConference, makePeriod, openTestCache, replaceInput, type TestCache } from './fixtures';

let cache: TestCache;
const NOVEMBER = makePeriod('2026-11');
const conferences = [
  makeConference('c-1', '100', '2026-11-02T09:00:00Z', [], { billingCode: 'OLD' }),
  makeConference('c-2', '100', '2026-11-03T09:00:00Z', []),
];

beforeEach(() => {
  cache = openTestCache();
  cache.repo.replacePeriod(replaceInput(NOVEMBER, conferences));
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
    const queued = cache.repo.queueBillingCode(ACCOUNT, 'c-1', 'PROJ-42', '2026-11-26T10:00:00Z');
    expect(queued).toEqual({ outboxId: expect.any(Number), billingCode: 'PROJ-42', state: 'pending', errorCode: null, errorMessage: null });
    expect(cache.repo.pendingOutbox(ACCOUNT)).toEqual([
      {
        id: queued.outboxId,
        accountNumber: ACCOUNT,
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
    const { repo } = cache;
    const first = repo.queueBillingCode(ACCOUNT, 'c-1', 'A', '2026-11-26T10:00:00Z');
    const second = repo.queueBillingCode(ACCOUNT, 'c-1', 'B', '2026-11-26T10:01:00Z');
    expect(second.outboxId).not.toBe(first.outboxId);
    expect(repo.pendingOutbox(ACCOUNT).map((entry) => [entry.conferenceId, entry.billingCode])).toEqual([['c-1', 'B']]);

    repo.markOutboxFailed(second.outboxId, 'period_locked', 'Locked.', '2026-11-26T10:02:00Z');
    const third = repo.queueBillingCode(ACCOUNT, 'c-1', null, '2026-11-26T10:03:00Z');
    expect(repo.unsentOutbox(ACCOUNT).map((entry) => [entry.id, entry.billingCode, entry.state])).toEqual([[third.outboxId, null, 'pending']]);
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(1);

    // The sender finishing the superseded entry changes nothing.
    expect(repo.markOutboxSent(first.outboxId, '2026-11-26T10:04:00Z')).toBe(false);
    expect(repo.outboxEntry(third.outboxId)?.state).toBe('pending');
  });

  it('sent entries stay as history and do not block a new change', () => {
    const { repo } = cache;
    const first = repo.queueBillingCode(ACCOUNT, 'c-1', 'A', '2026-11-26T10:00:00Z');
    expect(repo.markOutboxSent(first.outboxId, '2026-11-26T10:00:05Z')).toBe(true);
    expect(repo.outboxEntry(first.outboxId)).toMatchObject({ state: 'sent', attempts: 1, updatedAt: '2026-11-26T10:00:05Z' });
    expect(repo.pendingOutbox(ACCOUNT)).toEqual([]);
    repo.queueBillingCode(ACCOUNT, 'c-1', 'B', '2026-11-26T10:01:00Z');
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(2);
    expect(repo.discardOutbox(first.outboxId)).toBe(false); // history is not discarded
  });

  it('failed -> retry -> pending; transient errors count attempts and stay pending', () => {
    const { repo } = cache;
    const queued = repo.queueBillingCode(ACCOUNT, 'c-2', 'X', '2026-11-26T10:00:00Z');
    expect(repo.noteOutboxAttemptError(queued.outboxId, 'unavailable', 'Provider unavailable.', '2026-11-26T10:00:10Z')).toBe(true);
    expect(repo.outboxEntry(queued.outboxId)).toMatchObject({ state: 'pending', attempts: 1, errorCode: 'unavailable' });

    expect(repo.markOutboxFailed(queued.outboxId, 'forbidden', 'Not your room.', '2026-11-26T10:00:20Z')).toBe(true);
    expect(repo.outboxEntry(queued.outboxId)).toMatchObject({ state: 'failed', attempts: 2, errorCode: 'forbidden', errorMessage: 'Not your room.' });
    expect(repo.pendingOutbox(ACCOUNT)).toEqual([]);
    expect(repo.retryOutbox(queued.outboxId, '2026-11-26T10:05:00Z')).toBe(true);
    expect(repo.outboxEntry(queued.outboxId)).toMatchObject({ state: 'pending', attempts: 2, errorCode: null, errorMessage: null, updatedAt: '2026-11-26T10:05:00Z' });
    expect(repo.retryOutbox(queued.outboxId, '2026-11-26T10:06:00Z')).toBe(false); // only failed ones retry
  });

  it('discard deletes an unsent change', () => {
    const { repo } = cache;
    const queued = repo.queueBillingCode(ACCOUNT, 'c-2', 'X', '2026-11-26T10:00:00Z');
    expect(repo.discardOutbox(queued.outboxId)).toBe(true);
    expect(repo.outboxEntry(queued.outboxId)).toBeNull();
    expect(repo.conference(ACCOUNT, 'c-2')?.pending).toBeNull();
    expect(repo.markOutboxFailed(queued.outboxId, 'x', 'y', '2026-11-26T10:01:00Z')).toBe(false);
  });

  it('pending entries are listed oldest first, per account', () => {
    const { repo } = cache;
    repo.replacePeriod(replaceInput(NOVEMBER, [makeConference('c-9', '5', '2026-11-02T09:00:00Z', [])], { accountNumber: '999' }));
    const a = repo.queueBillingCode(ACCOUNT, 'c-2', 'A', '2026-11-26T10:00:00Z');
    repo.queueBillingCode('999', 'c-9', 'Z', '2026-11-26T10:00:30Z');
    const b = repo.queueBillingCode(ACCOUNT, 'c-1', 'B', '2026-11-26T10:01:00Z');
    expect(repo.pendingOutbox(ACCOUNT).map((entry) => entry.id)).toEqual([a.outboxId, b.outboxId]);
    expect(repo.pendingOutbox('999').map((entry) => entry.conferenceId)).toEqual(['c-9']);
  });

  // The code's format is the billing-codes feature's rule (test/unit/billing-codes).
  it('refuses unknown conferences', () => {
    expect((catchError(() => cache.repo.queueBillingCode(ACCOUNT, 'nope', 'OK', 'now')) as CacheError).code).toBe('unknown_conference');
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(0);
  });

  it('a pending change survives a re-sync of its period', () => {
    const queued = cache.repo.queueBillingCode(ACCOUNT, 'c-2', 'KEEP', '2026-11-26T10:00:00Z');
    cache.repo.replacePeriod(replaceInput(makePeriod('2026-11', { revision: 'r-2' }), conferences));
    expect(cache.repo.conference(ACCOUNT, 'c-2')?.pending).toMatchObject({ outboxId: queued.outboxId, billingCode: 'KEEP' });
  });

  it('applyConferenceFromProvider stores the confirmed code', () => {
    const { repo } = cache;
    const queued = repo.queueBillingCode(ACCOUNT, 'c-1', null, '2026-11-26T10:00:00Z');
    expect(repo.applyConferenceFromProvider(ACCOUNT, { ...conferences[0]!, billingCode: null })).toBe(true);
    repo.markOutboxSent(queued.outboxId, '2026-11-26T10:00:01Z');
    expect(repo.conference(ACCOUNT, 'c-1')).toMatchObject({ billingCode: null, pending: null });
    expect(repo.applyConferenceFromProvider(ACCOUNT, { ...conferences[0]!, id: 'not-cached' })).toBe(false);
  });
});
