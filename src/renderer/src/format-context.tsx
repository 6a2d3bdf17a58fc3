// The formatter (src/shared/format.ts) bound to the user's language and date style, for views.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createFormatter, type FormatOptions, type Formatter } from '../../shared/format';

const FormatContext = createContext<Formatter>(createFormatter({ language: 'en-GB', dateStyle: 'locale' }));

export function FormatProvider({ options, children }: { options: FormatOptions; children: ReactNode }) {
  const { language, dateStyle } = options;
  const formatter = useMemo(() => createFormatter({ language, dateStyle }), [language, dateStyle]);
  return <FormatContext.Provider value={formatter}>{children}</FormatContext.Provider>;
}

export function useFormat(): Formatter {
  return useContext(FormatContext);
}
