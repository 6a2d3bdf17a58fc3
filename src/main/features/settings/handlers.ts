// The user's settings as the renderer sees them (profiles are the profiles
// feature's); a new sync interval restarts the schedule.
import type { SettingsView } from '../../../shared/bridge';
import type { FeatureHandlers } from '../../bridge/handlers';
import type { Settings } from '../../settings/settings-store';
import type { FeatureDeps } from '../deps';

function settingsView(s: Settings): SettingsView {
  return {
    language: s.language,
    dateStyle: s.dateStyle,
    syncIntervalHours: s.syncIntervalHours,
    activeProfileId: s.activeProfileId,
    notifyNewMonth: s.notifyNewMonth,
  };
}

export function settingsHandlers({ settings, syncSchedule }: Pick<FeatureDeps, 'settings' | 'syncSchedule'>) {
  return {
    getSettings: () => settingsView(settings.get()),
    updateSettings: (change) => {
      const updated = settings.update((s) => ({ ...s, ...change }));
      if (change.syncIntervalHours !== undefined) syncSchedule.restart(false);
      return settingsView(updated);
    },
  } satisfies FeatureHandlers<'getSettings' | 'updateSettings'>;
}
