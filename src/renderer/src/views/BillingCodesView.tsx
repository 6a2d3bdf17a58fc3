// The period's charge, time and conference count per billing code, Unallocated
// included; each code opens its conferences.
import { useMemo } from 'react';
import { BILLING_CODE_COLUMNS, codesUsed } from '../../../shared/columns';
import { currencyOf, type AccountInfo, type PeriodInfo } from '../../../shared/domain';
import { callMain } from '../bridge';
import { DataTable } from '../components/DataTable';
import { ExportActions } from '../components/ExportActions';
import { Fact, FactControl, LoadState, PeriodBadges, PeriodNotice, PeriodSelect } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { ImportButton } from '../import/ImportButton';
import type { SortState } from '../../../shared/view-rules';
import { screenColumns, type ColumnLayout } from '../components/table-columns';
import { useBridgeQuery } from '../use-bridge-query';

const CODES_LAYOUT: Record<string, ColumnLayout> = {
  code: [220, 2.4],
  count: [120, 1],
  time: [140, 1],
  charge: [130, 1],
};

export function BillingCodesView(props: {
  /** Import OAI downloads… beside the period selector (account sign-ins). */
  onImport?: () => void;
  profileId: string;
  /** Shown until the summary has the account's details. */
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
  const { accountNumber, profileId } = props;
  const period = props.period.period;
  const query = useBridgeQuery(`${profileId}|${period}`, props.refresh, () =>
    callMain('billingCodeSummary', { profileId, period }),
  );
  const rows = useMemo(() => query.data ?? [], [query.data]);

  const columns = screenColumns(BILLING_CODE_COLUMNS, {
    t,
    format,
    currency: currencyOf(props.account),
    timeZone: props.account?.timeZone,
    offset: null,
    layout: CODES_LAYOUT,
    rows,
    totalLabel: t('table.total'),
    totalTestIds: { charge: 'codes-total' },
    cells: {
      code: (r, shown) => (
        <button
          type="button"
          className={r.billingCode === null ? 'link-button code-unallocated' : 'link-button'}
          onClick={() => props.onOpenCode(r.billingCode)}
          aria-label={t('codes.open', { code: shown.text })}
        >
          {shown.content}
        </button>
      ),
    },
  });

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
          <ImportButton onImport={props.onImport} />
          <Fact label={t('codes.codeCount')}>{format.count(codesUsed(rows))}</Fact>
        </div>
      </section>
      <PeriodNotice period={props.period} />
      <div className="toolbar">
        <div className="toolbar-end">
          <ExportActions view={{ kind: 'billingCodes', profileId, period }} />
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

