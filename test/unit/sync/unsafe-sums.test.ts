// Amounts and durations whose sums the app could not hold exactly (beyond
// 2^53) are refused: one value beyond 10^12 at validation, with its JSON
// path; a period whose values add up beyond 10^12 by the contract's sums.
// The period is marked failed with the message and keeps what it had; the
// month stays viewable. Against the demo provider on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { accountSummary, getPeriod, type ViewScope } from '../../../src/main/cache';
import { startDemoProvider, type DemoProvider, type FaultRule } from '../../../src/main/demo';
import { MAX_AMOUNT, type ApiConference } from '../../../src/main/provider/api-schemas';
import { PeriodTotals, checkConferenceSums } from '../../../src/main/sync/check-sums';
import { runSync } from '../../../src/main/sync/sync-engine';
import { bridgeCalls } from '../../../src/shared/bridge';
import { demoClient, demoScope, tempCache, type TempCache } from './helpers';

const PERIOD = '2009-04';
const open: DemoProvider[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

type Json = Record<string, unknown>;

async function syncOnce(provider: DemoProvider, cache: TempCache) {
  return runSync({ cache: cache.handle, client: demoClient(provider), origin: provider.url, pageLimit: 50 });
}

/**
 * Adds about `extra` cents to each of `rooms` in PERIOD, spread over its
 * conferences (on each one's first participant), so the contract's sums
 * still hold: only the size of the numbers is wrong.
 */
function inflate(provider: DemoProvider, rooms: readonly string[], extra: number): void {
  const perConference = new Map<string, number>();
  const rule = (path: string, mutate: (json: Json) => void): FaultRule => ({
    path,
    times: Infinity,
    action: {
      kind: 'mutate',
      mutate: (json) => {
        mutate(json as Json);
        return json;
      },
    },
  });
  provider.faults.add(
    rule(`/periods/${PERIOD}/rooms`, (json) => {
      for (const room of json.rooms as Json[]) {
        const count = room.conferenceCount as number;
        if (!rooms.includes(room.roomNumber as string) || count === 0) continue;
        const each = Math.floor(extra / count);
        perConference.set(room.roomNumber as string, each);
        room.chargeCents = (room.chargeCents as number) + each * count;
      }
    }),
  );
  provider.faults.add(
    rule(`/periods/${PERIOD}/conferences`, (json) => {
      for (const conference of json.conferences as Json[]) {
        const each = perConference.get(conference.roomNumber as string);
        if (each === undefined) continue;
        conference.chargeCents = (conference.chargeCents as number) + each;
        const first = (conference.participants as Json[])[0]!;
        first.chargeCents = (first.chargeCents as number) + each;
      }
    }),
  );
}

/** A first clean sync, then PERIOD changes at the provider with `break` applied; returns the second sync's report. */
async function resyncBroken(breakIt: (provider: DemoProvider, activeRooms: string[]) => void) {
  const provider = await startDemoProvider({ now: '2009-05-20', rooms: 12 });
  open.push(provider);
  const cache = tempCache();
  expect((await syncOnce(provider, cache)).status).toBe('ok');
  const scope = demoScope(provider);
  const before = accountSummary(cache.db, scope, PERIOD, 'all');
  const active = before.rooms.filter((room) => room.conferenceCount > 0).map((room) => room.roomNumber);
  expect(active.length).toBeGreaterThanOrEqual(2);
  provider.bumpRevision(PERIOD);
  breakIt(provider, active);
  const report = await syncOnce(provider, cache);
  return { report, cache, scope, before, outcome: report.periods.find((p) => p.period === PERIOD)! };
}

/** The period kept its previous rows and revision, records why, and is still viewable through the bridge's schema. */
function expectKept(cache: TempCache, scope: ViewScope, before: ReturnType<typeof accountSummary>, message: string | RegExp): void {
  const after = accountSummary(cache.db, scope, PERIOD, 'all');
  expect(after.rooms).toEqual(before.rooms);
  expect(after.total).toEqual(before.total);
  expect(after.period!.revision).toBe(before.period!.revision);
  expect(getPeriod(cache.db, scope, PERIOD)!.lastError).toMatch(message);
  expect(bridgeCalls.accountSummary.result.safeParse(after).success).toBe(true);
}

describe('amounts beyond what the app can add up exactly', () => {
  it('refuses a room whose charge is beyond 10^12 at validation, naming its JSON path', async () => {
    // Two rooms of 2^52 cents each: every value is a safe integer, their sum (the account's month) is not.
    const { report, cache, scope, before, outcome } = await resyncBroken((provider, active) => inflate(provider, active.slice(0, 2), 2 ** 52));
    expect(report.status).toBe('partial');
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/rooms\[\d+\]\.chargeCents: expected at most 10\^12/);
    expect(report.periods.filter((p) => p.period !== PERIOD).every((p) => p.status === 'skipped')).toBe(true);
    expectKept(cache, scope, before, /rooms\[\d+\]\.chargeCents/);
  });

  it('refuses a conference page whose values are beyond 10^12, naming the JSON path', async () => {
    const { outcome, cache, scope, before } = await resyncBroken((provider) =>
      provider.faults.add({
        path: `/periods/${PERIOD}/conferences`,
        times: Infinity,
        action: {
          kind: 'mutate',
          mutate: (json) => {
            const conference = (json as { conferences: Json[] }).conferences[0]!;
            conference.lengthSeconds = MAX_AMOUNT + 1;
            return json;
          },
        },
      }),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toContain('conferences[0].lengthSeconds: expected at most 10^12');
    expectKept(cache, scope, before, 'conferences[0].lengthSeconds');
  });

  it('refuses a period whose values, each within bounds, add up beyond 10^12', async () => {
    // 0.6 × 10^12 more in each of two rooms: every value passes, the month's charges do not.
    const { outcome, cache, scope, before } = await resyncBroken((provider, active) => inflate(provider, active.slice(0, 2), 6e11));
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/the period's participants' chargeCents \(in magnitude\) add up to more than 1000000000000/);
    expectKept(cache, scope, before, /add up to more than/);
  });
});

