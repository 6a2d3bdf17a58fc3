// Migration 002 (keys by provider, account and period) on caches written by
// schema 1: a real one (test/unit/cache/schema-1: two syncs of the demo
// provider by the app at commit 80aa477, and every view it showed then), and
// hand-made ones for the cases a real cache rarely holds.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  accountSummary,
  billingCodeConferences,
  billingCodeSummary,
  conferenceParticipants,
  getAccount,
  getConference,
  lastSuccessfulSync,
  listCachedAccounts,
  listPeriods,
  listSyncRuns,
  migrate,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  openCache,
  outboxEntry,
  pendingOutbox,
  periodConferences,
  periodParticipants,
  queueBillingCode,
  roomConferences,
  schemaVersion,
  unsentOutbox,
  type OutboxEntry,
  type ViewScope,
  type WritableDB,
} from '../../../src/main/cache';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { countRows, makeConference, makePeriod, makeTempDir, replaceInput } from './fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const FIXTURE = join(import.meta.dirname, 'schema-1');

/** A cache file at schema 1 holding `rows` (INSERTs into schema 1's tables). */
function schema1Cache(rows: string): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const file = join(dir, 'cache.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.slice(0, 1));
  db.exec(rows);
  db.close();
  return file;
}

function openMigrated(file: string): WritableDB {
  const db = openCache(file);
  cleanups.unshift(() => db.open && db.close());
  return db;
}

type OldOutboxEntry = Omit<OutboxEntry, 'provider' | 'period'>;

interface PeriodViews {
  summaryAll: unknown;
  summaryActive: unknown;
  rooms: Record<string, unknown>;
  billingCodes: { billingCode: string | null }[];
  codeConferences: unknown[];
  exportConferences: { id: string }[];
  exportParticipants: unknown;
  conferences: Record<string, { conference: unknown; participants: unknown }>;
}

interface Schema1Views {
  provider: string;
  account: unknown;
  accounts: { accountNumber: string }[];
  periods: { period: string }[];
  unsentOutbox: OldOutboxEntry[];
  pendingOutbox: OldOutboxEntry[];
  sentOutbox: OldOutboxEntry[];
  syncRuns: object[];
  lastSuccessfulSync: string | null;
  byPeriod: Record<string, PeriodViews>;
}

