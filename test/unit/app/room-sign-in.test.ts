// A room sign-in: the session tells the account, so the views can browse it,
// and only that room is stored.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app/app-services';
import { dispatchBridgeCall } from '../../../src/main/bridge/dispatch';
import { createKeychainStore } from '../../../src/main/credentials/keychain';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { tempDir } from '../sync/helpers';

let provider: DemoProvider;
let services: AppServices;

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20' });
  services = await createAppServices({
    dataDir: tempDir('oai-room-'),
    shell: 'browser-harness',
    version: 'test',
    locale: 'en-GB',
    credentials: createKeychainStore(`OAI Desktop Tests ${process.pid} room`),
    scheduleSync: false,
  });
});
afterAll(async () => {
  await services.close();
  await provider.close();
});

const call = (name: string, args: unknown) => dispatchBridgeCall(name, args, services.handlers, services.log);

it('a room sign-in learns its account number and syncs only its room', async () => {
  const signIn = (await call('signIn', {
    serverUrl: provider.url,
    username: DEMO_USERNAME,
    password: DEMO_PASSWORD,
    accountNumber: null,
    roomNumber: '332703',
    rememberPassword: false,
  })) as { ok: true; value: { id: string; accountNumber: string; roomNumber: string; hasSavedPassword: boolean } };
  expect(signIn.value).toMatchObject({ accountNumber: '602127', roomNumber: '332703', hasSavedPassword: false });
  await services.syncCoordinator.sync({ profileId: signIn.value.id, origin: '', accountNumber: null, createClient: () => Promise.reject(new Error('joined')) });
  const summary = (await call('accountSummary', { accountNumber: '602127', period: '2009-05', display: 'all' })) as {
    value: { rooms: Array<{ roomNumber: string }>; total: { chargeCents: number } };
  };
  expect(summary.value.rooms.map((r) => r.roomNumber)).toEqual(['332703']);
  expect(summary.value.total.chargeCents).toBe(11659);
});

it('the demo sign-in has no saved password to forget', async () => {
  const demo = (await call('signInDemo', {})) as { value: { isDemo: boolean; hasSavedPassword: boolean } };
  expect(demo.value).toMatchObject({ isDemo: true, hasSavedPassword: false });
});
