// Contract conformance of the demo provider on the default scenario, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountResponseSchema,
  periodsResponseSchema,
  roomsResponseSchema,
  sessionResponseSchema,
  type ApiConference,
  type ApiRoom,
} from '../../../src/main/provider/api-schemas';
import { DEMO_ACCOUNT_NUMBER, DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo/index';
import { RATE_CENTS_PER_MINUTE, type AccessType } from '../../../src/main/demo/catalog';
import { epochSeconds, login, openSession, parisLocal, request, type Client } from './helpers';

const NOW = '2025-11-12'; // the four months span the end of summer time (26 Oct 2025)
const PERIODS = ['2025-11', '2025-10', '2025-09', '2025-08'];
const ACCOUNT = DEMO_ACCOUNT_NUMBER;

let provider: DemoProvider;
let client: Client;

beforeAll(async () => {
  provider = await startDemoProvider({ now: NOW });
  client = await login(provider);
});
afterAll(() => provider.close());

async function roomsOf(period: string, as: Client = client): Promise<ApiRoom[]> {
  const response = await as.get(`/accounts/${ACCOUNT}/periods/${period}/rooms`);
  expect(response.status).toBe(200);
  return roomsResponseSchema.parse(response.json).rooms;
}

describe('session', () => {
  it('opens an account session with a future expiry', async () => {
    const response = await openSession(provider, { username: DEMO_USERNAME, password: DEMO_PASSWORD, accountNumber: ACCOUNT });
    expect(response.status).toBe(200);
    const session = sessionResponseSchema.parse(response.json);
    expect(session.scope).toEqual({ kind: 'account', accountNumber: ACCOUNT });
    const secondsLeft = epochSeconds(session.expiresAt) - Date.now() / 1000;
    expect(secondsLeft).toBeGreaterThan(3500);
    expect(secondsLeft).toBeLessThanOrEqual(3600);
  });

  it('opens a room session', async () => {
    const response = await openSession(provider, { username: DEMO_USERNAME, password: DEMO_PASSWORD, roomNumber: '332703' });
    expect(response.status).toBe(200);
    expect(sessionResponseSchema.parse(response.json).scope).toEqual({ kind: 'room', accountNumber: ACCOUNT, roomNumber: '332703' });
  });

  it('exposes the demo credentials', () => {
    expect(provider.credentials).toEqual({ username: 'demo@meetingone.example', password: 'demo-password', accountNumber: '602127', sampleRoomNumber: '332703' });
    expect(provider.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('account and periods', () => {
  it('describes the account', async () => {
    const response = await client.get(`/accounts/${ACCOUNT}`);
    expect(response.status).toBe(200);
    expect(accountResponseSchema.parse(response.json)).toEqual({
      accountNumber: '602127',
      companyName: 'MeetingOne Phoenix',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      supportPhone: '+32 2 789 00 10',
    });
  });

  it('serves the current month and the three before, newest first', async () => {
    const response = await client.get(`/accounts/${ACCOUNT}/periods`);
    const { periods } = periodsResponseSchema.parse(response.json);
    expect(periods.map((p) => p.period)).toEqual(PERIODS);
    expect(periods.map((p) => p.start)).toEqual(PERIODS.map((p) => `${p}-01`));
    expect(periods.map((p) => p.invoiced)).toEqual([false, true, true, true]);
    expect(new Set(periods.map((p) => p.revision)).size).toBe(4);
  });

  it('defaults to the current UTC month when no date is given', async () => {
    const today = await startDemoProvider({ rooms: 3, perRoom: 1 });
    try {
      const response = await (await login(today)).get(`/accounts/${ACCOUNT}/periods`);
      const { periods } = periodsResponseSchema.parse(response.json);
      expect(periods[0]?.period).toBe(new Date().toISOString().slice(0, 7));
    } finally {
      await today.close();
    }
  });
});

describe('rooms', () => {
  it('lists every room in every period, seed rooms included, active or not', async () => {
    for (const period of PERIODS) {
      const rooms = await roomsOf(period);
      expect(rooms).toHaveLength(40);
      expect(new Set(rooms.map((r) => r.roomNumber)).size).toBe(40);
      for (const room of rooms) expect(room.roomNumber).toMatch(/^\d{6}$/);
      expect(rooms.map((r) => r.roomNumber)).toEqual(expect.arrayContaining(['320026', '332703', '335848']));
      const inactive = rooms.filter((r) => r.conferenceCount === 0);
      expect(inactive.length).toBeGreaterThan(0);
      expect(inactive.length).toBeLessThan(15);
      for (const room of inactive) expect([room.accumulatedSeconds, room.chargeCents]).toEqual([0, 0]);
    }
  });

  it('has realistic cardholders and auto billing codes, one of them legacy', async () => {
    const rooms = await roomsOf(PERIODS[1]!);
    expect(rooms.find((r) => r.roomNumber === '332703')?.cardholder).toBe('Marilene BALLESTER');
    const codes = rooms.map((r) => r.autoBillingCode).filter((c) => c !== null);
    expect(codes).toContain('R&D/2009');
    expect(codes.length).toBeLessThan(rooms.length / 2);
    expect(rooms.filter((r) => r.cardholder !== null).length).toBeGreaterThan(30);
  });
});

describe('conferences', () => {
  const conferencesByPeriod = new Map<string, ApiConference[]>();

  beforeAll(async () => {
    for (const period of PERIODS) conferencesByPeriod.set(period, (await client.allConferences(ACCOUNT, period)).conferences);
  });

  it('pages with a small limit: start order, no duplicates, same items as the default limit', async () => {
    const period = PERIODS[2]!;
    const { conferences, pages } = await client.allConferences(ACCOUNT, period, 7);
    const all = conferencesByPeriod.get(period)!;
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(conferences.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(new Set(conferences.map((c) => c.id)).size).toBe(conferences.length);
    for (let i = 1; i < conferences.length; i++) {
      const [before, after] = [conferences[i - 1]!, conferences[i]!];
      const order = before.start < after.start || (before.start === after.start && before.id < after.id);
      expect(order, `${before.id} then ${after.id}`).toBe(true);
    }
  });

  it('keeps every sum rule of each conference and participant', () => {
    for (const [period, conferences] of conferencesByPeriod) {
      expect(conferences.length, period).toBeGreaterThan(50);
      for (const conference of conferences) {
        const { participants } = conference;
        expect(conference.participantCount).toBe(participants.length);
        expect(participants.length).toBeGreaterThanOrEqual(1);
        expect(participants.length).toBeLessThanOrEqual(12);
        expect(conference.accumulatedSeconds).toBe(participants.reduce((s, p) => s + p.seconds, 0));
        expect(conference.chargeCents).toBe(participants.reduce((s, p) => s + p.chargeCents, 0));
        const firstJoin = Math.min(...participants.map((p) => epochSeconds(p.joinedAt)));
        const lastLeave = Math.max(...participants.map((p) => epochSeconds(p.leftAt)));
        expect(firstJoin).toBe(epochSeconds(conference.start));
        expect(conference.lengthSeconds).toBe(lastLeave - firstJoin);
        for (const participant of participants) {
          expect(participant.seconds).toBe(epochSeconds(participant.leftAt) - epochSeconds(participant.joinedAt));
          expect(participant.seconds).toBeGreaterThan(0);
          const rate = RATE_CENTS_PER_MINUTE[participant.accessType as AccessType];
          expect(participant.chargeCents).toBe(Math.round((participant.seconds * rate) / 60));
        }
      }
    }
  });

  it('room totals equal the sums of their conferences', async () => {
    for (const [period, conferences] of conferencesByPeriod) {
      const rooms = await roomsOf(period);
      for (const room of rooms) {
        const own = conferences.filter((c) => c.roomNumber === room.roomNumber);
        expect([room.conferenceCount, room.accumulatedSeconds, room.chargeCents], `${period} ${room.roomNumber}`).toEqual([
          own.length,
          own.reduce((s, c) => s + c.accumulatedSeconds, 0),
          own.reduce((s, c) => s + c.chargeCents, 0),
        ]);
      }
      const roomNumbers = new Set(rooms.map((r) => r.roomNumber));
      expect(conferences.every((c) => roomNumbers.has(c.roomNumber))).toBe(true);
    }
  });

  it('holds conferences in Paris business hours on weekdays, across the summer-time change', () => {
    for (const conferences of conferencesByPeriod.values()) {
      for (const conference of conferences) {
        const local = parisLocal(conference.start);
        expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], conference.start).toContain(local.weekday);
        expect(local.minutes, conference.start).toBeGreaterThanOrEqual(8 * 60);
        expect(local.minutes, conference.start).toBeLessThan(19 * 60);
      }
    }
  });

  it('serves the current month only up to now, and the older ones in full', () => {
    const current = conferencesByPeriod.get(PERIODS[0]!)!;
    expect(current.every((c) => c.start < `${NOW}T00:00:00Z`)).toBe(true);
    expect(current.length).toBeLessThan(conferencesByPeriod.get(PERIODS[1]!)!.length / 2);
    const october = conferencesByPeriod.get('2025-10')!;
    expect(october.some((c) => c.start >= '2025-10-27')).toBe(true);
  });

  it('looks realistic: service and access types, masked phones, some null names and codes', () => {
    const all = [...conferencesByPeriod.values()].flat();
    const participants = all.flatMap((c) => c.participants);
    const share = (count: number, total: number): number => count / total;
    expect(new Set(all.map((c) => c.serviceType))).toEqual(new Set(['Reservationless', 'Operator Assisted', 'Dial-Out', 'Web']));
    expect(share(all.filter((c) => c.serviceType === 'Reservationless').length, all.length)).toBeGreaterThan(0.6);
    expect(new Set(participants.map((p) => p.accessType))).toEqual(new Set(['toll', 'toll-free', 'international', 'dial-out', 'web']));
    expect(share(all.filter((c) => c.billingCode === null).length, all.length)).toBeGreaterThan(0.15);
    expect(share(all.filter((c) => c.billingCode === null).length, all.length)).toBeLessThan(0.45);
    expect(participants.some((p) => p.name === null)).toBe(true);
    expect(participants.some((p) => p.phone === null)).toBe(true);
    for (const participant of participants) {
      if (participant.phone !== null) expect(participant.phone).toMatch(/^\+\d{2} [\d ]*\*[\d *]*\d$/);
      if (participant.accessType === 'web') expect(participant.phone).toBeNull();
    }
    expect(participants.some((p) => p.phone?.startsWith('+33 ') && /^\+33 \d \*\* \*\* \d\d \d\d$/.test(p.phone))).toBe(true);
    const average = participants.length / all.length;
    expect(average).toBeGreaterThan(5);
    expect(average).toBeLessThan(7.5);
  });

  it('restricts a room session to its room', async () => {
    const roomClient = await login(provider, '332703');
    const period = PERIODS[1]!;
    const rooms = await roomsOf(period, roomClient);
    const accountRow = (await roomsOf(period)).find((r) => r.roomNumber === '332703');
    expect(rooms).toEqual([accountRow]);
    const { conferences } = await roomClient.allConferences(ACCOUNT, period, 3);
    expect(conferences.map((c) => c.id)).toEqual(conferencesByPeriod.get(period)!.filter((c) => c.roomNumber === '332703').map((c) => c.id));
    expect(conferences.length).toBe(accountRow?.conferenceCount);
  });
});

describe('determinism', () => {
  it('gives byte-identical bodies and revisions for the same options', async () => {
    const twin = await startDemoProvider({ now: NOW });
    try {
      const twinClient = await login(twin);
      const paths = [
        `/accounts/${ACCOUNT}`,
        `/accounts/${ACCOUNT}/periods`,
        ...PERIODS.map((p) => `/accounts/${ACCOUNT}/periods/${p}/rooms`),
        ...PERIODS.map((p) => `/accounts/${ACCOUNT}/periods/${p}/conferences?limit=50`),
      ];
      for (const path of paths) {
        const [mine, theirs] = await Promise.all([client.get(path), twinClient.get(path)]);
        expect(mine.status).toBe(200);
        expect(theirs.text, path).toBe(mine.text);
      }
    } finally {
      await twin.close();
    }
  });

  it('changes revisions when the content options change', async () => {
    const other = await startDemoProvider({ now: NOW, perRoom: 9 });
    try {
      const [mine, theirs] = await Promise.all([client.get(`/accounts/${ACCOUNT}/periods`), (await login(other)).get(`/accounts/${ACCOUNT}/periods`)]);
      const revisions = (r: typeof mine): string[] => periodsResponseSchema.parse(r.json).periods.map((p) => p.revision);
      for (const [index, revision] of revisions(theirs).entries()) expect(revision).not.toBe(revisions(mine)[index]);
    } finally {
      await other.close();
    }
  });

  it('answers unknown routes with 404 not_found', async () => {
    const response = await request(`${provider.url}/oai/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});
