// Reports across months, within what the calling sign-in may see: trends,
// the chargeback report, the summary's compare column and attention panel.
import { DEFAULT_ATTENTION_SECONDS } from '../../../shared/reports';
import type { FeatureHandlers } from '../../bridge/handlers';
import { monthlyTotals } from '../../cache';
import type { FeatureDeps } from '../deps';
import { requireRoomInScope, resolveScope } from '../scope';
import { attentionOf } from './attention';
import { chargebackReport } from './chargeback';
import { summaryCompare } from './compare';

export function reportHandlers({ cache, profiles }: Pick<FeatureDeps, 'cache' | 'profiles'>) {
  const scopeOf = (profileId: string) => resolveScope(profiles, profileId);
  return {
    trends: ({ profileId, subject }) => {
      const scope = scopeOf(profileId);
      if (subject.kind === 'room') requireRoomInScope(scope, subject.roomNumber);
      return monthlyTotals(cache.read(), scope, subject);
    },
    chargeback: ({ profileId, by, from, to }) => chargebackReport(cache.read(), scopeOf(profileId), by, from, to),
    summaryCompare: ({ profileId, period }) => summaryCompare(cache.read(), scopeOf(profileId), period),
    attention: ({ profileId, period, thresholdSeconds }) =>
      attentionOf(cache.read(), scopeOf(profileId), period, thresholdSeconds ?? DEFAULT_ATTENTION_SECONDS),
  } satisfies FeatureHandlers<'trends' | 'chargeback' | 'summaryCompare' | 'attention'>;
}
