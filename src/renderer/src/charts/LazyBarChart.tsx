// The chart, loaded on first use: recharts stays out of the first view's bundle.
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n';
import type { BarChartProps } from './BarChart';

const BarChart = lazy(() => import('./BarChart'));

export function LazyBarChart(props: BarChartProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="chart-loading muted">{t('chart.loading')}</p>}>
      <BarChart {...props} />
    </Suspense>
  );
}
