import type Database from 'better-sqlite3';
import { providerKey } from '../provider-key';
import type { Migration } from './migration';

// Keys every cached row by provider, account and period. Schema 1 keyed an
// account by its number alone and a conference by (account, conference id):
// two providers with the same account number mixed, and a conference id the
// provider reused in a later month evicted the older conference.
//
// Now `accounts` holds one row per (provider, account number) with an integer
// id, and every other table refers to that id: rows stay as narrow as an
// integer (the conferences table is the sync's hot path), and linking an
// account's history to a provider's new address is one UPDATE of one row.
// A conference is unique per (account id, period, conference id).
//
// Existing rows take their provider from the period they belong to
// (periods.origin), sync runs from their own origin; where neither says
// (a period whose every sync failed), the account's most recently synced
// provider. An outbox entry takes its conference's period; one whose
// conference is no longer cached keeps a NULL period (it is never pushed).
const NEW_TABLES = /* sql */ `
CREATE TABLE accounts_v2 (
  id             INTEGER PRIMARY KEY,
  provider       TEXT NOT NULL,         -- origin of the provider's address, or 'embedded-demo'
  account_number TEXT NOT NULL,
  company_name   TEXT,                  -- the account's details: NULL until the provider described it
  currency       TEXT,
  time_zone      TEXT,
  support_phone  TEXT,
  updated_at     TEXT,
  UNIQUE (provider, account_number)
);

CREATE TABLE periods_v2 (
  account_id         INTEGER NOT NULL REFERENCES accounts (id),
  period             TEXT NOT NULL,
  start_date         TEXT NOT NULL,
  invoiced           INTEGER NOT NULL DEFAULT 0 CHECK (invoiced IN (0, 1)),
  revision           TEXT,
  served_by_provider INTEGER NOT NULL DEFAULT 1 CHECK (served_by_provider IN (0, 1)),
  scope              TEXT,
  origin             TEXT,              -- the provider's full base URL the content came from
  first_synced_at    TEXT,
  last_synced_at     TEXT,
  last_seen_at       TEXT,
  last_error         TEXT,
  last_error_at      TEXT,
  PRIMARY KEY (account_id, period)
) WITHOUT ROWID;

CREATE TABLE rooms_v2 (
  account_id          INTEGER NOT NULL,
  period              TEXT NOT NULL,
  room_number         TEXT NOT NULL,
  cardholder          TEXT,
  auto_billing_code   TEXT,
  conference_count    INTEGER NOT NULL,
  accumulated_seconds INTEGER NOT NULL,
  charge_cents        INTEGER NOT NULL,
  extra_json          TEXT,
  PRIMARY KEY (account_id, period, room_number)
) WITHOUT ROWID;

CREATE TABLE conferences_v2 (
  row                 INTEGER PRIMARY KEY,
  account_id          INTEGER NOT NULL,
  period              TEXT NOT NULL,
  conference_id       TEXT NOT NULL,
  room_number         TEXT NOT NULL,
  start_utc           TEXT NOT NULL,
  service_type        TEXT NOT NULL,
  billing_code        TEXT,
  participant_count   INTEGER NOT NULL,
  length_seconds      INTEGER NOT NULL,
  accumulated_seconds INTEGER NOT NULL,
  charge_cents        INTEGER NOT NULL,
  extra_json          TEXT,
  UNIQUE (account_id, period, conference_id)
);

CREATE TABLE billing_code_outbox_v2 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id     INTEGER NOT NULL REFERENCES accounts (id),
  period         TEXT,                  -- NULL only for a schema-1 entry whose conference was no longer cached
  conference_id  TEXT NOT NULL,
  billing_code   TEXT,
  state          TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  attempts       INTEGER NOT NULL DEFAULT 0,
  error_code     TEXT,
  error_message  TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE sync_runs_v2 (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts (id),
  scope       TEXT NOT NULL,
  origin      TEXT NOT NULL,             -- the provider's full base URL
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  status      TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'cancelled')),
  error       TEXT
);
`;

const PROVIDERS = /* sql */ `
-- Every account number the cache mentions, with its fallback provider.
CREATE TEMP TABLE m_account AS
  SELECT n.account_number, coalesce(
      (SELECT oai_provider_key(p.origin) FROM periods p WHERE p.account_number = n.account_number AND p.origin IS NOT NULL
        ORDER BY p.last_synced_at DESC NULLS LAST, p.period DESC LIMIT 1),
      (SELECT oai_provider_key(r.origin) FROM sync_runs r WHERE r.account_number = n.account_number ORDER BY r.id DESC LIMIT 1),
      'unknown') AS provider
  FROM (SELECT account_number FROM accounts UNION SELECT account_number FROM periods UNION SELECT account_number FROM rooms
        UNION SELECT account_number FROM conferences UNION SELECT account_number FROM billing_code_outbox
        UNION SELECT account_number FROM sync_runs) n;

-- Each period's provider; rooms and conferences follow their period.
CREATE TEMP TABLE m_period AS
  SELECT k.account_number, k.period, coalesce(oai_provider_key(p.origin), a.provider) AS provider
  FROM (SELECT account_number, period FROM periods UNION SELECT account_number, period FROM rooms
        UNION SELECT account_number, period FROM conferences) k
  JOIN m_account a ON a.account_number = k.account_number
  LEFT JOIN periods p ON p.account_number = k.account_number AND p.period = k.period;

INSERT INTO accounts_v2 (provider, account_number, company_name, currency, time_zone, support_phone, updated_at)
  SELECT k.provider, k.account_number, a.company_name, a.currency, a.time_zone, a.support_phone, a.updated_at
  FROM (SELECT provider, account_number FROM m_account UNION SELECT provider, account_number FROM m_period
        UNION SELECT oai_provider_key(origin), account_number FROM sync_runs) k
  LEFT JOIN accounts a ON a.account_number = k.account_number
  ORDER BY k.account_number, k.provider;

CREATE TEMP TABLE m_period_account AS
  SELECT m.account_number, m.period, n.id AS account_id
  FROM m_period m JOIN accounts_v2 n ON n.provider = m.provider AND n.account_number = m.account_number;
CREATE UNIQUE INDEX temp.m_period_account_key ON m_period_account (account_number, period);
`;

