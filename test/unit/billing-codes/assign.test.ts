// Assigning a billing code through the handler map, over a real cache: the
// format rule is checked once, in the feature, with a stable code; the
// cache's refusals reach the bridge as user-facing errors.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatchBridgeCall } from '../../../src/main/bridge/dispatch';
import type { BridgeHandlers } from '../../../src/main/bridge/handlers';
import { AppError } from '../../../src/main/errors';
import { billingCodeHandlers } from '../../../src/main/features/billing-codes/handlers';
import { billingCodeToAssign } from '../../../src/main/features/billing-codes/rules';
import { billingCodeSummary, cacheHandle, getConference, periodConferences, unsentOutbox } from '../../../src/main/cache';
import type { LocalBillingCode, PendingBillingCode } from '../../../src/shared/domain';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { ACCOUNT, countRows, makeConference, makePeriod, openTestCache, PROVIDER, replaceInput, type TestCache } from '../cache/fixtures';
import { savedProfiles, storedProfile } from '../app/profile-fixtures';

let cache: TestCache;
let handlers: ReturnType<typeof billingCodeHandlers>;
const log = { error: vi.fn() };

beforeEach(() => {
  cache = openTestCache();
  replacePeriod(
    cache.db,
    replaceInput(makePeriod('2026-11'), [
      makeConference('c-1', '100', '2026-11-02T09:00:00Z', [], { billingCode: 'OLD' }),
      makeConference('c-2', '200', '2026-11-03T09:00:00Z', []),
    ]),
  );
  const profiles = savedProfiles([storedProfile('account'), storedProfile('room-200', { roomNumber: '200' })]);
  handlers = billingCodeHandlers({ cache: cacheHandle(cache.db), profiles });
});
afterEach(() => cache.close());

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

/** The change went to the outbox (not kept locally). */
function queued(result: PendingBillingCode | LocalBillingCode): PendingBillingCode {
  if ('kind' in result) throw new Error('kept locally, not queued');
  return result;
}

const dispatch = (name: string, args: unknown) => dispatchBridgeCall(name, args, handlers as unknown as BridgeHandlers, log);

describe('billingCodeToAssign', () => {
  it('trims, and reads a blank code as back to Unallocated', () => {
    expect(billingCodeToAssign('  PROJ-42 ')).toBe('PROJ-42');
    expect(billingCodeToAssign('   ')).toBeNull();
    expect(billingCodeToAssign(null)).toBeNull();
  });

  it.each([['has/slash'], ['x'.repeat(21)], ['R&D/2009'], ['tab\there']])('refuses %j with invalid_billing_code', (code) => {
    expect(refusal(() => billingCodeToAssign(code)).code).toBe('invalid_billing_code');
  });
});

describe('assignBillingCode', () => {
  it('queues a valid code as pending', () => {
    expect(handlers.assignBillingCode({ profileId: 'account', period: '2026-11', conferenceId: 'c-1', billingCode: ' SALES ' })).toMatchObject({
      billingCode: 'SALES',
      state: 'pending',
    });
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(1);
  });

  it('refuses invalid codes and queues nothing', () => {
    for (const billingCode of ['has/slash', 'x'.repeat(21)]) {
      const error = refusal(() => handlers.assignBillingCode({ profileId: 'account', period: '2026-11', conferenceId: 'c-1', billingCode }));
      expect(error.code).toBe('invalid_billing_code');
      expect(error.message).toBe('A billing code is 1 to 20 letters, digits, spaces, "_", "." or "-".');
    }
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(0);
  });

  it('reports the refusal through the bridge as { code, message }', async () => {
    await expect(dispatch('assignBillingCode', { profileId: 'account', period: '2026-11', conferenceId: 'c-1', billingCode: 'a/b' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_billing_code', message: 'A billing code is 1 to 20 letters, digits, spaces, "_", "." or "-".' },
    });
  });

  it("turns the cache's unknown conference into not_found", async () => {
    await expect(dispatch('assignBillingCode', { profileId: 'account', period: '2026-11', conferenceId: 'nope', billingCode: 'OK' })).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: `Conference nope of 2026-11 (account ${ACCOUNT}) is not in the cache.` },
    });
    expect(log.error).not.toHaveBeenCalled();
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(0);
  });

  it('retry and discard refuse a change that is not waiting', () => {
    expect(refusal(() => handlers.retryBillingCode({ profileId: 'account', outboxId: 999 })).code).toBe('not_found');
    expect(refusal(() => handlers.discardBillingCode({ profileId: 'account', outboxId: 999 })).code).toBe('not_found');
  });

  it('a room sign-in cannot assign, retry or discard a code of another room', () => {
    expect(refusal(() => handlers.assignBillingCode({ profileId: 'room-200', period: '2026-11', conferenceId: 'c-1', billingCode: 'NO' })).code).toBe(
      'not_found',
    );
    const own = queued(handlers.assignBillingCode({ profileId: 'room-200', period: '2026-11', conferenceId: 'c-2', billingCode: 'MINE' }));
    expect(own.state).toBe('pending');
    const other = queued(handlers.assignBillingCode({ profileId: 'account', period: '2026-11', conferenceId: 'c-1', billingCode: 'THEIRS' }));
    expect(refusal(() => handlers.discardBillingCode({ profileId: 'room-200', outboxId: other.outboxId })).code).toBe('not_found');
    expect(refusal(() => handlers.retryBillingCode({ profileId: 'room-200', outboxId: other.outboxId })).code).toBe('not_found');
    expect(handlers.discardBillingCode({ profileId: 'room-200', outboxId: own.outboxId })).toBeNull();
    expect(countRows(cache.db, 'billing_code_outbox')).toBe(1);
  });
});

describe('local allocations', () => {
  beforeEach(() => {
    replacePeriod(cache.db, replaceInput(makePeriod('2026-10', { invoiced: true }), [makeConference('c-1', '100', '2026-10-02T09:00:00Z', [], { billingCode: 'OLD' })]));
  });
  const account = { provider: PROVIDER, accountNumber: ACCOUNT, roomNumber: null };

  it('an invoiced month keeps its codes locally: never queued, and every read shows the local code', () => {
    const result = handlers.assignBillingCode({ profileId: 'account', period: '2026-10', conferenceId: 'c-1', billingCode: 'LOCAL-1' });
    expect(result).toMatchObject({ kind: 'local', billingCode: 'LOCAL-1' });
    expect(unsentOutbox(cache.db, account)).toEqual([]);
    expect(getConference(cache.db, account, '2026-10', 'c-1')).toMatchObject({ billingCode: 'OLD', pending: null, local: { billingCode: 'LOCAL-1' } });
    expect(billingCodeSummary(cache.db, account, '2026-10').map((row) => row.billingCode)).toEqual(['LOCAL-1']);
    expect([...periodConferences(cache.db, account, '2026-10')][0]?.local?.billingCode).toBe('LOCAL-1');
    // The same id in a served, open month still goes to the provider.
    expect(handlers.assignBillingCode({ profileId: 'account', period: '2026-11', conferenceId: 'c-1', billingCode: 'SENT' })).toMatchObject({ state: 'pending' });
    expect(getConference(cache.db, account, '2026-11', 'c-1')?.local).toBeUndefined();
  });

  it('a local allocation back to Unallocated is a code of its own (null), not the provider’s', () => {
    handlers.assignBillingCode({ profileId: 'account', period: '2026-10', conferenceId: 'c-1', billingCode: '' });
    expect(billingCodeSummary(cache.db, account, '2026-10').map((row) => row.billingCode)).toEqual([null]);
  });
});
