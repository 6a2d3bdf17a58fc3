// A provider at a new address: a sign-in there, for an account the cache
// holds under the old address, waits for the user's answer before its first
// sync; "link" moves the history to the new address in one transaction,
// "keep apart" leaves two histories, each under its own sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/app/app-services';
import { listCachedAccounts } from '../../../src/main/cache';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { bridgeOf, joinSync, testServices } from './test-services';

let old: DemoProvider;
let moved: DemoProvider;
let other: DemoProvider;
let services: AppServices;

beforeAll(async () => {
  const start = () => startDemoProvider({ now: '2009-05-20', rooms: 5 });
  [old, moved, other] = await Promise.all([start(), start(), start()]);
  services = await testServices('link', { demo: { now: '2009-05-20', rooms: 5 } });
});
afterAll(async () => {
  await services.close();
  await Promise.all([old, moved, other].map((p) => p.close()));
});

interface ProfileValue {
  id: string;
  provider: string;
  relinkCandidates: Array<{ provider: string; months: number }>;
}
const { call, value } = bridgeOf(() => services);
const signIn = (at: DemoProvider) =>
  value<ProfileValue>('signIn', { serverUrl: at.url, username: DEMO_USERNAME, password: DEMO_PASSWORD, accountNumber: '602127', roomNumber: null, rememberPassword: false });
const synced = (profileId: string) => joinSync(services, profileId);
const may = async (profileId: string) => value<{ period: unknown; rooms: unknown; total: { chargeCents: number } }>('accountSummary', { profileId, period: '2009-05', display: 'all' });
const cached = () => listCachedAccounts(services.cache.read()).map(({ provider, months }) => [provider, months]);

describe('a sign-in at a provider’s new address', () => {
  let atOld: ProfileValue;
  let atMoved: ProfileValue;

  it('an address the cache holds nothing of, while another holds the account, asks first and does not sync', async () => {
    atOld = await signIn(old);
    expect(atOld.relinkCandidates).toEqual([]);
    expect((await synced(atOld.id)).status).toBe('ok');
    expect((await may(atOld.id)).total.chargeCents).toBeGreaterThan(0);

    atMoved = await signIn(moved);
    expect(atMoved.provider).toBe(moved.url);
    expect(atMoved.relinkCandidates).toEqual([{ provider: old.url, months: 4 }]);
    expect(services.syncCoordinator.isRunning(atMoved.id)).toBe(false);
    expect(cached()).toEqual([[old.url, 4]]);
    // Until answered: no sync on demand, and the question stays (a restart asks again).
    expect(await call('syncNow', { profileId: atMoved.id })).toMatchObject({ ok: false, error: { code: 'link_question_pending' } });
    const listed = await value<ProfileValue[]>('listProfiles', {});
    expect(listed.find((p) => p.id === atMoved.id)?.relinkCandidates).toEqual([{ provider: old.url, months: 4 }]);
    expect(moved.requests.filter((r) => r.path.includes('/periods'))).toEqual([]);
  });

  it('link: the history moves to the new address in one step, then the sign-in syncs on it', async () => {
    const before = await may(atOld.id);
    expect(await call('linkProviderHistory', { profileId: atMoved.id, from: 'https://not-a-candidate.example' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const answered = await value<ProfileValue>('linkProviderHistory', { profileId: atMoved.id, from: old.url });
    expect(answered.relinkCandidates).toEqual([]);
    expect((await synced(atMoved.id)).status).toBe('ok');
    expect(cached()).toEqual([[moved.url, 4]]);
    // The months were refreshed from the new address: the same content, now from there.
    const after = await may(atMoved.id);
    expect(after).toMatchObject({ rooms: before.rooms, total: before.total, period: { origin: moved.url } });
    // Nothing is left under the old address: not duplicated, and its sign-in now shows the history nowhere twice.
    expect((await may(atOld.id)).period).toBeNull();
    expect(await call('linkProviderHistory', { profileId: atMoved.id, from: old.url })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a new address that holds the account already is not asked about', async () => {
    expect((await signIn(moved)).relinkCandidates).toEqual([]);
    await synced((await value<ProfileValue[]>('listProfiles', {})).find((p) => p.provider === moved.url)!.id);
  });

  it('keep apart: two histories, each shown under a sign-in at its own address', async () => {
    const atOther = await signIn(other);
    expect(atOther.relinkCandidates).toEqual([{ provider: moved.url, months: 4 }]);
    const answered = await value<ProfileValue>('linkProviderHistory', { profileId: atOther.id, from: null });
    expect(answered.relinkCandidates).toEqual([]);
    expect((await synced(atOther.id)).status).toBe('ok');
    expect(cached().sort()).toEqual(
      [
        [moved.url, 4],
        [other.url, 4],
      ].sort(),
    );
    expect((await may(atOther.id)).total).toEqual((await may(atMoved.id)).total);
  });

  it('the embedded demo never asks, and is never offered as an old address', async () => {
    const demo = await value<ProfileValue>('signInDemo', {});
    expect(demo.relinkCandidates).toEqual([]);
    expect((await synced(demo.id)).status).toBe('ok');
    const fourth = await startDemoProvider({ now: '2009-05-20', rooms: 5 });
    try {
      const atFourth = await signIn(fourth);
      expect(atFourth.relinkCandidates.map((c) => c.provider).sort()).toEqual([moved.url, other.url].sort());
      await value('linkProviderHistory', { profileId: atFourth.id, from: null });
      await synced(atFourth.id);
    } finally {
      await fourth.close();
    }
  });
});
