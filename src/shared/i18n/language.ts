// The languages the app speaks. A language names the catalogue its words come
// from and, separately, the Intl locale its numbers and dates are written in,
// so a variant (English (UK) beside English (US)) is one more row here: the
// same catalogue with another formatting locale.
import { z } from 'zod';
import { LANGUAGE_CODES, LANGUAGE_LOCALES, type Language } from './locales';

export { LANGUAGE_LOCALES, type CatalogLanguage, type Language, type LanguageLocale } from './locales';

export const languageSchema = z.enum(LANGUAGE_CODES);

/** What a settings file may hold: also `en`, written before English had two variants (see storedLanguage). */
export const storedLanguageSchema = z.enum([...LANGUAGE_CODES, 'en']);
export type StoredLanguage = z.infer<typeof storedLanguageSchema>;

export const LANGUAGES = Object.keys(LANGUAGE_LOCALES) as Language[];

/** Whether an OS locale is the United States' (`en-US`, `en_US.UTF-8`). */
function isUsLocale(locale: string): boolean {
  return /^en[-_]us\b/i.test(locale);
}

/**
 * The language for an OS locale: French for `fr-*`; English (US), month first,
 * only for a US locale; English (UK), day first, for every other.
 */
export function languageFromLocale(locale: string): Language {
  if (locale.toLowerCase().startsWith('fr')) return 'fr';
  return isUsLocale(locale) ? 'en-US' : 'en-GB';
}

/** A saved language as it now reads: `en` of an older settings file becomes English (US) on a US system, else English (UK). */
export function storedLanguage(saved: StoredLanguage | null, systemLocale: string): Language | null {
  if (saved !== 'en') return saved;
  return isUsLocale(systemLocale) ? 'en-US' : 'en-GB';
}

/** A language named on a command line: `en-GB`, `en-US`, `fr`, and `en` as English (UK). */
export function languageArgument(text: string): Language | null {
  const parsed = storedLanguageSchema.safeParse(text);
  if (!parsed.success) return null;
  return parsed.data === 'en' ? 'en-GB' : parsed.data;
}

/** How dates are written: as the language writes them, or ISO 8601. */
export const dateStyleSchema = z.enum(['locale', 'iso']);
export type DateStyle = z.infer<typeof dateStyleSchema>;
