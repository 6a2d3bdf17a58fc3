// The search view's data: a page of the archive's conferences matching the
// words, within what the calling sign-in may see (a room sign-in, its room).
import type { FeatureHandlers } from '../../bridge/handlers';
import type { FeatureDeps } from '../deps';
import { resolveScope } from '../scope';
import { SEARCH_PAGE_SIZE, searchArchive } from './search';

export function searchHandlers({ cache, profiles }: Pick<FeatureDeps, 'cache' | 'profiles'>) {
  return {
    searchArchive: ({ profileId, text, from, to, offset }) =>
      searchArchive(cache.read(), resolveScope(profiles, profileId), { text, from, to, offset, limit: SEARCH_PAGE_SIZE }),
  } satisfies FeatureHandlers<'searchArchive'>;
}
