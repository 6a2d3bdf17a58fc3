// Billing codes assigned in the app, waiting to be pushed to the provider:
// pending -> sent, or failed with the provider's reason (then retried or
// discarded by the user). A newer change for a conference replaces an unsent
// one; sent entries stay as history. The code's format is checked by the
// caller (the bridge handler), before it gets here. An entry names its
// conference as the cache does: account (at its provider), period, id.
import type { PendingBillingCode } from '../../../shared/domain';
import type { ReadableDB, WritableDB } from '../db';
import { CacheError } from '../errors';
import { prepare } from '../statements';
import type { AccountKey, OutboxEntry, ViewScope } from '../types';
import { accountIdOf, ensureAccount } from './accounts';
import { reindexConference } from './search-index';
import { ACCOUNT_ID, keyParams, roomClause, scopeParams, type KeyParams, type ScopeParams } from './keys';

const OUTBOX_COLUMNS = `o.id, a.provider, a.account_number AS accountNumber, o.period, o.conference_id AS conferenceId,
  o.billing_code AS billingCode, o.state, o.attempts, o.error_code AS errorCode, o.error_message AS errorMessage,
  o.created_at AS createdAt, o.updated_at AS updatedAt`;
const OUTBOX_FROM = 'FROM billing_code_outbox o JOIN accounts a ON a.id = o.account_id';

/** The scope's entries: a room sign-in's are those of its room's conferences. */
function scopeEntries(scope: ViewScope, states: string): string {
  const room =
    scope.roomNumber === null
      ? ''
      : ` AND EXISTS (SELECT 1 FROM conferences c WHERE c.account_id = o.account_id AND c.period = o.period
          AND c.conference_id = o.conference_id${roomClause(scope, 'c.room_number')})`;
  return `SELECT ${OUTBOX_COLUMNS} ${OUTBOX_FROM} WHERE o.account_id = ${ACCOUNT_ID} AND o.state IN (${states})${room} ORDER BY o.id`;
}

const CONFERENCE_IN_SCOPE = (scope: ViewScope) => `SELECT 1 AS found FROM conferences
  WHERE account_id = ${ACCOUNT_ID} AND period = @period AND conference_id = @conferenceId${roomClause(scope, 'room_number')}`;
const DROP_UNSENT_CHANGE = `DELETE FROM billing_code_outbox
  WHERE account_id = ? AND period = ? AND conference_id = ? AND state IN ('pending', 'failed')`;
const QUEUE_CHANGE = `INSERT INTO billing_code_outbox (account_id, period, conference_id, billing_code, state, attempts, created_at, updated_at)
  VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`;
const OUTBOX_ENTRY = `SELECT ${OUTBOX_COLUMNS} ${OUTBOX_FROM} WHERE o.id = ?`;
const MARK_SENT = `UPDATE billing_code_outbox SET state = 'sent', attempts = attempts + 1, error_code = NULL, error_message = NULL,
  updated_at = ? WHERE id = ? AND state = 'pending'`;
const MARK_FAILED = `UPDATE billing_code_outbox SET state = 'failed', attempts = attempts + 1, error_code = ?, error_message = ?,
  updated_at = ? WHERE id = ? AND state = 'pending'`;
const NOTE_ATTEMPT_ERROR = `UPDATE billing_code_outbox SET attempts = attempts + 1, error_code = ?, error_message = ?,
  updated_at = ? WHERE id = ? AND state = 'pending'`;
const RETRY = `UPDATE billing_code_outbox SET state = 'pending', error_code = NULL, error_message = NULL,
  updated_at = ? WHERE id = ? AND state = 'failed'`;
const DISCARD = `DELETE FROM billing_code_outbox WHERE id = ? AND state IN ('pending', 'failed')`;
const ENTRY_CONFERENCE = `SELECT account_id AS accountId, period, conference_id AS conferenceId FROM billing_code_outbox WHERE id = ?`;
const SET_CONFERENCE_BILLING_CODE = `UPDATE conferences SET billing_code = @billingCode
  WHERE account_id = ${ACCOUNT_ID} AND period = @period AND conference_id = @conferenceId`;

/**
 * Queues a local billing-code assignment (null = back to Unallocated) for a
 * conference the scope may see. It replaces any unsent (pending or failed)
 * change for the same conference.
 */
