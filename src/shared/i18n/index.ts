// The one translator of the app, for the screen, the print layouts and the
// Excel workbooks alike, over the one catalogue (./en.ts, ./fr.ts). Provider
// words (service and access types) are named here too.
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { LANGUAGE_LOCALES, type CatalogLanguage, type Language } from './language';
import { messageText, type Message, type MessageValues } from './message';

export { en, type MessageKey } from './en';
export { fr } from './fr';
export * from './language';
export { messageForms, type Message, type MessageValues, type PluralMessage } from './message';

export const catalogs: Readonly<Record<CatalogLanguage, Readonly<Record<MessageKey, Message>>>> = { en, fr };

export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** A translator over any catalogue, choosing plural forms by `catalogLanguage`'s rules. */
export function createTranslator<Key extends string>(
  catalogLanguage: CatalogLanguage,
  catalog: Readonly<Record<Key, Message>>,
): (key: Key, values?: MessageValues) => string {
  const rules = new Intl.PluralRules(catalogLanguage);
  return (key, values) => messageText(catalog[key], values, rules);
}

const translators = new Map<Language | CatalogLanguage, Translate>();

/** The translator of a language (or straight of a catalogue: words do not depend on the variant). */
export function translator(language: Language | CatalogLanguage): Translate {
  let t = translators.get(language);
  if (!t) {
    const catalog = language === 'en' ? 'en' : LANGUAGE_LOCALES[language].catalog;
    t = createTranslator(catalog, catalogs[catalog]);
    translators.set(language, t);
  }
  return t;
}

const SERVICE_TYPES: Readonly<Record<string, MessageKey>> = {
  Reservationless: 'serviceType.reservationless',
  'Operator Assisted': 'serviceType.operatorAssisted',
  'Dial-Out': 'serviceType.dialOut',
  Web: 'serviceType.web',
  import: 'serviceType.import',
};

const ACCESS_TYPES: Readonly<Record<string, MessageKey>> = {
  toll: 'accessType.toll',
  'toll-free': 'accessType.tollFree',
  international: 'accessType.international',
  'dial-out': 'accessType.dialOut',
  web: 'accessType.web',
};

/** Excel's words where they differ from the screen's (the workbooks have always written Dial-Out). */
const SHEET_ACCESS_TYPES: Readonly<Record<string, MessageKey>> = { ...ACCESS_TYPES, 'dial-out': 'sheet.accessType.dialOut' };

/** A known provider service type in the user's language; an unknown one as the provider sent it. */
export function serviceTypeName(serviceType: string, t: Translate): string {
  const key = SERVICE_TYPES[serviceType];
  return key ? t(key) : serviceType;
}

/** A known provider access type in the user's language (`sheet`: as Excel workbooks name it); an unknown one as sent. */
export function accessTypeName(accessType: string, t: Translate, medium: 'screen' | 'sheet' = 'screen'): string {
  const key = (medium === 'sheet' ? SHEET_ACCESS_TYPES : ACCESS_TYPES)[accessType];
  return key ? t(key) : accessType;
}
