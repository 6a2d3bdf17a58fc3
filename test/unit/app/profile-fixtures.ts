// Saved sign-ins for tests of the features' handlers: a real settings file in
// a temporary folder, and a real profile service over it (its keychain is
// never asked: these sign-ins are only resolved to their scope).
import { createKeychainStore } from '../../../src/main/credentials/keychain';
import { ProfileService } from '../../../src/main/features/profiles/profile-service';
import { createSettingsStore, type StoredProfile } from '../../../src/main/settings/settings-store';
import { ACCOUNT, ORIGIN } from '../cache/fixtures';
import { tempDir } from '../sync/helpers';

/** A saved sign-in at ORIGIN for ACCOUNT (or one room of it). */
export function storedProfile(id: string, overrides: Partial<StoredProfile> = {}): StoredProfile {
  return {
    id,
    serverUrl: ORIGIN,
    username: 'finance@example.com',
    accountNumber: ACCOUNT,
    roomNumber: null,
    isDemo: false,
    rememberPassword: false,
    awaitingLinkAnswer: false,
    ...overrides,
  };
}

export function savedProfiles(profiles: readonly StoredProfile[]): ProfileService {
  const settings = createSettingsStore(tempDir('oai-profiles-'));
  settings.update((current) => ({ ...current, profiles: [...profiles], activeProfileId: profiles[0]?.id ?? null }));
  return new ProfileService({
    settings,
    credentials: createKeychainStore(`OAI Desktop Tests ${process.pid} profiles`),
    demoUrl: () => Promise.reject(new Error('no embedded demo in this test')),
  });
}
