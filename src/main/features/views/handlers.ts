// The views' data, read from the cache: periods, account summary, a room's
// conferences, a conference's participants.
import type { FeatureHandlers } from '../../bridge/handlers';
import type { FeatureDeps } from '../deps';

export function viewHandlers({ repo }: Pick<FeatureDeps, 'repo'>) {
  return {
    listPeriods: ({ accountNumber }) => repo.listPeriods(accountNumber),
    accountSummary: ({ accountNumber, period, display }) => repo.accountSummary(accountNumber, period, display),
    roomConferences: ({ accountNumber, period, roomNumber }) => repo.roomConferences(accountNumber, period, roomNumber),
    conferenceParticipants: ({ accountNumber, conferenceId }) => ({
      conference: repo.conference(accountNumber, conferenceId),
      participants: repo.conferenceParticipants(accountNumber, conferenceId),
    }),
  } satisfies FeatureHandlers<'listPeriods' | 'accountSummary' | 'roomConferences' | 'conferenceParticipants'>;
}
