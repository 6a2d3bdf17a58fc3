// OAI's ACCOUNT SUMMARY: the account, the billing period and room display
// pickers, and each room's accumulated time and charge with the total.
import { useId, useMemo } from 'react';
import type { AccountSummary } from '../../../shared/bridge';
import type { PeriodInfo, RoomSummaryRow } from '../../../shared/domain';
import { DataTable, type Column } from '../components/DataTable';
import { ExportActions } from '../components/ExportActions';
import { Fact, FactControl, LoadState, PeriodBadges, PeriodNotice, PeriodSelect } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { BILLING_CODE_SORT, roomMatchesFilter, SUMMARY_SORT_VALUES, sumTotals, type SortState } from '../../../shared/view-rules';

export type RoomDisplay = 'active' | 'all';

/** What the summary remembers while the user visits a room and comes back. */
export interface SummaryState {
  display: RoomDisplay;
  sort: SortState | null;
  filter: string;
}


export function SummaryView(props: {
  accountNumber: string;
  periods: readonly PeriodInfo[];
  period: PeriodInfo | null;
  onPeriod: (period: string) => void;
  state: SummaryState;
  onState: (state: SummaryState) => void;
  summary: AccountSummary | undefined;
  loading: boolean;
  error: unknown;
  onOpenRoom: (roomNumber: string) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const filterId = useId();
  const { state, onState, summary } = props;
  const currency = summary?.account?.currency ?? 'EUR';

  const rows = useMemo(
    () => (summary?.rooms ?? []).filter((room) => roomMatchesFilter(room, state.filter)),
    [summary, state.filter],
  );
  const filtered = state.filter.trim() !== '';
  const total = useMemo(
    () =>
      filtered ? sumTotals(rows) : (summary?.total ?? sumTotals([])),
    [filtered, rows, summary],
  );

  const columns: Column<RoomSummaryRow>[] = [
    {
      id: 'room',
      header: t('col.roomNumber'),
      minWidth: 120,
      grow: 1,
      sortValue: SUMMARY_SORT_VALUES.room,
      cell: (r) => <span className="tabular">{format.room(r.roomNumber)}</span>,
      total: <strong>{filtered ? t('table.totalShown') : t('table.total')}</strong>,
    },
    {
      id: 'cardholder',
      header: t('col.cardholder'),
      minWidth: 200,
      grow: 2.4,
      sortValue: SUMMARY_SORT_VALUES.cardholder,
      cell: (r) => (
        <button
          type="button"
          className="link-button"
          onClick={() => props.onOpenRoom(r.roomNumber)}
          aria-label={t('summary.openRoom', { name: r.cardholder ?? t('summary.noCardholder'), room: format.room(r.roomNumber) })}
        >
          {r.cardholder ?? <span className="muted">{t('summary.noCardholder')}</span>}
        </button>
      ),
    },
    {
      id: 'code',
      header: t('col.autoBillingCode'),
      minWidth: 160,
      grow: 1.4,
      sortValue: SUMMARY_SORT_VALUES.code,
      cell: (r) => r.autoBillingCode ?? '',
    },
    {
      id: 'time',
      header: t('col.accumulatedTime'),
      minWidth: 140,
      grow: 1,
      numeric: true,
      sortValue: SUMMARY_SORT_VALUES.time,
      cell: (r) => format.duration(r.accumulatedSeconds),
      total: <strong>{format.duration(total.accumulatedSeconds)}</strong>,
    },
    {
      id: 'charge',
      header: t('col.charge'),
      minWidth: 130,
      grow: 1,
      numeric: true,
      sortValue: SUMMARY_SORT_VALUES.charge,
      cell: (r) => format.money(r.chargeCents, currency),
      total: <strong data-testid="summary-total">{format.money(total.chargeCents, currency)}</strong>,
    },
  ];

  const roomCount = summary?.rooms.length ?? 0;
  const sortedByCode = state.sort?.column === BILLING_CODE_SORT.column && state.sort.direction === BILLING_CODE_SORT.direction;

  return (
    <div className="view">
      <section className="card view-header" aria-labelledby="summary-title">
        <div className="view-title-row">
          <h1 id="summary-title" tabIndex={-1}>{t('summary.title')}</h1>
          <PeriodBadges period={props.period} />
        </div>
        <div className="facts">
          <Fact label={t('col.accountNumber')} testId="account-number">
            {summary?.account?.accountNumber ?? props.accountNumber}
          </Fact>
          <Fact label={t('col.companyName')} testId="company-name">
            {summary?.account?.companyName ?? '—'}
          </Fact>
          <FactControl label={t('col.billingPeriod')}>
            {(id) => <PeriodSelect id={id} periods={props.periods} value={props.period?.period ?? null} onChange={props.onPeriod} />}
          </FactControl>
          <FactControl label={t('col.roomDisplay')}>
            {(id) => (
              <select
                id={id}
                value={state.display}
                onChange={(e) => onState({ ...state, display: e.target.value as RoomDisplay })}
                data-testid="room-display"
              >
                <option value="active">{t('summary.displayActive')}</option>
                <option value="all">{t('summary.displayAll')}</option>
              </select>
            )}
          </FactControl>
        </div>
      </section>
      <PeriodNotice period={props.period} />
      <div className="toolbar">
        <div className="search-field">
          <label htmlFor={filterId} className="visually-hidden">
            {t('summary.filterLabel')}
          </label>
          <input
            id={filterId}
            type="search"
            maxLength={200}
            placeholder={t('summary.filterPlaceholder')}
            value={state.filter}
            onChange={(e) => onState({ ...state, filter: e.target.value })}
          />
        </div>
        <button
          type="button"
          className="button"
          aria-pressed={sortedByCode}
          onClick={() => onState({ ...state, sort: BILLING_CODE_SORT })}
        >
          {t('summary.sortByCode')}
        </button>
        <span className="toolbar-count" aria-live="polite">
          {filtered
            ? t('summary.countFiltered', { shown: format.count(rows.length), total: format.count(roomCount) })
            : t('summary.count', { count: format.count(roomCount) })}
        </span>
        <div className="toolbar-end">
          {props.period ? (
            <ExportActions
              view={{
                kind: 'summary',
                accountNumber: props.accountNumber,
                period: props.period.period,
                display: state.display,
                filter: state.filter,
                sort: state.sort,
              }}
            />
          ) : null}
        </div>
      </div>
      <LoadState loading={props.loading} error={props.error} empty={summary === undefined} />
      {summary ? (
        <DataTable
          label={t('summary.tableLabel')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.roomNumber}
          sort={state.sort}
          onSort={(sort) => onState({ ...state, sort })}
          showTotal
          testId="summary-table"
          empty={filtered ? t('summary.noMatch') : state.display === 'active' ? t('summary.noActiveRooms') : t('summary.noRooms')}
        />
      ) : null}
    </div>
  );
}
