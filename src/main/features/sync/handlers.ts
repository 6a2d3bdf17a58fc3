// Sync on demand: start (or join), cancel, and ask a sign-in's sync status.
import type { FeatureHandlers } from '../../bridge/handlers';
import type { FeatureDeps } from '../deps';
import { profileKey, startProfileSync } from './targets';

export function syncHandlers(deps: Pick<FeatureDeps, 'coordinator' | 'profiles'>) {
  const { coordinator, profiles } = deps;
  return {
    syncNow: ({ profileId }) => startProfileSync(deps, profiles.get(profileId)),
    cancelSync: ({ profileId }) => {
      coordinator.cancel(profileId);
      return null;
    },
    syncStatus: ({ profileId }) => {
      const profile = profiles.get(profileId);
      return coordinator.status(profile.id, profileKey(profile));
    },
  } satisfies FeatureHandlers<'syncNow' | 'cancelSync' | 'syncStatus'>;
}
