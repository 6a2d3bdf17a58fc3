// Reports by billing code, fast over years: the provider's codes are read
// from each month's kept totals (an account) or grouped from the covering
// index conferences_by_code (a room sign-in's one room), then the conferences that
// count under another code in reports (reportCodeOverridesSql: the one place
// of that rule) are moved from their provider code to that code. Each month
// still adds up to its summary total: a move takes from one code what it
// gives to another.
import type { Totals } from '../../../shared/domain';
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { ViewScope } from '../types';
import { CODE_CHANGES_JOIN, EFFECTIVE_CODE } from './conference-rows';
import { ACCOUNT_ID, roomClause, scopeParams, type ScopeParams } from './keys';

type RangeParams = ScopeParams & { from: string; to: string };

export interface CodeMonthTotals extends Totals {
  period: string;
  /** null = Unallocated. */
  code: string | null;
}

/** A conference counted under `toCode` in reports instead of its provider code `fromCode`. */
interface CodeOverride {
  period: string;
  fromCode: string | null;
  toCode: string | null;
  accumulatedSeconds: number;
  chargeCents: number;
}

/**
 * The scope's conferences of months [@from, @to] whose code in reports is not
 * the provider's, with the code they count under: the effective code of every
 * view (conference-rows.ts EFFECTIVE_CODE: a local allocation, else a pending
 * change, else the provider's), read only for conferences that have a change
 * or a local allocation.
 */
export function reportCodeOverridesSql(scope: ViewScope): string {
  return `SELECT period, fromCode, toCode, accumulatedSeconds, chargeCents FROM (
    SELECT c.period, c.billing_code AS fromCode, ${EFFECTIVE_CODE} AS toCode,
      c.accumulated_seconds AS accumulatedSeconds, c.charge_cents AS chargeCents
    FROM (SELECT account_id, period, conference_id FROM billing_code_outbox
            WHERE account_id = ${ACCOUNT_ID} AND state = 'pending' AND period BETWEEN @from AND @to
          UNION
          SELECT account_id, period, conference_id FROM local_billing_codes
            WHERE account_id = ${ACCOUNT_ID} AND period BETWEEN @from AND @to) changed
    JOIN conferences c ON c.account_id = changed.account_id AND c.period = changed.period AND c.conference_id = changed.conference_id
    ${CODE_CHANGES_JOIN}
    WHERE 1 = 1${roomClause(scope, 'c.room_number')})
  WHERE toCode IS NOT fromCode`;
}

const TOTALS = `count(*) AS conferenceCount, coalesce(sum(c.accumulated_seconds), 0) AS accumulatedSeconds,
  coalesce(sum(c.charge_cents), 0) AS chargeCents`;

const KEPT_TOTALS = `conference_count AS conferenceCount, accumulated_seconds AS accumulatedSeconds, charge_cents AS chargeCents`;

/** An account's months come from the totals the triggers keep (migration 007); a room's from its conferences. */
const providerCodesSql = (scope: ViewScope) =>
  scope.roomNumber === null
    ? `SELECT period, billing_code AS code, ${KEPT_TOTALS} FROM code_month_totals
  WHERE account_id = ${ACCOUNT_ID} AND period BETWEEN @from AND @to AND conference_count <> 0`
    : `SELECT c.period, c.billing_code AS code, ${TOTALS}
  FROM conferences c INDEXED BY conferences_by_code
  WHERE c.account_id = ${ACCOUNT_ID} AND c.period BETWEEN @from AND @to${roomClause(scope, 'c.room_number')}
  GROUP BY c.period, c.billing_code`;

const providerCodeSql = (scope: ViewScope) =>
  scope.roomNumber === null
    ? `SELECT coalesce(sum(conference_count), 0) AS conferenceCount, coalesce(sum(accumulated_seconds), 0) AS accumulatedSeconds,
    coalesce(sum(charge_cents), 0) AS chargeCents
  FROM code_month_totals WHERE account_id = ${ACCOUNT_ID} AND period = @period AND billing_code IS @code`
    : `SELECT ${TOTALS}
  FROM conferences c INDEXED BY conferences_by_code
  WHERE c.account_id = ${ACCOUNT_ID} AND c.period = @period AND c.billing_code IS @code${roomClause(scope, 'c.room_number')}`;

function overrides(db: ReadableDB, scope: ViewScope, from: string, to: string): CodeOverride[] {
  return prepare<[RangeParams], CodeOverride>(db, reportCodeOverridesSql(scope)).all({ ...scopeParams(scope), from, to });
}

const keyOf = (period: string, code: string | null) => `${period}\u0000${code === null ? '\u0000' : code}`;

/** Each month's totals per billing code (as reports count them) in [from, to]; codes without conferences are absent. */
export function codeMonthTotals(db: ReadableDB, scope: ViewScope, from: string, to: string): CodeMonthTotals[] {
  const groups = new Map<string, CodeMonthTotals>();
  for (const row of prepare<[RangeParams], CodeMonthTotals>(db, providerCodesSql(scope)).all({ ...scopeParams(scope), from, to })) {
    groups.set(keyOf(row.period, row.code), row);
  }
  const add = (period: string, code: string | null, sign: 1 | -1, move: CodeOverride) => {
    const key = keyOf(period, code);
    const group = groups.get(key) ?? { period, code, conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 };
    group.conferenceCount += sign;
    group.accumulatedSeconds += sign * move.accumulatedSeconds;
    group.chargeCents += sign * move.chargeCents;
    groups.set(key, group);
  };
  for (const move of overrides(db, scope, from, to)) {
    add(move.period, move.fromCode, -1, move);
    add(move.period, move.toCode, 1, move);
  }
  return [...groups.values()].filter((group) => group.conferenceCount !== 0);
}

/** One billing code's totals (as reports count them) in each of `months`. */
export function codeTotalsByMonth(db: ReadableDB, scope: ViewScope, code: string | null, months: readonly string[]): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  if (months.length === 0) return totals;
  const statement = prepare<[ScopeParams & { period: string; code: string | null }], Totals>(db, providerCodeSql(scope));
  for (const period of months) totals.set(period, { ...statement.get({ ...scopeParams(scope), period, code })! });
  for (const move of overrides(db, scope, months[0]!, months.at(-1)!)) {
    const sign = move.toCode === code ? 1 : move.fromCode === code ? -1 : 0;
    const month = totals.get(move.period);
    if (sign === 0 || month === undefined) continue;
    month.conferenceCount += sign;
    month.accumulatedSeconds += sign * move.accumulatedSeconds;
    month.chargeCents += sign * move.chargeCents;
  }
  return totals;
}
