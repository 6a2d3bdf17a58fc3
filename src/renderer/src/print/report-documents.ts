// The print layouts of the reports across months: the chargeback report with
// its chart, and one list of what deserves attention.
import type { ComponentType } from 'react';
import type { ViewRef } from '../../../shared/bridge';
import { ATTENTION_COLUMNS, chargebackColumns, chargebackTableRows, type ColumnDef } from '../../../shared/columns';
import { currencyOf } from '../../../shared/domain';
import type { MessageKey } from '../../../shared/i18n';
import { DEFAULT_ATTENTION_SECONDS, type AttentionList } from '../../../shared/reports';
import { callMain } from '../bridge';
import type { BarChartProps } from '../charts/BarChart';
import type { ChartData } from '../charts/chart-data';
import { chargebackChart } from '../views/chargeback-chart';
import {
  accountFacts,
  accountFormat,
  documentTitle,
  periodFact,
  periodOf,
  periodParts,
  timeZoneNotes,
  type Context,
  type PrintDocument,
} from './print-document';
import { printTable } from './print-table';

export interface PrintChart {
  Chart: ComponentType<BarChartProps>;
  data: ChartData;
}

export async function chargebackDocument(view: Extract<ViewRef, { kind: 'chargeback' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  // The chart's code is loaded before the layout renders, so the page is complete when marked ready.
  const [report, chartModule] = await Promise.all([
    callMain('chargeback', { profileId: view.profileId, by: view.by, from: view.from, to: view.to }),
    import('../charts/BarChart'),
  ]);
  const last = report.months.at(-1);
  const summary = last ? await callMain('accountSummary', { profileId: view.profileId, period: last, display: 'active' }) : null;
  const account = summary?.account ?? null;
  const rows = chargebackTableRows(report);
  const range = report.months.length === 0 ? t('report.noMonths') : t('period.range', { first: format.month(report.from), last: format.month(report.to) });
  const grouped = t(view.by === 'code' ? 'report.byCode' : 'report.byRoom');
  return {
    title: t('report.chargebackTitle'),
    factGroups: [
      [...accountFacts(account, context), { label: t('report.months'), value: range }, { label: t('report.groupedBy'), value: grouped }],
    ],
    archived: false,
    notes: [],
    ...printTable(chargebackColumns(report.by, report.months, (period) => format.month(period)), rows, {
      ...accountFormat(account, context),
      offset: null,
      totalLabel: t('table.total'),
    }),
    sort: null,
    emptyText: t('report.empty'),
    dataAsOf: summary?.period?.lastSyncedAt ?? null,
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(t('report.chargebackTitle'), account?.accountNumber, range),
    chart: rows.length > 0 ? { Chart: chartModule.default, data: chargebackChart(rows, report.by, t, format, currencyOf(account)) } : undefined,
  };
}

const LIST_TITLES: Readonly<Record<AttentionList, MessageKey>> = {
  longConferences: 'attention.longConferences',
  longLegs: 'attention.longLegs',
  risingRooms: 'attention.risingRooms',
  idleRooms: 'attention.idleRooms',
};

export async function attentionDocument(view: Extract<ViewRef, { kind: 'attention' }>, context: Context): Promise<PrintDocument> {
  const { t } = context;
  const [attention, summary, period] = await Promise.all([
    callMain('attention', { profileId: view.profileId, period: view.period, thresholdSeconds: view.thresholdSeconds }),
    callMain('accountSummary', { profileId: view.profileId, period: view.period, display: 'active' }),
    periodOf(view.profileId, view.period),
  ]);
  const account = summary.account;
  const items: readonly unknown[] = attention[view.list];
  const { periodName, ...periodState } = periodParts(period, view.period, context);
  const title = t(LIST_TITLES[view.list]);
  const threshold = context.format.duration(view.thresholdSeconds ?? DEFAULT_ATTENTION_SECONDS);
  return {
    title,
    factGroups: [[...accountFacts(account, context), periodFact(period, context)]],
    ...periodState,
    notes: [...(view.list === 'longConferences' || view.list === 'longLegs' ? [t('attention.longHint', { threshold })] : []), ...timeZoneNotes(account, context)],
    ...printTable(ATTENTION_COLUMNS[view.list] as readonly ColumnDef<unknown>[], items, { ...accountFormat(account, context), offset: null, totalLabel: t('table.total') }),
    sort: null,
    emptyText: t('attention.none'),
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(title, account?.accountNumber, periodName),
  };
}
