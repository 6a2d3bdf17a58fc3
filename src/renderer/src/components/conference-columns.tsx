// The screen's columns of a conference list (src/shared/columns/conferences.ts):
// the date opens the conference, the billing code is edited in place. Shared
// by the room view and the billing-code view.
import { conferenceColumns, conferenceListOffset } from '../../../shared/columns';
import type { ConferenceRow } from '../../../shared/domain';
import type { Formatter } from '../../../shared/format';
import type { Translate } from '../../../shared/i18n';
import { BillingCodeCell, type UpdateConference } from './BillingCode';
import type { Column } from './DataTable';
import { screenColumns, type ColumnLayout } from './table-columns';

const LAYOUT: Record<string, ColumnLayout> = {
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

export interface ConferenceListOptions {
  t: Translate;
  format: Formatter;
  accountNumber: string;
  timeZone: string | undefined;
  /** The period's first day, YYYY-MM-DD (the Time header's offset when the list is empty). */
  periodStart: string;
  currency: string;
  rows: readonly ConferenceRow[];
  onOpen: (conference: ConferenceRow) => void;
  onChanged: UpdateConference;
  /** Adds Room Number and Cardholder (lists that span rooms). */
  cardholderOf?: (roomNumber: string) => string | null;
}

export function conferenceListColumns(o: ConferenceListOptions): Column<ConferenceRow>[] {
  const { t, format } = o;
  const describe = (r: ConferenceRow) =>
    t('conference.describe', { date: format.date(r.start, o.timeZone), time: format.time(r.start, o.timeZone) });
  return screenColumns(conferenceColumns({ cardholderOf: o.cardholderOf }), {
    t,
    format,
    currency: o.currency,
    timeZone: o.timeZone,
    offset: conferenceListOffset(o.timeZone, o.rows, o.periodStart),
    layout: LAYOUT,
    rows: o.rows,
    totalLabel: t('table.total'),
    totalTestIds: { charge: 'conferences-total' },
    cells: {
      date: (r, shown) => (
        <button type="button" className="link-button tabular" onClick={() => o.onOpen(r)} aria-label={t('conference.open', { conference: describe(r) })}>
          {shown.text}
        </button>
      ),
      code: (r) => <BillingCodeCell accountNumber={o.accountNumber} conference={r} describe={describe(r)} onChanged={o.onChanged} />,
    },
    cellClassNames: { code: () => 'cell-code' },
  });
}
