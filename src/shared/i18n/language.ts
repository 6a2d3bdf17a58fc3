// The languages the app speaks. A language names the catalogue its words come
// from and, separately, the Intl locale its numbers and dates are written in,
// so a variant (English (UK) beside English (US)) is one more row here: the
// same catalogue with another formatting locale.
import { z } from 'zod';

export const languageSchema = z.enum(['en', 'fr']);
export type Language = z.infer<typeof languageSchema>;

/** The catalogues (src/shared/i18n/{en,fr}.ts). */
export type CatalogLanguage = 'en' | 'fr';

export interface LanguageLocale {
  catalog: CatalogLanguage;
  /** The Intl locale numbers, money and dates follow: en follows US conventions. */
  intl: string;
}

export const LANGUAGE_LOCALES: Readonly<Record<Language, LanguageLocale>> = {
  en: { catalog: 'en', intl: 'en-US' },
  fr: { catalog: 'fr', intl: 'fr-FR' },
};

/** The language for an OS locale (`fr-CA` → fr); English for any other. */
export function languageFromLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** How dates are written: as the language writes them, or ISO 8601. */
export const dateStyleSchema = z.enum(['locale', 'iso']);
export type DateStyle = z.infer<typeof dateStyleSchema>;
