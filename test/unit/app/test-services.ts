// The app's real services for a test (a fresh data folder, the test's own
// keychain service, no schedule), and calls through the real dispatcher.
import { createAppServices, type AppEnvironment, type AppServices } from '../../../src/main/app/app-services';
import { dispatchBridgeCall } from '../../../src/main/bridge/dispatch';
import { createKeychainStore } from '../../../src/main/credentials/keychain';
import type { SyncReport } from '../../../src/main/sync/sync-engine';
import { tempDir } from '../sync/helpers';

export function testServices(name: string, env: Partial<AppEnvironment> = {}): Promise<AppServices> {
  return createAppServices({
    dataDir: tempDir(`oai-${name}-`),
    shell: 'browser-harness',
    version: 'test',
    locale: 'en-GB',
    credentials: createKeychainStore(`OAI Desktop Tests ${process.pid} ${name}`),
    scheduleSync: false,
    ...env,
  });
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Bridge calls as the renderer makes them: `call` answers the result, `value` its value or throws. */
export function bridgeOf(services: () => AppServices) {
  const call = async <T>(name: string, args: unknown) =>
    (await dispatchBridgeCall(name, args, services().handlers, services().log)) as CallResult<T>;
  const value = async <T>(name: string, args: unknown): Promise<T> => {
    const result = await call<T>(name, args);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { call, value };
}

/** Waits for the sign-in's running sync (joining it); a sign-in with none fails at once. */
export function joinSync(services: AppServices, profileId: string): Promise<SyncReport> {
  return services.syncCoordinator.sync({ profileId, origin: '', accountNumber: null, createClient: () => Promise.reject(new Error('no sync was running')) });
}
