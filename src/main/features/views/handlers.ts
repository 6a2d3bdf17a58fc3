// The views' data, read from the cache: periods, account summary, a room's
// conferences, a conference's participants.
import type { FeatureHandlers } from '../../bridge/handlers';
import { accountSummary, conferenceParticipants, getConference, listPeriods, roomConferences } from '../../cache';
import type { FeatureDeps } from '../deps';

export function viewHandlers({ cache }: Pick<FeatureDeps, 'cache'>) {
  return {
    listPeriods: ({ accountNumber }) => listPeriods(cache.read(), accountNumber),
    accountSummary: ({ accountNumber, period, display }) => accountSummary(cache.read(), accountNumber, period, display),
    roomConferences: ({ accountNumber, period, roomNumber }) => roomConferences(cache.read(), accountNumber, period, roomNumber),
    conferenceParticipants: ({ accountNumber, conferenceId }) => ({
      conference: getConference(cache.read(), accountNumber, conferenceId),
      participants: conferenceParticipants(cache.read(), accountNumber, conferenceId),
    }),
  } satisfies FeatureHandlers<'listPeriods' | 'accountSummary' | 'roomConferences' | 'conferenceParticipants'>;
}
