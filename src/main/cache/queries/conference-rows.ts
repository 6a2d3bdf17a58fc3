// SQL pieces and the row mapper every conference read shares: a conference
// with its unsent billing-code change and its local allocation, if any, among
// the conferences a sign-in may see (its account at its provider; its room
// for a room sign-in). The effective code is decided HERE and nowhere else.
import type { ConferenceRow, LocalBillingCode, OutboxState, PendingBillingCode } from '../../../shared/domain';
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
  o.error_code AS outboxErrorCode, o.error_message AS outboxErrorMessage,
  l.conference_id IS NOT NULL AS hasLocal, l.billing_code AS localBillingCode, l.updated_at AS localUpdatedAt`;

/**
 * The conference's unsent change `o`, if any (at most one, by a unique partial
 * index), and its local allocation `l`, if any (one by its primary key).
 */
export const CODE_CHANGES_JOIN = `LEFT JOIN billing_code_outbox o
  ON o.account_id = c.account_id AND o.period = c.period AND o.conference_id = c.conference_id AND o.state IN ('pending', 'failed')
  LEFT JOIN local_billing_codes l ON l.account_id = c.account_id AND l.period = c.period AND l.conference_id = c.conference_id`;

/**
 * The code every view, report, print and export shows: a local allocation
 * wins; else a pending change (the code once it reaches the provider; a
 * failed one does not count, it will not be sent unless retried); else the
 * provider's. shared/view-rules effectiveBillingCode() is the same rule on a
 * ConferenceRow.
 */
export const EFFECTIVE_CODE = `CASE WHEN l.conference_id IS NOT NULL THEN l.billing_code WHEN o.state = 'pending' THEN o.billing_code ELSE c.billing_code END`;

export const PARTICIPANT_COLUMNS = `p.participant_id AS id, p.name, p.phone, p.access_type AS accessType,
  p.joined_at AS joinedAt, p.left_at AS leftAt, p.seconds, p.charge_cents AS chargeCents`;

/** A conference as selected with CONFERENCE_COLUMNS. */
export interface ConferenceRecord extends Omit<ConferenceRow, 'pending' | 'local'> {
  hasLocal: number;
  localBillingCode: string | null;
  localUpdatedAt: string | null;
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
    // Absent rather than null when none, so the rows of months without local codes stay as they were.
    ...(record.hasLocal === 1 && { local: toLocalBillingCode(record) }),
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

function toLocalBillingCode(record: ConferenceRecord): LocalBillingCode {
  return { kind: 'local', billingCode: record.localBillingCode, updatedAt: record.localUpdatedAt ?? '' };
}
