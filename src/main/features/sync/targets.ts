// A sign-in as something to sync: its client is built per run, so the
// embedded demo starts and the password is read only when a sync opens a session.
import type { SyncProgress } from '../../../shared/bridge';
import type { StoredProfile } from '../../settings/settings-store';
import type { SyncTarget } from '../../sync/sync-coordinator';
import type { FeatureDeps } from '../deps';
import { DEMO_SERVER, type ProfileService } from '../profiles/profile-service';

export function profileSyncTarget(profiles: ProfileService, profile: StoredProfile): SyncTarget {
  return {
    profileId: profile.id,
    origin: profile.isDemo ? DEMO_SERVER : profile.serverUrl,
    accountNumber: profile.accountNumber,
    createClient: (signal) => profiles.clientFor(profile, signal),
  };
}

/** Starts the sign-in's sync (or joins the running one) and answers its status at once. */
export function startProfileSync({ coordinator, profiles }: Pick<FeatureDeps, 'coordinator' | 'profiles'>, profile: StoredProfile): SyncProgress {
  void coordinator.sync(profileSyncTarget(profiles, profile));
  return coordinator.status(profile.id, profile.accountNumber);
}
