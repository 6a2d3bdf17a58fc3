// One conference's participants: who joined, from where, when, for how long and at what charge.
import { useMemo, useState } from 'react';
import type { AccountInfo, ConferenceRow, ParticipantRow } from '../../../shared/domain';
import { callMain } from '../bridge';
import { BillingCodeCell, FailedChanges } from '../components/BillingCode';
import { accessTypeName, serviceTypeName } from '../components/conference-columns';
import { DataTable, type Column } from '../components/DataTable';
import { ExportActions } from '../components/ExportActions';
import { BackButton, Fact, LoadState } from '../components/ViewParts';
import { timeZoneOffset } from '../format';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import type { SortState } from '../../../shared/view-rules';
import { useBridgeQuery } from '../use-bridge-query';

export function ConferenceView(props: {
  accountNumber: string;
  account: AccountInfo | null;
  conferenceId: string;
  cardholderOf: (roomNumber: string) => string | null;
  refresh: string;
  backLabel: string;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const [sort, setSort] = useState<SortState | null>({ column: 'joined', direction: 'ascending' });
  const { accountNumber, conferenceId } = props;
  const query = useBridgeQuery(`${accountNumber}|${conferenceId}`, props.refresh, () =>
    callMain('conferenceParticipants', { accountNumber, conferenceId }),
  );
  const conference = query.data?.conference ?? null;
  const participants = useMemo(() => query.data?.participants ?? [], [query.data]);
  const timeZone = props.account?.timeZone;
  const currency = props.account?.currency ?? 'EUR';
  const mutate = query.mutate;
  const onChanged = useMemo(
    () => (_id: string, pending: ConferenceRow['pending']) =>
      mutate((data) => (data.conference ? { ...data, conference: { ...data.conference, pending } } : data)),
    [mutate],
  );

  const totalSeconds = participants.reduce((sum, p) => sum + p.seconds, 0);
  const totalCharge = participants.reduce((sum, p) => sum + p.chargeCents, 0);
  const offset = timeZone && conference ? ` [${timeZoneOffset(timeZone, conference.start)}]` : '';
  const time = (iso: string) => format.time(iso, timeZone, true);

  const columns: Column<ParticipantRow>[] = [
    {
      id: 'name',
      header: t('col.participant'),
      minWidth: 180,
      grow: 2,
      sortValue: (p) => p.name,
      cell: (p) => p.name ?? <span className="muted">{t('conference.unknownName')}</span>,
      total: <strong>{t('table.total')}</strong>,
    },
    {
      id: 'phone',
      header: t('col.phone'),
      minWidth: 150,
      grow: 1.4,
      sortValue: (p) => p.phone,
      cell: (p) => <span className="tabular">{p.phone ?? ''}</span>,
      total: <span className="muted">{t('conference.participantCount', { count: format.count(participants.length) })}</span>,
    },
    {
      id: 'access',
      header: t('col.accessType'),
      minWidth: 120,
      grow: 1,
      sortValue: (p) => accessTypeName(p.accessType, t),
      cell: (p) => accessTypeName(p.accessType, t),
    },
    {
      id: 'joined',
      header: `${t('col.joined')}${offset}`,
      minWidth: 130,
      grow: 1,
      sortValue: (p) => p.joinedAt,
      cell: (p) => <span className="tabular">{time(p.joinedAt)}</span>,
    },
    {
      id: 'left',
      header: `${t('col.left')}${offset}`,
      minWidth: 130,
      grow: 1,
      sortValue: (p) => p.leftAt,
      cell: (p) => <span className="tabular">{time(p.leftAt)}</span>,
    },
    {
      id: 'duration',
      header: t('col.duration'),
      minWidth: 100,
      grow: 0.9,
      numeric: true,
      sortValue: (p) => p.seconds,
      cell: (p) => format.duration(p.seconds),
      total: <strong>{format.duration(totalSeconds)}</strong>,
    },
    {
      id: 'charge',
      header: t('col.charge'),
      minWidth: 100,
      grow: 0.9,
      numeric: true,
      sortValue: (p) => p.chargeCents,
      cell: (p) => format.money(p.chargeCents, currency),
      total: <strong data-testid="participants-total">{format.money(totalCharge, currency)}</strong>,
    },
  ];

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
            <Fact label={t('col.timeZone', { offset: timeZone ? timeZoneOffset(timeZone, conference.start) : 'GMT' })}>
              {format.time(conference.start, timeZone)}
            </Fact>
            <Fact label={t('col.roomNumber')} testId="conference-room">
              {format.room(conference.roomNumber)}
            </Fact>
            <Fact label={t('col.cardholder')}>{props.cardholderOf(conference.roomNumber) ?? '—'}</Fact>
            <Fact label={t('col.serviceType')}>{serviceTypeName(conference.serviceType, t)}</Fact>
            <Fact label={t('col.billingCode')}>
              <BillingCodeCell
                accountNumber={accountNumber}
                conference={conference}
                describe={t('conference.describe', {
                  date: format.date(conference.start, timeZone),
                  time: format.time(conference.start, timeZone),
                })}
                onChanged={onChanged}
              />
            </Fact>
            <Fact label={t('col.length')}>{format.duration(conference.lengthSeconds)}</Fact>
            <Fact label={t('col.accumTime')}>{format.duration(conference.accumulatedSeconds)}</Fact>
            <Fact label={t('col.charge')}>{format.money(conference.chargeCents, currency)}</Fact>
          </div>
        ) : null}
      </section>
      {conference ? <FailedChanges conferences={[conference]} timeZone={timeZone} onChanged={onChanged} /> : null}
      <div className="toolbar">
        <div className="toolbar-end">
          <ExportActions view={{ kind: 'conference', accountNumber, conferenceId }} />
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
