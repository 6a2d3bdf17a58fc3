// The search view's data: a page of the archive's conferences matching the
// words, within what the calling sign-in may see (a room sign-in, its room).
// While months wait for their index (a sync just swapped them in), a search
// waits for the archive thread a little first, off the main thread.
import type { FeatureHandlers } from '../../bridge/handlers';
import type { FeatureDeps } from '../deps';
import { resolveScope } from '../scope';
import { SEARCH_PAGE_SIZE, searchArchive } from './search';

/** How long a search waits for months being indexed before it answers without them (complete: false). */
export const SEARCH_INDEX_WAIT_MS = 3000;

export function searchHandlers({ cache, profiles, searchIndex }: Pick<FeatureDeps, 'cache' | 'profiles' | 'searchIndex'>) {
  return {
    searchArchive: async ({ profileId, text, from, to, offset }) => {
      // catchUp starts nothing when every month is indexed; then nothing runs and the wait ends at once.
      searchIndex?.catchUp();
      await searchIndex?.searchReady(SEARCH_INDEX_WAIT_MS);
      return searchArchive(cache.read(), resolveScope(profiles, profileId), { text, from, to, offset, limit: SEARCH_PAGE_SIZE });
    },
  } satisfies FeatureHandlers<'searchArchive'>;
}
