// Passwords live in the real OS keychain (Secret Service here, in a private
// D-Bus session started by `npm test`), and nowhere else: not in SQLite,
// settings, logs, or anything the renderer receives.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app/app-services';
import { dispatchBridgeCall } from '../../../src/main/bridge/dispatch';
import { createKeychainStore, credentialKey } from '../../../src/main/credentials/keychain';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { tempDir } from '../sync/helpers';

const service = `OAI Desktop Tests ${process.pid}`;
/** A real (non-demo) password, so its absence anywhere means something: the demo's is public. */
const PASSWORD = `canary-Pa55-${process.pid}-${Date.now()}`;
const keychain = createKeychainStore(service);
let provider: DemoProvider;
let services: AppServices;
let dataDir: string;
const bridgeTraffic: string[] = [];

async function call(name: string, args: unknown) {
  const result = await dispatchBridgeCall(name, args, services.handlers, services.log);
  bridgeTraffic.push(JSON.stringify(result));
  return result;
}

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20', password: PASSWORD });
  dataDir = tempDir('oai-secrets-');
  services = await createAppServices({
    dataDir,
    shell: 'browser-harness',
    version: 'test',
    locale: 'fr-FR',
    credentials: keychain,
    scheduleSync: false,
  });
  services.events.on('bridge-event', (_name, payload) => bridgeTraffic.push(JSON.stringify(payload)));
});

afterAll(async () => {
  await services.close();
  await provider.close();
  await keychain.delete(credentialKey({ serverUrl: provider.url, username: DEMO_USERNAME, accountNumber: '602127', roomNumber: null }));
});

describe('the keychain store', () => {
  it('stores, reads and deletes a password in the real Secret Service', async () => {
    const key = 'round-trip@example.com @ https://oai.example / account 1';
    expect(await keychain.get(key)).toBeNull();
    await keychain.set(key, 'correct horse battery staple');
    expect(await keychain.get(key)).toBe('correct horse battery staple');
    // A different service name does not see it: tests never touch the app's own entries.
    expect(await createKeychainStore(`${service} other`).get(key)).toBeNull();
    expect(await keychain.delete(key)).toBe(true);
    expect(await keychain.get(key)).toBeNull();
    expect(await keychain.delete(key)).toBe(false);
  });
});

describe('sign-in with "remember password", then sync', () => {
  it('keeps the password in the keychain and nowhere else', async () => {
    const signIn = await call('signIn', {
      serverUrl: provider.url,
      username: DEMO_USERNAME,
      password: PASSWORD,
      accountNumber: '602127',
      roomNumber: null,
      rememberPassword: true,
    });
    expect(signIn).toMatchObject({ ok: true, value: { hasSavedPassword: true } });
    const profileId = (signIn as { value: { id: string } }).value.id;
    const key = credentialKey({ serverUrl: provider.url, username: DEMO_USERNAME, accountNumber: '602127', roomNumber: null });
    expect(await keychain.get(key)).toBe(PASSWORD);

    // signIn started a sync; syncNow joins it.
    await call('syncNow', { profileId });
    await waitForIdle(profileId);
    const summary = await call('accountSummary', { profileId, period: '2009-05', display: 'active' });
    expect(summary).toMatchObject({ ok: true, value: { total: { chargeCents: 13207 } } });
    await call('listProfiles', {});
    await call('getSettings', {});
    // The demo's sign-in is public and served by main; a real password never is.
    expect(await call('demoInfo', {})).toMatchObject({ ok: true, value: { username: DEMO_USERNAME, password: DEMO_PASSWORD } });

    const secret = Buffer.from(PASSWORD);
    for (const file of filesUnder(dataDir)) {
      expect(readFileSync(file).includes(secret), file).toBe(false);
    }
    expect(bridgeTraffic.join('\n')).not.toContain(PASSWORD);
  });

  it('a failed sign-in names the cause and changes nothing', async () => {
    const [saved] = (await call('listProfiles', {}) as { value: Array<{ id: string }> }).value;
    const settingsBefore = readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
    const wrong = await call('signIn', {
      serverUrl: provider.url,
      username: DEMO_USERNAME,
      password: 'wrong-password-123',
      accountNumber: '602127',
      roomNumber: null,
      rememberPassword: true,
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    const unreachable = await call('signIn', {
      serverUrl: 'http://127.0.0.1:9',
      username: DEMO_USERNAME,
      password: 'whatever-pw',
      accountNumber: '602127',
      roomNumber: null,
      rememberPassword: false,
    });
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    const insecure = await call('signIn', {
      serverUrl: 'http://oai.example.com',
      username: DEMO_USERNAME,
      password: 'whatever-pw',
      accountNumber: '602127',
      roomNumber: null,
      rememberPassword: false,
    });
    expect(insecure).toMatchObject({ ok: false, error: { code: 'insecure_url' } });
    expect(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).toBe(settingsBefore);
    expect(await call('accountSummary', { profileId: saved!.id, period: '2009-05', display: 'active' })).toMatchObject({
      ok: true,
      value: { total: { chargeCents: 13207 } },
    });
  });

  it('signing out can forget the password', async () => {
    const [profile] = (await call('listProfiles', {}) as { value: Array<{ id: string }> }).value;
    const key = credentialKey({ serverUrl: provider.url, username: DEMO_USERNAME, accountNumber: '602127', roomNumber: null });
    await call('signOut', { profileId: profile!.id, forgetPassword: true });
    expect(await keychain.get(key)).toBeNull();
    const [after] = (await call('listProfiles', {}) as { value: Array<{ hasSavedPassword: boolean }> }).value;
    expect(after!.hasSavedPassword).toBe(false);
  });
});

async function waitForIdle(profileId: string) {
  for (let i = 0; i < 200; i += 1) {
    const status = (await call('syncStatus', { profileId })) as { value: { state: string } };
    if (status.value.state !== 'running') return status.value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('sync did not finish');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}
