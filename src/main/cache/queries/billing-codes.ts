// The billing-codes view: a period's conferences grouped by the code they
// will have once queued local changes reach the provider.
import type { BillingCodeRow, ConferenceRow } from '../../../shared/domain';
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import { CONFERENCE_COLUMNS, EFFECTIVE_CODE, toConferenceRow, UNSENT_CHANGE_JOIN, type ConferenceRecord } from './conference-rows';

const BILLING_CODE_SUMMARY = `SELECT ${EFFECTIVE_CODE} AS billingCode, count(*) AS conferenceCount,
    sum(c.accumulated_seconds) AS accumulatedSeconds, sum(c.charge_cents) AS chargeCents
  FROM conferences c ${UNSENT_CHANGE_JOIN}
  WHERE c.account_number = ? AND c.period = ?
  GROUP BY 1
  ORDER BY billingCode IS NOT NULL, billingCode COLLATE NOCASE, billingCode`;
const BILLING_CODE_CONFERENCES = `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${UNSENT_CHANGE_JOIN}
  WHERE c.account_number = ? AND c.period = ? AND (${EFFECTIVE_CODE}) IS ?
  ORDER BY c.start_utc, c.row`;

/**
 * Conferences of a period grouped by effective billing code (a pending local
 * change overrides the provider's code). Unallocated (null) first, then codes
 * in case-insensitive order.
 */
export function billingCodeSummary(db: ReadableDB, accountNumber: string, period: string): BillingCodeRow[] {
  return prepare<[string, string], BillingCodeRow>(db, BILLING_CODE_SUMMARY).all(accountNumber, period);
}

/** The conferences whose effective code is `billingCode` (null = Unallocated), in start order. */
export function billingCodeConferences(db: ReadableDB, accountNumber: string, period: string, billingCode: string | null): ConferenceRow[] {
  return prepare<[string, string, string | null], ConferenceRecord>(db, BILLING_CODE_CONFERENCES)
    .all(accountNumber, period, billingCode)
    .map(toConferenceRow);
}
