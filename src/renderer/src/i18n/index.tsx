// The user's language for the React tree, with the shared translator
// (src/shared/i18n) bound to it.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type Language, type Translate } from '../../../shared/i18n';

const I18nContext = createContext<{ language: Language; t: Translate }>({ language: 'en-GB', t: translator('en-GB') });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: translator(language) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  return useContext(I18nContext);
}
