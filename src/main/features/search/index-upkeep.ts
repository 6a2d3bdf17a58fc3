// Months the search index lacks (an archive from before the index, data
// written directly) are indexed on the archive thread once the archive can be
// written, so neither the start-up nor a search waits for them; a sync indexes
// the months it swaps in by itself.
import { hasUnindexedPeriods, type CacheHandle } from '../../cache';
import { indexSearchInBackground } from '../../cache/archive';
import type { Logger } from '../../log';

export interface SearchIndexUpkeep {
  /** Starts indexing missing months, unless it runs already or none is missing. */
  catchUp(): void;
  /** Resolves when no indexing runs (before the cache closes). */
  idle(): Promise<void>;
}

export function searchIndexUpkeep(cache: CacheHandle, log: Pick<Logger, 'info' | 'error'>): SearchIndexUpkeep {
  let running: Promise<void> | null = null;
  return {
    catchUp() {
      if (running !== null || !hasUnindexedPeriods(cache.read())) return;
      const started = Date.now();
      running = indexSearchInBackground(cache.file)
        .then((months) => log.info(`search index: ${months} month(s) indexed in ${Date.now() - started} ms`))
        .catch((error: unknown) => log.error(`search index: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          running = null;
        });
    },
    idle: () => running ?? Promise.resolve(),
  };
}
