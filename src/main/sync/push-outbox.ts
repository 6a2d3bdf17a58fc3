// The first step of a sync: the billing codes assigned in the app (the
// outbox) go to the provider. A change the provider refuses for good is
// marked failed with its reason; one for a month the provider no longer
// serves or has invoiced is never sent: it becomes a local allocation.
import { PERIOD_UNAVAILABLE } from '../../shared/errors';
import { convertOutboxToLocal, markOutboxFailed, markOutboxSent, pendingOutbox, setConferenceBillingCode, type CacheHandle, type OutboxEntry, type ViewScope } from '../cache';
import { isProviderError, type ProviderClient } from '../provider/client';

export interface OutboxOutcome {
  sent: number;
  failed: number;
  pending: number;
  /** Changes of months now invoiced or archived, kept as local allocations instead. */
  local: number;
}

/** Outbox errors that are final: retrying the same request cannot succeed. */
const FINAL_OUTBOX_CODES = new Set(['period_locked', 'invalid_billing_code', 'forbidden', 'not_found', 'bad_request']);

/**
 * Pushes the scope's pending billing-code changes. A change for a month the
 * provider no longer serves or has invoiced is never sent (the provider cannot
 * take it): it becomes a local allocation, kept in the archive. One that names
 * no month (a schema-1 entry whose conference is gone) fails with PERIOD_UNAVAILABLE.
 */
export async function pushOutbox(cache: CacheHandle, client: ProviderClient, scope: ViewScope, now: () => string): Promise<OutboxOutcome> {
  const result = { sent: 0, failed: 0, pending: 0, local: 0 };
  const pending = pendingOutbox(cache.read(), scope);
  if (pending.length === 0) return result;
  const open = new Set((await client.listPeriods(scope.accountNumber)).filter((period) => !period.invoiced).map((period) => period.period));
  const sendable: Array<OutboxEntry & { period: string }> = [];
  for (const entry of pending) {
    if (entry.period !== null && open.has(entry.period)) {
      sendable.push({ ...entry, period: entry.period });
      continue;
    }
    if (convertOutboxToLocal(cache.write(), entry, now())) {
      result.local += 1;
      continue;
    }
    markOutboxFailed(cache.write(), entry.id, PERIOD_UNAVAILABLE, periodUnavailableMessage(entry.period), now());
    result.failed += 1;
  }
  for (const [index, entry] of sendable.entries()) {
    try {
      const updated = await client.setBillingCode(scope.accountNumber, entry.conferenceId, entry.billingCode);
      setConferenceBillingCode(cache.write(), scope, entry.period, updated.id, updated.billingCode);
      markOutboxSent(cache.write(), entry.id, now());
      result.sent += 1;
    } catch (error) {
      if (isProviderError(error) && error.code !== undefined && FINAL_OUTBOX_CODES.has(error.code)) {
        // The provider's own words are what the user needs; the request line is for the log.
        markOutboxFailed(cache.write(), entry.id, error.code, error.serverMessage ?? error.message, now());
        result.failed += 1;
        continue;
      }
      if (isProviderError(error) && (error.kind === 'invalid_credentials' || error.kind === 'cancelled')) throw error;
      // Network trouble: keep this and the rest pending for the next sync.
      result.pending += sendable.length - index;
      break;
    }
  }
  return result;
}

function periodUnavailableMessage(period: string | null): string {
  return period === null
    ? 'The conference of this change is no longer in the cache, so it was not sent to the provider.'
    : `The provider no longer serves ${period} (the month is archived here), so this change was not sent to the provider.`;
}
