// Sign-ins ("profiles"): who the user is at which provider, for an account or
// one room. Profiles are settings (no secrets); passwords are in the keychain
// when remembered, otherwise only in this process's memory until it ends.
import { createHash } from 'node:crypto';
import type { PasswordNotRemembered, Profile, RelinkCandidate } from '../../../shared/bridge';
import { DEMO_PROVIDER } from '../../cache';
import { credentialKey, type CredentialStore } from '../../credentials/keychain';
import { DEMO_ACCOUNT_NUMBER, DEMO_PASSWORD, DEMO_USERNAME } from '../../demo';
import { AppError } from '../../errors';
import type { Logger } from '../../log';
import type { ProviderClient, ProviderClientOptions } from '../../provider/client';
import type { SettingsStore, StoredProfile } from '../../settings/settings-store';
import { providerOfProfile } from '../scope';
import { userFacing } from '../user-errors';
import { providerClientFor, type ClientIdentity } from './provider-client';

export interface SignInRequest {
  serverUrl: string;
  username: string;
  password: string;
  accountNumber: string | null;
  roomNumber: string | null;
  rememberPassword: boolean;
}

export interface ProfileServiceOptions {
  settings: SettingsStore;
  credentials: CredentialStore;
  /** Starts the embedded demo provider if needed and returns its URL. */
  demoUrl: () => Promise<string>;
  clientOptions?: Partial<ProviderClientOptions>;
  /** Where a keychain failure's technical detail goes. */
  log?: Pick<Logger, 'error'>;
}

export function profileId(identity: { serverUrl: string; username: string; accountNumber: string | null; roomNumber: string | null }): string {
  return createHash('sha256').update(credentialKey(identity)).digest('hex').slice(0, 16);
}

/** What the renderer sees of a sign-in; `relinkCandidates` while it waits for the provider-link answer. */
export function toProfile(stored: StoredProfile, relinkCandidates: RelinkCandidate[] = []): Profile {
  return {
    id: stored.id,
    serverUrl: stored.serverUrl,
    provider: providerOfProfile(stored),
    username: stored.username,
    accountNumber: stored.accountNumber,
    roomNumber: stored.roomNumber,
    isDemo: stored.isDemo,
    // The demo's password is public and never stored: nothing to forget.
    hasSavedPassword: !stored.isDemo && stored.rememberPassword,
    relinkCandidates: stored.awaitingLinkAnswer ? relinkCandidates : [],
  };
}

export class ProfileService {
  /** Passwords of this session for sign-ins that did not ask to be remembered (or could not be). */
  private readonly sessionPasswords = new Map<string, string>();
  /** Why the last sign-in of a profile could not remember its password. */
  private readonly keychainProblems = new Map<string, PasswordNotRemembered>();

  constructor(private readonly options: ProfileServiceOptions) {}

  list(): StoredProfile[] {
    return this.options.settings.get().profiles;
  }

  get(id: string): StoredProfile {
    const profile = this.list().find((p) => p.id === id);
    if (!profile) throw new AppError('unknown_profile', 'This sign-in is not known any more. Sign in again.');
    return profile;
  }

  active(): StoredProfile | null {
    const { activeProfileId } = this.options.settings.get();
    return this.list().find((p) => p.id === activeProfileId) ?? null;
  }

  /** Checks the credentials with the provider first: a failed sign-in changes nothing. */
  async signIn(request: SignInRequest): Promise<StoredProfile> {
    const identity = { ...request, serverUrl: request.serverUrl.replace(/\/+$/, '') };
    const client = this.newClient(identity.serverUrl, () => request.password, identity);
    const accountNumber = await userFacing(async () => {
      // A room login learns its account from the session: the views need it.
      const session = await client.login();
      await client.logout();
      return session.scope.accountNumber;
    });
    const stored: StoredProfile = {
      id: profileId(identity),
      serverUrl: identity.serverUrl,
      username: identity.username,
      accountNumber,
      roomNumber: identity.roomNumber,
      isDemo: false,
      rememberPassword: request.rememberPassword,
      awaitingLinkAnswer: false,
    };
    this.keychainProblems.delete(stored.id);
    const problem = await this.keepPassword(credentialKey(identity), request);
    if (problem !== null) {
      // Signed in all the same, for this session: the user is told the password was not remembered, and why.
      stored.rememberPassword = false;
      this.keychainProblems.set(stored.id, problem);
    }
    this.sessionPasswords.set(stored.id, request.password);
    this.save(stored);
    return stored;
  }

