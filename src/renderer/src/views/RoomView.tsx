// One room's CONFERENCE LIST for the period, reached by clicking a cardholder.
import { useMemo, useState } from 'react';
import { currencyOf, type AccountInfo, type ConferenceRow, type PeriodInfo } from '../../../shared/domain';
import { callMain } from '../bridge';
import { FailedChanges, withPending } from '../components/BillingCode';
import { conferenceListColumns } from '../components/conference-columns';
import { DataTable } from '../components/DataTable';
import { ExportActions } from '../components/ExportActions';
import { BackButton, Fact, LoadState, PeriodBadges, PeriodNotice } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { periodLabel } from '../../../shared/period-label';
import type { SortState } from '../../../shared/view-rules';
import { useBridgeQuery } from '../use-bridge-query';

export function RoomView(props: {
  accountNumber: string;
  account: AccountInfo | null;
  period: PeriodInfo;
  roomNumber: string;
  cardholder: string | null;
  refresh: string;
  onBack: () => void;
  onOpenConference: (conference: ConferenceRow) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const [sort, setSort] = useState<SortState | null>({ column: 'date', direction: 'ascending' });
  const { accountNumber, roomNumber } = props;
  const period = props.period.period;
  const query = useBridgeQuery(`${accountNumber}|${period}|${roomNumber}`, props.refresh, () =>
    callMain('roomConferences', { accountNumber, period, roomNumber }),
  );
  const rows = useMemo(() => query.data ?? [], [query.data]);
  const timeZone = props.account?.timeZone;
  const currency = currencyOf(props.account);
  const mutate = query.mutate;
  const onChanged = useMemo(
    () => (id: string, pending: ConferenceRow['pending']) => mutate((list) => withPending(list, id, pending)),
    [mutate],
  );

  const columns = conferenceListColumns({
    t,
    format,
    accountNumber,
    timeZone,
    periodStart: props.period.start,
    currency,
    rows,
    onOpen: props.onOpenConference,
    onChanged,
  });

  return (
    <div className="view">
      <div className="view-nav">
        <BackButton onClick={props.onBack}>{t('room.back')}</BackButton>
      </div>
      <section className="card view-header" aria-labelledby="room-title">
        <div className="view-title-row">
          <h1 id="room-title" tabIndex={-1}>{t('room.title')}</h1>
          <PeriodBadges period={props.period} />
          {query.data ? (
            <span className="title-note" data-testid="conference-count">
              {t('conference.count', { count: format.count(rows.length) })}
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
        <div className="toolbar-end">
          <ExportActions view={{ kind: 'room', accountNumber, period, roomNumber, sort }} />
        </div>
      </div>
      <FailedChanges conferences={rows} timeZone={timeZone} onChanged={onChanged} />
      <LoadState loading={query.loading} error={query.error} empty={query.data === undefined} />
      {query.data ? (
        <DataTable
          label={t('room.tableLabel', { room: format.room(roomNumber) })}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          sort={sort}
          onSort={setSort}
          showTotal
          testId="room-table"
          empty={t('room.empty')}
        />
      ) : null}
    </div>
  );
}
