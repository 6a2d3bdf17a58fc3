// The chargeback report: billing codes (Unallocated its own row) or rooms ×
// the archive's months of a range (default: its last 12), with row and
// column totals and each row's share; a chart of the largest rows; Download,
// Print and Save as PDF. A row opens its trend.
import { useMemo } from 'react';
import { chargebackColumns, chargebackTableRows, monthColumnId } from '../../../shared/columns';
import { currencyOf, type AccountInfo } from '../../../shared/domain';
import type { ReportBy } from '../../../shared/reports';
import { callMain } from '../bridge';
import { LazyBarChart } from '../charts/LazyBarChart';
import { DataTable } from '../components/DataTable';
import { ExportActions } from '../components/ExportActions';
import { screenColumns, type ColumnLayout } from '../components/table-columns';
import { Fact, FactControl, LoadState } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { useBridgeQuery } from '../use-bridge-query';
import { chargebackChart } from './chargeback-chart';

/** What the chargeback view remembers while the user visits a trend. */
export interface ChargebackState {
  by: ReportBy;
  /** null: the last 12 months in the archive. */
  from: string | null;
  to: string | null;
}

export function ChargebackView(props: {
  profileId: string;
  account: AccountInfo | null;
  refresh: string;
  state: ChargebackState;
  onState: (state: ChargebackState) => void;
  onOpenRow: (by: ReportBy, key: string | null) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { profileId, state, onState } = props;
  const currency = currencyOf(props.account);
  const months = useBridgeQuery(profileId, props.refresh, () => callMain('trends', { profileId, subject: { kind: 'account' } }));
  const query = useBridgeQuery(`${profileId}|${state.by}|${state.from}|${state.to}`, props.refresh, () => callMain('chargeback', { profileId, ...state }));
  const report = query.data;
  const rows = useMemo(() => (report ? chargebackTableRows(report) : []), [report]);
  const held = (months.data ?? []).map((month) => month.period);

  const definitions = chargebackColumns(state.by, report?.months ?? [], (period) => format.month(period));
  const layout: Record<string, ColumnLayout> = { key: [state.by === 'code' ? 160 : 110, 1.2], label: [170, 1.6], total: [120, 1], share: [80, 0.6] };
  for (const month of report?.months ?? []) layout[monthColumnId(month)] = [110, 1];
  const columns = screenColumns(definitions, {
    t,
    format,
    currency,
    timeZone: props.account?.timeZone,
    offset: null,
    layout,
    rows,
    totalLabel: t('table.total'),
    totalTestIds: { total: 'chargeback-total' },
    cells: {
      key: (row, shown) => (
        <button type="button" className={row.key === null ? 'link-button code-unallocated' : 'link-button'} onClick={() => props.onOpenRow(state.by, row.key)}>
          {shown.content}
        </button>
      ),
    },
  });
  const range = (edge: 'from' | 'to', id: string) => (
    <select id={id} value={state[edge] ?? report?.[edge] ?? ''} onChange={(e) => onState({ ...state, [edge]: e.target.value })} data-testid={`chargeback-${edge}`}>
      {held.map((month) => (
        <option key={month} value={month}>
          {format.month(month)}
        </option>
      ))}
    </select>
  );

  return (
    <div className="view">
      <section className="card view-header" aria-labelledby="chargeback-title">
        <div className="view-title-row">
          <h1 id="chargeback-title" tabIndex={-1}>{t('report.chargebackTitle')}</h1>
          {report ? <span className="title-note">{t('trends.monthCount', { count: format.count(report.months.length) })}</span> : null}
        </div>
        <div className="facts">
          <Fact label={t('col.accountNumber')}>{props.account?.accountNumber ?? '—'}</Fact>
          <FactControl label={t('report.groupedBy')}>
            {(id) => (
              <select id={id} value={state.by} onChange={(e) => onState({ ...state, by: e.target.value as ReportBy })} data-testid="chargeback-by">
                <option value="code">{t('report.byCode')}</option>
                <option value="room">{t('report.byRoom')}</option>
              </select>
            )}
          </FactControl>
          <FactControl label={t('report.from')}>{(id) => range('from', id)}</FactControl>
          <FactControl label={t('report.to')}>{(id) => range('to', id)}</FactControl>
        </div>
      </section>
      <div className="toolbar">
        <div className="toolbar-end">
          <ExportActions view={{ kind: 'chargeback', profileId, ...state }} />
        </div>
      </div>
      <LoadState loading={query.loading} error={query.error} empty={report === undefined} />
      {report && rows.length > 0 ? (
        <section className="card chart-card">
          <LazyBarChart data={chargebackChart(rows, state.by, t, format, currency)} />
        </section>
      ) : null}
      {report ? (
        <DataTable
          label={t('report.tableLabel')}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.key ?? '\u0000unallocated'}
          showTotal
          testId="chargeback-table"
          empty={t('report.empty')}
        />
      ) : null}
    </div>
  );
}
