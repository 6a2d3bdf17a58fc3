// The app writes synced periods on a worker thread with its own connection.
// Same results as in-process, and the same all-or-nothing behaviour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { openCache } from '../../../src/main/cache/database';
import { CacheRepository } from '../../../src/main/cache/repository';
import { alternatingPeriodSink, inProcessPeriodSink, lazyPeriodSink, type PeriodSink } from '../../../src/main/sync/period-sink';
import { runSync } from '../../../src/main/sync/sync-engine';
import { startWorkerPeriodSink } from '../../../src/main/sync/worker-period-sink';
import { demoClient, tempCache } from './helpers';

let provider: DemoProvider;
beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20', rooms: 60, perRoom: 20 });
});
afterAll(async () => {
  await provider.close();
});

describe('worker-thread period sink', () => {
  it('stores exactly what the in-process sink stores', async () => {
    const inProcess = tempCache();
    await runSync({ repo: inProcess.repo, client: demoClient(provider), origin: 'demo', pageLimit: 100 });
    const viaWorker = tempCache();
    const sink = await startWorkerPeriodSink(viaWorker.file);
    const report = await runSync({ repo: viaWorker.repo, client: demoClient(provider), origin: 'demo', pageLimit: 100, sink });
    await sink.close();
    expect(report.status).toBe('ok');
    for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) {
      const expected = inProcess.repo.accountSummary('602127', period, 'all');
      const actual = viaWorker.repo.accountSummary('602127', period, 'all');
      expect(actual.rooms).toEqual(expected.rooms);
      expect(actual.total).toEqual(expected.total);
      expect(actual.period!.revision).toBe(expected.period!.revision);
    }
    const room = inProcess.repo.roomConferences('602127', '2009-05', '332703');
    expect(viaWorker.repo.roomConferences('602127', '2009-05', '332703')).toEqual(room);
    expect(viaWorker.repo.conferenceParticipants('602127', room[3]!.id)).toEqual(inProcess.repo.conferenceParticipants('602127', room[3]!.id));
  });

  it('a period the worker cannot stage fails on its own and keeps its previous data', async () => {
    const cache = tempCache();
    await runSync({ repo: cache.repo, client: demoClient(provider), origin: 'demo' });
    const before = cache.repo.accountSummary('602127', '2009-04', 'all');
    provider.bumpRevision('2009-04');
    provider.bumpRevision('2009-03');
    // The same conference twice in one month: refused by the staging tables.
    provider.faults.add({
      path: '/periods/2009-04/conferences',
      times: 10,
      action: {
        kind: 'mutate',
        mutate: (json) => {
          const page = json as { conferences: unknown[] };
          page.conferences.push(page.conferences[0]);
          return page;
        },
      },
    });
    const sink = lazyPeriodSink(() => startWorkerPeriodSink(cache.file), () => inProcessPeriodSink(cache.repo));
    const report = await runSync({ repo: cache.repo, client: demoClient(provider), origin: 'demo', sink });
    await sink.close();
    provider.faults.clear();
    const byPeriod = Object.fromEntries(report.periods.map((p) => [p.period, p]));
    expect(byPeriod['2009-04']).toMatchObject({ status: 'failed' });
    expect(byPeriod['2009-04']!.error).toMatch(/twice|sums|room/);
    expect(byPeriod['2009-03']).toMatchObject({ status: 'synced' });
    const after = cache.repo.accountSummary('602127', '2009-04', 'all');
    expect(after.rooms).toEqual(before.rooms);
    expect(after.period!.revision).toBe(before.period!.revision);
    // The writers copy without foreign-key checks: 2009-03 was replaced, and no leg lost its conference.
    expect(cache.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('a room login through the worker stores only its room, and refuses another room\'s conferences', async () => {
    const cache = tempCache();
    const sink = await startWorkerPeriodSink(cache.file);
    const report = await runSync({ repo: cache.repo, client: demoClient(provider, { roomNumber: '332703' }), origin: 'demo', sink });
    expect(report.status).toBe('ok');
    expect(cache.repo.accountSummary('602127', '2009-05', 'all').rooms.map((r) => r.roomNumber)).toEqual(['332703']);
    provider.bumpRevision('2009-05');
    provider.faults.add({
      path: '/periods/2009-05/conferences',
      times: 10,
      action: {
        kind: 'mutate',
        mutate: (json) => {
          const page = json as { conferences: Array<{ roomNumber: string }> };
          if (page.conferences[0]) page.conferences[0].roomNumber = '320026';
          return page;
        },
      },
    });
    const again = await runSync({ repo: cache.repo, client: demoClient(provider, { roomNumber: '332703' }), origin: 'demo', sink });
    await sink.close();
    provider.faults.clear();
    expect(again.periods.find((p) => p.period === '2009-05')).toMatchObject({ status: 'failed' });
    expect(cache.repo.accountSummary('602127', '2009-05', 'all').total.chargeCents).toBe(11659);
    expect(cache.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('falls back to writing in-process when the worker cannot open the cache', async () => {
    const cache = tempCache();
    const problems: unknown[] = [];
    const sink = lazyPeriodSink(
      () => startWorkerPeriodSink('/nonexistent-dir/x/cache.sqlite\0'),
      () => inProcessPeriodSink(cache.repo),
      (error) => problems.push(error),
    );
    const report = await runSync({ repo: cache.repo, client: demoClient(provider), origin: 'demo', sink });
    await sink.close();
    expect(report.status).toBe('ok');
    expect(problems).toHaveLength(1);
    expect(cache.repo.accountSummary('602127', '2009-05', 'active').total.chargeCents).toBe(13207);
  });
});

describe('periods spread over two writers', () => {
  /**
   * An in-process sink on its own connection to the file, noting the periods
   * it was given and when its commits start and end; `slowCommitMs` delays the
   * end of its commits, as a large month's swap would.
   */
  function writerOn(file: string, periods: string[], events: string[] = [], slowCommitMs = 0): PeriodSink {
    const db = openCache(file);
    const sink = inProcessPeriodSink(new CacheRepository(db));
    let period = '';
    return {
      ...sink,
      begin: (accountNumber, next, scope) => {
        period = next;
        periods.push(next);
        return sink.begin(accountNumber, next, scope);
      },
      commit: async (input) => {
        events.push(`start ${period}`);
        const counts = await sink.commit(input);
        await new Promise((resolve) => setTimeout(resolve, slowCommitMs));
        events.push(`end ${input.period.period}`);
        return counts;
      },
      close: async () => {
        await sink.close();
        db.close();
      },
    };
  }

  /** The reference: the demo account synced by one in-process writer. */
  async function syncedByOneWriter() {
    const single = tempCache();
    await runSync({ repo: single.repo, client: demoClient(provider), origin: 'demo', pageLimit: 100 });
    return single;
  }

  it('gives the periods to the writers in turn and stores what one writer stores', async () => {
    const single = await syncedByOneWriter();
    const cache = tempCache();
    const first: string[] = [];
    const second: string[] = [];
    const sink = alternatingPeriodSink(writerOn(cache.file, first), () => Promise.resolve(writerOn(cache.file, second)), 2);
    const report = await runSync({ repo: cache.repo, client: demoClient(provider), origin: 'demo', pageLimit: 100, sink });
    await sink.close();
    expect(report.status).toBe('ok');
    expect([first, second]).toEqual([
      ['2009-05', '2009-03'],
      ['2009-04', '2009-02'],
    ]);
    for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) {
      const [actual, expected] = [cache, single].map((c) => c.repo.accountSummary('602127', period, 'all'));
      expect(actual!.rooms).toEqual(expected!.rooms);
      expect(actual!.total).toEqual(expected!.total);
      expect(actual!.period!.revision).toBe(expected!.period!.revision);
      expect([...cache.repo.periodParticipants('602127', period)]).toEqual([...single.repo.periodParticipants('602127', period)]);
    }
    expect(cache.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('when the second writer cannot start, the first takes every period', async () => {
    const cache = tempCache();
    const periods: string[] = [];
    let attempts = 0;
    const sink = alternatingPeriodSink(
      writerOn(cache.file, periods),
      () => {
        attempts += 1;
        return Promise.reject(new Error('no second thread'));
      },
      2,
    );
    const report = await runSync({ repo: cache.repo, client: demoClient(provider), origin: 'demo', sink });
    await sink.close();
    expect(report.status).toBe('ok');
    expect(periods).toEqual(['2009-05', '2009-04', '2009-03', '2009-02']);
    expect(attempts).toBe(1);
  });

  it('commits in period order, one at a time, and the next month on a writer waits for that writer\'s commit', async () => {
    const single = await syncedByOneWriter();
    const cache = tempCache();
    const events: string[] = [];
    const first: string[] = [];
    const second: string[] = [];
    // The first writer's swaps are slow: months 2009-04 and 2009-03 finish
    // downloading while 2009-05 is still being written.
    const sink = alternatingPeriodSink(writerOn(cache.file, first, events, 300), () => Promise.resolve(writerOn(cache.file, second, events)), 2);
    const report = await runSync({ repo: cache.repo, client: demoClient(provider), origin: 'demo', pageLimit: 100, sink });
    await sink.close();
    expect(report.periods.map((p) => [p.period, p.status])).toEqual([
      ['2009-05', 'synced'],
      ['2009-04', 'synced'],
      ['2009-03', 'synced'],
      ['2009-02', 'synced'],
    ]);
    expect(events).toEqual(['2009-05', '2009-04', '2009-03', '2009-02'].flatMap((p) => [`start ${p}`, `end ${p}`]));
    for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) {
      expect([...cache.repo.periodConferences('602127', period)]).toEqual([...single.repo.periodConferences('602127', period)]);
    }
  });
});
