// One conference's participants: who joined, from where, when, for how long and at what charge.
import { useMemo, useState } from 'react';
import { PARTICIPANT_COLUMNS, withOffset } from '../../../shared/columns';
import { currencyOf, IMPORTED_SERVICE_TYPE, type AccountInfo } from '../../../shared/domain';
import { timeZoneOffset } from '../../../shared/format';
import { serviceTypeName } from '../../../shared/i18n';
import { callMain } from '../bridge';
import { BillingCodeCell, FailedChanges, withChange, type UpdateConference } from '../components/BillingCode';
import { DataTable } from '../components/DataTable';
import { ExportActions } from '../components/ExportActions';
import { screenColumns, type ColumnLayout } from '../components/table-columns';
import { TimeZoneNote } from '../components/TimeZoneNote';
import { BackButton, Fact, LoadState } from '../components/ViewParts';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import type { SortState } from '../../../shared/view-rules';
import { useBridgeQuery } from '../use-bridge-query';

const PARTICIPANTS_LAYOUT: Record<string, ColumnLayout> = {
  name: [180, 2],
  phone: [150, 1.4],
  access: [120, 1],
  joined: [130, 1],
  left: [130, 1],
  duration: [100, 0.9],
  charge: [100, 0.9],
};

export function ConferenceView(props: {
  profileId: string;
  account: AccountInfo | null;
  /** The period it was opened from: a conference id is unique within a period only. */
  period: string;
  /** The period's codes are kept locally (imported, invoiced or archived). */
  localMonth: boolean;
  conferenceId: string;
  cardholderOf: (roomNumber: string) => string | null;
  refresh: string;
  backLabel: string;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const [sort, setSort] = useState<SortState | null>({ column: 'joined', direction: 'ascending' });
  const { profileId, period, conferenceId } = props;
  const query = useBridgeQuery(`${profileId}|${period}|${conferenceId}`, props.refresh, () =>
    callMain('conferenceParticipants', { profileId, period, conferenceId }),
  );
  const conference = query.data?.conference ?? null;
  const participants = useMemo(() => query.data?.participants ?? [], [query.data]);
  const timeZone = props.account?.timeZone;
  const currency = currencyOf(props.account);
  const mutate = query.mutate;
  const onChanged = useMemo(
    (): UpdateConference => (_id, change) => mutate((data) => (data.conference ? { ...data, conference: withChange(data.conference, change) } : data)),
    [mutate],
  );

  const columns = screenColumns(PARTICIPANT_COLUMNS, {
    t,
    format,
    currency,
    timeZone,
    offset: timeZone && conference ? timeZoneOffset(timeZone, conference.start) : null,
    layout: PARTICIPANTS_LAYOUT,
    rows: participants,
    totalLabel: t('table.total'),
    totalTestIds: { charge: 'participants-total' },
  });

  return (
    <div className="view">
      <div className="view-nav">
        <BackButton onClick={props.onBack}>{props.backLabel}</BackButton>
      </div>
      <section className="card view-header" aria-labelledby="conference-title">
        <div className="view-title-row">
          <h1 id="conference-title" tabIndex={-1}>{t('conference.title')}</h1>
        </div>
        {conference ? (
          <div className="facts facts-wide">
            <Fact label={t('col.date')} testId="conference-date">
              {format.date(conference.start, timeZone)}
            </Fact>
            <Fact label={withOffset(t('col.time'), timeZone ? timeZoneOffset(timeZone, conference.start) : 'GMT')}>
              {format.time(conference.start, timeZone)}
            </Fact>
            <Fact label={t('col.roomNumber')} testId="conference-room">
              {format.room(conference.roomNumber)}
            </Fact>
            <Fact label={t('col.cardholder')}>{props.cardholderOf(conference.roomNumber) ?? '—'}</Fact>
            <Fact label={t('col.serviceType')}>{serviceTypeName(conference.serviceType, t)}</Fact>
            <Fact label={t('col.billingCode')}>
              <BillingCodeCell
                profileId={profileId}
                period={period}
                conference={conference}
                describe={t('conference.describe', {
                  date: format.date(conference.start, timeZone),
                  time: format.time(conference.start, timeZone),
                })}
                localMonth={props.localMonth}
                onChanged={onChanged}
              />
            </Fact>
            <Fact label={t('col.length')}>{format.duration(conference.lengthSeconds)}</Fact>
            <Fact label={t('col.accumTime')}>{format.duration(conference.accumulatedSeconds)}</Fact>
            <Fact label={t('col.charge')}>{format.money(conference.chargeCents, currency)}</Fact>
          </div>
        ) : null}
      </section>
      {conference?.serviceType === IMPORTED_SERVICE_TYPE ? (
        <p className="notice notice-info" data-testid="imported-conference-note">
          {t('conference.importedNote', { count: conference.participantCount })}
        </p>
      ) : null}
      <TimeZoneNote timeZone={timeZone} />
      {conference ? <FailedChanges profileId={profileId} conferences={[conference]} timeZone={timeZone} onChanged={onChanged} /> : null}
      <div className="toolbar">
        <div className="toolbar-end">
          <ExportActions view={{ kind: 'conference', profileId, period, conferenceId }} />
        </div>
      </div>
      <LoadState loading={query.loading} error={query.error} empty={query.data === undefined} />
      {query.data && !conference ? <p className="notice notice-info">{t('conference.notFound')}</p> : null}
      {query.data ? (
        <DataTable
          label={t('conference.tableLabel')}
          columns={columns}
          rows={participants}
          rowKey={(p) => p.id}
          sort={sort}
          onSort={setSort}
          showTotal
          testId="participants-table"
          empty={t('conference.noParticipants')}
        />
      ) : null}
    </div>
  );
}
