// The period's charge, time and conference count per billing code, Unallocated
// included; each code opens its conferences.
import { useMemo } from 'react';
import type { AccountInfo, BillingCodeRow, PeriodInfo } from '../../../shared/domain';
import { callMain } from '../bridge';
import { DataTable, type Column } from '../components/DataTable';
import { ExportActions } from '../components/ExportActions';
import { Fact, FactControl, LoadState, PeriodBadges, PeriodNotice, PeriodSelect } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { sumTotals, type SortState } from '../../../shared/view-rules';
import { useBridgeQuery } from '../use-bridge-query';

export function BillingCodesView(props: {
  accountNumber: string;
  account: AccountInfo | null;
  periods: readonly PeriodInfo[];
  period: PeriodInfo;
  onPeriod: (period: string) => void;
  refresh: string;
  sort: SortState | null;
  onSort: (sort: SortState) => void;
  onOpenCode: (billingCode: string | null) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { accountNumber } = props;
  const period = props.period.period;
  const query = useBridgeQuery(`${accountNumber}|${period}`, props.refresh, () =>
    callMain('billingCodeSummary', { accountNumber, period }),
  );
  const rows = useMemo(() => query.data ?? [], [query.data]);
  const currency = props.account?.currency ?? 'EUR';
  const total = sumTotals(rows);

  const columns: Column<BillingCodeRow>[] = [
    {
      id: 'code',
      header: t('col.billingCode'),
      minWidth: 220,
      grow: 2.4,
      sortValue: (r) => r.billingCode,
      cell: (r) => (
        <button
          type="button"
          className={r.billingCode === null ? 'link-button code-unallocated' : 'link-button'}
          onClick={() => props.onOpenCode(r.billingCode)}
          aria-label={t('codes.open', { code: r.billingCode ?? t('code.unallocated') })}
        >
          {r.billingCode ?? t('code.unallocated')}
        </button>
      ),
      total: <strong>{t('table.total')}</strong>,
    },
    {
      id: 'count',
      header: t('col.conferences'),
      minWidth: 120,
      grow: 1,
      numeric: true,
      sortValue: (r) => r.conferenceCount,
      cell: (r) => format.count(r.conferenceCount),
      total: format.count(total.conferenceCount),
    },
    {
      id: 'time',
      header: t('col.accumulatedTime'),
      minWidth: 140,
      grow: 1,
      numeric: true,
      sortValue: (r) => r.accumulatedSeconds,
      cell: (r) => format.duration(r.accumulatedSeconds),
      total: <strong>{format.duration(total.accumulatedSeconds)}</strong>,
    },
    {
      id: 'charge',
      header: t('col.charge'),
      minWidth: 130,
      grow: 1,
      numeric: true,
      sortValue: (r) => r.chargeCents,
      cell: (r) => format.money(r.chargeCents, currency),
      total: <strong data-testid="codes-total">{format.money(total.chargeCents, currency)}</strong>,
    },
  ];

  return (
    <div className="view">
      <section className="card view-header" aria-labelledby="codes-title">
        <div className="view-title-row">
          <h1 id="codes-title" tabIndex={-1}>{t('codes.title')}</h1>
          <PeriodBadges period={props.period} />
        </div>
        <div className="facts">
          <Fact label={t('col.accountNumber')}>{props.account?.accountNumber ?? accountNumber}</Fact>
          <Fact label={t('col.companyName')}>{props.account?.companyName ?? '—'}</Fact>
          <FactControl label={t('col.billingPeriod')}>
            {(id) => <PeriodSelect id={id} periods={props.periods} value={period} onChange={props.onPeriod} />}
          </FactControl>
          <Fact label={t('codes.codeCount')}>{format.count(rows.filter((r) => r.billingCode !== null).length)}</Fact>
        </div>
      </section>
      <PeriodNotice period={props.period} />
      <div className="toolbar">
        <div className="toolbar-end">
          <ExportActions view={{ kind: 'billingCodes', accountNumber, period }} />
        </div>
      </div>
      <LoadState loading={query.loading} error={query.error} empty={query.data === undefined} />
      {query.data ? (
        <DataTable
          label={t('codes.tableLabel')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.billingCode ?? '\u0000unallocated'}
          sort={props.sort}
          onSort={props.onSort}
          showTotal
          testId="codes-table"
          empty={t('codes.empty')}
        />
      ) : null}
    </div>
  );
}

