import type { Migration } from './migration';

// Conventions: money in integer cents, durations in integer seconds, instants
// as UTC ISO text ('2009-05-06T07:02:11Z'), periods as 'YYYY-MM'. Unknown
// provider fields are kept as a JSON object in extra_json (NULL when none).
//
// Only participants -> conferences is a declared foreign key: it is the one
// link replacePeriod's bulk insert relies on and deletes around. Rooms and
// conferences are always written together with their period by replacePeriod,
// so extra per-row checks against periods/accounts would cost insert speed for
// no protection.
const up = /* sql */ `
CREATE TABLE accounts (
  account_number TEXT PRIMARY KEY,
  company_name   TEXT NOT NULL,
  currency       TEXT NOT NULL,
  time_zone      TEXT NOT NULL,
  support_phone  TEXT,
  updated_at     TEXT NOT NULL
);

CREATE TABLE periods (
  account_number     TEXT NOT NULL,
  period             TEXT NOT NULL,
  start_date         TEXT NOT NULL,
  invoiced           INTEGER NOT NULL DEFAULT 0 CHECK (invoiced IN (0, 1)),
  revision           TEXT,              -- NULL until a full sync of the period
  served_by_provider INTEGER NOT NULL DEFAULT 1 CHECK (served_by_provider IN (0, 1)),
  scope              TEXT,              -- 'account' or the room number whose login filled it
  origin             TEXT,              -- provider base URL
  first_synced_at    TEXT,
  last_synced_at     TEXT,
  last_seen_at       TEXT,
  last_error         TEXT,
  last_error_at      TEXT,
  PRIMARY KEY (account_number, period)
) WITHOUT ROWID;

-- Per-period room totals exactly as the provider sent them: summaries read
-- these rows and never add up conferences or participant legs.
CREATE TABLE rooms (
  account_number      TEXT NOT NULL,
  period              TEXT NOT NULL,
  room_number         TEXT NOT NULL,
  cardholder          TEXT,
  auto_billing_code   TEXT,
  conference_count    INTEGER NOT NULL,
  accumulated_seconds INTEGER NOT NULL,
  charge_cents        INTEGER NOT NULL,
  extra_json          TEXT,
  PRIMARY KEY (account_number, period, room_number)
) WITHOUT ROWID;

CREATE TABLE conferences (
  row                 INTEGER PRIMARY KEY,
  account_number      TEXT NOT NULL,
  period              TEXT NOT NULL,
  conference_id       TEXT NOT NULL,
  room_number         TEXT NOT NULL,
  start_utc           TEXT NOT NULL,
  service_type        TEXT NOT NULL,
  billing_code        TEXT,             -- as last received from the provider; NULL = Unallocated
  participant_count   INTEGER NOT NULL,
  length_seconds      INTEGER NOT NULL,
  accumulated_seconds INTEGER NOT NULL, -- stored: views never sum legs
  charge_cents        INTEGER NOT NULL,
  extra_json          TEXT,
  UNIQUE (account_number, conference_id)
);
-- One room's conferences of a month, in start order; its (account, period)
-- prefix also serves whole-period scans and deletes.
CREATE INDEX conferences_by_room ON conferences (account_number, period, room_number, start_utc);

-- Rowid table + index on conference_row rather than storing account/period on
-- each leg: rows stay narrow (1.4 M of them), inserts append to both b-trees
-- in order, and a period's legs are deleted through the conferences index.
CREATE TABLE participants (
  conference_row INTEGER NOT NULL REFERENCES conferences (row),
  participant_id TEXT NOT NULL,
  name           TEXT,
  phone          TEXT,
  access_type    TEXT NOT NULL,
  joined_at      TEXT NOT NULL,
  left_at        TEXT NOT NULL,
  seconds        INTEGER NOT NULL,
  charge_cents   INTEGER NOT NULL,
  extra_json     TEXT
);
CREATE INDEX participants_by_conference ON participants (conference_row);

-- AUTOINCREMENT: ids are never reused, so a sender finishing an entry that was
-- superseded (deleted) meanwhile cannot mark its replacement as sent.
CREATE TABLE billing_code_outbox (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  account_number TEXT NOT NULL,
  conference_id  TEXT NOT NULL,
  billing_code   TEXT,                  -- NULL = back to Unallocated
  state          TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  attempts       INTEGER NOT NULL DEFAULT 0,
  error_code     TEXT,
  error_message  TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
-- At most one unsent change per conference: a newer one replaces it.
CREATE UNIQUE INDEX billing_code_outbox_unsent
  ON billing_code_outbox (account_number, conference_id) WHERE state IN ('pending', 'failed');
CREATE INDEX billing_code_outbox_by_state ON billing_code_outbox (account_number, state, id);

CREATE TABLE sync_runs (
  id             INTEGER PRIMARY KEY,
  account_number TEXT NOT NULL,
  scope          TEXT NOT NULL,
  origin         TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  status         TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'cancelled')),
  error          TEXT
);
CREATE INDEX sync_runs_by_account ON sync_runs (account_number, id);

CREATE TABLE sync_run_periods (
  run_id       INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
  period       TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('synced', 'skipped', 'failed', 'archived')),
  conferences  INTEGER NOT NULL DEFAULT 0,
  participants INTEGER NOT NULL DEFAULT 0,
  error        TEXT,
  PRIMARY KEY (run_id, period)
) WITHOUT ROWID;
`;

const migration: Migration = { version: 1, name: 'initial', up };
export default migration;
