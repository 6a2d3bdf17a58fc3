import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, ORIGIN, openTestCache, type TestCache } from './fixtures';

let cache: TestCache;
beforeEach(() => {
  cache = openTestCache();
});
afterEach(() => cache.close());

describe('sync runs', () => {
  it('records a run with its periods and lists runs newest first', () => {
    const { repo } = cache;
    const first = repo.startSyncRun(ACCOUNT, 'account', ORIGIN, '2026-11-26T10:00:00Z');
    repo.recordSyncRunPeriod(first, '2026-11', 'synced', { conferences: 60, participants: 350 });
    repo.recordSyncRunPeriod(first, '2026-10', 'skipped');
    repo.recordSyncRunPeriod(first, '2026-07', 'archived');
    repo.recordSyncRunPeriod(first, '2026-09', 'failed', undefined, 'Provider unavailable.');
    repo.finishSyncRun(first, 'partial', '2026-11-26T10:00:30Z', '1 period failed');
    const second = repo.startSyncRun(ACCOUNT, '332703', ORIGIN, '2026-11-27T10:00:00Z');

    const runs = repo.listSyncRuns(ACCOUNT);
    expect(runs.map((run) => [run.id, run.status, run.scope])).toEqual([
      [second, 'running', '332703'],
      [first, 'partial', 'account'],
    ]);
    expect(runs[1]).toEqual({
      id: first,
      accountNumber: ACCOUNT,
      scope: 'account',
      origin: ORIGIN,
      startedAt: '2026-11-26T10:00:00Z',
      finishedAt: '2026-11-26T10:00:30Z',
      status: 'partial',
      error: '1 period failed',
      periods: [
        { period: '2026-11', status: 'synced', conferences: 60, participants: 350, error: null },
        { period: '2026-10', status: 'skipped', conferences: 0, participants: 0, error: null },
        { period: '2026-09', status: 'failed', conferences: 0, participants: 0, error: 'Provider unavailable.' },
        { period: '2026-07', status: 'archived', conferences: 0, participants: 0, error: null },
      ],
    });
    expect(repo.listSyncRuns(ACCOUNT, 1)).toHaveLength(1);
    expect(repo.listSyncRuns('other')).toEqual([]);
  });

  it('recording a period again in the same run overwrites it', () => {
    const { repo } = cache;
    const run = repo.startSyncRun(ACCOUNT, 'account', ORIGIN, '2026-11-26T10:00:00Z');
    repo.recordSyncRunPeriod(run, '2026-11', 'failed', undefined, 'period_changed');
    repo.recordSyncRunPeriod(run, '2026-11', 'synced', { conferences: 3, participants: 9 });
    expect(repo.listSyncRuns(ACCOUNT)[0]?.periods).toEqual([{ period: '2026-11', status: 'synced', conferences: 3, participants: 9, error: null }]);
  });

  it('lastSuccessfulSync is the finish time of the latest ok run', () => {
    const { repo } = cache;
    expect(repo.lastSuccessfulSync(ACCOUNT)).toBeNull();
    const ok = repo.startSyncRun(ACCOUNT, 'account', ORIGIN, '2026-11-26T10:00:00Z');
    repo.finishSyncRun(ok, 'ok', '2026-11-26T10:01:00Z');
    const failed = repo.startSyncRun(ACCOUNT, 'account', ORIGIN, '2026-11-27T10:00:00Z');
    repo.finishSyncRun(failed, 'failed', '2026-11-27T10:00:05Z', 'Invalid credentials.');
    const cancelled = repo.startSyncRun(ACCOUNT, 'account', ORIGIN, '2026-11-28T10:00:00Z');
    repo.finishSyncRun(cancelled, 'cancelled', '2026-11-28T10:00:01Z');
    expect(repo.lastSuccessfulSync(ACCOUNT)).toBe('2026-11-26T10:01:00Z');
    expect(repo.lastSuccessfulSync('other')).toBeNull();
  });

  it('a finished run is not finished twice; interrupted runs are closed at startup', () => {
    const { repo } = cache;
    const done = repo.startSyncRun(ACCOUNT, 'account', ORIGIN, '2026-11-26T10:00:00Z');
    repo.finishSyncRun(done, 'ok', '2026-11-26T10:01:00Z');
    repo.finishSyncRun(done, 'failed', '2026-11-26T10:02:00Z', 'late');
    const crashed = repo.startSyncRun(ACCOUNT, 'account', ORIGIN, '2026-11-27T10:00:00Z');

    expect(repo.closeInterruptedSyncRuns('2026-11-28T08:00:00Z')).toBe(1);
    const byId = new Map(repo.listSyncRuns(ACCOUNT).map((run) => [run.id, run]));
    expect(byId.get(done)).toMatchObject({ status: 'ok', finishedAt: '2026-11-26T10:01:00Z', error: null });
    expect(byId.get(crashed)).toMatchObject({ status: 'failed', finishedAt: '2026-11-28T08:00:00Z', error: expect.stringContaining('Interrupted') });
  });
});
