// The user's settings as the renderer sees them (profiles are the profiles
// feature's); a new sync interval restarts the schedule.
import type { SettingsView } from '../../../shared/bridge';
import { storedLanguage } from '../../../shared/i18n/language';
import type { FeatureHandlers } from '../../bridge/handlers';
import type { Settings } from '../../settings/settings-store';
import type { FeatureDeps } from '../deps';

function settingsView(s: Settings, systemLocale: string): SettingsView {
  return {
    language: storedLanguage(s.language, systemLocale),
    dateStyle: s.dateStyle,
    syncIntervalHours: s.syncIntervalHours,
    activeProfileId: s.activeProfileId,
    notifyNewMonth: s.notifyNewMonth,
  };
}

export function settingsHandlers({ settings, syncSchedule, app }: Pick<FeatureDeps, 'settings' | 'syncSchedule' | 'app'>) {
  return {
    getSettings: () => settingsView(settings.get(), app.locale),
    updateSettings: (change) => {
      const updated = settings.update((s) => ({ ...s, ...change }));
      if (change.syncIntervalHours !== undefined) syncSchedule.restart(false);
      return settingsView(updated, app.locale);
    },
  } satisfies FeatureHandlers<'getSettings' | 'updateSettings'>;
}