describe('migration 003 (provider keys) on a cache the app wrote with schema 1', () => {
  const views = JSON.parse(readFileSync(join(FIXTURE, 'views.json'), 'utf8')) as Schema1Views;
  const rows = readFileSync(join(FIXTURE, 'cache-data.sql'), 'utf8');
  const scope: ViewScope = { provider: views.provider, accountNumber: '602127', roomNumber: null };
  const periodOf = (conferenceId: string) =>
    Object.entries(views.byPeriod).find(([, period]) => period.exportConferences.some((c) => c.id === conferenceId))?.[0] ?? null;
  const withKey = (entry: OldOutboxEntry) => ({ ...entry, provider: views.provider, period: periodOf(entry.conferenceId) });

  it('keeps every row, and every view shows what it showed before', () => {
    const file = schema1Cache(rows);
    const before = new Database(file, { readonly: true });
    const tables = ['periods', 'rooms', 'conferences', 'participants', 'billing_code_outbox', 'sync_runs', 'sync_run_periods'];
    const counts = Object.fromEntries(tables.map((table) => [table, countRows(before as never, table)]));
    before.close();
    expect(counts.conferences).toBeGreaterThan(30);

    const db = openMigrated(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(Object.fromEntries(tables.map((table) => [table, countRows(db, table)]))).toEqual(counts);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    expect(listCachedAccounts(db)).toEqual([{ provider: views.provider, accountNumber: '602127', months: 5 }]);
    expect(getAccount(db, scope)).toEqual(views.account);
    expect(listPeriods(db, scope)).toEqual(views.periods.map((period) => ({ ...period, source: 'provider' })));
    expect(lastSuccessfulSync(db, scope)).toBe(views.lastSuccessfulSync);
    expect(listSyncRuns(db, scope)).toEqual(views.syncRuns.map((run) => ({ ...run, provider: views.provider })));
    expect(unsentOutbox(db, scope)).toEqual(views.unsentOutbox.map(withKey));
    expect(pendingOutbox(db, scope)).toEqual(views.pendingOutbox.map(withKey));
    expect(views.sentOutbox.map((entry) => outboxEntry(db, entry.id))).toEqual(views.sentOutbox.map(withKey));

    for (const [period, expected] of Object.entries(views.byPeriod)) {
      // Schema 4 adds each period's source: these months came from the provider.
      const withSource = (summary: unknown) => {
        const { period: info, ...rest } = summary as { period: object | null };
        return { ...rest, period: info && { ...info, source: 'provider' } };
      };
      expect(accountSummary(db, scope, period, 'all'), period).toEqual(withSource(expected.summaryAll));
      expect(accountSummary(db, scope, period, 'active'), period).toEqual(withSource(expected.summaryActive));
      for (const [room, conferences] of Object.entries(expected.rooms)) {
        expect(roomConferences(db, scope, period, room), `${period} room ${room}`).toEqual(conferences);
      }
      expect(billingCodeSummary(db, scope, period), period).toEqual(expected.billingCodes);
      expect(expected.billingCodes.map((code) => billingCodeConferences(db, scope, period, code.billingCode)), period).toEqual(expected.codeConferences);
      expect([...periodConferences(db, scope, period)], period).toEqual(expected.exportConferences);
      expect([...periodParticipants(db, scope, period)], period).toEqual(expected.exportParticipants);
      for (const [id, conference] of Object.entries(expected.conferences)) {
        expect(getConference(db, scope, period, id), id).toEqual(conference.conference);
        expect(conferenceParticipants(db, scope, period, id), id).toEqual(conference.participants);
      }
    }
  });

  it('keeps outbox ids unique: a new change takes the next id after the highest ever used', () => {
    const db = openMigrated(schema1Cache(rows));
    const [first] = [...periodConferences(db, scope, '2009-06')];
    const queued = queueBillingCode(db, scope, '2009-06', first!.id, 'AFTER', '2026-12-02T10:00:00Z');
    expect(queued.outboxId).toBe(Math.max(...views.unsentOutbox.concat(views.sentOutbox).map((entry) => entry.id)) + 1);
  });
});

describe('migration 002 on hand-made schema-1 caches', () => {
  const insertPeriod = (account: string, period: string, origin: string | null, syncedAt: string | null) =>
    `INSERT INTO periods (account_number, period, start_date, revision, scope, origin, last_synced_at)
       VALUES ('${account}', '${period}', '${period}-01', ${syncedAt ? `'r-${period}'` : 'NULL'}, 'account', ${origin ? `'${origin}'` : 'NULL'}, ${syncedAt ? `'${syncedAt}'` : 'NULL'});`;
  const insertConference = (row: number, account: string, period: string, id: string, room = '100') =>
    `INSERT INTO conferences (row, account_number, period, conference_id, room_number, start_utc, service_type, participant_count,
       length_seconds, accumulated_seconds, charge_cents) VALUES (${row}, '${account}', '${period}', '${id}', '${room}', '${period}-02T09:00:00Z', 'Web', 1, 60, 60, ${row});
     INSERT INTO participants (conference_row, participant_id, access_type, joined_at, left_at, seconds, charge_cents)
       VALUES (${row}, 'p-${row}', 'web', '${period}-02T09:00:00Z', '${period}-02T09:01:00Z', 60, ${row});
     INSERT INTO rooms (account_number, period, room_number, conference_count, accumulated_seconds, charge_cents)
       VALUES ('${account}', '${period}', '${room}', 1, 60, ${row}) ON CONFLICT DO UPDATE SET conference_count = conference_count + 1, charge_cents = charge_cents + excluded.charge_cents;`;
  const insertRun = (id: number, account: string, origin: string) =>
    `INSERT INTO sync_runs (id, account_number, scope, origin, started_at, finished_at, status) VALUES (${id}, '${account}', 'account', '${origin}', 't${id}', 't${id}', 'ok');`;
  const insertOutbox = (id: number, account: string, conferenceId: string) =>
    `INSERT INTO billing_code_outbox (id, account_number, conference_id, billing_code, state, created_at, updated_at)
       VALUES (${id}, '${account}', '${conferenceId}', 'CODE-${id}', 'pending', 't', 't');`;

  it('normalizes each period’s origin to its provider key, and a period with no origin joins its account’s latest provider', () => {
    const file = schema1Cache(
      [
        `INSERT INTO accounts VALUES ('602127', 'Phoenix', 'EUR', 'Europe/Paris', NULL, 't');`,
        // The same account number from an old and a new address (schema 1 mixed them in one view).
        insertPeriod('602127', '2026-07', 'HTTPS://OAI.Example.COM:443/api/', '2026-08-01T00:00:00Z'),
        insertPeriod('602127', '2026-08', 'https://oai.example.com/api', '2026-09-01T00:00:00Z'),
        insertPeriod('602127', '2026-11', 'https://new.example:8443', '2026-12-01T00:00:00Z'),
        insertPeriod('602127', '2026-12', null, null), // only ever failed
        insertConference(1, '602127', '2026-07', 'c-1'),
        insertConference(2, '602127', '2026-11', 'c-2'),
        insertRun(1, '602127', 'https://oai.example.com/api'),
        insertRun(2, '602127', 'https://new.example:8443'),
        insertOutbox(7, '602127', 'c-1'),
        insertOutbox(8, '602127', 'c-gone'), // its conference is no longer cached
        `UPDATE sqlite_sequence SET seq = 9 WHERE name = 'billing_code_outbox';`,
        // The embedded demo keeps its stable name.
        insertPeriod('1', '2026-11', 'embedded-demo', '2026-12-01T00:00:00Z'),
        insertConference(3, '1', '2026-11', 'c-1'),
        insertRun(3, '1', 'embedded-demo'),
      ].join('\n'),
    );
    const db = openMigrated(file);
    const old = { provider: 'https://oai.example.com', accountNumber: '602127', roomNumber: null };
    const current = { provider: 'https://new.example:8443', accountNumber: '602127', roomNumber: null };
    expect(listCachedAccounts(db)).toEqual([
      { provider: 'embedded-demo', accountNumber: '1', months: 1 },
      { provider: 'https://new.example:8443', accountNumber: '602127', months: 1 },
      { provider: 'https://oai.example.com', accountNumber: '602127', months: 2 },
    ]);
    expect(listPeriods(db, old).map((p) => [p.period, p.origin])).toEqual([
      ['2026-08', 'https://oai.example.com/api'],
      ['2026-07', 'HTTPS://OAI.Example.COM:443/api/'],
    ]);
    expect(listPeriods(db, current).map((p) => p.period)).toEqual(['2026-12', '2026-11']);
    expect(getAccount(db, old)?.companyName).toBe('Phoenix');
    expect(getAccount(db, current)?.companyName).toBe('Phoenix');
    expect(getConference(db, old, '2026-07', 'c-1')?.chargeCents).toBe(1);
    expect(conferenceParticipants(db, current, '2026-11', 'c-2').map((leg) => leg.id)).toEqual(['p-2']);
    expect(accountSummary(db, current, '2026-11', 'all').total.chargeCents).toBe(2);
    expect(listSyncRuns(db, old).map((run) => run.id)).toEqual([1]);
    expect(listSyncRuns(db, current).map((run) => run.id)).toEqual([2]);
    expect(unsentOutbox(db, old).map((entry) => [entry.id, entry.period])).toEqual([[7, '2026-07']]);
    // An entry whose conference is gone keeps its row, without a period, under the account's latest provider.
    expect(unsentOutbox(db, current).map((entry) => [entry.id, entry.period])).toEqual([[8, null]]);
    expect(getConference(db, { provider: 'embedded-demo', accountNumber: '1', roomNumber: null }, '2026-11', 'c-1')?.chargeCents).toBe(3);
    expect(db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'billing_code_outbox'`).get()).toEqual({ seq: 9 });
  });

  it('after it, a conference id may appear again in another month of the same account', () => {
    const db = openMigrated(schema1Cache([insertPeriod('602127', '2026-07', 'https://oai.example.com', 't'), insertConference(1, '602127', '2026-07', 'c-1')].join('\n')));
    replacePeriod(db, replaceInput(makePeriod('2026-08'), [makeConference('c-1', '100', '2026-08-02T09:00:00Z', [])], { origin: 'https://oai.example.com' }));
    const scope = { provider: 'https://oai.example.com', accountNumber: '602127', roomNumber: null };
    expect(getConference(db, scope, '2026-07', 'c-1')?.start).toBe('2026-07-02T09:00:00Z');
    expect(getConference(db, scope, '2026-08', 'c-1')?.start).toBe('2026-08-02T09:00:00Z');
  });
});
