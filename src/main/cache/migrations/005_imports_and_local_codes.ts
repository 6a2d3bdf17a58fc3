import type { Migration } from './migration';

// Months imported from OAI's Excel downloads, and billing codes kept locally.
//
// - periods.source: 'provider' (synced) or 'import' (from files). An imported
//   month is never served: served_by_provider = 0, and its sync times are the
//   import's, so it counts as a month with content everywhere.
// - import_files: each file an import took (name, size, sha-256, when, what it
//   added); import_file_periods: which months it filled. Removing a month
//   drops its links, and a file left with none.
// - local_billing_codes: a code set in the app that is never sent to the
//   provider (imported, invoiced and archived months). Keyed like conferences.
//   NULL = Unallocated.
const up = /* sql */ `
ALTER TABLE periods ADD COLUMN source TEXT NOT NULL DEFAULT 'provider' CHECK (source IN ('provider', 'import'));

CREATE TABLE import_files (
  id           INTEGER PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES accounts (id),
  file_name    TEXT NOT NULL,
  size_bytes   INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  conferences  INTEGER NOT NULL,         -- conferences it added
  charge_cents INTEGER NOT NULL          -- their charge
);
CREATE INDEX import_files_by_account ON import_files (account_id, sha256);

CREATE TABLE import_file_periods (
  file_id INTEGER NOT NULL REFERENCES import_files (id) ON DELETE CASCADE,
  period  TEXT NOT NULL,
  PRIMARY KEY (file_id, period)
) WITHOUT ROWID;

CREATE TABLE local_billing_codes (
  account_id    INTEGER NOT NULL REFERENCES accounts (id),
  period        TEXT NOT NULL,
  conference_id TEXT NOT NULL,
  billing_code  TEXT,                    -- NULL = Unallocated
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (account_id, period, conference_id)
) WITHOUT ROWID;
`;

const migration: Migration = { version: 5, name: 'imports_and_local_codes', up };
export default migration;
