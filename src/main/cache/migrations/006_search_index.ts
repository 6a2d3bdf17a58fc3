import type { Migration } from './migration';

// The archive's search index (docs/cache.md, "Search"): one contentless FTS5
// document per conference row (rowid = conferences.row), accent- and
// case-insensitive, and the months whose documents are current. Nothing is
// indexed here: a month is indexed after its swap, or on the first search
// that finds it missing (so an upgrade costs nothing at start-up).
const up = /* sql */ `
CREATE VIRTUAL TABLE conference_search USING fts5(
  cardholder, room, code, people, service,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE conference_search_periods (
  account_id INTEGER NOT NULL,
  period     TEXT NOT NULL,
  indexed_at TEXT NOT NULL,
  PRIMARY KEY (account_id, period)
) WITHOUT ROWID;
`;

const migration: Migration = { version: 6, name: 'search_index', up };
export default migration;