  /** Why the password of this sign-in could not be remembered when it signed in, or null. */
  passwordNotRemembered(id: string): PasswordNotRemembered | null {
    return this.keychainProblems.get(id) ?? null;
  }

  /** Stores (or removes) the password in the keychain; a keychain failure is returned, not thrown. */
  private async keepPassword(key: string, request: SignInRequest): Promise<PasswordNotRemembered | null> {
    try {
      if (request.rememberPassword) await this.options.credentials.set(key, request.password);
      else await this.options.credentials.delete(key);
      return null;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.options.log?.error(`The keychain could not ${request.rememberPassword ? 'store' : 'remove'} a password: ${detail}`);
      if (!request.rememberPassword) return null;
      return { reason: /denied|not allowed|permission|locked/i.test(detail) ? 'denied' : 'unavailable', detail: detail.slice(0, 4000) };
    }
  }

  signInDemo(): StoredProfile {
    const identity = { serverUrl: DEMO_PROVIDER, username: DEMO_USERNAME, accountNumber: DEMO_ACCOUNT_NUMBER, roomNumber: null };
    const stored: StoredProfile = { id: profileId(identity), ...identity, isDemo: true, rememberPassword: false, awaitingLinkAnswer: false };
    this.save(stored);
    return stored;
  }

  switchTo(id: string): StoredProfile {
    const profile = this.get(id);
    this.options.settings.update((s) => ({ ...s, activeProfileId: id }));
    return profile;
  }

  /** Notes whether the sign-in waits for its provider-link answer (it does not sync meanwhile). */
  setAwaitingLinkAnswer(id: string, awaiting: boolean): StoredProfile {
    const profile = { ...this.get(id), awaitingLinkAnswer: awaiting };
    this.options.settings.update((s) => ({ ...s, profiles: s.profiles.map((p) => (p.id === id ? profile : p)) }));
    return profile;
  }

  async signOut(id: string, forgetPassword: boolean): Promise<void> {
    const profile = this.get(id);
    this.sessionPasswords.delete(id);
    if (forgetPassword && !profile.isDemo) {
      await this.options.credentials.delete(credentialKey(profile));
    }
    this.options.settings.update((s) => ({
      ...s,
      activeProfileId: s.activeProfileId === id ? null : s.activeProfileId,
      profiles: s.profiles.map((p) => (p.id === id && forgetPassword ? { ...p, rememberPassword: false } : p)),
    }));
  }

  /** A provider client for a profile; the password is read only when a session opens. */
  async clientFor(profile: StoredProfile, signal?: AbortSignal): Promise<ProviderClient> {
    const serverUrl = profile.isDemo ? await this.options.demoUrl() : profile.serverUrl;
    return this.newClient(serverUrl, () => this.password(profile), profile, signal);
  }

  private async password(profile: StoredProfile): Promise<string> {
    if (profile.isDemo) return DEMO_PASSWORD;
    const inMemory = this.sessionPasswords.get(profile.id);
    if (inMemory) return inMemory;
    const stored = profile.rememberPassword ? await this.options.credentials.get(credentialKey(profile)) : null;
    if (stored) return stored;
    throw new AppError('password_needed', 'Sign in again: the password of this account is not saved on this computer.');
  }

  private newClient(
    serverUrl: string,
    password: () => string | Promise<string>,
    identity: ClientIdentity,
    signal?: AbortSignal,
  ): ProviderClient {
    return providerClientFor(serverUrl, identity, password, { clientOptions: this.options.clientOptions, signal });
  }

  private save(profile: StoredProfile): void {
    this.options.settings.update((s) => ({
      ...s,
      profiles: [...s.profiles.filter((p) => p.id !== profile.id), profile],
      activeProfileId: profile.id,
    }));
  }
}
