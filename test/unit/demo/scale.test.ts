// Large scale: 1000 rooms × 60 conferences per active room, served in 5000-conference pages.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roomsResponseSchema } from '../../../src/main/provider/api-schemas';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo/index';
import { login } from './helpers';

const ACCOUNT = '602127';
const PERIOD = '2026-09'; // a complete (invoiced) month

let provider: DemoProvider;

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2026-10-31', rooms: 1000, perRoom: 60 });
});
afterAll(() => provider.close());

it('serves a month of ~50–60k conferences in 5000-conference pages', { timeout: 60_000 }, async () => {
  const client = await login(provider);
  const { conferences, pages } = await client.allConferences(ACCOUNT, PERIOD, 5000);

  const rooms = roomsResponseSchema.parse((await client.get(`/accounts/${ACCOUNT}/periods/${PERIOD}/rooms`)).json).rooms;
  expect(rooms).toHaveLength(1000);
  const active = rooms.filter((r) => r.conferenceCount > 0).length;
  expect(active).toBeGreaterThan(800);
  expect(active).toBeLessThan(900);
  expect(conferences.length).toBe(rooms.reduce((sum, r) => sum + r.conferenceCount, 0));
  expect(conferences.length).toBeGreaterThan(45_000);
  expect(conferences.length).toBeLessThan(60_000);
  expect(pages).toBe(Math.ceil(conferences.length / 5000));
  expect(new Set(conferences.map((c) => c.id)).size).toBe(conferences.length);

  const legs = conferences.reduce((sum, c) => sum + c.participantCount, 0);
  expect(legs / conferences.length).toBeGreaterThan(5.5);
  expect(rooms.reduce((sum, r) => sum + r.chargeCents, 0)).toBe(conferences.reduce((sum, c) => sum + c.chargeCents, 0));
});
