// How a billing period is named on screen, in print and in Excel title
// blocks, as OAI names them: the open month "Since 1/05/2009 — Not invoiced",
// closed months by name, months the provider no longer serves marked archived.
import type { PeriodInfo } from './domain';
import { formatCalendarDay, formatMonth, type FormatOptions } from './format';
import type { Translate } from './i18n';

export function periodLabel(period: PeriodInfo, t: Translate, options: FormatOptions): string {
  const name = period.invoiced
    ? t('period.invoiced', { month: formatMonth(period.period, options.language) })
    : t('period.open', { start: formatCalendarDay(period.start, options) });
  if (period.source === 'import') return t('period.importedSuffix', { period: formatMonth(period.period, options.language) });
  return period.servedByProvider ? name : t('period.archivedSuffix', { period: name });
}

/** Newest first, as OAI lists them. */
export function newestFirst(periods: readonly PeriodInfo[]): PeriodInfo[] {
  return [...periods].sort((a, b) => b.period.localeCompare(a.period));
}
