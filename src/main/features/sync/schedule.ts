// The sync schedule: the active sign-in syncs at start and every N hours
// (the setting), restarted when the interval changes. Off in tests.
import type { FeatureDeps } from '../deps';
import { profileSyncTarget } from './targets';

export interface SyncSchedule {
  /** (Re)starts the timer at the settings' interval; `runNow` also syncs at once. */
  restart(runNow: boolean): void;
}

export function createSyncSchedule(
  { coordinator, profiles, settings, log }: Pick<FeatureDeps, 'coordinator' | 'profiles' | 'settings' | 'log'>,
  enabled: boolean,
): SyncSchedule {
  return {
    restart(runNow) {
      if (!enabled) return;
      coordinator.schedule(
        settings.get().syncIntervalHours,
        () => {
          const active = profiles.active();
          // One waiting for its provider-link answer syncs once answered.
          return Promise.resolve(active && !active.awaitingLinkAnswer ? [profileSyncTarget(profiles, active)] : []);
        },
        (error) => log.error('scheduled sync failed', error),
        runNow,
      );
    },
  };
}
