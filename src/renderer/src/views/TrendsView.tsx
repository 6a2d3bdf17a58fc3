// Trends: every month in the archive (provider, archived, imported) with the
// account's, a room's or a billing code's charge, time and conferences, as a
// chart (loaded lazily) and a table; a month opens its summary, room or code.
import { useMemo, useState } from 'react';
import { TREND_COLUMNS, type TrendMetric } from '../../../shared/columns';
import { currencyOf, type AccountInfo } from '../../../shared/domain';
import type { MonthTotals, TrendSubject } from '../../../shared/reports';
import { callMain } from '../bridge';
import { LazyBarChart } from '../charts/LazyBarChart';
import type { ChartData } from '../charts/chart-data';
import { DataTable } from '../components/DataTable';
import { screenColumns, type ColumnLayout } from '../components/table-columns';
import { BackButton, Fact, LoadState } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { useBridgeQuery } from '../use-bridge-query';

const TREND_LAYOUT: Record<string, ColumnLayout> = { month: [180, 2], conferences: [120, 1], time: [140, 1], charge: [130, 1] };
const METRICS: readonly [TrendMetric, 'col.charge' | 'col.accumulatedTime' | 'col.conferences'][] = [
  ['chargeCents', 'col.charge'],
  ['accumulatedSeconds', 'col.accumulatedTime'],
  ['conferenceCount', 'col.conferences'],
];

export function TrendsView(props: {
  profileId: string;
  account: AccountInfo | null;
  subject: TrendSubject;
  refresh: string;
  onOpenMonth: (period: string) => void;
  /** Back to the room or code the trend was opened from; none for the account's. */
  onBack: (() => void) | null;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { profileId, subject } = props;
  const [metric, setMetric] = useState<TrendMetric>('chargeCents');
  const currency = currencyOf(props.account);
  const key = `${profileId}|${JSON.stringify(subject)}`;
  const query = useBridgeQuery(key, props.refresh, () => callMain('trends', { profileId, subject }));
  const rows = useMemo(() => query.data ?? [], [query.data]);

  const title =
    subject.kind === 'account'
      ? t('trends.title')
      : subject.kind === 'room'
        ? t('trends.roomTitle', { room: format.room(subject.roomNumber) })
        : t('trends.codeTitle', { code: subject.billingCode ?? t('code.unallocated') });
  const metricLabel = t(METRICS.find(([m]) => m === metric)![1]);
  const valueText = (month: MonthTotals) =>
    metric === 'chargeCents' ? format.money(month.chargeCents, currency) : metric === 'accumulatedSeconds' ? format.duration(month.accumulatedSeconds) : format.count(month.conferenceCount);
  const chart: ChartData = {
    title: t('chart.label', { title: `${title} — ${metricLabel}` }),
    layout: 'columns',
    bars: rows.map((month) => ({ key: month.period, label: format.month(month.period), value: month[metric], text: valueText(month) })),
  };

  const columns = screenColumns(TREND_COLUMNS, {
    t,
    format,
    currency,
    timeZone: props.account?.timeZone,
    offset: null,
    layout: TREND_LAYOUT,
    rows,
    totalLabel: t('table.total'),
    totalTestIds: { charge: 'trends-total' },
    cells: {
      month: (m) => (
        <button type="button" className="link-button" onClick={() => props.onOpenMonth(m.period)} aria-label={t('trends.openMonth', { month: format.month(m.period) })}>
          {format.month(m.period)}
        </button>
      ),
    },
  });

  return (
    <div className="view">
      {props.onBack ? (
        <div className="view-nav">
          <BackButton onClick={props.onBack}>{t('trends.back')}</BackButton>
        </div>
      ) : null}
      <section className="card view-header" aria-labelledby="trends-title">
        <div className="view-title-row">
          <h1 id="trends-title" tabIndex={-1}>{title}</h1>
          {query.data ? <span className="title-note">{t('trends.monthCount', { count: format.count(rows.length) })}</span> : null}
        </div>
        <div className="facts">
          <Fact label={t('col.accountNumber')}>{props.account?.accountNumber ?? '—'}</Fact>
          <Fact label={t('col.companyName')}>{props.account?.companyName ?? '—'}</Fact>
        </div>
      </section>
      <div className="toolbar" role="radiogroup" aria-label={t('trends.metric')}>
        <span className="toolbar-label">{t('trends.metric')}</span>
        {METRICS.map(([value, label]) => (
          <button key={value} type="button" role="radio" aria-checked={metric === value} className="button" onClick={() => setMetric(value)}>
            {t(label)}
          </button>
        ))}
      </div>
      <LoadState loading={query.loading} error={query.error} empty={query.data === undefined} />
      {query.data && rows.length > 0 ? (
        <section className="card chart-card">
          <LazyBarChart data={chart} onBar={props.onOpenMonth} />
        </section>
      ) : null}
      {query.data ? (
        <DataTable label={t('trends.tableLabel')} columns={columns} rows={rows} rowKey={(m) => m.period} showTotal testId="trends-table" empty={t('trends.empty')} />
      ) : null}
    </div>
  );
}
