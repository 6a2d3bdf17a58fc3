import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, ORIGIN, openTestCache, PROVIDER, SCOPE, type TestCache } from './fixtures';
import {
  closeInterruptedSyncRuns,
  finishSyncRun,
  lastSuccessfulSync,
  listSyncRuns,
  recordSyncRunPeriod,
  startSyncRun,
} from '../../../src/main/cache';

let cache: TestCache;
beforeEach(() => {
  cache = openTestCache();
});
afterEach(() => cache.close());

describe('sync runs', () => {
  it('records a run with its periods and lists runs newest first', () => {
    const { db } = cache;
    const first = startSyncRun(db, SCOPE, 'account', ORIGIN, '2026-11-26T10:00:00Z');
    recordSyncRunPeriod(db, first, '2026-11', 'synced', { conferences: 60, participants: 350 });
    recordSyncRunPeriod(db, first, '2026-10', 'skipped');
    recordSyncRunPeriod(db, first, '2026-07', 'archived');
    recordSyncRunPeriod(db, first, '2026-09', 'failed', undefined, 'Provider unavailable.');
    finishSyncRun(db, first, 'partial', '2026-11-26T10:00:30Z', '1 period failed');
    const second = startSyncRun(db, SCOPE, '332703', ORIGIN, '2026-11-27T10:00:00Z');

    const runs = listSyncRuns(db, SCOPE);
    expect(runs.map((run) => [run.id, run.status, run.scope])).toEqual([
      [second, 'running', '332703'],
      [first, 'partial', 'account'],
    ]);
    expect(runs[1]).toEqual({
      id: first,
      provider: PROVIDER,
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
    expect(listSyncRuns(db, SCOPE, 1)).toHaveLength(1);
    expect(listSyncRuns(db, { ...SCOPE, accountNumber: 'other' })).toEqual([]);
    expect(listSyncRuns(db, { ...SCOPE, provider: 'https://other.example' })).toEqual([]);
  });

  it('recording a period again in the same run overwrites it', () => {
    const { db } = cache;
    const run = startSyncRun(db, SCOPE, 'account', ORIGIN, '2026-11-26T10:00:00Z');
    recordSyncRunPeriod(db, run, '2026-11', 'failed', undefined, 'period_changed');
    recordSyncRunPeriod(db, run, '2026-11', 'synced', { conferences: 3, participants: 9 });
    expect(listSyncRuns(db, SCOPE)[0]?.periods).toEqual([{ period: '2026-11', status: 'synced', conferences: 3, participants: 9, error: null }]);
  });

  it('lastSuccessfulSync is the finish time of the latest ok run', () => {
    const { db } = cache;
    expect(lastSuccessfulSync(db, SCOPE)).toBeNull();
    const ok = startSyncRun(db, SCOPE, 'account', ORIGIN, '2026-11-26T10:00:00Z');
    finishSyncRun(db, ok, 'ok', '2026-11-26T10:01:00Z');
    const failed = startSyncRun(db, SCOPE, 'account', ORIGIN, '2026-11-27T10:00:00Z');
    finishSyncRun(db, failed, 'failed', '2026-11-27T10:00:05Z', 'Invalid credentials.');
    const cancelled = startSyncRun(db, SCOPE, 'account', ORIGIN, '2026-11-28T10:00:00Z');
    finishSyncRun(db, cancelled, 'cancelled', '2026-11-28T10:00:01Z');
    expect(lastSuccessfulSync(db, SCOPE)).toBe('2026-11-26T10:01:00Z');
    expect(lastSuccessfulSync(db, { ...SCOPE, accountNumber: 'other' })).toBeNull();
    expect(lastSuccessfulSync(db, { ...SCOPE, provider: 'https://other.example' })).toBeNull();
  });

  it('a finished run is not finished twice; interrupted runs are closed at startup', () => {
    const { db } = cache;
    const done = startSyncRun(db, SCOPE, 'account', ORIGIN, '2026-11-26T10:00:00Z');
    finishSyncRun(db, done, 'ok', '2026-11-26T10:01:00Z');
    finishSyncRun(db, done, 'failed', '2026-11-26T10:02:00Z', 'late');
    const crashed = startSyncRun(db, SCOPE, 'account', ORIGIN, '2026-11-27T10:00:00Z');

    expect(closeInterruptedSyncRuns(db, '2026-11-28T08:00:00Z')).toBe(1);
    const byId = new Map(listSyncRuns(db, SCOPE).map((run) => [run.id, run]));
    expect(byId.get(done)).toMatchObject({ status: 'ok', finishedAt: '2026-11-26T10:01:00Z', error: null });
    expect(byId.get(crashed)).toMatchObject({ status: 'failed', finishedAt: '2026-11-28T08:00:00Z', error: expect.stringContaining('Interrupted') });
  });
});
