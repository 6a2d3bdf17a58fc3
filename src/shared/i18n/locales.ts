// The languages' locales, without their settings schemas (language.ts): the
// formatting helpers that worker threads load (an import's time zones) then
// leave zod out, about 50 ms of every such thread's start.

export const LANGUAGE_CODES = ['en-GB', 'en-US', 'fr'] as const;
export type Language = (typeof LANGUAGE_CODES)[number];

/** The catalogues (src/shared/i18n/{en,fr}.ts). */
export type CatalogLanguage = 'en' | 'fr';

export interface LanguageLocale {
  catalog: CatalogLanguage;
  /** The Intl locale numbers, money and dates follow. */
  intl: string;
  /** Its name in the language pickers, in its own words. */
  name: string;
}

export const LANGUAGE_LOCALES: Readonly<Record<Language, LanguageLocale>> = {
  'en-GB': { catalog: 'en', intl: 'en-GB', name: 'English (UK)' },
  'en-US': { catalog: 'en', intl: 'en-US', name: 'English (US)' },
  fr: { catalog: 'fr', intl: 'fr-FR', name: 'Français' },
};
