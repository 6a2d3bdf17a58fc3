import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../../src/shared/bridge';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { SyncCoordinator, type SyncTarget } from '../../../src/main/sync/sync-coordinator';
import { demoClient, demoScope, requestsTo, tempCache } from './helpers';

let provider: DemoProvider;
beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20' });
});
afterAll(async () => {
  await provider.close();
});

function target(profileId = 'p1'): SyncTarget {
  return { profileId, origin: provider.url, accountNumber: '602127', createClient: (signal) => Promise.resolve(demoClient(provider, {}, { signal })) };
}

describe('SyncCoordinator', () => {
  it('runs one sync at a time per sign-in: a second request joins the running one', async () => {
    const cache = tempCache();
    const events: SyncProgress[] = [];
    const coordinator = new SyncCoordinator({ cache: cache.handle, onProgress: (p) => events.push(p) });
    provider.requests.length = 0;
    const first = coordinator.sync(target());
    const second = coordinator.sync(target());
    expect(second).toBe(first);
    const report = await first;
    expect(report.status).toBe('ok');
    expect(requestsTo(provider, '/session', 'POST')).toHaveLength(1);
    expect(events[0]).toMatchObject({ state: 'running' });
    expect(events.some((e) => e.periodCount === 4 && e.periodIndex === 4)).toBe(true);
    expect(events.at(-1)).toMatchObject({ state: 'done', message: null });
    expect(events.at(-1)!.lastSuccessAt).toMatch(/Z$/);
    expect(coordinator.status('p1', demoScope(provider)).state).toBe('done');
  });

  it('cancel stops the running sync and reports it', async () => {
    const cache = tempCache();
    // Each page takes a second: with its months side by side, a sync of 100 ms pages could end before the cancel.
    provider.faults.add({ path: '/conferences', times: 50, action: { kind: 'delay', ms: 1000 } });
    const coordinator = new SyncCoordinator({ cache: cache.handle, onProgress: () => {} });
    const running = coordinator.sync(target('p2'));
    await new Promise((r) => setTimeout(r, 150));
    coordinator.cancel('p2');
    const report = await running;
    provider.faults.clear();
    expect(report.status).toBe('cancelled');
    expect(coordinator.status('p2', demoScope(provider))).toMatchObject({ state: 'cancelled' });
    expect(coordinator.isRunning('p2')).toBe(false);
  });

  it('a failing sign-in ends as failed with the reason', async () => {
    const cache = tempCache();
    const coordinator = new SyncCoordinator({ cache: cache.handle, onProgress: () => {} });
    const report = await coordinator.sync({ ...target('p3'), createClient: () => Promise.reject(new Error('Sign in again: no password')) });
    expect(report.status).toBe('failed');
    expect(coordinator.status('p3', demoScope(provider))).toMatchObject({ state: 'failed', message: 'Sign in again: no password' });
  });
});

describe('SyncCoordinator schedule', () => {
  it('syncs at start and then every N hours', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const cache = tempCache();
      const coordinator = new SyncCoordinator({ cache: cache.handle, onProgress: () => {} });
      const starts: string[] = [];
      const t = target('scheduled');
      coordinator.schedule(
        6,
        () => {
          starts.push('tick');
          return Promise.resolve([t]);
        },
        (error) => {
          throw error;
        },
      );
      expect(starts).toHaveLength(1);
      await vi.waitFor(() => expect(coordinator.isRunning('scheduled')).toBe(false));
      vi.advanceTimersByTime(5 * 3_600_000);
      expect(starts).toHaveLength(1);
      vi.advanceTimersByTime(3_600_000);
      expect(starts).toHaveLength(2);
      coordinator.stopSchedule();
      vi.advanceTimersByTime(12 * 3_600_000);
      expect(starts).toHaveLength(2);
      await coordinator.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
