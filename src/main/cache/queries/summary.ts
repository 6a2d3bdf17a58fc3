// The account summary of a period: one row per room, from the provider's
// per-room totals (never summed from conferences), and their total. A room
// sign-in's summary has its room only.
import type { AccountInfo, PeriodInfo, RoomDisplay, RoomSummaryRow, Totals } from '../../../shared/domain';
import { sumTotals } from '../../../shared/view-rules';
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { ViewScope } from '../types';
import { getAccount } from './accounts';
import { ACCOUNT_ID, roomClause, scopeParams, type ScopeParams } from './keys';
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
const ACTIVE_ONLY: Record<RoomDisplay, string> = { all: '', active: ' AND conference_count > 0' };

function roomsSql(scope: ViewScope, display: RoomDisplay): string {
  return `SELECT ${ROOM_COLUMNS} FROM rooms WHERE account_id = ${ACCOUNT_ID} AND period = @period${roomClause(scope, 'room_number')}${ACTIVE_ONLY[display]}
  ${ROOM_ORDER}`;
}

export function accountSummary(db: ReadableDB, scope: ViewScope, period: string, display: RoomDisplay): AccountSummary {
  const rooms = prepare<[ScopeParams & { period: string }], RoomSummaryRow>(db, roomsSql(scope, display)).all({ ...scopeParams(scope), period });
  return {
    account: getAccount(db, scope),
    period: getPeriod(db, scope, period),
    rooms,
    total: sumTotals(rooms),
  };
}
