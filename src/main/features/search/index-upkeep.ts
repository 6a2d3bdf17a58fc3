// Months the search index lacks are indexed on the archive thread: those a
// sync swapped in (it leaves them: indexing a large month costs about as
// much as writing it), and an archive's from before the index or written
// directly. Neither the start-up, a sync nor the main thread waits for them;
// a search waits a little for a catch-up under way (searchReady).
import { hasUnindexedPeriods, type CacheHandle } from '../../cache';
import { indexSearchInBackground } from '../../cache/archive';
import type { Logger } from '../../log';

export interface SearchIndexUpkeep {
  /** Starts indexing missing months; if a catch-up runs, another follows it. */
  catchUp(): void;
  /** Resolves when no indexing runs (before the cache closes). */
  idle(): Promise<void>;
  /** Resolves when no indexing runs or after `waitMs`, whichever comes first. */
  searchReady(waitMs: number): Promise<void>;
}

export function searchIndexUpkeep(cache: CacheHandle, log: Pick<Logger, 'info' | 'error'>): SearchIndexUpkeep {
  let running: Promise<void> | null = null;
  let again = false;
  const catchUp = () => {
    if (running !== null) {
      again = true;
      return;
    }
    if (!hasUnindexedPeriods(cache.read())) return;
    const started = Date.now();
    running = indexSearchInBackground(cache.file)
      .then((months) => log.info(`search index: ${months} month(s) indexed in ${Date.now() - started} ms`))
      .catch((error: unknown) => log.error(`search index: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          catchUp();
        }
      });
  };
  const idle = async (): Promise<void> => {
    while (running !== null) await running;
  };
  return {
    catchUp,
    idle,
    searchReady: (waitMs) => Promise.race([idle(), new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref())]),
  };
}
