// Issue 15, point 5: English (UK), day first, beside English (US) and French;
// the first run and a settings file of 0.1 (`en`) pick the variant from the
// system locale; Excel and the CLI follow.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateFormat, dateTimeFormat } from '../../../src/main/export/excel-values';
import { settingsHandlers } from '../../../src/main/features/settings/handlers';
import { createSettingsStore } from '../../../src/main/settings/settings-store';
import { formatCalendarDay, formatDate, formatMoney, formatTime } from '../../../src/shared/format';
import { languageArgument, languageFromLocale, storedLanguage, translator } from '../../../src/shared/i18n';
import { tempDir } from '../sync/helpers';

const MAY_6 = '2009-05-06T08:55:00Z';

describe('languages', () => {
  it('the first run picks English (US) only on a US system, English (UK) on any other English one, French on a French one', () => {
    expect(languageFromLocale('en-US')).toBe('en-US');
    expect(languageFromLocale('en_US.UTF-8')).toBe('en-US');
    expect(languageFromLocale('en-GB')).toBe('en-GB');
    expect(languageFromLocale('en-IE')).toBe('en-GB');
    expect(languageFromLocale('en')).toBe('en-GB');
    expect(languageFromLocale('de-DE')).toBe('en-GB');
    expect(languageFromLocale('fr-CA')).toBe('fr');
  });

  it('a saved "en" becomes English (UK) unless the system is US', () => {
    expect(storedLanguage('en', 'en-US')).toBe('en-US');
    expect(storedLanguage('en', 'en-GB')).toBe('en-GB');
    expect(storedLanguage('en', 'fr-FR')).toBe('en-GB');
    expect(storedLanguage('fr', 'en-US')).toBe('fr');
    expect(storedLanguage(null, 'en-US')).toBeNull();
  });

  it('a settings file of 0.1 holding "en" reads as the variant of the system', () => {
    for (const [locale, expected] of [['en-GB', 'en-GB'], ['en-US', 'en-US']] as const) {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ language: 'en' }));
      const handlers = settingsHandlers({
        settings: createSettingsStore(dir),
        syncSchedule: { restart: () => undefined },
        app: { shell: 'browser-harness', version: '0', locale },
      });
      expect(handlers.getSettings()).toMatchObject({ language: expected });
    }
  });

  it('English (UK) writes dates day first and times on 24 hours, English (US) month first; both share the English words', () => {
    const gb = { language: 'en-GB', dateStyle: 'locale' } as const;
    const us = { language: 'en-US', dateStyle: 'locale' } as const;
    expect(formatDate(MAY_6, 'Europe/Paris', gb)).toBe('06/05/2009');
    expect(formatDate(MAY_6, 'Europe/Paris', us)).toBe('5/6/2009');
    expect(formatTime(MAY_6, 'Europe/Paris', gb)).toBe('10:55');
    expect(formatTime(MAY_6, 'Europe/Paris', us)).toBe('10:55 AM');
    expect(formatTime('2009-05-07T07:53:00Z', 'Europe/Paris', gb)).toBe('09:53');
    expect(formatCalendarDay('2009-05-01', gb)).toBe('01/05/2009');
    expect(formatMoney(11659, 'EUR', 'en-GB')).toBe('€116.59');
    expect(formatDate(MAY_6, 'Europe/Paris', { language: 'en-GB', dateStyle: 'iso' })).toBe('2009-05-06');
    expect(translator('en-GB')('summary.title')).toBe(translator('en-US')('summary.title'));
  });

  it('Excel files follow: day first in English (UK)', () => {
    expect(dateFormat({ language: 'en-GB', dateStyle: 'locale' })).toBe('dd/mm/yyyy');
    expect(dateFormat({ language: 'en-US', dateStyle: 'locale' })).toBe('m/d/yyyy');
    expect(dateTimeFormat({ language: 'en-GB', dateStyle: 'locale' })).toBe('dd/mm/yyyy hh:mm');
  });

  it('the CLI takes --lang en-GB, en-US, fr, and en as English (UK)', () => {
    expect(languageArgument('en')).toBe('en-GB');
    expect(languageArgument('en-GB')).toBe('en-GB');
    expect(languageArgument('en-US')).toBe('en-US');
    expect(languageArgument('fr')).toBe('fr');
    expect(languageArgument('de')).toBeNull();
  });
});
