// The status bar's sentence while a sync runs. Before any month starts (the
// periods listed but none downloading yet) it says the sync is starting,
// never "period 0 of 4".
import type { SyncProgress } from '../../shared/bridge';
import type { Translate } from '../../shared/i18n';

export function runningSyncText(
  progress: Pick<SyncProgress, 'periodIndex' | 'periodCount' | 'monthsInFlight' | 'rows'>,
  t: Translate,
  month: (period: string) => string,
  count: (n: number) => string,
): string {
  if (progress.periodCount === 0 || progress.periodIndex < 1) return t('sync.starting');
  const values = { index: progress.periodIndex, total: progress.periodCount, count: count(progress.rows) };
  if (progress.monthsInFlight.length > 1) return t('sync.runningMonths', { ...values, months: progress.monthsInFlight.map(month).join(', ') });
  return t('sync.running', values);
}
