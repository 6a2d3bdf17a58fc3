import type { Migration } from './migration';

// The search index again, its documents numbered in date order (docs/cache.md,
// "Search"): a document's rowid is its account, its month and its rank in
// that month by start time, so FTS5 hands matches newest first and a search
// stops at its page, whether a word matches three conferences in two years
// or a million. conference_search_docs maps a document to its conference
// row. Schema 6 numbered documents by conference row: a search sorted every
// match (a common word) or walked every conference (a rare one: 85 s at 24
// months x 50,000). The old documents are dropped; each month is indexed
// again after its next swap or by the first search that finds it missing.
const up = /* sql */ `
DROP TABLE conference_search;
DELETE FROM conference_search_periods;
CREATE VIRTUAL TABLE conference_search USING fts5(
  cardholder, room, code, people, service,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE conference_search_docs (
  doc INTEGER PRIMARY KEY,
  row INTEGER NOT NULL UNIQUE
);
`;

const migration: Migration = { version: 8, name: 'search_in_date_order', up };
export default migration;
