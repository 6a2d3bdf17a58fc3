// The billing-codes view: a period's conferences grouped by the code they
// will have once queued local changes reach the provider (a room sign-in's
// own room only).
import type { BillingCodeRow, ConferenceRow } from '../../../shared/domain';
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { ViewScope } from '../types';
import { CONFERENCE_COLUMNS, EFFECTIVE_CODE, scopeConferences, toConferenceRow, CODE_CHANGES_JOIN, type ConferenceRecord } from './conference-rows';
import { scopeParams, type ScopeParams } from './keys';

type PeriodParams = ScopeParams & { period: string };

const summarySql = (scope: ViewScope) => `SELECT ${EFFECTIVE_CODE} AS billingCode, count(*) AS conferenceCount,
    sum(c.accumulated_seconds) AS accumulatedSeconds, sum(c.charge_cents) AS chargeCents
  FROM conferences c ${CODE_CHANGES_JOIN}
  WHERE ${scopeConferences(scope)}
  GROUP BY 1
  ORDER BY billingCode IS NOT NULL, billingCode COLLATE NOCASE, billingCode`;
const conferencesSql = (scope: ViewScope) => `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${CODE_CHANGES_JOIN}
  WHERE ${scopeConferences(scope)} AND (${EFFECTIVE_CODE}) IS @billingCode
  ORDER BY c.start_utc, c.row`;

/**
 * Conferences of a period grouped by effective billing code (a pending local
 * change overrides the provider's code). Unallocated (null) first, then codes
 * in case-insensitive order.
 */
export function billingCodeSummary(db: ReadableDB, scope: ViewScope, period: string): BillingCodeRow[] {
  return prepare<[PeriodParams], BillingCodeRow>(db, summarySql(scope)).all({ ...scopeParams(scope), period });
}

/** The conferences whose effective code is `billingCode` (null = Unallocated), in start order. */
export function billingCodeConferences(db: ReadableDB, scope: ViewScope, period: string, billingCode: string | null): ConferenceRow[] {
  return prepare<[PeriodParams & { billingCode: string | null }], ConferenceRecord>(db, conferencesSql(scope))
    .all({ ...scopeParams(scope), period, billingCode })
    .map(toConferenceRow);
}
