// A conference list on screen (src/shared/columns/conferences.ts), with the
// billing-code changes the provider refused above it: the date opens the
// conference, the billing code is edited in place. Shared by the room view
// and the billing-code view.
import { useMemo } from 'react';
import { conferenceColumns, conferenceListOffset, type KnownTotals } from '../../../shared/columns';
import { currencyOf, type AccountInfo, type ConferenceListTotals, type ConferenceRow, type PeriodInfo } from '../../../shared/domain';
import { namesSeveralOffsets, type Formatter } from '../../../shared/format';
import type { Translate } from '../../../shared/i18n';
import { isLocallyAllocated, type SortState } from '../../../shared/view-rules';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import type { Query } from '../use-bridge-query';
import { BillingCodeCell, FailedChanges, withPending, type UpdateConference } from './BillingCode';
import { DataTable, type Column } from './DataTable';
import { screenColumns, type ColumnLayout } from './table-columns';
import { TableCaption } from './TableCaption';
import { TimeZoneNote } from './TimeZoneNote';
import { LoadState } from './ViewParts';

/** The conference lists' column widths (the search's list too). */
const CONFERENCE_LAYOUT: Record<string, ColumnLayout> = {
  date: [110, 1],
  time: [100, 0.9],
  room: [104, 1],
  cardholder: [150, 1.6],
  quantity: [108, 0.7],
  service: [146, 1.2],
  code: [176, 1.6],
  length: [92, 0.9],
  accumulated: [100, 0.9],
  charge: [104, 0.9],
};

/** The widths for a list whose times are in `offset`: times that name their own (a daylight-saving change in the list) need the room. */
export function conferenceLayout(offset: string | null): Record<string, ColumnLayout> {
  return namesSeveralOffsets(offset) ? { ...CONFERENCE_LAYOUT, time: [150, 1] } : CONFERENCE_LAYOUT;
}

interface ConferenceListOptions {
  t: Translate;
  format: Formatter;
  profileId: string;
  period: string;
  timeZone: string | undefined;
  /** The period's first day, YYYY-MM-DD (the Time header's offset when the list is empty). */
  periodStart: string;
  currency: string;
  rows: readonly ConferenceRow[];
  onOpen: (conference: ConferenceRow) => void;
  onChanged: UpdateConference;
  localMonth: boolean;
  /** Adds Room Number and Cardholder (lists that span rooms). */
  cardholderOf?: (roomNumber: string) => string | null;
  /** The Total row's figures while only the first rows are loaded. */
  totals?: KnownTotals;
}

/** The first screen of a list: its first rows (in the list's order) and its totals over every row. */
export interface FirstScreen {
  firstRows: ConferenceRow[];
  totals: ConferenceListTotals;
}

function knownTotals(totals: ConferenceListTotals): KnownTotals {
  const { conferenceCount, participantCount, lengthSeconds, accumulatedSeconds, chargeCents } = totals;
  return { count: conferenceCount, sums: { quantity: participantCount, length: lengthSeconds, accumulated: accumulatedSeconds, charge: chargeCents } };
}

function conferenceListColumns(o: ConferenceListOptions): Column<ConferenceRow>[] {
  const { t, format } = o;
  const describe = (r: ConferenceRow) =>
    t('conference.describe', { date: format.date(r.start, o.timeZone), time: format.time(r.start, o.timeZone) });
  const offset = conferenceListOffset(o.timeZone, o.rows, o.periodStart);
  return screenColumns(conferenceColumns({ cardholderOf: o.cardholderOf }), {
    t,
    format,
    currency: o.currency,
    timeZone: o.timeZone,
    offset,
    layout: conferenceLayout(offset),
    rows: o.rows,
    totals: o.totals,
    totalLabel: t('table.total'),
    totalTestIds: { charge: 'conferences-total' },
    cells: {
      date: (r, shown) => (
        <button type="button" className="link-button tabular" onClick={() => o.onOpen(r)} aria-label={t('conference.open', { conference: describe(r) })}>
          {shown.text}
        </button>
      ),
      code: (r) => (
        <BillingCodeCell profileId={o.profileId} period={o.period} conference={r} describe={describe(r)} localMonth={o.localMonth} onChanged={o.onChanged} />
      ),
    },
    cellClassNames: { code: () => 'cell-code' },
  });
}

export function ConferenceList(props: {
  profileId: string;
  account: AccountInfo | null;
  period: PeriodInfo;
  query: Query<ConferenceRow[]>;
  sort: SortState | null;
  onSort: (sort: SortState) => void;
  label: string;
  testId: string;
  empty: string;
  onOpen: (conference: ConferenceRow) => void;
  cardholderOf?: (roomNumber: string) => string | null;
  /** Shown until the whole list has loaded (it is in `sort` order). */
  first?: FirstScreen | null;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { query } = props;
  const first = query.data === undefined && query.error === null ? (props.first ?? null) : null;
  const rows = useMemo(() => query.data ?? first?.firstRows ?? [], [query.data, first]);
  const timeZone = props.account?.timeZone;
  const mutate = query.mutate;
  const onChanged = useMemo(
    (): UpdateConference => (id, change) => mutate((list) => withPending(list, id, change)),
    [mutate],
  );
  const columns = conferenceListColumns({
    t,
    format,
    profileId: props.profileId,
    period: props.period.period,
    timeZone,
    periodStart: props.period.start,
    currency: currencyOf(props.account),
    rows,
    onOpen: props.onOpen,
    onChanged,
    localMonth: isLocallyAllocated(props.period),
    cardholderOf: props.cardholderOf,
    totals: first ? knownTotals(first.totals) : undefined,
  });
  return (
    <>
      <TimeZoneNote timeZone={timeZone} />
      <FailedChanges profileId={props.profileId} conferences={rows} timeZone={timeZone} onChanged={onChanged} />
      <LoadState loading={query.loading && first === null} error={query.error} empty={query.data === undefined && first === null} />
      {query.data || first ? (
        <TableCaption idle={t('code.captionIdle')}>
          <DataTable
            label={props.label}
            columns={columns}
            rows={rows}
            rowCount={first ? first.totals.conferenceCount : undefined}
            rowKey={(r) => r.id}
            sort={props.sort}
            onSort={props.onSort}
            showTotal
            testId={props.testId}
            empty={props.empty}
          />
        </TableCaption>
      ) : null}
    </>
  );
}
