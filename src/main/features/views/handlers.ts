// The views' data, read from the cache within what the calling sign-in may
// see: periods, account summary, a room's conferences, a conference's
// participants.
import type { FeatureHandlers } from '../../bridge/handlers';
import { accountSummary, conferenceParticipants, getConference, listPeriods, roomConferences, roomConferencesFirst, roomConferencesPage } from '../../cache';
import type { FeatureDeps } from '../deps';
import { requireRoomInScope, resolveScope } from '../scope';

export function viewHandlers({ cache, profiles }: Pick<FeatureDeps, 'cache' | 'profiles'>) {
  const scopeOf = (profileId: string) => resolveScope(profiles, profileId);
  return {
    listPeriods: ({ profileId }) => listPeriods(cache.read(), scopeOf(profileId)),
    accountSummary: ({ profileId, period, display }) => accountSummary(cache.read(), scopeOf(profileId), period, display),
    roomConferences: ({ profileId, period, roomNumber }) => {
      const scope = scopeOf(profileId);
      requireRoomInScope(scope, roomNumber);
      return roomConferences(cache.read(), scope, period, roomNumber);
    },
    roomConferencesPage: ({ profileId, period, roomNumber, offset, limit }) => {
      const scope = scopeOf(profileId);
      requireRoomInScope(scope, roomNumber);
      return roomConferencesPage(cache.read(), scope, period, roomNumber, { offset, limit });
    },
    roomConferencesFirst: ({ profileId, period, roomNumber, descending, limit }) => {
      const scope = scopeOf(profileId);
      requireRoomInScope(scope, roomNumber);
      return roomConferencesFirst(cache.read(), scope, period, roomNumber, { descending, limit });
    },
    conferenceParticipants: ({ profileId, period, conferenceId }) => {
      const scope = scopeOf(profileId);
      const conference = getConference(cache.read(), scope, period, conferenceId);
      return { conference, participants: conference ? conferenceParticipants(cache.read(), scope, period, conferenceId) : [] };
    },
  } satisfies FeatureHandlers<'listPeriods' | 'accountSummary' | 'roomConferences' | 'roomConferencesPage' | 'roomConferencesFirst' | 'conferenceParticipants'>;
}
