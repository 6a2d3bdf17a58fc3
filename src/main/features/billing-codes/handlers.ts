// Billing codes: totals per code, a code's conferences, and assigning a code
// in place (queued in the outbox, sent at the next sync), retried or
// discarded when the provider refused it.
import type { FeatureHandlers } from '../../bridge/handlers';
import type { FeatureDeps } from '../deps';
import { userFacing } from '../user-errors';
import { billingCodeToAssign, changeNotWaiting } from './rules';

export function billingCodeHandlers({ repo }: Pick<FeatureDeps, 'repo'>) {
  return {
    billingCodeSummary: ({ accountNumber, period }) => repo.billingCodeSummary(accountNumber, period),
    billingCodeConferences: ({ accountNumber, period, billingCode }) => repo.billingCodeConferences(accountNumber, period, billingCode),
    assignBillingCode: ({ accountNumber, conferenceId, billingCode }) => {
      const code = billingCodeToAssign(billingCode);
      // An unknown conference is the cache's refusal, as 'not_found'.
      return userFacing(() => repo.queueBillingCode(accountNumber, conferenceId, code, new Date().toISOString()));
    },
    retryBillingCode: ({ outboxId }) => {
      if (!repo.retryOutbox(outboxId, new Date().toISOString())) throw changeNotWaiting();
      return null;
    },
    discardBillingCode: ({ outboxId }) => {
      if (!repo.discardOutbox(outboxId)) throw changeNotWaiting();
      return null;
    },
  } satisfies FeatureHandlers<'billingCodeSummary' | 'billingCodeConferences' | 'assignBillingCode' | 'retryBillingCode' | 'discardBillingCode'>;
}
