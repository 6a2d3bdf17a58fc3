// Billing codes assigned in the app, waiting to be pushed to the provider:
// pending -> sent, or failed with the provider's reason (then retried or
// discarded by the user). A newer change for a conference replaces an unsent
// one; sent entries stay as history. The code's format is checked by the
// caller (the bridge handler), before it gets here.
import type { PendingBillingCode } from '../../../shared/domain';
import type { ReadableDB, WritableDB } from '../db';
import { CacheError } from '../errors';
import { prepare } from '../statements';
import type { OutboxEntry } from '../types';

const OUTBOX_COLUMNS = `id, account_number AS accountNumber, conference_id AS conferenceId, billing_code AS billingCode,
  state, attempts, error_code AS errorCode, error_message AS errorMessage, created_at AS createdAt, updated_at AS updatedAt`;

const CONFERENCE_EXISTS = `SELECT 1 AS found FROM conferences WHERE account_number = ? AND conference_id = ?`;
const DROP_UNSENT_CHANGE = `DELETE FROM billing_code_outbox WHERE account_number = ? AND conference_id = ? AND state IN ('pending', 'failed')`;
const QUEUE_CHANGE = `INSERT INTO billing_code_outbox (account_number, conference_id, billing_code, state, attempts, created_at, updated_at)
  VALUES (?, ?, ?, 'pending', 0, ?, ?)`;
const OUTBOX_IN_STATE = `SELECT ${OUTBOX_COLUMNS} FROM billing_code_outbox WHERE account_number = ? AND state = ? ORDER BY id`;
const UNSENT_OUTBOX = `SELECT ${OUTBOX_COLUMNS} FROM billing_code_outbox WHERE account_number = ? AND state IN ('pending', 'failed') ORDER BY id`;
const OUTBOX_ENTRY = `SELECT ${OUTBOX_COLUMNS} FROM billing_code_outbox WHERE id = ?`;
const MARK_SENT = `UPDATE billing_code_outbox SET state = 'sent', attempts = attempts + 1, error_code = NULL, error_message = NULL,
  updated_at = ? WHERE id = ? AND state = 'pending'`;
const MARK_FAILED = `UPDATE billing_code_outbox SET state = 'failed', attempts = attempts + 1, error_code = ?, error_message = ?,
  updated_at = ? WHERE id = ? AND state = 'pending'`;
const NOTE_ATTEMPT_ERROR = `UPDATE billing_code_outbox SET attempts = attempts + 1, error_code = ?, error_message = ?,
  updated_at = ? WHERE id = ? AND state = 'pending'`;
const RETRY = `UPDATE billing_code_outbox SET state = 'pending', error_code = NULL, error_message = NULL,
  updated_at = ? WHERE id = ? AND state = 'failed'`;
const DISCARD = `DELETE FROM billing_code_outbox WHERE id = ? AND state IN ('pending', 'failed')`;
const SET_CONFERENCE_BILLING_CODE = `UPDATE conferences SET billing_code = ? WHERE account_number = ? AND conference_id = ?`;

/**
 * Queues a local billing-code assignment (null = back to Unallocated). It
 * replaces any unsent (pending or failed) change for the same conference.
 */
export function queueBillingCode(
  db: WritableDB,
  accountNumber: string,
  conferenceId: string,
  billingCode: string | null,
  at: string,
): PendingBillingCode {
  return db
    .transaction((): PendingBillingCode => {
      if (!prepare<[string, string], { found: number }>(db, CONFERENCE_EXISTS).get(accountNumber, conferenceId)) {
        throw new CacheError('unknown_conference', `Conference ${conferenceId} of account ${accountNumber} is not in the cache.`);
      }
      prepare<[string, string]>(db, DROP_UNSENT_CHANGE).run(accountNumber, conferenceId);
      const queued = prepare<[string, string, string | null, string, string]>(db, QUEUE_CHANGE).run(accountNumber, conferenceId, billingCode, at, at);
      return { outboxId: Number(queued.lastInsertRowid), billingCode, state: 'pending', errorCode: null, errorMessage: null };
    })
    .immediate();
}

/** Changes waiting to be sent, oldest first. */
export function pendingOutbox(db: ReadableDB, accountNumber: string): OutboxEntry[] {
  return prepare<[string, string], OutboxEntry>(db, OUTBOX_IN_STATE).all(accountNumber, 'pending');
}

/** Changes not confirmed by the provider (pending and failed), oldest first. */
export function unsentOutbox(db: ReadableDB, accountNumber: string): OutboxEntry[] {
  return prepare<[string], OutboxEntry>(db, UNSENT_OUTBOX).all(accountNumber);
}

export function outboxEntry(db: ReadableDB, id: number): OutboxEntry | null {
  return prepare<[number], OutboxEntry>(db, OUTBOX_ENTRY).get(id) ?? null;
}

/**
 * The provider accepted the change. false if the entry is no longer pending
 * (superseded or discarded while it was being sent).
 */
export function markOutboxSent(db: WritableDB, id: number, at: string): boolean {
  return prepare<[string, number]>(db, MARK_SENT).run(at, id).changes > 0;
}

/** The provider refused the change for good; it waits for the user to retry or discard. */
export function markOutboxFailed(db: WritableDB, id: number, code: string, message: string, at: string): boolean {
  return prepare<[string, string, string, number]>(db, MARK_FAILED).run(code, message, at, id).changes > 0;
}

/** A transient failure: counts the attempt and keeps the last error, stays pending. */
export function noteOutboxAttemptError(db: WritableDB, id: number, code: string, message: string, at: string): boolean {
  return prepare<[string, string, string, number]>(db, NOTE_ATTEMPT_ERROR).run(code, message, at, id).changes > 0;
}

/** failed -> pending. */
export function retryOutbox(db: WritableDB, id: number, at: string): boolean {
  return prepare<[string, number]>(db, RETRY).run(at, id).changes > 0;
}

/** Drops an unsent (pending or failed) change; sent ones stay as history. */
export function discardOutbox(db: WritableDB, id: number): boolean {
  return prepare<[number]>(db, DISCARD).run(id).changes > 0;
}

/** After the provider confirmed a change: the cached conference takes the code it answered with. false if not cached. */
export function setConferenceBillingCode(db: WritableDB, accountNumber: string, conferenceId: string, billingCode: string | null): boolean {
  return prepare<[string | null, string, string]>(db, SET_CONFERENCE_BILLING_CODE).run(billingCode, accountNumber, conferenceId).changes > 0;
}
