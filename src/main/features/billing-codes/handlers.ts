// Billing codes: totals per code, a code's conferences, and assigning a code
// in place (queued in the outbox, sent at the next sync), retried or
// discarded when the provider refused it.
import type { FeatureHandlers } from '../../bridge/handlers';
import { billingCodeConferences, billingCodeSummary, discardOutbox, queueBillingCode, retryOutbox } from '../../cache';
import type { FeatureDeps } from '../deps';
import { userFacing } from '../user-errors';
import { billingCodeToAssign, changeNotWaiting } from './rules';

export function billingCodeHandlers({ cache, backups }: Pick<FeatureDeps, 'cache'> & Partial<Pick<FeatureDeps, 'backups'>>) {
  // A local change is archive data too: backed up a minute after the last one.
  const changed = () => backups?.changed('billing-codes');
  return {
    billingCodeSummary: ({ accountNumber, period }) => billingCodeSummary(cache.read(), accountNumber, period),
    billingCodeConferences: ({ accountNumber, period, billingCode }) => billingCodeConferences(cache.read(), accountNumber, period, billingCode),
    assignBillingCode: ({ accountNumber, conferenceId, billingCode }) => {
      const code = billingCodeToAssign(billingCode);
      // An unknown conference is the cache's refusal, as 'not_found'.
      const queued = userFacing(() => queueBillingCode(cache.write(), accountNumber, conferenceId, code, new Date().toISOString()));
      changed();
      return queued;
    },
    retryBillingCode: ({ outboxId }) => {
      if (!retryOutbox(cache.write(), outboxId, new Date().toISOString())) throw changeNotWaiting();
      changed();
      return null;
    },
    discardBillingCode: ({ outboxId }) => {
      if (!discardOutbox(cache.write(), outboxId)) throw changeNotWaiting();
      changed();
      return null;
    },
  } satisfies FeatureHandlers<'billingCodeSummary' | 'billingCodeConferences' | 'assignBillingCode' | 'retryBillingCode' | 'discardBillingCode'>;
}
