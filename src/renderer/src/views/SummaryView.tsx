// OAI's ACCOUNT SUMMARY: the account, the billing period and room display
// pickers, and each room's accumulated time and charge with the total.
import { useId, useMemo } from 'react';
import type { AccountSummary } from '../../../shared/bridge';
import { SUMMARY_COLUMNS, isFiltered, summaryEmptyKey, summaryTotalKey } from '../../../shared/columns';
import { currencyOf, type PeriodInfo, type RoomDisplay } from '../../../shared/domain';
import { DataTable } from '../components/DataTable';
import { ExportActions } from '../components/ExportActions';
import { Fact, FactControl, LoadState, PeriodBadges, PeriodNotice, PeriodSelect } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { ImportButton } from '../import/ImportButton';
import { BILLING_CODE_SORT, roomMatchesFilter, type SortState } from '../../../shared/view-rules';
import { screenColumns, type ColumnLayout } from '../components/table-columns';
import { callMain } from '../bridge';
import { useBridgeQuery } from '../use-bridge-query';
import { AttentionPanel } from './AttentionPanel';
import { compareColumns } from './summary-compare';
import './reports.css';

const SUMMARY_LAYOUT: Record<string, ColumnLayout> = {
  room: [120, 1],
  cardholder: [200, 2.4],
  code: [160, 1.4],
  time: [140, 1],
  charge: [130, 1],
};

/** What the summary remembers while the user visits a room and comes back. */
export interface SummaryState {
  display: RoomDisplay;
  sort: SortState | null;
  filter: string;
  /** The compare columns (change against earlier months) are shown. */
  compare: boolean;
}


export function SummaryView(props: {
  /** Import OAI downloads… beside the period selector (account sign-ins). */
  onImport?: () => void;
  profileId: string;
  /** Shown until the summary has the account's details. */
  accountNumber: string;
  periods: readonly PeriodInfo[];
  period: PeriodInfo | null;
  onPeriod: (period: string) => void;
  state: SummaryState;
  onState: (state: SummaryState) => void;
  summary: AccountSummary | undefined;
  loading: boolean;
  error: unknown;
  /** A sync of this sign-in is running (a month never synced is then on its way, not empty). */
  syncing: boolean;
  onOpenRoom: (roomNumber: string) => void;
  onOpenConference: (conferenceId: string) => void;
  refresh: string;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const filterId = useId();
  const { state, onState, summary } = props;
  const currency = currencyOf(summary?.account);

  const rows = useMemo(
    () => (summary?.rooms ?? []).filter((room) => roomMatchesFilter(room, state.filter)),
    [summary, state.filter],
  );
  const filtered = isFiltered(state.filter);

  const columns = screenColumns(SUMMARY_COLUMNS, {
    t,
    format,
    currency,
    timeZone: summary?.account?.timeZone,
    offset: null,
    layout: SUMMARY_LAYOUT,
    rows,
    totalLabel: t(summaryTotalKey(state.filter)),
    totalTestIds: { charge: 'summary-total' },
    cells: {
      cardholder: (r, shown) => (
        <button
          type="button"
          className="link-button"
          onClick={() => props.onOpenRoom(r.roomNumber)}
          aria-label={t('summary.openRoom', { name: shown.text, room: format.room(r.roomNumber) })}
        >
          {shown.content}
        </button>
      ),
    },
  });

  const periodKey = props.period?.period ?? null;
  const compareQuery = useBridgeQuery(state.compare && periodKey ? `${props.profileId}|${periodKey}` : null, props.refresh, () =>
    callMain('summaryCompare', { profileId: props.profileId, period: periodKey ?? '' }),
  );
  const compared = state.compare ? compareColumns(compareQuery.data, rows, { t, format, currency, wholeMonth: !filtered }) : [];
  const noEarlierMonth = state.compare && compareQuery.data !== undefined && compared.length === 0;

  const roomCount = summary?.rooms.length ?? 0;
  // A month the provider listed but whose rooms have not arrived yet is not an empty month.
  const notSynced = props.period?.lastSyncedAt === null;
  const notSyncedText = t(props.syncing ? 'summary.periodLoading' : 'summary.periodNotSynced');
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
          <ImportButton onImport={props.onImport} />
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
      {periodKey ? (
        <AttentionPanel
          profileId={props.profileId}
          period={periodKey}
          account={summary?.account ?? null}
          refresh={props.refresh}
          // Once the summary is in, or its loading ended without it (an error): the panel then loads on its own.
          ready={summary !== undefined || !props.loading}
          onOpenRoom={props.onOpenRoom}
          onOpenConference={props.onOpenConference}
        />
      ) : null}
      <div className="toolbar">
        <div className="search-field">
          <label htmlFor={filterId} className="visually-hidden">
            {t('summary.filterLabel')}
          </label>
          <input
            id={filterId}
            // ⌘F / Ctrl+F focuses it (use-shortcuts.ts).
            data-filter=""
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
        <button type="button" className="button" aria-pressed={state.compare} onClick={() => onState({ ...state, compare: !state.compare })} data-testid="compare-toggle">
          {t('compare.toggle')}
        </button>
        <span className="toolbar-count" aria-live="polite">
          {notSynced
            ? notSyncedText
            : summary === undefined
            ? t('common.loading')
            : filtered
            ? t('summary.countFiltered', { count: format.count(rows.length), total: format.count(roomCount) })
            : t('summary.count', { count: format.count(roomCount) })}
        </span>
        <div className="toolbar-end">
          {props.period ? (
            <ExportActions
              view={{
                kind: 'summary',
                profileId: props.profileId,
                period: props.period.period,
                display: state.display,
                filter: state.filter,
                sort: state.sort,
              }}
            />
          ) : null}
        </div>
      </div>
      {noEarlierMonth ? <p className="notice notice-info">{t('compare.noneHeld')}</p> : null}
      <LoadState loading={props.loading} error={props.error} empty={summary === undefined} />
      {summary ? (
        <DataTable
          label={t('summary.tableLabel')}
          columns={[...columns, ...compared]}
          rows={rows}
          rowKey={(r) => r.roomNumber}
          sort={state.sort}
          onSort={(sort) => onState({ ...state, sort })}
          showTotal
          testId="summary-table"
          empty={notSynced ? notSyncedText : t(summaryEmptyKey(state.filter, state.display))}
        />
      ) : null}
    </div>
  );
}
