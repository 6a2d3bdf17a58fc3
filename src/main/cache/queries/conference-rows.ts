// SQL pieces and the row mapper every conference read shares: a conference
// with its unsent local billing-code change, if any, among the conferences a
// sign-in may see (its account at its provider; its room for a room sign-in).
import type { ConferenceRow, OutboxState, PendingBillingCode } from '../../../shared/domain';
import type { ViewScope } from '../types';
import { ACCOUNT_ID, roomClause } from './keys';

/** The scope's conferences `c` of @period (named parameters: scopeParams() and period). */
export function scopeConferences(scope: ViewScope): string {
  return `c.account_id = ${ACCOUNT_ID} AND c.period = @period${roomClause(scope, 'c.room_number')}`;
}

export const CONFERENCE_COLUMNS = `c.conference_id AS id, c.room_number AS roomNumber, c.start_utc AS start,
  c.service_type AS serviceType, c.billing_code AS billingCode, c.participant_count AS participantCount,
  c.length_seconds AS lengthSeconds, c.accumulated_seconds AS accumulatedSeconds, c.charge_cents AS chargeCents,
  o.id AS outboxId, o.billing_code AS outboxBillingCode, o.state AS outboxState,
  o.error_code AS outboxErrorCode, o.error_message AS outboxErrorMessage`;

/** The conference's unsent local change, if any (at most one, by a unique partial index). */
export const UNSENT_CHANGE_JOIN = `LEFT JOIN billing_code_outbox o
  ON o.account_id = c.account_id AND o.period = c.period AND o.conference_id = c.conference_id AND o.state IN ('pending', 'failed')`;

/**
 * The code a conference will have once queued changes reach the provider: a
 * pending change wins; a failed one does not (it will not be sent unless retried).
 */
export const EFFECTIVE_CODE = `CASE WHEN o.state = 'pending' THEN o.billing_code ELSE c.billing_code END`;

export const PARTICIPANT_COLUMNS = `p.participant_id AS id, p.name, p.phone, p.access_type AS accessType,
  p.joined_at AS joinedAt, p.left_at AS leftAt, p.seconds, p.charge_cents AS chargeCents`;

/** A conference as selected with CONFERENCE_COLUMNS. */
export interface ConferenceRecord extends Omit<ConferenceRow, 'pending'> {
  outboxId: number | null;
  outboxBillingCode: string | null;
  outboxState: OutboxState | null;
  outboxErrorCode: string | null;
  outboxErrorMessage: string | null;
}

export function toConferenceRow(record: ConferenceRecord): ConferenceRow {
  return {
    id: record.id,
    roomNumber: record.roomNumber,
    start: record.start,
    serviceType: record.serviceType,
    billingCode: record.billingCode,
    pending: toPendingBillingCode(record),
    participantCount: record.participantCount,
    lengthSeconds: record.lengthSeconds,
    accumulatedSeconds: record.accumulatedSeconds,
    chargeCents: record.chargeCents,
  };
}

function toPendingBillingCode(record: ConferenceRecord): PendingBillingCode | null {
  if (record.outboxId === null || record.outboxState === null) return null;
  return {
    outboxId: record.outboxId,
    billingCode: record.outboxBillingCode,
    state: record.outboxState,
    errorCode: record.outboxErrorCode,
    errorMessage: record.outboxErrorMessage,
  };
}
