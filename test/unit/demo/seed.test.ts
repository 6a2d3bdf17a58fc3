// The seed document's ACCOUNT SUMMARY for May 2009, reproduced exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodsResponseSchema, roomsResponseSchema, type ApiConference, type ApiRoom } from '../../../src/main/provider/api-schemas';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo/index';
import { epochSeconds, login, parisLocal, type Client } from './helpers';

const ACCOUNT = '602127';

async function roomsOf(client: Client, period: string): Promise<ApiRoom[]> {
  return roomsResponseSchema.parse((await client.get(`/accounts/${ACCOUNT}/periods/${period}/rooms`)).json).rooms;
}

/** hh:mm:ss as the OAI shows accumulated time. */
function clock(seconds: number): string {
  return [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

describe('seed scenario (now 2009-05-20)', () => {
  let provider: DemoProvider;
  let client: Client;
  let conferences: ApiConference[];

  beforeAll(async () => {
    provider = await startDemoProvider({ now: '2009-05-20' });
    client = await login(provider);
    conferences = (await client.allConferences(ACCOUNT, '2009-05', 5)).conferences;
  });
  afterAll(() => provider.close());

  it('serves May 2009 as the current, not invoiced period', async () => {
    const { periods } = periodsResponseSchema.parse((await client.get(`/accounts/${ACCOUNT}/periods`)).json);
    expect(periods.map((p) => p.period)).toEqual(['2009-05', '2009-04', '2009-03', '2009-02']);
    expect(periods[0]).toMatchObject({ start: '2009-05-01', invoiced: false });
  });

  it('shows exactly the three active rooms of the ACCOUNT SUMMARY', async () => {
    const rooms = await roomsOf(client, '2009-05');
    expect(rooms).toHaveLength(40);
    const active = rooms.filter((r) => r.conferenceCount > 0);
    expect(active).toEqual([
      { roomNumber: '320026', cardholder: 'Leo', autoBillingCode: null, conferenceCount: 1, accumulatedSeconds: 60, chargeCents: 9 },
      { roomNumber: '332703', cardholder: 'Marilene BALLESTER', autoBillingCode: null, conferenceCount: 19, accumulatedSeconds: 85816, chargeCents: 11659 },
      { roomNumber: '335848', cardholder: 'Jean-Baptiste Godeau', autoBillingCode: null, conferenceCount: 3, accumulatedSeconds: 10732, chargeCents: 1539 },
    ]);
    expect(active.map((r) => clock(r.accumulatedSeconds))).toEqual(['00:01:00', '23:50:16', '02:58:52']);
    expect(rooms.reduce((sum, r) => sum + r.chargeCents, 0)).toBe(13207);
  });

  it('backs the figures with plausible conferences and participants', () => {
    expect(conferences).toHaveLength(23);
    const byRoom = (room: string): ApiConference[] => conferences.filter((c) => c.roomNumber === room);
    for (const [room, seconds, cents] of [['320026', 60, 9], ['332703', 85816, 11659], ['335848', 10732, 1539]] as const) {
      expect(byRoom(room).reduce((s, c) => s + c.accumulatedSeconds, 0)).toBe(seconds);
      expect(byRoom(room).reduce((s, c) => s + c.chargeCents, 0)).toBe(cents);
    }
    for (const conference of conferences) {
      expect(conference.participantCount).toBe(conference.participants.length);
      expect(conference.accumulatedSeconds).toBe(conference.participants.reduce((s, p) => s + p.seconds, 0));
      expect(conference.chargeCents).toBe(conference.participants.reduce((s, p) => s + p.chargeCents, 0));
      expect(conference.lengthSeconds).toBe(Math.max(...conference.participants.map((p) => epochSeconds(p.leftAt))) - epochSeconds(conference.start));
      for (const participant of conference.participants) {
        expect(participant.seconds).toBeGreaterThan(0);
        expect(participant.chargeCents).toBeGreaterThan(0);
        expect(participant.seconds).toBe(epochSeconds(participant.leftAt) - epochSeconds(participant.joinedAt));
        expect(epochSeconds(participant.joinedAt)).toBeGreaterThanOrEqual(epochSeconds(conference.start));
        const centsPerMinute = (participant.chargeCents * 60) / participant.seconds;
        expect(centsPerMinute).toBeGreaterThan(2); // near the toll (9) and web (4) rates
        expect(centsPerMinute).toBeLessThan(12);
      }
    }
    expect(byRoom('320026')[0]?.participants).toMatchObject([{ seconds: 60, chargeCents: 9, accessType: 'toll' }]);
  });

  it("dates Marilene BALLESTER's 19 conferences from 06/05/2009 to 19/05/2009, Paris time", () => {
    const dates = conferences.filter((c) => c.roomNumber === '332703').map((c) => parisLocal(c.start));
    expect(dates).toHaveLength(19);
    expect(dates[0]?.date).toBe('06/05/2009');
    expect(dates[18]?.date).toBe('19/05/2009');
    for (const local of dates) {
      expect(local.date >= '06/05/2009' && local.date <= '19/05/2009').toBe(true); // same month and year: dd/ sorts
      expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(local.weekday);
      expect(local.minutes).toBeGreaterThanOrEqual(8 * 60);
      expect(local.minutes).toBeLessThan(19 * 60);
    }
  });

  it('gives the seed rooms ordinary activity in February to April', async () => {
    for (const period of ['2009-04', '2009-03', '2009-02']) {
      const rooms = await roomsOf(client, period);
      const seedRooms = rooms.filter((r) => ['320026', '332703', '335848'].includes(r.roomNumber));
      expect(seedRooms).toHaveLength(3);
      for (const room of seedRooms) expect(room.conferenceCount).toBeGreaterThan(0);
      expect(rooms.filter((r) => r.conferenceCount > 0).length).toBeGreaterThan(20);
    }
  });
});

describe('seed scenario, other dates', () => {
  it('keeps the May 2009 figures whenever May 2009 is the current month', async () => {
    const provider = await startDemoProvider({ now: '2009-05-31', rooms: 5 });
    try {
      const rooms = await roomsOf(await login(provider), '2009-05');
      expect(rooms.map((r) => [r.roomNumber, r.conferenceCount, r.accumulatedSeconds, r.chargeCents]).filter(([, count]) => count !== 0)).toEqual([
        ['320026', 1, 60, 9],
        ['332703', 19, 85816, 11659],
        ['335848', 3, 10732, 1539],
      ]);
    } finally {
      await provider.close();
    }
  });

  it('keeps the seed rooms in any scenario', async () => {
    const provider = await startDemoProvider({ now: '2031-02-03', rooms: 12 });
    try {
      const rooms = await roomsOf(await login(provider), '2031-01');
      expect(rooms).toHaveLength(12);
      expect(rooms.filter((r) => ['320026', '332703', '335848'].includes(r.roomNumber)).map((r) => r.cardholder)).toEqual([
        'Leo',
        'Marilene BALLESTER',
        'Jean-Baptiste Godeau',
      ]);
    } finally {
      await provider.close();
    }
  });
});