const COPY_ROWS = /* sql */ `
INSERT INTO periods_v2 SELECT m.account_id, p.period, p.start_date, p.invoiced, p.revision, p.served_by_provider, p.scope, p.origin,
    p.first_synced_at, p.last_synced_at, p.last_seen_at, p.last_error, p.last_error_at
  FROM periods p JOIN m_period_account m ON m.account_number = p.account_number AND m.period = p.period;

INSERT INTO rooms_v2 SELECT m.account_id, r.period, r.room_number, r.cardholder, r.auto_billing_code, r.conference_count,
    r.accumulated_seconds, r.charge_cents, r.extra_json
  FROM rooms r JOIN m_period_account m ON m.account_number = r.account_number AND m.period = r.period;

-- Same row numbers: the participant legs keep pointing at their conference.
INSERT INTO conferences_v2 SELECT c.row, m.account_id, c.period, c.conference_id, c.room_number, c.start_utc, c.service_type,
    c.billing_code, c.participant_count, c.length_seconds, c.accumulated_seconds, c.charge_cents, c.extra_json
  FROM conferences c JOIN m_period_account m ON m.account_number = c.account_number AND m.period = c.period
  ORDER BY c.row;

INSERT INTO billing_code_outbox_v2 SELECT o.id, coalesce(m.account_id, n.id), c.period, o.conference_id, o.billing_code, o.state,
    o.attempts, o.error_code, o.error_message, o.created_at, o.updated_at
  FROM billing_code_outbox o
  LEFT JOIN conferences c ON c.account_number = o.account_number AND c.conference_id = o.conference_id
  LEFT JOIN m_period_account m ON m.account_number = c.account_number AND m.period = c.period
  JOIN m_account a ON a.account_number = o.account_number
  JOIN accounts_v2 n ON n.provider = a.provider AND n.account_number = o.account_number
  ORDER BY o.id;

INSERT INTO sync_runs_v2 SELECT r.id, n.id, r.scope, r.origin, r.started_at, r.finished_at, r.status, r.error
  FROM sync_runs r JOIN accounts_v2 n ON n.provider = oai_provider_key(r.origin) AND n.account_number = r.account_number
  ORDER BY r.id;
`;

const SWAP_TABLES = /* sql */ `
DROP TABLE conferences;
DROP TABLE rooms;
DROP TABLE periods;
DROP TABLE billing_code_outbox;
DROP TABLE sync_runs;
DROP TABLE accounts;
ALTER TABLE accounts_v2 RENAME TO accounts;
ALTER TABLE periods_v2 RENAME TO periods;
ALTER TABLE rooms_v2 RENAME TO rooms;
ALTER TABLE conferences_v2 RENAME TO conferences;
ALTER TABLE billing_code_outbox_v2 RENAME TO billing_code_outbox;
ALTER TABLE sync_runs_v2 RENAME TO sync_runs;

CREATE INDEX conferences_by_room ON conferences (account_id, period, room_number, start_utc);
CREATE UNIQUE INDEX billing_code_outbox_unsent
  ON billing_code_outbox (account_id, period, conference_id) WHERE state IN ('pending', 'failed');
CREATE INDEX billing_code_outbox_by_state ON billing_code_outbox (account_id, state, id);
CREATE INDEX sync_runs_by_account ON sync_runs (account_id, id);

DROP TABLE temp.m_period_account;
DROP TABLE temp.m_period;
DROP TABLE temp.m_account;
`;

interface Counts {
  [table: string]: number;
}

const KEPT_TABLES = ['periods', 'rooms', 'conferences', 'billing_code_outbox', 'sync_runs'];

function countRows(db: Database.Database, suffix: string): Counts {
  return Object.fromEntries(
    KEPT_TABLES.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}${suffix}`).get() as { n: number }).n]),
  );
}

function up(db: Database.Database): void {
  db.function('oai_provider_key', { deterministic: true }, (origin: unknown) => (typeof origin === 'string' ? providerKey(origin) : null));
  // Outbox ids are never reused (AUTOINCREMENT): carry the sequence over.
  const sequence = db.prepare(`SELECT max(seq) AS seq FROM sqlite_sequence WHERE name = 'billing_code_outbox'`).get() as { seq: number | null };
  db.exec(NEW_TABLES);
  db.exec(PROVIDERS);
  db.exec(COPY_ROWS);
  const before = countRows(db, '');
  const after = countRows(db, '_v2');
  for (const table of KEPT_TABLES) {
    if (before[table] !== after[table]) throw new Error(`${table}: ${before[table]} rows but ${after[table]} copied`);
  }
  db.exec(SWAP_TABLES);
  if (sequence.seq !== null) {
    db.prepare(`DELETE FROM sqlite_sequence WHERE name = 'billing_code_outbox'`).run();
    db.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES ('billing_code_outbox', ?)`).run(sequence.seq);
  }
}

const migration: Migration = { version: 3, name: 'provider keys', up, rebuildsTables: true };
export default migration;
