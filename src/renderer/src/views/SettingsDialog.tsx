// Settings: language (or follow the system), date style, how often to sync,
// and whether a sync that brings a new month shows a system notification.
import { useId, useState } from 'react';
import type { BridgeArgs, SettingsView } from '../../../shared/bridge';
import { callMain } from '../bridge';
import { Dialog } from '../components/Dialog';
import { describeError } from '../errors';
import { formatDate } from '../../../shared/format';
import { LANGUAGE_LOCALES, type Language, type Translate } from '../../../shared/i18n';
import { LanguageOptions } from '../components/LanguageOptions';
import { FormError } from '../components/ViewParts';
import { useI18n } from '../i18n';
import { ArchiveSettings } from './ArchiveSettings';

const SYNC_INTERVALS = [1, 4, 12, 24, 168];
const SAMPLE_INSTANT = '2009-05-06T10:00:00Z';

export function SettingsDialog(props: {
  settings: SettingsView;
  systemLanguage: Language;
  onSaved: (settings: SettingsView) => void;
  onClose: () => void;
  /** Settings → Archive: Import OAI downloads… (account sign-ins). */
  onImport?: () => void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  // Shown at once; main's answer then confirms (or an error restores) it.
  const [settings, setSettings] = useState(props.settings);

  const change = (update: BridgeArgs<'updateSettings'>) => {
    setError(null);
    const before = settings;
    setSettings({ ...settings, ...update });
    callMain('updateSettings', update).then(
      (saved) => {
        setSettings(saved);
        props.onSaved(saved);
      },
      (cause: unknown) => {
        setSettings(before);
        setError(describeError(cause, t));
      },
    );
  };

  const intervals = SYNC_INTERVALS.includes(settings.syncIntervalHours)
    ? SYNC_INTERVALS
    : [...SYNC_INTERVALS, settings.syncIntervalHours].sort((a, b) => a - b);

  return (
    <Dialog
      title={t('settings.title')}
      onClose={props.onClose}
      testId="settings-dialog"
      footer={
        <button type="button" className="button button-primary" onClick={props.onClose}>
          {t('common.close')}
        </button>
      }
    >
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('settings.language')}</label>
        <select
          id={`${id}-language`}
          value={settings.language ?? 'system'}
          onChange={(e) => change({ language: e.target.value === 'system' ? null : (e.target.value as Language) })}
        >
          <option value="system">
            {t('settings.languageSystem', { language: LANGUAGE_LOCALES[props.systemLanguage].name })}
          </option>
          <LanguageOptions />
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('settings.dateStyle')}</legend>
        <label className="radio">
          <input type="radio" name={`${id}-date`} checked={settings.dateStyle === 'locale'} onChange={() => change({ dateStyle: 'locale' })} />
          <span>
            {t('settings.dateLocale', { example: formatDate(SAMPLE_INSTANT, 'UTC', { language, dateStyle: 'locale' }) })}
          </span>
        </label>
        <label className="radio">
          <input type="radio" name={`${id}-date`} checked={settings.dateStyle === 'iso'} onChange={() => change({ dateStyle: 'iso' })} />
          <span>{t('settings.dateIso', { example: formatDate(SAMPLE_INSTANT, 'UTC', { language, dateStyle: 'iso' }) })}</span>
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-interval`}>{t('settings.syncInterval')}</label>
        <select
          id={`${id}-interval`}
          value={settings.syncIntervalHours}
          onChange={(e) => change({ syncIntervalHours: Number(e.target.value) })}
        >
          {intervals.map((hours) => (
            <option key={hours} value={hours}>
              {intervalName(hours, t)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox field">
        <input
          type="checkbox"
          checked={settings.notifyNewMonth}
          onChange={(e) => change({ notifyNewMonth: e.target.checked })}
          data-testid="settings-notify-new-month"
        />
        <span>{t('settings.notifyNewMonth')}</span>
      </label>
      <FormError error={error} />
      <ArchiveSettings onImport={props.onImport} />
    </Dialog>
  );
}

/** A sync interval in words: a day and a week by their names, other intervals in hours. */
function intervalName(hours: number, t: Translate): string {
  if (hours === 24) return t('settings.daily');
  if (hours === 168) return t('settings.weekly');
  return t('settings.everyHours', { count: hours });
}
