// Reports across months, within what a sign-in may see: the months the
// archive holds, totals per month (the account's, a room's, a billing
// code's), and a range of months grouped by room or by billing code.
//
// Per-room figures come from the provider's per-room totals (`rooms`), as the
// account summary's do; per-code figures from the conferences, grouped by the
// code each counts under (report-codes.ts). Both add up, month by month, to
// the summary's total.
import type { Totals } from '../../../shared/domain';
import type { MonthTotals, TrendSubject } from '../../../shared/reports';
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { ViewScope } from '../types';
import { codeMonthTotals, codeTotalsByMonth } from './report-codes';
import { ACCOUNT_ID, roomClause, scopeParams, type ScopeParams } from './keys';

export type { MonthTotals, TrendSubject } from '../../../shared/reports';

/** One room's or one code's totals in one month. */
export interface GroupMonthTotals extends MonthTotals {
  /** The room number, or the billing code (null = Unallocated). */
  key: string | null;
  /** Rooms: the cardholder (the latest month's of the range); codes: null. */
  label: string | null;
}

type RangeParams = ScopeParams & { from: string; to: string };

const ROOM_TOTALS = `coalesce(sum(r.conference_count), 0) AS conferenceCount, coalesce(sum(r.accumulated_seconds), 0) AS accumulatedSeconds,
  coalesce(sum(r.charge_cents), 0) AS chargeCents`;

/**
 * The months an account's archive holds content of: synced from the
 * provider (served or archived) or written otherwise (imported), oldest first.
 */
const HELD_MONTHS = `SELECT p.period FROM periods p
  WHERE p.account_id = ${ACCOUNT_ID}
    AND (p.first_synced_at IS NOT NULL OR EXISTS (SELECT 1 FROM rooms r WHERE r.account_id = p.account_id AND r.period = p.period))
  ORDER BY p.period`;

export function heldMonths(db: ReadableDB, scope: ViewScope): string[] {
  return prepare<[ScopeParams], { period: string }>(db, HELD_MONTHS)
    .all(scopeParams(scope))
    .map((row) => row.period);
}

const roomMonthsSql = (scope: ViewScope, oneRoom: boolean) => `SELECT r.period, ${ROOM_TOTALS} FROM rooms r
  WHERE r.account_id = ${ACCOUNT_ID}${roomClause(scope, 'r.room_number')}${oneRoom ? ' AND r.room_number = @room' : ''}
  GROUP BY r.period`;

const ZERO: Totals = { conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 };

/** Every month the archive holds, oldest first, with the subject's totals (zero where it had none). */
export function monthlyTotals(db: ReadableDB, scope: ViewScope, subject: TrendSubject): MonthTotals[] {
  const params = scopeParams(scope);
  const months = heldMonths(db, scope);
  let rows: MonthTotals[];
  if (subject.kind === 'code') {
    rows = [...codeTotalsByMonth(db, scope, subject.billingCode, months)].map(([period, totals]) => ({ period, ...totals }));
  } else if (subject.kind === 'room') {
    rows = prepare<[ScopeParams & { room: string }], MonthTotals>(db, roomMonthsSql(scope, true)).all({ ...params, room: subject.roomNumber });
  } else {
    rows = prepare<[ScopeParams], MonthTotals>(db, roomMonthsSql(scope, false)).all(params);
  }
  const byMonth = new Map(rows.map((row) => [row.period, row]));
  return months.map((period) => {
    const { conferenceCount, accumulatedSeconds, chargeCents } = byMonth.get(period) ?? ZERO;
    return { period, conferenceCount, accumulatedSeconds, chargeCents };
  });
}

const roomGroupsSql = (scope: ViewScope) => `SELECT r.room_number AS key, r.period,
    r.conference_count AS conferenceCount, r.accumulated_seconds AS accumulatedSeconds, r.charge_cents AS chargeCents,
    r.cardholder AS label
  FROM rooms r
  WHERE r.account_id = ${ACCOUNT_ID} AND r.period BETWEEN @from AND @to${roomClause(scope, 'r.room_number')}
    AND (r.conference_count <> 0 OR r.accumulated_seconds <> 0 OR r.charge_cents <> 0)
  ORDER BY length(r.room_number), r.room_number, r.period`;

/**
 * Totals per room (rooms used in the range only) or per billing code
 * (Unallocated = null), per month of [from, to]; a group's months without
 * use are absent.
 */
export function groupMonthTotals(db: ReadableDB, scope: ViewScope, by: 'code' | 'room', from: string, to: string): GroupMonthTotals[] {
  if (by === 'code') return codeMonthTotals(db, scope, from, to).map(({ code, ...totals }) => ({ ...totals, key: code, label: null }));
  return prepare<[RangeParams], GroupMonthTotals>(db, roomGroupsSql(scope)).all({ ...scopeParams(scope), from, to });
}
