import type { Migration } from './migration';

// Reports by billing code over years (the chargeback) read each month's
// totals per provider code from here: a few rows a month instead of every
// conference (measured at 24 months x 50,000 conferences: 142 ms through the
// covering index conferences_by_code for 12 months, against a few ms here).
// Triggers keep it equal to the GROUP BY of `conferences` whatever writes
// them (a sync's swap, an import, its removal, a code the provider accepted,
// a test's raw SQL); a month whose last conference goes keeps zero rows, and
// readers skip them. Local allocations and pending changes are not here:
// report-codes.ts moves those conferences at read time, as before.
/** Counts `new`'s conference into its group (a trigger's body: SQLite has no procedures). */
const ADD_NEW = `INSERT INTO code_month_totals (account_id, period, billing_code, conference_count, accumulated_seconds, charge_cents)
    VALUES (new.account_id, new.period, new.billing_code, 1, new.accumulated_seconds, new.charge_cents)
    ON CONFLICT (account_id, period, coalesce(billing_code, char(0))) DO UPDATE SET
      conference_count = conference_count + 1,
      accumulated_seconds = accumulated_seconds + excluded.accumulated_seconds,
      charge_cents = charge_cents + excluded.charge_cents;`;

/** Takes `old`'s conference out of its group. */
const SUBTRACT_OLD = `UPDATE code_month_totals SET conference_count = conference_count - 1,
      accumulated_seconds = accumulated_seconds - old.accumulated_seconds,
      charge_cents = charge_cents - old.charge_cents
    WHERE account_id = old.account_id AND period = old.period AND coalesce(billing_code, char(0)) = coalesce(old.billing_code, char(0));`;

const up = /* sql */ `
CREATE TABLE code_month_totals (
  account_id          INTEGER NOT NULL,
  period              TEXT NOT NULL,
  billing_code        TEXT,
  conference_count    INTEGER NOT NULL,
  accumulated_seconds INTEGER NOT NULL,
  charge_cents        INTEGER NOT NULL
);
-- A NULL code (Unallocated) is one group too: UNIQUE treats NULLs as distinct, so the key is on coalesce.
CREATE UNIQUE INDEX code_month_totals_key ON code_month_totals (account_id, period, coalesce(billing_code, char(0)));

INSERT INTO code_month_totals (account_id, period, billing_code, conference_count, accumulated_seconds, charge_cents)
  SELECT account_id, period, billing_code, count(*), coalesce(sum(accumulated_seconds), 0), coalesce(sum(charge_cents), 0)
  FROM conferences GROUP BY account_id, period, billing_code;

CREATE TRIGGER code_month_totals_insert AFTER INSERT ON conferences BEGIN
  ${ADD_NEW}
END;

CREATE TRIGGER code_month_totals_delete AFTER DELETE ON conferences BEGIN
  ${SUBTRACT_OLD}
END;

CREATE TRIGGER code_month_totals_update AFTER UPDATE OF account_id, period, billing_code, accumulated_seconds, charge_cents ON conferences BEGIN
  ${SUBTRACT_OLD}
  ${ADD_NEW}
END;
`;

const migration: Migration = { version: 7, name: 'code_month_totals', up };
export default migration;
