// The columns of a conference list, as OAI's CONFERENCE LIST shows them:
// Date, Time [GMT+x], Quantity, Service Type, Billing Code, Length, Accum.
// Time and Charge. Shared by the room view and the billing-code view.
import type { ConferenceRow } from '../../../shared/domain';
import { CONFERENCE_SORT_VALUES } from '../../../shared/view-rules';
import type { Formatter } from '../format-context';
import type { Translate } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { BillingCodeCell, type UpdateConference } from './BillingCode';
import type { Column } from './DataTable';

const SERVICE_TYPES: Record<string, MessageKey> = {
  Reservationless: 'serviceType.reservationless',
  'Operator Assisted': 'serviceType.operatorAssisted',
  'Dial-Out': 'serviceType.dialOut',
  Web: 'serviceType.web',
};

const ACCESS_TYPES: Record<string, MessageKey> = {
  toll: 'accessType.toll',
  'toll-free': 'accessType.tollFree',
  international: 'accessType.international',
  'dial-out': 'accessType.dialOut',
  web: 'accessType.web',
};

/** Known provider words in the user's language; unknown ones as the provider sent them. */
export function serviceTypeName(serviceType: string, t: Translate): string {
  const key = SERVICE_TYPES[serviceType];
  return key ? t(key) : serviceType;
}

export function accessTypeName(accessType: string, t: Translate): string {
  const key = ACCESS_TYPES[accessType];
  return key ? t(key) : accessType;
}

export interface ConferenceTotals {
  count: number;
  participants: number;
  lengthSeconds: number;
  accumulatedSeconds: number;
  chargeCents: number;
}

export function conferenceTotals(rows: readonly ConferenceRow[]): ConferenceTotals {
  return rows.reduce<ConferenceTotals>(
    (sum, r) => ({
      count: sum.count + 1,
      participants: sum.participants + r.participantCount,
      lengthSeconds: sum.lengthSeconds + r.lengthSeconds,
      accumulatedSeconds: sum.accumulatedSeconds + r.accumulatedSeconds,
      chargeCents: sum.chargeCents + r.chargeCents,
    }),
    { count: 0, participants: 0, lengthSeconds: 0, accumulatedSeconds: 0, chargeCents: 0 },
  );
}

export interface ConferenceColumnOptions {
  t: Translate;
  format: Formatter;
  accountNumber: string;
  timeZone: string | undefined;
  timeZoneLabel: string;
  currency: string;
  totals: ConferenceTotals;
  onOpen: (conference: ConferenceRow) => void;
  onChanged: UpdateConference;
  /** Adds Room Number and Cardholder (lists that span rooms). */
  cardholderOf?: (roomNumber: string) => string | null;
}

export function conferenceColumns(o: ConferenceColumnOptions): Column<ConferenceRow>[] {
  const { t, format } = o;
  const describe = (r: ConferenceRow) =>
    t('conference.describe', { date: format.date(r.start, o.timeZone), time: format.time(r.start, o.timeZone) });
  const columns: Column<ConferenceRow>[] = [
    {
      id: 'date',
      header: t('col.date'),
      minWidth: 110,
      grow: 1,
      sortValue: CONFERENCE_SORT_VALUES.date,
      cell: (r) => (
        <button type="button" className="link-button tabular" onClick={() => o.onOpen(r)} aria-label={t('conference.open', { conference: describe(r) })}>
          {format.date(r.start, o.timeZone)}
        </button>
      ),
      total: <strong>{t('table.total')}</strong>,
    },
    {
      id: 'time',
      header: t('col.timeZone', { offset: o.timeZoneLabel }),
      minWidth: 100,
      grow: 0.9,
      sortValue: CONFERENCE_SORT_VALUES.date,
      cell: (r) => <span className="tabular">{format.time(r.start, o.timeZone)}</span>,
    },
  ];
  if (o.cardholderOf) {
    const cardholderOf = o.cardholderOf;
    columns.push(
      {
        id: 'room',
        header: t('col.roomNumber'),
        minWidth: 104,
        grow: 1,
        sortValue: CONFERENCE_SORT_VALUES.room,
        cell: (r) => <span className="tabular">{format.room(r.roomNumber)}</span>,
      },
      {
        id: 'cardholder',
        header: t('col.cardholder'),
        minWidth: 150,
        grow: 1.6,
        sortValue: (r) => cardholderOf(r.roomNumber),
        cell: (r) => cardholderOf(r.roomNumber) ?? '',
      },
    );
  }
  columns.push(
    {
      id: 'quantity',
      header: t('col.quantity'),
      minWidth: 108,
      grow: 0.7,
      numeric: true,
      sortValue: CONFERENCE_SORT_VALUES.quantity,
      cell: (r) => format.count(r.participantCount),
      total: format.count(o.totals.participants),
    },
    {
      id: 'service',
      header: t('col.serviceType'),
      minWidth: 146,
      grow: 1.2,
      sortValue: (r) => serviceTypeName(r.serviceType, t),
      cell: (r) => serviceTypeName(r.serviceType, t),
    },
    {
      id: 'code',
      header: t('col.billingCode'),
      minWidth: 176,
      grow: 1.6,
      sortValue: CONFERENCE_SORT_VALUES.code,
      cellClassName: () => 'cell-code',
      cell: (r) => <BillingCodeCell accountNumber={o.accountNumber} conference={r} describe={describe(r)} onChanged={o.onChanged} />,
    },
    {
      id: 'length',
      header: t('col.length'),
      minWidth: 92,
      grow: 0.9,
      numeric: true,
      sortValue: CONFERENCE_SORT_VALUES.length,
      cell: (r) => format.duration(r.lengthSeconds),
      total: format.duration(o.totals.lengthSeconds),
    },
    {
      id: 'accumulated',
      header: t('col.accumTime'),
      minWidth: 100,
      grow: 0.9,
      numeric: true,
      sortValue: CONFERENCE_SORT_VALUES.accumulated,
      cell: (r) => format.duration(r.accumulatedSeconds),
      total: <strong>{format.duration(o.totals.accumulatedSeconds)}</strong>,
    },
    {
      id: 'charge',
      header: t('col.charge'),
      minWidth: 104,
      grow: 0.9,
      numeric: true,
      sortValue: CONFERENCE_SORT_VALUES.charge,
      cell: (r) => format.money(r.chargeCents, o.currency),
      total: <strong data-testid="conferences-total">{format.money(o.totals.chargeCents, o.currency)}</strong>,
    },
  );
  return columns;
}
