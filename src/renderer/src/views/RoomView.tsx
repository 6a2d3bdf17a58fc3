// One room's CONFERENCE LIST for the period, reached by clicking a cardholder.
import { useState } from 'react';
import type { AccountInfo, ConferenceRow, PeriodInfo } from '../../../shared/domain';
import { callMain } from '../bridge';
import { ConferenceList } from '../components/ConferenceList';
import { ExportActions } from '../components/ExportActions';
import { BackButton, Fact, PeriodBadges, PeriodNotice } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { periodLabel } from '../../../shared/period-label';
import type { SortState } from '../../../shared/view-rules';
import { useBridgeQuery } from '../use-bridge-query';

/** Rows of the first screen: a tall window's worth and some to scroll. */
const FIRST_SCREEN_ROWS = 60;
/** Rows per slice of the whole list: each call keeps main busy a few ms only. */
const SLICE_ROWS = 1000;

/** Every conference of the room, read slice by slice (roomConferences' order). */
async function allRoomConferences(profileId: string, period: string, roomNumber: string): Promise<ConferenceRow[]> {
  const rows: ConferenceRow[] = [];
  for (;;) {
    const slice = await callMain('roomConferencesPage', { profileId, period, roomNumber, offset: rows.length, limit: SLICE_ROWS });
    rows.push(...slice);
    if (slice.length < SLICE_ROWS) return rows;
  }
}

export function RoomView(props: {
  profileId: string;
  account: AccountInfo | null;
  period: PeriodInfo;
  roomNumber: string;
  cardholder: string | null;
  refresh: string;
  onBack: () => void;
  onOpenConference: (conference: ConferenceRow) => void;
  /** Opens this room's (or code's) months in the archive. */
  onTrend: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const [sort, setSort] = useState<SortState | null>({ column: 'date', direction: 'ascending' });
  const { profileId, roomNumber } = props;
  const period = props.period.period;
  const key = `${profileId}|${period}|${roomNumber}`;
  // The first screen (totals and the first rows in date order) comes first,
  // whatever the room's size; every conference follows behind it.
  const firstKey = sort?.column === 'date' ? `${key}|${sort.direction}` : null;
  const descending = sort?.direction === 'descending';
  const first = useBridgeQuery(firstKey, props.refresh, () =>
    callMain('roomConferencesFirst', { profileId, period, roomNumber, descending, limit: FIRST_SCREEN_ROWS }),
  );
  const query = useBridgeQuery(key, props.refresh, () => allRoomConferences(profileId, period, roomNumber));
  const count = query.data?.length ?? first.data?.totals.conferenceCount;

  return (
    <div className="view">
      <div className="view-nav">
        <BackButton onClick={props.onBack}>{t('room.back')}</BackButton>
      </div>
      <section className="card view-header" aria-labelledby="room-title">
        <div className="view-title-row">
          <h1 id="room-title" tabIndex={-1}>{t('room.title')}</h1>
          <PeriodBadges period={props.period} />
          {count !== undefined ? (
            <span className="title-note" data-testid="conference-count">
              {t('conference.count', { count: format.count(count) })}
            </span>
          ) : null}
        </div>
        <div className="facts">
          <Fact label={t('col.roomNumber')} testId="room-number">
            {format.room(roomNumber)}
          </Fact>
          <Fact label={t('col.cardholder')} testId="room-cardholder">
            {props.cardholder ?? <span className="muted">{t('summary.noCardholder')}</span>}
          </Fact>
          <Fact label={t('col.billingPeriod')} testId="room-period">
            {periodLabel(props.period, t, format.options)}
          </Fact>
          <Fact label={t('col.companyName')}>{props.account?.companyName ?? '—'}</Fact>
        </div>
      </section>
      <PeriodNotice period={props.period} />
      <div className="toolbar">
        <button type="button" className="button" onClick={props.onTrend} data-testid="room-trend">
          {t('trends.openRoom')}
        </button>
        <div className="toolbar-end">
          <ExportActions view={{ kind: 'room', profileId, period, roomNumber, sort }} />
        </div>
      </div>
      <ConferenceList
        profileId={profileId}
        account={props.account}
        period={props.period}
        query={query}
        first={first.data ?? null}
        sort={sort}
        onSort={setSort}
        label={t('room.tableLabel', { room: format.room(roomNumber) })}
        testId="room-table"
        empty={t('room.empty')}
        onOpen={props.onOpenConference}
      />
    </div>
  );
}