export function queueBillingCode(
  db: WritableDB,
  scope: ViewScope,
  period: string,
  conferenceId: string,
  billingCode: string | null,
  at: string,
): PendingBillingCode {
  return db
    .transaction((): PendingBillingCode => {
      const found = prepare<[ScopeParams & { period: string; conferenceId: string }], { found: number }>(db, CONFERENCE_IN_SCOPE(scope));
      if (!found.get({ ...scopeParams(scope), period, conferenceId })) {
        throw new CacheError('unknown_conference', `Conference ${conferenceId} of ${period} (account ${scope.accountNumber}) is not in the cache.`);
      }
      const accountId = ensureAccount(db, scope);
      prepare<[number, string, string]>(db, DROP_UNSENT_CHANGE).run(accountId, period, conferenceId);
      const queued = prepare<[number, string, string, string | null, string, string]>(db, QUEUE_CHANGE).run(accountId, period, conferenceId, billingCode, at, at);
      reindexConference(db, { accountId, period, conferenceId });
      return { outboxId: Number(queued.lastInsertRowid), billingCode, state: 'pending', errorCode: null, errorMessage: null };
    })
    .immediate();
}

/** The scope's changes waiting to be sent, oldest first. */
export function pendingOutbox(db: ReadableDB, scope: ViewScope): OutboxEntry[] {
  return prepare<[ScopeParams], OutboxEntry>(db, scopeEntries(scope, "'pending'")).all(scopeParams(scope));
}

/** The scope's changes not confirmed by the provider (pending and failed), oldest first. */
export function unsentOutbox(db: ReadableDB, scope: ViewScope): OutboxEntry[] {
  return prepare<[ScopeParams], OutboxEntry>(db, scopeEntries(scope, "'pending', 'failed'")).all(scopeParams(scope));
}

export function outboxEntry(db: ReadableDB, id: number): OutboxEntry | null {
  return prepare<[number], OutboxEntry>(db, OUTBOX_ENTRY).get(id) ?? null;
}

/** The entry if the scope may see it (its account; for a room sign-in, a conference of its room), else null. */
export function outboxEntryInScope(db: ReadableDB, scope: ViewScope, id: number): OutboxEntry | null {
  const entry = outboxEntry(db, id);
  if (entry === null || entry.provider !== scope.provider || entry.accountNumber !== scope.accountNumber) return null;
  if (scope.roomNumber === null) return entry;
  if (entry.period === null) return null;
  const found = prepare<[ScopeParams & { period: string; conferenceId: string }], { found: number }>(db, CONFERENCE_IN_SCOPE(scope));
  return found.get({ ...scopeParams(scope), period: entry.period, conferenceId: entry.conferenceId }) ? entry : null;
}

/**
 * The provider accepted the change. false if the entry is no longer pending
 * (superseded or discarded while it was being sent).
 */
export function markOutboxSent(db: WritableDB, id: number, at: string): boolean {
  return changingCode(db, id, () => prepare<[string, number]>(db, MARK_SENT).run(at, id).changes > 0);
}

/** The provider refused the change for good; it waits for the user to retry or discard. */
export function markOutboxFailed(db: WritableDB, id: number, code: string, message: string, at: string): boolean {
  return changingCode(db, id, () => prepare<[string, string, string, number]>(db, MARK_FAILED).run(code, message, at, id).changes > 0);
}

/** A transient failure: counts the attempt and keeps the last error, stays pending. */
export function noteOutboxAttemptError(db: WritableDB, id: number, code: string, message: string, at: string): boolean {
  return prepare<[string, string, string, number]>(db, NOTE_ATTEMPT_ERROR).run(code, message, at, id).changes > 0;
}

/** failed -> pending. */
export function retryOutbox(db: WritableDB, id: number, at: string): boolean {
  return changingCode(db, id, () => prepare<[string, number]>(db, RETRY).run(at, id).changes > 0);
}

/** Drops an unsent (pending or failed) change; sent ones stay as history. */
export function discardOutbox(db: WritableDB, id: number): boolean {
  return changingCode(db, id, () => prepare<[number]>(db, DISCARD).run(id).changes > 0);
}

/** After the provider confirmed a change: the cached conference takes the code it answered with. false if not cached. */
export function setConferenceBillingCode(
  db: WritableDB,
  key: AccountKey,
  period: string,
  conferenceId: string,
  billingCode: string | null,
): boolean {
  const params = { ...keyParams(key), period, conferenceId, billingCode };
  return db.transaction(() => {
    const updated = prepare<[KeyParams & { period: string; conferenceId: string; billingCode: string | null }]>(db, SET_CONFERENCE_BILLING_CODE).run(params).changes > 0;
    const accountId = updated ? accountIdOf(db, key) : null;
    if (accountId !== null) reindexConference(db, { accountId, period, conferenceId });
    return updated;
  })();
}

/** Runs a change of an entry's state and, if it changed, rewrites its conference's search document (its effective code may differ). */
function changingCode(db: WritableDB, id: number, change: () => boolean): boolean {
  return db.transaction(() => {
    const entry = prepare<[number], { accountId: number; period: string | null; conferenceId: string }>(db, ENTRY_CONFERENCE).get(id);
    const changed = change();
    if (changed && entry?.period != null) reindexConference(db, { accountId: entry.accountId, period: entry.period, conferenceId: entry.conferenceId });
    return changed;
  })();
}