describe('running sums', () => {
  const leg = (id: string, chargeCents: number, seconds = 60) => ({
    id,
    name: null,
    phone: null,
    accessType: 'toll',
    joinedAt: '2009-05-06T07:00:00Z',
    leftAt: '2009-05-06T07:01:00Z',
    seconds,
    chargeCents,
  });
  const conference = (id: string, roomNumber: string, legs: ReturnType<typeof leg>[], lengthSeconds = 60): ApiConference => ({
    id,
    roomNumber,
    start: '2009-05-06T07:00:00Z',
    serviceType: 'Web',
    billingCode: null,
    participantCount: legs.length,
    lengthSeconds,
    accumulatedSeconds: legs.reduce((sum, l) => sum + l.seconds, 0),
    chargeCents: legs.reduce((sum, l) => sum + l.chargeCents, 0),
    participants: legs,
  });

  it('refuses participants whose sum is not an exact number, even when it matches the conference', () => {
    // 2^53 - 1 + 1 = 2^53: a float that "matches" but is no longer exact.
    const unsafe = conference('c-1', '1', [leg('p-1', Number.MAX_SAFE_INTEGER), leg('p-2', 1)]);
    expect(() => checkConferenceSums(unsafe)).toThrow("conference c-1: the participants' chargeCents add up beyond 9007199254740991 (2^53 - 1)");
  });

  it('bounds the whole period’s magnitudes, credits included', () => {
    const totals = new PeriodTotals();
    // +0.9 and -0.9 × 10^12: a conference of 0, but a billing code over one of them could reach either.
    const credit = conference('c-1', '1', [leg('p-1', 9e11), leg('p-2', -9e11)]);
    expect(() => totals.add([credit])).toThrow("the period's participants' chargeCents (in magnitude) add up to more than 1000000000000");
    const long = new PeriodTotals();
    long.add([conference('c-2', '1', [leg('p-3', 1)], 6e11)]);
    expect(() => long.add([conference('c-3', '2', [leg('p-4', 1)], 6e11)])).toThrow("the period's conferences' lengthSeconds add up to more than");
  });

  it('accepts a period right at the bound, and checks the rooms list as before', () => {
    const totals = new PeriodTotals();
    totals.add([conference('c-1', '1', [leg('p-1', MAX_AMOUNT / 2, 3600)]), conference('c-2', '2', [leg('p-2', MAX_AMOUNT / 2, 60)])]);
    const room = (roomNumber: string, conferenceCount: number, accumulatedSeconds: number, chargeCents: number) => ({
      roomNumber,
      cardholder: null,
      autoBillingCode: null,
      conferenceCount,
      accumulatedSeconds,
      chargeCents,
    });
    expect(() => totals.check([room('1', 1, 3600, MAX_AMOUNT / 2), room('2', 1, 60, MAX_AMOUNT / 2), room('3', 0, 0, 0)])).not.toThrow();
    expect(() => totals.check([room('1', 1, 3600, MAX_AMOUNT / 2), room('2', 1, 60, 1)])).toThrow('room 2: chargeCents 1 but its conferences add up to 500000000000');
  });
});
