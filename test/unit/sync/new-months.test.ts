// A sync that brings a month the cache did not have is reported (for the
// desktop app's optional notification); a sign-in's first sync is not.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/app/core';
import { DEMO_ACCOUNT_NUMBER, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { createNewMonthWatcher, type NewMonths } from '../../../src/main/features/sync/new-months';
import { demoClient, tempDir } from './helpers';

const providers: DemoProvider[] = [];
afterAll(async () => {
  await Promise.all(providers.map((p) => p.close()));
});

async function provider(now: string): Promise<DemoProvider> {
  const demo = await startDemoProvider({ now, rooms: 3, perRoom: 2 });
  providers.push(demo);
  return demo;
}

describe('new months', () => {
  it('reports the month a later sync brought, and not the first download', async () => {
    const reported: NewMonths[] = [];
    let watcher: ReturnType<typeof createNewMonthWatcher> | null = null;
    const core = createCore({
      cacheFile: path.join(tempDir(), 'cache.sqlite'),
      onSyncStart: (target) => watcher?.onStart(target),
      onSyncReport: (target, report) => watcher?.onReport(target, report),
    });
    watcher = createNewMonthWatcher(core.cache, (news) => reported.push(news));
    const syncWith = async (demo: DemoProvider) =>
      core.coordinator.sync({ profileId: 'p1', origin: 'embedded-demo', accountNumber: DEMO_ACCOUNT_NUMBER, createClient: () => Promise.resolve(demoClient(demo)) });

    expect((await syncWith(await provider('2009-05-20'))).status).toBe('ok');
    expect(reported).toEqual([]);
    // The same month again: nothing new.
    expect((await syncWith(await provider('2009-05-28'))).status).toBe('ok');
    expect(reported).toEqual([]);
    // June opened at the provider.
    expect((await syncWith(await provider('2009-06-03'))).status).toBe('ok');
    expect(reported).toEqual([{ profileId: 'p1', accountNumber: DEMO_ACCOUNT_NUMBER, periods: ['2009-06'] }]);
    await core.close();
  });
});
