// Issue 15, point 7: a keychain that refuses "Remember password" does not
// block the sign-in. The user is signed in for this session and told why the
// password was not remembered; the keychain's technical text goes to the log
// and to the Details toggle, never the password.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app/app-services';
import { dispatchBridgeCall } from '../../../src/main/bridge/dispatch';
import type { CredentialStore } from '../../../src/main/credentials/keychain';
import { DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { AppError } from '../../../src/main/errors';
import { tempDir } from '../sync/helpers';

const PASSWORD = `canary-keychain-${process.pid}`;
/** What @napi-rs/keyring throws on a locked macOS keychain (shortened), wrapped as the real store wraps it. */
const RUST_TEXT = "Couldn't access platform storage: AccessDenied\nStack backtrace:\n   0: keyring::error::Error::new\n   1: napi::bindgen_runtime";

/** A keychain that fails every write, as a locked or refused one does. */
function refusingKeychain(): CredentialStore & { sets: number } {
  const store = {
    sets: 0,
    get: () => Promise.resolve(null),
    set: () => {
      store.sets++;
      return Promise.reject(new AppError('keychain_unavailable', `The system keychain could not store the password (${RUST_TEXT}).`));
    },
    delete: () => Promise.resolve(false),
  };
  return store;
}

let provider: DemoProvider;
let services: AppServices;
let dataDir: string;
const keychain = refusingKeychain();

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20', password: PASSWORD });
  dataDir = tempDir('oai-keychain-');
  services = await createAppServices({ dataDir, shell: 'browser-harness', version: 'test', locale: 'en-GB', credentials: keychain, scheduleSync: false });
});

afterAll(async () => {
  await services.close();
  await provider.close();
});

describe('a keychain that refuses "Remember password"', () => {
  it('signs in anyway, for this session, and says the password could not be remembered and why', async () => {
    const result = await dispatchBridgeCall(
      'signIn',
      { serverUrl: provider.url, username: DEMO_USERNAME, password: PASSWORD, accountNumber: '602127', roomNumber: null, rememberPassword: true },
      services.handlers,
      services.log,
    );
    expect(keychain.sets).toBe(1);
    expect(result).toMatchObject({ ok: true, value: { hasSavedPassword: false, passwordNotRemembered: { reason: 'denied' } } });
    const value = (result as { value: { id: string; passwordNotRemembered: { detail: string } } }).value;
    expect(value.passwordNotRemembered.detail).toContain('AccessDenied');
    expect(value.passwordNotRemembered.detail).not.toContain(PASSWORD);

    // Signed in: the sync runs with the password of this session.
    await dispatchBridgeCall('syncNow', { profileId: value.id }, services.handlers, services.log);
    for (let waited = 0; (await services.handlers.syncStatus({ profileId: value.id })).state === 'running' && waited < 30_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const summary = await dispatchBridgeCall('accountSummary', { profileId: value.id, period: '2009-05', display: 'active' }, services.handlers, services.log);
    expect(summary).toMatchObject({ ok: true, value: { total: { chargeCents: 13207 } } });

    // Nothing says the password is remembered; the log has the keychain's words, never the password.
    expect(services.settings.get().profiles.find((p) => p.id === value.id)?.rememberPassword).toBe(false);
    const log = readFileSync(path.join(dataDir, 'logs', 'oai-desktop.log'), 'utf8');
    expect(log).toContain('AccessDenied');
    expect(log).not.toContain(PASSWORD);
  });
});
