// A sign-in as something to sync: its client is built per run, so the
// embedded demo starts and the password is read only when a sync opens a session.
import type { SyncProgress } from '../../../shared/bridge';
import { AppError } from '../../errors';
import type { StoredProfile } from '../../settings/settings-store';
import type { SyncTarget } from '../../sync/sync-coordinator';
import type { FeatureDeps } from '../deps';
import type { ProfileService } from '../profiles/profile-service';
import { providerOfProfile } from '../scope';

export function profileSyncTarget(profiles: ProfileService, profile: StoredProfile): SyncTarget {
  return {
    profileId: profile.id,
    // The demo's stable name: its real address changes every launch.
    origin: profile.isDemo ? providerOfProfile(profile) : profile.serverUrl,
    accountNumber: profile.accountNumber,
    createClient: (signal) => profiles.clientFor(profile, signal),
  };
}

/** The sign-in's account at its provider, for when it last synced (null while its account number is unknown). */
export function profileKey(profile: StoredProfile) {
  return profile.accountNumber === null ? null : { provider: providerOfProfile(profile), accountNumber: profile.accountNumber };
}

/**
 * Starts the sign-in's sync (or joins the running one) and answers its status
 * at once. A sign-in waiting for its provider-link answer does not sync: the
 * first sync would store under the new address what the answer may link.
 */
export function startProfileSync({ coordinator, profiles }: Pick<FeatureDeps, 'coordinator' | 'profiles'>, profile: StoredProfile): SyncProgress {
  if (profile.awaitingLinkAnswer) {
    throw new AppError('link_question_pending', 'Say first whether this provider address is the same provider as before: the sync waits for the answer.');
  }
  void coordinator.sync(profileSyncTarget(profiles, profile));
  return coordinator.status(profile.id, profileKey(profile));
}
