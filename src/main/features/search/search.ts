// Searching the archive, for the bridge and the CLI: one page of matching
// conferences across every cached month, and whether every month is in the
// index yet (months an upgrade left unindexed are built on the archive
// thread, see index-upkeep.ts; until then they are not found).
import { hasUnindexedPeriods, searchConferences, type ReadableDB, type SearchPage, type SearchQuery, type ViewScope } from '../../cache';

/** A first page paints fast; the view asks for the next ones as the user scrolls. */
export const SEARCH_PAGE_SIZE = 100;

export interface SearchResult extends SearchPage {
  /** false while some month waits for its index: its conferences are not found yet. */
  complete: boolean;
}

export function searchArchive(db: ReadableDB, scope: ViewScope, query: SearchQuery): SearchResult {
  return { ...searchConferences(db, scope, query), complete: !hasUnindexedPeriods(db) };
}
