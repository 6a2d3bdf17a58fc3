// Billing codes: totals per code, a code's conferences, and assigning a code
// in place (queued in the outbox, sent at the next sync; or, for a month the
// provider will not take, kept locally), retried or discarded when the
// provider refused it; all within what the calling sign-in may see.
import type { FeatureHandlers } from '../../bridge/handlers';
import { isLocallyAllocated } from '../../../shared/view-rules';
import {
  billingCodeConferences,
  billingCodeSummary,
  billingCodeUses,
  discardOutbox,
  getPeriod,
  outboxEntryInScope,
  pendingOutbox,
  queueBillingCode,
  retryOutbox,
  setLocalBillingCode,
  type ViewScope,
} from '../../cache';
import type { FeatureDeps } from '../deps';
import { resolveScope } from '../scope';
import { userFacing } from '../user-errors';
import { billingCodeToAssign, changeNotWaiting } from './rules';

export function billingCodeHandlers({ cache, profiles, backups }: Pick<FeatureDeps, 'cache' | 'profiles'> & Partial<Pick<FeatureDeps, 'backups'>>) {
  const scopeOf = (profileId: string) => resolveScope(profiles, profileId);
  /** A change of another sign-in's account or room is, for this one, not waiting. */
  const changeInScope = (scope: ViewScope, outboxId: number) => {
    if (outboxEntryInScope(cache.read(), scope, outboxId) === null) throw changeNotWaiting();
  };
  // A local change is archive data too: backed up a minute after the last one.
  const changed = () => backups?.changed('billing-codes');
  return {
    billingCodeSummary: ({ profileId, period }) => billingCodeSummary(cache.read(), scopeOf(profileId), period),
    billingCodeConferences: ({ profileId, period, billingCode }) => billingCodeConferences(cache.read(), scopeOf(profileId), period, billingCode),
    billingCodeSuggestions: ({ profileId }) => billingCodeUses(cache.read(), scopeOf(profileId)),
    assignBillingCode: ({ profileId, period, conferenceId, billingCode }) => {
      const scope = scopeOf(profileId);
      const code = billingCodeToAssign(billingCode);
      // An unknown conference (or one outside the scope) is the cache's refusal, as 'not_found'.
      const info = getPeriod(cache.read(), scope, period);
      const at = new Date().toISOString();
      const queued = userFacing(() =>
        info !== null && isLocallyAllocated(info)
          ? setLocalBillingCode(cache.write(), scope, period, conferenceId, code, at)
          : queueBillingCode(cache.write(), scope, period, conferenceId, code, at),
      );
      changed();
      return queued;
    },
    pendingChangeCount: ({ profileId }) => ({ count: pendingOutbox(cache.read(), scopeOf(profileId)).length }),
    retryBillingCode: ({ profileId, outboxId }) => {
      changeInScope(scopeOf(profileId), outboxId);
      if (!retryOutbox(cache.write(), outboxId, new Date().toISOString())) throw changeNotWaiting();
      changed();
      return null;
    },
    discardBillingCode: ({ profileId, outboxId }) => {
      changeInScope(scopeOf(profileId), outboxId);
      if (!discardOutbox(cache.write(), outboxId)) throw changeNotWaiting();
      changed();
      return null;
    },
  } satisfies FeatureHandlers<'billingCodeSummary' | 'billingCodeConferences' | 'billingCodeSuggestions' | 'assignBillingCode' | 'pendingChangeCount' | 'retryBillingCode' | 'discardBillingCode'>;
}
