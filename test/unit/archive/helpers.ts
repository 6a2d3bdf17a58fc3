// Real cache files for the archive tests: synced from the demo provider, or
// filled with filler rows to a given size; damaging one; reading back what
// each month holds.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { accountSummary, listCachedAccounts, listPeriods, openCache, type ReadableDB, type ViewScope } from '../../../src/main/cache';
import { createCore } from '../../../src/main/app/core';
import type { DemoProvider } from '../../../src/main/demo';
import type { SyncReport } from '../../../src/main/sync/sync-engine';
import { demoClient } from '../sync/helpers';

export const ACCOUNT = '602127';
const PAGE = 4096;

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Syncs the demo account into `file` with the app's wiring (writer threads, check before writing, backups after). */
export async function syncWithCore(provider: DemoProvider, file: string): Promise<SyncReport> {
  const core = createCore({ cacheFile: file });
  try {
    return await core.coordinator.sync({
      profileId: 'archive-test',
      origin: provider.url,
      accountNumber: ACCOUNT,
      createClient: (signal) => Promise.resolve(demoClient(provider, {}, { signal })),
    });
  } finally {
    await core.close();
  }
}

const FILLER_PROVIDER = 'https://filler.example';

/** The demo account the tests synced (from whichever loopback provider): the one account of ACCOUNT in the cache. */
export function demoAccountScope(db: ReadableDB): ViewScope {
  const accounts = listCachedAccounts(db).filter((account) => account.accountNumber === ACCOUNT);
  if (accounts.length !== 1) throw new Error(`expected one cached account ${ACCOUNT}, found ${accounts.length}`);
  return { provider: accounts[0]!.provider, accountNumber: ACCOUNT, roomNumber: null };
}

/** Every cached month of the demo account: its total and each room's figures. */
export function monthSummaries(file: string) {
  const db = openCache(file, { readonly: true });
  try {
    const scope = demoAccountScope(db);
    return listPeriods(db, scope).map((p) => {
      const summary = accountSummary(db, scope, p.period, 'all');
      return { period: p.period, total: summary.total, rooms: summary.rooms.map((r) => [r.roomNumber, r.conferenceCount, r.accumulatedSeconds, r.chargeCents]) };
    });
  } finally {
    db.close();
  }
}

/**
 * Writes 4 KB of random bytes over the table page nearest the middle of the
 * file (past the schema pages, inside a table's b-tree). Returns the table's name.
 */
export function damageMiddle(file: string): string {
  const db = new Database(file, { readonly: true });
  let target: { pageno: number; name: string };
  try {
    const pages = db.pragma('page_count', { simple: true }) as number;
    target = db
      .prepare(
        `SELECT s.pageno, s.name FROM dbstat s JOIN sqlite_schema m ON m.name = s.name AND m.type = 'table'
         WHERE s.pageno > 2 ORDER BY abs(s.pageno - ?) LIMIT 1`,
      )
      .get(Math.floor(pages / 2)) as { pageno: number; name: string };
  } finally {
    db.close();
  }
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(PAGE), 0, PAGE, (target.pageno - 1) * PAGE);
  } finally {
    closeSync(fd);
  }
  return target.name;
}

/** A valid cache of about `megabytes` MB: one synced month whose conferences carry filler. */
export function fillerCache(file: string, megabytes: number): void {
  const db = openCache(file);
  try {
    const rows = Math.ceil((megabytes * 1_048_576) / 2_100);
    db.exec(`
      INSERT INTO accounts (provider, account_number, updated_at) VALUES ('${FILLER_PROVIDER}', '${ACCOUNT}', '2026-02-01T00:00:00Z');
      INSERT INTO periods (account_id, period, start_date, revision, first_synced_at, last_synced_at)
        VALUES (last_insert_rowid(), '2026-01', '2026-01-01', 'r1', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
      INSERT INTO conferences (account_id, period, conference_id, room_number, start_utc, service_type,
        participant_count, length_seconds, accumulated_seconds, charge_cents, extra_json)
      SELECT (SELECT id FROM accounts WHERE provider = '${FILLER_PROVIDER}'), '2026-01', 'c' || i, '100', '2026-01-01T00:00:00Z', 'audio', 0, 0, 0, 0, hex(randomblob(1000)) FROM n;
    `);
  } finally {
    db.close();
  }
}
