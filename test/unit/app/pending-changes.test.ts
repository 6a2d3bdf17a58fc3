// Billing-code changes not yet sent (the outbox) through the real services
// and a real demo provider: pendingChangeCount counts the sign-in's own,
// signing out keeps them, and the next sign-in of that account sends them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/app/app-services';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { bridgeOf, joinSync, testServices } from './test-services';

let provider: DemoProvider;
let services: AppServices;

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20' });
  services = await testServices('pending-changes');
});
afterAll(async () => {
  await services.close();
  await provider.close();
});

const { value } = bridgeOf(() => services);
const PERIOD = '2009-05';

interface Row {
  id: string;
  billingCode: string | null;
  pending: { state: string } | null;
}

async function signIn(login: { accountNumber: string | null; roomNumber: string | null }) {
  const profile = await value<{ id: string }>('signIn', { serverUrl: provider.url, username: DEMO_USERNAME, password: DEMO_PASSWORD, ...login, rememberPassword: false });
  await joinSync(services, profile.id);
  return profile.id;
}

const count = async (profileId: string) => (await value<{ count: number }>('pendingChangeCount', { profileId })).count;
/** The month's rooms with two conferences or more. */
const rooms = async (profileId: string) =>
  (await value<{ rooms: Array<{ roomNumber: string; conferenceCount: number }> }>('accountSummary', { profileId, period: PERIOD, display: 'active' })).rooms
    .filter((r) => r.conferenceCount >= 2)
    .map((r) => r.roomNumber);
const conferences = (profileId: string, roomNumber: string) => value<Row[]>('roomConferences', { profileId, period: PERIOD, roomNumber });

it('counts the changes waiting to be sent, keeps them through a sign-out and sends them at the next sign-in', async () => {
  const account = await signIn({ accountNumber: '602127', roomNumber: null });
  expect(await count(account)).toBe(0);
  const [first, second] = await rooms(account);
  const firstRows = await conferences(account, first!);
  const changed = [firstRows[0]!.id, firstRows[1]!.id];
  for (const conferenceId of changed) await value('assignBillingCode', { profileId: account, period: PERIOD, conferenceId, billingCode: 'KEPT-1' });
  const other = (await conferences(account, second!))[0]!.id;
  await value('assignBillingCode', { profileId: account, period: PERIOD, conferenceId: other, billingCode: 'KEPT-2' });
  expect(await count(account)).toBe(3);

  // A room sign-in's sync sends its room's change only; it counts its room's changes only.
  const room = await signIn({ accountNumber: null, roomNumber: second! });
  expect(await count(room)).toBe(0);
  expect(await count(account)).toBe(2);
  const roomChange = (await conferences(room, second!))[1]!.id;
  await value('assignBillingCode', { profileId: room, period: PERIOD, conferenceId: roomChange, billingCode: 'KEPT-3' });
  expect(await count(room)).toBe(1);
  expect(await count(account)).toBe(3);

  await value('signOut', { profileId: account, forgetPassword: false });
  await value('signOut', { profileId: room, forgetPassword: false });
  expect(await count(account)).toBe(3);

  // Signing in again: its sync pushes them first.
  const again = await signIn({ accountNumber: '602127', roomNumber: null });
  expect(again).toBe(account);
  expect(await count(account)).toBe(0);
  const after = await conferences(account, first!);
  for (const conferenceId of changed) expect(after.find((row) => row.id === conferenceId)).toMatchObject({ billingCode: 'KEPT-1', pending: null });
  const secondRows = await conferences(account, second!);
  expect(secondRows.find((row) => row.id === other)).toMatchObject({ billingCode: 'KEPT-2', pending: null });
  expect(secondRows.find((row) => row.id === roomChange)).toMatchObject({ billingCode: 'KEPT-3', pending: null });
});
