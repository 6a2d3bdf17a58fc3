// The sync engine over real HTTP against the embedded demo provider, with
// faults injected by the provider itself.
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { runSync } from '../../../src/main/sync/sync-engine';
import { demoClient, demoScope, recordingSleep, requestsTo, tempCache } from './helpers';
import {
  accountSummary,
  conferenceParticipants,
  getConference,
  getPeriod,
  listPeriods,
  listSyncRuns,
  outboxEntry,
  periodConferences,
  queueBillingCode,
  roomConferences,
} from '../../../src/main/cache';

const SEED_NOW = '2009-05-20';
const open: DemoProvider[] = [];
async function demo(now = SEED_NOW, options: { rooms?: number; perRoom?: number } = {}) {
  const provider = await startDemoProvider({ now, ...options });
  open.push(provider);
  return provider;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

async function syncOnce(provider: DemoProvider, cache = tempCache(), options: Parameters<typeof demoClient>[2] = {}) {
  const report = await runSync({ cache: cache.handle, client: demoClient(provider, {}, options), origin: provider.url, pageLimit: 50 });
  return { report, cache };
}

describe('first sync', () => {
  it('stores the four months and reproduces the seed account summary exactly', async () => {
    const provider = await demo();
    const { report, cache } = await syncOnce(provider);
    expect(report.status).toBe('ok');
    expect(report.periods.map((p) => [p.period, p.status])).toEqual([
      ['2009-05', 'synced'],
      ['2009-04', 'synced'],
      ['2009-03', 'synced'],
      ['2009-02', 'synced'],
    ]);
    const summary = accountSummary(cache.db, demoScope(provider), '2009-05', 'active');
    expect(summary.account?.companyName).toBe('MeetingOne Phoenix');
    expect(summary.period).toMatchObject({ start: '2009-05-01', invoiced: false, servedByProvider: true });
    expect(summary.rooms.map((r) => [r.roomNumber, r.cardholder, r.accumulatedSeconds, r.chargeCents])).toEqual([
      ['320026', 'Leo', 60, 9],
      ['332703', 'Marilene BALLESTER', 85816, 11659],
      ['335848', 'Jean-Baptiste Godeau', 10732, 1539],
    ]);
    expect(summary.total.chargeCents).toBe(13207);
    const room = roomConferences(cache.db, demoScope(provider), '2009-05', '332703');
    expect(room).toHaveLength(19);
    expect(room.reduce((s, c) => s + c.accumulatedSeconds, 0)).toBe(85816);
    expect(room.reduce((s, c) => s + c.chargeCents, 0)).toBe(11659);
    for (const conference of room) {
      const legs = conferenceParticipants(cache.db, demoScope(provider), '2009-05', conference.id);
      expect(legs).toHaveLength(conference.participantCount);
      expect(legs.reduce((s, p) => s + p.chargeCents, 0)).toBe(conference.chargeCents);
    }
  });
});

describe('re-sync', () => {
  it('skips unchanged periods without downloading them again', async () => {
    const provider = await demo();
    const { cache } = await syncOnce(provider);
    const before = { rooms: requestsTo(provider, '/rooms').length, pages: requestsTo(provider, '/conferences').length };
    const { report } = await syncOnce(provider, cache);
    expect(report.periods.every((p) => p.status === 'skipped')).toBe(true);
    expect(requestsTo(provider, '/rooms')).toHaveLength(before.rooms);
    expect(requestsTo(provider, '/conferences')).toHaveLength(before.pages);
  });

  it('re-downloads only the period whose revision changed', async () => {
    const provider = await demo();
    const { cache } = await syncOnce(provider);
    provider.requests.length = 0;
    provider.bumpRevision('2009-03');
    const { report } = await syncOnce(provider, cache);
    expect(report.periods.filter((p) => p.status === 'synced').map((p) => p.period)).toEqual(['2009-03']);
    const touched = new Set(requestsTo(provider, '/periods/').map((r) => r.path.split('/periods/')[1]!.slice(0, 7)));
    expect([...touched]).toEqual(['2009-03']);
  });
});

describe('transient provider trouble', () => {
  it('opens one new session when the token expires mid-sync', async () => {
    const provider = await demo();
    provider.faults.add({ path: '/conferences', times: 1, action: { kind: 'error', status: 401, code: 'session_expired' } });
    const { report, cache } = await syncOnce(provider);
    expect(report.status).toBe('ok');
    expect(requestsTo(provider, '/session', 'POST')).toHaveLength(2);
    expect(accountSummary(cache.db, demoScope(provider), '2009-05', 'active').total.chargeCents).toBe(13207);
  });

  it('waits as long as Retry-After says after a 429, then goes on', async () => {
    const provider = await demo();
    provider.faults.add({ path: '/rooms', times: 1, action: { kind: 'error', status: 429, code: 'rate_limited', retryAfterSeconds: 7 } });
    const waits: number[] = [];
    const { report } = await syncOnce(provider, tempCache(), { sleep: recordingSleep(waits) });
    expect(report.status).toBe('ok');
    expect(waits).toContain(7000);
  });

  it('retries after a 5xx and after a dropped connection', async () => {
    const provider = await demo();
    provider.faults.add({ path: '/conferences', times: 1, action: { kind: 'error', status: 502, code: 'bad_gateway' } });
    provider.faults.add({ path: '/rooms', times: 1, action: { kind: 'drop' } });
    const { report } = await syncOnce(provider);
    expect(report.status).toBe('ok');
    expect(provider.requests.some((r) => r.status === 502)).toBe(true);
    expect(provider.requests.some((r) => r.status === 0)).toBe(true);
  });
});

describe('a bad period', () => {
  it('keeps its previous data when a page is malformed JSON; the other periods still sync', async () => {
    const provider = await demo();
    const { cache } = await syncOnce(provider);
    const before = accountSummary(cache.db, demoScope(provider), '2009-04', 'all');
    provider.bumpRevision('2009-04');
    provider.bumpRevision('2009-03');
    provider.faults.add({ path: '/periods/2009-04/conferences', times: 10, action: { kind: 'raw', body: '{"conferences": [' } });
    const { report } = await syncOnce(provider, cache);
    expect(report.status).toBe('partial');
    const byPeriod = Object.fromEntries(report.periods.map((p) => [p.period, p]));
    expect(byPeriod['2009-04']!.status).toBe('failed');
    expect(byPeriod['2009-04']!.error).toContain('(body)');
    expect(byPeriod['2009-03']!.status).toBe('synced');
    const after = accountSummary(cache.db, demoScope(provider), '2009-04', 'all');
    expect(after.rooms).toEqual(before.rooms);
    expect(after.total).toEqual(before.total);
    expect(after.period!.revision).toBe(before.period!.revision);
    expect(getPeriod(cache.db, demoScope(provider), '2009-04')!.lastError).toContain('(body)');
  });

  it('names the JSON path of a missing required field and keeps the period as it was', async () => {
    const provider = await demo();
    const { cache } = await syncOnce(provider);
    const revisionBefore = getPeriod(cache.db, demoScope(provider), '2009-05')!.revision;
    provider.bumpRevision('2009-05');
    provider.faults.add({
      path: '/periods/2009-05/conferences',
      times: 10,
      action: {
        kind: 'mutate',
        mutate: (json) => {
          const page = json as { conferences: Array<Record<string, unknown>> };
          delete page.conferences[1]!.chargeCents;
          return page;
        },
      },
    });
    const { report } = await syncOnce(provider, cache);
    const may = report.periods.find((p) => p.period === '2009-05')!;
    expect(may.status).toBe('failed');
    expect(may.error).toContain('conferences[1].chargeCents');
    expect(getPeriod(cache.db, demoScope(provider), '2009-05')!.revision).toBe(revisionBefore);
    expect(accountSummary(cache.db, demoScope(provider), '2009-05', 'active').total.chargeCents).toBe(13207);
  });

  it('refuses a period whose sums do not add up', async () => {
    const provider = await demo();
    provider.faults.add({
      path: '/periods/2009-05/rooms',
      times: 10,
      action: {
        kind: 'mutate',
        mutate: (json) => {
          const body = json as { rooms: Array<{ roomNumber: string; chargeCents: number }> };
          body.rooms.find((r) => r.roomNumber === '332703')!.chargeCents += 1;
          return body;
        },
      },
    });
    const { report, cache } = await syncOnce(provider);
    const may = report.periods.find((p) => p.period === '2009-05')!;
    expect(may.status).toBe('failed');
    expect(may.error).toContain('room 332703: chargeCents 11660 but its conferences add up to 11659');
    expect(accountSummary(cache.db, demoScope(provider), '2009-05', 'all').rooms).toEqual([]);
  });
});

describe('scope and history', () => {
  it('a room login sees and stores only its room', async () => {
    const provider = await demo();
    const cache = tempCache();
    const report = await runSync({ cache: cache.handle, client: demoClient(provider, { roomNumber: '332703' }), origin: provider.url });
    expect(report.status).toBe('ok');
    expect(report.scope).toBe('332703');
    const summary = accountSummary(cache.db, demoScope(provider), '2009-05', 'all');
    expect(summary.rooms.map((r) => r.roomNumber)).toEqual(['332703']);
    expect(summary.total.chargeCents).toBe(11659);
  });

  it('keeps months the provider no longer serves, marked archived', async () => {
    const may = await demo('2009-05-20');
    const cache = tempCache();
    await runSync({ cache: cache.handle, client: demoClient(may), origin: 'demo' });
    const february = accountSummary(cache.db, demoScope('demo'), '2009-02', 'all');
    const june = await demo('2009-06-20');
    const report = await runSync({ cache: cache.handle, client: demoClient(june), origin: 'demo' });
    expect(report.periods.find((p) => p.period === '2009-02')?.status).toBe('archived');
    expect(report.periods.find((p) => p.period === '2009-06')?.status).toBe('synced');
    const periods = listPeriods(cache.db, demoScope('demo'));
    expect(periods.map((p) => [p.period, p.servedByProvider])).toEqual([
      ['2009-06', true],
      ['2009-05', true],
      ['2009-04', true],
      ['2009-03', true],
      ['2009-02', false],
    ]);
    expect(accountSummary(cache.db, demoScope('demo'), '2009-02', 'all').rooms).toEqual(february.rooms);
  });

  it('an id the provider recycles in a later month never removes the archived month’s conference', async () => {
    const may = await demo('2009-05-20');
    const cache = tempCache();
    const scope = demoScope('demo');
    await runSync({ cache: cache.handle, client: demoClient(may), origin: 'demo' });
    const february = { summary: accountSummary(cache.db, scope, '2009-02', 'all'), conferences: [...periodConferences(cache.db, scope, '2009-02')] };
    const recycled = february.conferences[0]!;
    // June's provider no longer serves February, and reuses one of its conference ids for a June conference.
    const june = await demo('2009-06-20');
    june.faults.add({
      path: '/periods/2009-06/conferences',
      times: 100,
      action: {
        kind: 'mutate',
        mutate: (json) => {
          const page = json as { conferences: Array<{ id: string }> };
          if (page.conferences[0]?.id.endsWith('-000001')) page.conferences[0].id = recycled.id;
          return page;
        },
      },
    });
    const report = await runSync({ cache: cache.handle, client: demoClient(june), origin: 'demo' });
    expect(report.status).toBe('ok');
    expect(report.periods.find((p) => p.period === '2009-02')?.status).toBe('archived');
    expect(getConference(cache.db, scope, '2009-06', recycled.id)?.start.slice(0, 7)).toBe('2009-06');

    const kept = [...periodConferences(cache.db, scope, '2009-02')];
    expect(kept).toEqual(february.conferences);
    expect(conferenceParticipants(cache.db, scope, '2009-02', recycled.id)).toHaveLength(recycled.participantCount);
    const summary = accountSummary(cache.db, scope, '2009-02', 'all');
    expect(summary.rooms).toEqual(february.summary.rooms);
    for (const room of summary.rooms) {
      const own = kept.filter((conference) => conference.roomNumber === room.roomNumber);
      expect(own.reduce((sum, conference) => sum + conference.chargeCents, 0), room.roomNumber).toBe(room.chargeCents);
      expect(own.length, room.roomNumber).toBe(room.conferenceCount);
    }
  });

  it('a room login whose month files another room’s conference under its room fails that month, and keeps the cache as it was', async () => {
    const provider = await demo();
    const { cache } = await syncOnce(provider);
    const scope = demoScope(provider);
    const [leo] = roomConferences(cache.db, scope, '2009-05', '320026');
    const before = { summary: accountSummary(cache.db, scope, '2009-05', 'all'), conferences: [...periodConferences(cache.db, scope, '2009-05')] };
    provider.bumpRevision('2009-05');
    provider.faults.add({
      path: '/periods/2009-05/conferences',
      times: 100,
      action: {
        kind: 'mutate',
        mutate: (json) => {
          const page = json as { conferences: Array<{ id: string; roomNumber: string }> };
          const first = page.conferences[0];
          if (first?.roomNumber === '332703' && first.id.endsWith('-000002')) first.id = leo!.id;
          return page;
        },
      },
    });
    const report = await runSync({ cache: cache.handle, client: demoClient(provider, { roomNumber: '332703' }), origin: provider.url, pageLimit: 50 });
    expect(report.status).toBe('partial');
    const may = report.periods.find((p) => p.period === '2009-05')!;
    expect(may.status).toBe('failed');
    expect(may.error).toContain(`conference ${leo!.id} of 2009-05 under room 332703, but the cache holds it under room 320026`);
    expect(accountSummary(cache.db, scope, '2009-05', 'all').rooms).toEqual(before.summary.rooms);
    expect([...periodConferences(cache.db, scope, '2009-05')]).toEqual(before.conferences);
    expect(getPeriod(cache.db, scope, '2009-05')?.lastError).toContain(leo!.id);
  });

  it('cancelling keeps the previous data of the period being downloaded', async () => {
    const provider = await demo();
    const { cache } = await syncOnce(provider);
    provider.bumpRevision('2009-05');
    const controller = new AbortController();
    provider.faults.add({ path: '/conferences', times: 100, action: { kind: 'delay', ms: 50 } });
    const running = runSync({
      cache: cache.handle,
      client: demoClient(provider, {}, { signal: controller.signal }),
      origin: provider.url,
      signal: controller.signal,
      pageLimit: 5,
      onProgress: (p) => {
        if (p.phase === 'downloading' && p.pages === 2) controller.abort();
      },
    });
    const report = await running;
    expect(report.status).toBe('cancelled');
    expect(accountSummary(cache.db, demoScope(provider), '2009-05', 'active').total.chargeCents).toBe(13207);
  });
});

describe('billing-code outbox', () => {
  it('pushes pending codes first, keeps the provider reason of refused ones, and leaves others pending on network trouble', async () => {
    const provider = await demo();
    const { cache } = await syncOnce(provider);
    const [mayConference] = roomConferences(cache.db, demoScope(provider), '2009-05', '332703');
    const [aprilConference] = roomConferences(cache.db, demoScope(provider), '2009-04', '332703');
    const at = new Date().toISOString();
    const sent = queueBillingCode(cache.db, demoScope(provider), '2009-05', mayConference!.id, 'PROJ-7', at);
    const locked = queueBillingCode(cache.db, demoScope(provider), '2009-04', aprilConference!.id, 'PROJ-7', at);
    const { report } = await syncOnce(provider, cache);
    // April is invoiced: its change is not sent (the provider would answer period_locked) but kept locally.
    expect(report.outbox).toEqual({ sent: 1, failed: 0, pending: 0, local: 1 });
    expect(outboxEntry(cache.db, sent.outboxId)?.state).toBe('sent');
    expect(outboxEntry(cache.db, locked.outboxId)).toBeNull();
    expect(getConference(cache.db, demoScope(provider), '2009-04', aprilConference!.id)?.local?.billingCode).toBe('PROJ-7');
    // Pushed before listing periods: the new revision of May was downloaded in the same run.
    expect(report.periods.find((p) => p.period === '2009-05')?.status).toBe('synced');
    expect(getConference(cache.db, demoScope(provider), '2009-05', mayConference!.id)).toMatchObject({ billingCode: 'PROJ-7', pending: null });

    const invalid = queueBillingCode(cache.db, demoScope(provider), '2009-05', mayConference!.id, 'RULE-CHANGED', at);
    provider.faults.add({ method: 'PUT', path: mayConference!.id, times: 1, action: { kind: 'error', status: 422, code: 'invalid_billing_code' } });
    const second = roomConferences(cache.db, demoScope(provider), '2009-05', '332703')[1]!;
    const offline = queueBillingCode(cache.db, demoScope(provider), '2009-05', second.id, 'LATER', at);
    provider.faults.add({ method: 'PUT', path: second.id, times: 10, action: { kind: 'drop' } });
    const { report: again } = await syncOnce(provider, cache);
    expect(outboxEntry(cache.db, invalid.outboxId)).toMatchObject({ state: 'failed', errorCode: 'invalid_billing_code' });
    expect(outboxEntry(cache.db, offline.outboxId)?.state).toBe('pending');
    expect(again.outbox.pending).toBe(1);
  });
});

describe('billing codes of a month the provider no longer serves or has invoiced', () => {
  it('are never pushed: converted to local allocations at the next sync', async () => {
    const may = await demo('2009-05-20');
    const cache = tempCache();
    const scope = demoScope('demo');
    await runSync({ cache: cache.handle, client: demoClient(may), origin: 'demo' });
    const [february] = [...periodConferences(cache.db, scope, '2009-02')];
    const [current] = [...periodConferences(cache.db, scope, '2009-05')];
    const at = new Date().toISOString();
    const archived = queueBillingCode(cache.db, scope, '2009-02', february!.id, 'TOO-LATE', at);
    const served = queueBillingCode(cache.db, scope, '2009-05', current!.id, 'IN-TIME', at);

    const june = await demo('2009-06-20');
    const report = await runSync({ cache: cache.handle, client: demoClient(june), origin: 'demo' });
    // February is no longer served, May is invoiced by June: neither is sent, both stay as local allocations.
    expect(report.outbox).toEqual({ sent: 0, failed: 0, pending: 0, local: 2 });
    expect(outboxEntry(cache.db, archived.outboxId)).toBeNull();
    expect(outboxEntry(cache.db, served.outboxId)).toBeNull();
    expect(requestsTo(june, february!.id, 'PUT')).toEqual([]);
    expect(requestsTo(june, current!.id, 'PUT')).toEqual([]);
    expect(getConference(cache.db, scope, '2009-02', february!.id)).toMatchObject({ billingCode: february!.billingCode, pending: null, local: { billingCode: 'TOO-LATE' } });
    expect(getConference(cache.db, scope, '2009-05', current!.id)).toMatchObject({ pending: null, local: { billingCode: 'IN-TIME' } });
  });
});

describe('closing the run', () => {
  it('a period outcome that cannot be written fails the run, which is still closed', async () => {
    const provider = await demo();
    const cache = tempCache();
    // Writing April's outcome fails on the engine's connection, as a busy cache would make it.
    cache.db.exec(`CREATE TEMP TRIGGER april_outcome_fails BEFORE INSERT ON main.sync_run_periods WHEN NEW.period = '2009-04'
      BEGIN SELECT RAISE(ABORT, 'database is locked'); END`);
    const report = await runSync({ cache: cache.handle, client: demoClient(provider), origin: provider.url });
    expect(report.status).toBe('failed');
    expect(report.error).toBe('database is locked');
    const [run] = listSyncRuns(cache.db, demoScope(provider));
    expect(run).toMatchObject({ status: 'failed', error: 'database is locked' });
    expect(run!.finishedAt).not.toBeNull();
    // The months whose outcome was written are kept as synced.
    expect(report.periods.map((p) => p.period)).toEqual(['2009-05', '2009-03', '2009-02']);
  });
});
