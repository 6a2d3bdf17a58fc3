// The account summary of a period: one row per room, from the provider's
// per-room totals (never summed from conferences), and their total.
import type { AccountInfo, PeriodInfo, RoomDisplay, RoomSummaryRow, Totals } from '../../../shared/domain';
import { sumTotals } from '../../../shared/view-rules';
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import { getAccount } from './accounts';
import { getPeriod } from './periods';

export type { RoomDisplay } from '../../../shared/domain';

export interface AccountSummary {
  account: AccountInfo | null;
  period: PeriodInfo | null;
  /** Sorted by room number (numerically). */
  rooms: RoomSummaryRow[];
  total: Totals;
}

const ROOM_COLUMNS = `room_number AS roomNumber, cardholder, auto_billing_code AS autoBillingCode,
  conference_count AS conferenceCount, accumulated_seconds AS accumulatedSeconds, charge_cents AS chargeCents`;

/** Room numbers are digit strings: shorter first, then text order = numeric order. */
const ROOM_ORDER = 'ORDER BY length(room_number), room_number';

const ROOMS: Record<RoomDisplay, string> = {
  all: `SELECT ${ROOM_COLUMNS} FROM rooms WHERE account_number = ? AND period = ? ${ROOM_ORDER}`,
  active: `SELECT ${ROOM_COLUMNS} FROM rooms WHERE account_number = ? AND period = ? AND conference_count > 0 ${ROOM_ORDER}`,
};

export function accountSummary(db: ReadableDB, accountNumber: string, period: string, display: RoomDisplay): AccountSummary {
  const rooms = prepare<[string, string], RoomSummaryRow>(db, ROOMS[display]).all(accountNumber, period);
  return {
    account: getAccount(db, accountNumber),
    period: getPeriod(db, accountNumber, period),
    rooms,
    total: sumTotals(rooms),
  };
}
