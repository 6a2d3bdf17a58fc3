// The app writes synced periods on a worker thread with its own connection.
// Same results as in-process, and the same all-or-nothing behaviour.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import {
  accountSummary,
  cacheHandle,
  conferenceParticipants,
  openCache,
  periodConferences,
  periodParticipants,
  roomConferences,
} from '../../../src/main/cache';
import { runSync } from '../../../src/main/sync/sync-engine';
import { inProcessPeriodWriter, type PeriodWriter } from '../../../src/main/sync/writers/period-writer';
import { alternatingPeriodWriter, lazyPeriodWriter } from '../../../src/main/sync/writers/writer-pool';
import { startWriterThreads } from '../../../src/main/sync/writers/writer-thread';
import { laneWriter } from '../../../src/main/sync/writers/lane-writer';
import { demoClient, demoScope, tempCache } from './helpers';

let provider: DemoProvider;
/** These syncs store under the origin 'demo'. */
const DEMO = demoScope('demo');
beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20', rooms: 60, perRoom: 20 });
});
afterAll(async () => {
  await provider.close();
});

describe('worker-thread period writer', () => {
  it('stores exactly what the in-process writer stores', async () => {
    const inProcess = tempCache();
    await runSync({ cache: inProcess.handle, client: demoClient(provider), origin: 'demo', pageLimit: 100 });
    const viaWorker = tempCache();
    const writer = await startWriterThreads(viaWorker.file);
    const report = await runSync({ cache: viaWorker.handle, client: demoClient(provider), origin: 'demo', pageLimit: 100, writer });
    await writer.close();
    expect(report.status).toBe('ok');
    for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) {
      const expected = accountSummary(inProcess.db, DEMO, period, 'all');
      const actual = accountSummary(viaWorker.db, DEMO, period, 'all');
      expect(actual.rooms).toEqual(expected.rooms);
      expect(actual.total).toEqual(expected.total);
      expect(actual.period!.revision).toBe(expected.period!.revision);
    }
    const room = roomConferences(inProcess.db, DEMO, '2009-05', '332703');
    expect(roomConferences(viaWorker.db, DEMO, '2009-05', '332703')).toEqual(room);
    expect(conferenceParticipants(viaWorker.db, DEMO, '2009-05', room[3]!.id)).toEqual(conferenceParticipants(inProcess.db, DEMO, '2009-05', room[3]!.id));
  });

  it('a period the worker cannot stage fails on its own and keeps its previous data', async () => {
    const cache = tempCache();
    await runSync({ cache: cache.handle, client: demoClient(provider), origin: 'demo' });
    const before = accountSummary(cache.db, DEMO, '2009-04', 'all');
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
    const writer = lazyPeriodWriter(() => startWriterThreads(cache.file), () => inProcessPeriodWriter(cache.handle));
    const report = await runSync({ cache: cache.handle, client: demoClient(provider), origin: 'demo', writer });
    await writer.close();
    provider.faults.clear();
    const byPeriod = Object.fromEntries(report.periods.map((p) => [p.period, p]));
    expect(byPeriod['2009-04']).toMatchObject({ status: 'failed' });
    expect(byPeriod['2009-04']!.error).toMatch(/twice|sums|room/);
    expect(byPeriod['2009-03']).toMatchObject({ status: 'synced' });
    const after = accountSummary(cache.db, DEMO, '2009-04', 'all');
    expect(after.rooms).toEqual(before.rooms);
    expect(after.period!.revision).toBe(before.period!.revision);
    // The writers copy without foreign-key checks: 2009-03 was replaced, and no leg lost its conference.
    expect(cache.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('a room login through the worker stores only its room, and refuses another room\'s conferences', async () => {
    const cache = tempCache();
    const writer = await startWriterThreads(cache.file);
    const report = await runSync({ cache: cache.handle, client: demoClient(provider, { roomNumber: '332703' }), origin: 'demo', writer });
    expect(report.status).toBe('ok');
    expect(accountSummary(cache.db, DEMO, '2009-05', 'all').rooms.map((r) => r.roomNumber)).toEqual(['332703']);
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
    const again = await runSync({ cache: cache.handle, client: demoClient(provider, { roomNumber: '332703' }), origin: 'demo', writer });
    await writer.close();
    provider.faults.clear();
    expect(again.periods.find((p) => p.period === '2009-05')).toMatchObject({ status: 'failed' });
    expect(accountSummary(cache.db, DEMO, '2009-05', 'all').total.chargeCents).toBe(11659);
    expect(cache.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('falls back to writing in-process when the worker cannot open the cache', async () => {
    const cache = tempCache();
    const problems: unknown[] = [];
    const writer = lazyPeriodWriter(
      () => startWriterThreads('/nonexistent-dir/x/cache.sqlite\0'),
      () => inProcessPeriodWriter(cache.handle),
      (error) => problems.push(error),
    );
    const report = await runSync({ cache: cache.handle, client: demoClient(provider), origin: 'demo', writer });
    await writer.close();
    expect(report.status).toBe('ok');
    expect(problems).toHaveLength(1);
    expect(accountSummary(cache.db, DEMO, '2009-05', 'active').total.chargeCents).toBe(13207);
  });
});

describe('pages read on the months\' writer threads', () => {
  /** Conference pages this (the main) thread parsed during `work`. */
  async function pagesParsedHere(work: () => Promise<unknown>): Promise<number> {
    const parse = JSON.parse;
    let pages = 0;
    const spy = vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (typeof text === 'string' && text.includes('"nextCursor"')) pages += 1;
      return parse(text, reviver);
    });
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return pages;
  }

  it('the main thread never parses a conference page when the months have writer threads', async () => {
    const inProcess = tempCache();
    // The reference proves the count sees pages parsed on this thread.
    expect(await pagesParsedHere(() => runSync({ cache: inProcess.handle, client: demoClient(provider), origin: 'demo', pageLimit: 100 }))).toBeGreaterThan(4);
    const threads = tempCache();
    let report: Awaited<ReturnType<typeof runSync>> | null = null;
    const parsedHere = await pagesParsedHere(async () => {
      report = await runSync({ cache: threads.handle, client: demoClient(provider), origin: 'demo', pageLimit: 100, openWriter: (lane) => laneWriter(threads.handle, lane) });
    });
    expect(report!, JSON.stringify(report)).toMatchObject({ status: 'ok' });
    expect(parsedHere).toBe(0);
    for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) {
      const { rooms, total } = accountSummary(inProcess.db, DEMO, period, 'all');
      expect(accountSummary(threads.db, DEMO, period, 'all')).toMatchObject({ rooms, total });
    }
  });

  it('a malformed page or sums that disagree fail their month alone, with the provider\'s words, and keep its data', async () => {
    const cache = tempCache();
    await runSync({ cache: cache.handle, client: demoClient(provider), origin: 'demo' });
    const kept = (period: string) => {
      const { rooms, total, period: meta } = accountSummary(cache.db, DEMO, period, 'all');
      return { rooms, total, revision: meta!.revision };
    };
    const april = kept('2009-04');
    const march = kept('2009-03');
    for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) provider.bumpRevision(period);
    provider.faults.add({
      path: '/periods/2009-04/conferences',
      action: { kind: 'mutate', mutate: (json) => ({ ...(json as object), conferences: [{ id: 42 }] }) },
    });
    provider.faults.add({
      path: '/periods/2009-03/conferences',
      action: {
        kind: 'mutate',
        mutate: (json) => {
          const page = json as { conferences: Array<{ chargeCents: number }> };
          page.conferences[0]!.chargeCents += 1;
          return page;
        },
      },
    });
    const report = await runSync({ cache: cache.handle, client: demoClient(provider), origin: 'demo', openWriter: (lane) => laneWriter(cache.handle, lane) });
    const outcome = (period: string) => report.periods.find((p) => p.period === period)!;
    expect(report.status).toBe('partial');
    expect(outcome('2009-04')).toMatchObject({ status: 'failed' });
    expect(outcome('2009-04').error).toMatch(/malformed response to GET \/oai\/v1\/accounts\/602127\/periods\/2009-04\/conferences: conferences\[0\]/);
    expect(outcome('2009-03')).toMatchObject({ status: 'failed' });
    expect(outcome('2009-03').error).toMatch(/chargeCents \d+ but participants add up to \d+/);
    expect(outcome('2009-05').status).toBe('synced');
    expect(outcome('2009-02').status).toBe('synced');
    expect(kept('2009-04')).toEqual(april);
    expect(kept('2009-03')).toEqual(march);
  });
  it('a page far heavier than the conferences asked for fails its month, naming the request, before any thread reads it', async () => {
    const cache = tempCache();
    provider.faults.add({
      path: '/periods/2009-04/conferences',
      // 10 conferences asked: a ceiling of 640 KiB; this page weighs over 1 MB.
      action: { kind: 'mutate', mutate: (json) => ({ ...(json as object), padding: 'x'.repeat(1_100_000) }) },
    });
    const report = await runSync({ cache: cache.handle, client: demoClient(provider), origin: 'demo', pageLimit: 10, openWriter: (lane) => laneWriter(cache.handle, lane) });
    const april = report.periods.find((p) => p.period === '2009-04')!;
    expect(april.status).toBe('failed');
    expect(april.error).toMatch(/answer to GET \/oai\/v1\/accounts\/602127\/periods\/2009-04\/conferences is larger than 640 KiB once decoded/);
    expect(report.periods.filter((p) => p.status === 'synced').map((p) => p.period)).toEqual(['2009-05', '2009-03', '2009-02']);
  });
});

describe('periods spread over two writers', () => {
  /**
   * An in-process writer on its own connection to the file, noting the periods
   * it was given and when its commits start and end; `slowCommitMs` delays the
   * end of its commits, as a large month's swap would.
   */
  function writerOn(file: string, periods: string[], events: string[] = [], slowCommitMs = 0): PeriodWriter {
    const handle = cacheHandle(openCache(file));
    const writer = inProcessPeriodWriter(handle);
    let period = '';
    return {
      ...writer,
      begin: (accountNumber, next, scope) => {
        period = next;
        periods.push(next);
        return writer.begin(accountNumber, next, scope);
      },
      commit: async (input) => {
        events.push(`start ${period}`);
        const counts = await writer.commit(input);
        await new Promise((resolve) => setTimeout(resolve, slowCommitMs));
        events.push(`end ${input.period.period}`);
        return counts;
      },
      close: async () => {
        await writer.close();
        handle.close();
      },
    };
  }

  /** The reference: the demo account synced by one in-process writer. */
  async function syncedByOneWriter() {
    const single = tempCache();
    await runSync({ cache: single.handle, client: demoClient(provider), origin: 'demo', pageLimit: 100 });
    return single;
  }

  it('gives the periods to the writers in turn and stores what one writer stores', async () => {
    const single = await syncedByOneWriter();
    const cache = tempCache();
    const first: string[] = [];
    const second: string[] = [];
    const writer = alternatingPeriodWriter(writerOn(cache.file, first), () => Promise.resolve(writerOn(cache.file, second)), 2);
    const report = await runSync({ cache: cache.handle, client: demoClient(provider), origin: 'demo', pageLimit: 100, writer });
    await writer.close();
    expect(report.status).toBe('ok');
    expect([first, second]).toEqual([
      ['2009-05', '2009-03'],
      ['2009-04', '2009-02'],
    ]);
    for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) {
      const [actual, expected] = [cache, single].map((c) => accountSummary(c.db, DEMO, period, 'all'));
      expect(actual!.rooms).toEqual(expected!.rooms);
      expect(actual!.total).toEqual(expected!.total);
      expect(actual!.period!.revision).toBe(expected!.period!.revision);
      expect([...periodParticipants(cache.db, DEMO, period)]).toEqual([...periodParticipants(single.db, DEMO, period)]);
    }
    expect(cache.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('when the second writer cannot start, the first takes every period', async () => {
    const cache = tempCache();
    const periods: string[] = [];
    let attempts = 0;
    const writer = alternatingPeriodWriter(
      writerOn(cache.file, periods),
      () => {
        attempts += 1;
        return Promise.reject(new Error('no second thread'));
      },
      2,
    );
    const report = await runSync({ cache: cache.handle, client: demoClient(provider), origin: 'demo', writer });
    await writer.close();
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
    const writer = alternatingPeriodWriter(writerOn(cache.file, first, events, 300), () => Promise.resolve(writerOn(cache.file, second, events)), 2);
    const report = await runSync({ cache: cache.handle, client: demoClient(provider), origin: 'demo', pageLimit: 100, writer });
    await writer.close();
    expect(report.periods.map((p) => [p.period, p.status])).toEqual([
      ['2009-05', 'synced'],
      ['2009-04', 'synced'],
      ['2009-03', 'synced'],
      ['2009-02', 'synced'],
    ]);
    expect(events).toEqual(['2009-05', '2009-04', '2009-03', '2009-02'].flatMap((p) => [`start ${p}`, `end ${p}`]));
    for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) {
      expect([...periodConferences(cache.db, DEMO, period)]).toEqual([...periodConferences(single.db, DEMO, period)]);
    }
  });
});
