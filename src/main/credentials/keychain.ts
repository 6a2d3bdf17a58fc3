// Passwords live in the OS keychain only (macOS Keychain, Windows Credential
// Manager, Secret Service on Linux) through @napi-rs/keyring. One entry per
// sign-in: service "OAI Desktop", account key "<user> @ <server> / <account or room>".
// The password never goes to SQLite, settings, logs or the renderer.
import { AsyncEntry } from '@napi-rs/keyring';
import { AppError } from '../errors';

export const KEYCHAIN_SERVICE = 'OAI Desktop';

export interface SignInIdentity {
  serverUrl: string;
  username: string;
  accountNumber: string | null;
  roomNumber: string | null;
}

/** The keychain "account" of a sign-in: readable in Keychain Access / Credential Manager. */
export function credentialKey(identity: SignInIdentity): string {
  // A room login may also know its account (from the session): the room decides.
  const scope = identity.roomNumber !== null ? `room ${identity.roomNumber}` : `account ${identity.accountNumber}`;
  return `${identity.username.toLowerCase()} @ ${identity.serverUrl} / ${scope}`;
}

export interface CredentialStore {
  get(key: string): Promise<string | null>;
  set(key: string, password: string): Promise<void>;
  /** True when an entry was there and is gone. */
  delete(key: string): Promise<boolean>;
}

function keychainError(action: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('keychain_unavailable', `The system keychain could not ${action} the password (${reason}).`);
}

function isNoEntry(error: unknown): boolean {
  return error instanceof Error && /no matching entry|NoEntry|not found/i.test(error.message);
}

export function createKeychainStore(service: string = KEYCHAIN_SERVICE): CredentialStore {
  return {
    async get(key) {
      try {
        return (await new AsyncEntry(service, key).getPassword()) ?? null;
      } catch (error) {
        if (isNoEntry(error)) return null;
        throw keychainError('read', error);
      }
    },
    async set(key, password) {
      try {
        await new AsyncEntry(service, key).setPassword(password);
      } catch (error) {
        throw keychainError('store', error);
      }
    },
    async delete(key) {
      try {
        return await new AsyncEntry(service, key).deleteCredential();
      } catch (error) {
        if (isNoEntry(error)) return false;
        throw keychainError('remove', error);
      }
    },
  };
}
