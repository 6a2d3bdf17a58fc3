// Local allocations: billing codes kept in the archive and never sent to the
// provider, for months whose codes the provider will not take (imported,
// invoiced, archived: shared/view-rules isLocallyAllocated). Keyed like
// conferences; every read takes them into account through
// conference-rows.ts (CODE_CHANGES_JOIN, EFFECTIVE_CODE).
import type { LocalBillingCode } from '../../../shared/domain';
import type { WritableDB } from '../db';
import { CacheError } from '../errors';
import { prepare } from '../statements';
import type { OutboxEntry, ViewScope } from '../types';
import { accountIdOf, ensureAccount } from './accounts';
import { ACCOUNT_ID, roomClause, scopeParams, type ScopeParams } from './keys';
import { reindexConference } from './search-index';

const CONFERENCE_IN_SCOPE = (scope: ViewScope) => `SELECT 1 AS found FROM conferences
  WHERE account_id = ${ACCOUNT_ID} AND period = @period AND conference_id = @conferenceId${roomClause(scope, 'room_number')}`;
const UPSERT_LOCAL = `INSERT INTO local_billing_codes (account_id, period, conference_id, billing_code, updated_at)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (account_id, period, conference_id) DO UPDATE SET billing_code = excluded.billing_code, updated_at = excluded.updated_at`;
const DROP_UNSENT_CHANGE = `DELETE FROM billing_code_outbox
  WHERE account_id = ? AND period = ? AND conference_id = ? AND state IN ('pending', 'failed')`;
const DROP_OUTBOX_ENTRY = `DELETE FROM billing_code_outbox WHERE id = ? AND state IN ('pending', 'failed')`;

function keep(db: WritableDB, accountId: number, period: string, conferenceId: string, billingCode: string | null, at: string): LocalBillingCode {
  prepare<[number, string, string, string | null, string]>(db, UPSERT_LOCAL).run(accountId, period, conferenceId, billingCode, at);
  // Whatever was queued for the provider is superseded: this month's codes stay here.
  prepare<[number, string, string]>(db, DROP_UNSENT_CHANGE).run(accountId, period, conferenceId);
  // Search finds a conference by the code it shows.
  reindexConference(db, { accountId, period, conferenceId });
  return { kind: 'local', billingCode, updatedAt: at };
}

/** Allocates a code locally (null = Unallocated) to a conference the scope may see; replaces any unsent outbox change. */
export function setLocalBillingCode(db: WritableDB, scope: ViewScope, period: string, conferenceId: string, billingCode: string | null, at: string): LocalBillingCode {
  return db
    .transaction((): LocalBillingCode => {
      const found = prepare<[ScopeParams & { period: string; conferenceId: string }], { found: number }>(db, CONFERENCE_IN_SCOPE(scope));
      if (!found.get({ ...scopeParams(scope), period, conferenceId })) {
        throw new CacheError('unknown_conference', `Conference ${conferenceId} of ${period} (account ${scope.accountNumber}) is not in the cache.`);
      }
      return keep(db, ensureAccount(db, scope), period, conferenceId, billingCode, at);
    })
    .immediate();
}

/**
 * An outbox change queued for a month that became invoiced or archived: it
 * becomes a local allocation instead of being pushed. false when the entry
 * is no longer unsent or names no period.
 */
export function convertOutboxToLocal(db: WritableDB, entry: OutboxEntry, at: string): boolean {
  const period = entry.period;
  if (period === null) return false;
  return db
    .transaction((): boolean => {
      const accountId = accountIdOf(db, entry);
      if (accountId === null) return false;
      if (prepare<[number]>(db, DROP_OUTBOX_ENTRY).run(entry.id).changes === 0) return false;
      keep(db, accountId, period, entry.conferenceId, entry.billingCode, at);
      return true;
    })
    .immediate();
}
