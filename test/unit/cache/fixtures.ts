// Builders and a temp-dir cache for the cache tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache, providerKey, type AccountKey, type ReadableDB, type ViewScope, type WritableDB } from '../../../src/main/cache';
import type { ApiConference, ApiParticipant, ApiPeriod, ApiRoom } from '../../../src/main/provider/api-schemas';
import type { ReplacePeriodInput } from '../../../src/main/sync/replace-period';

export const ACCOUNT = '602127';
export const ORIGIN = 'http://127.0.0.1:8123';
/** The provider key replacePeriod stores ORIGIN's rows under. */
export const PROVIDER = providerKey(ORIGIN);
export const KEY: AccountKey = { provider: PROVIDER, accountNumber: ACCOUNT };
/** What an account sign-in at ORIGIN sees. */
export const SCOPE: ViewScope = { ...KEY, roomNumber: null };

/** What a room sign-in sees. */
export function roomScope(roomNumber: string, key: AccountKey = KEY): ViewScope {
  return { ...key, roomNumber };
}

export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'oai-cache-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestCache {
  dir: string;
  file: string;
  db: WritableDB;
  close: () => void;
}

export function openTestCache(): TestCache {
  const { dir, cleanup } = makeTempDir();
  const file = join(dir, 'cache.sqlite');
  const db = openCache(file);
  return {
    dir,
    file,
    db,
    close: () => {
      if (db.open) db.close();
      cleanup();
    },
  };
}

export function makePeriod(period: string, overrides: Partial<ApiPeriod> = {}): ApiPeriod {
  return { period, start: `${period}-01`, invoiced: false, revision: `r-${period}-1`, ...overrides };
}

export function makeParticipant(id: string, overrides: Partial<ApiParticipant> = {}): ApiParticipant {
  return {
    id,
    name: `Name ${id}`,
    phone: '+33 1 ** ** 12 34',
    accessType: 'toll',
    joinedAt: '2026-11-06T07:02:11Z',
    leftAt: '2026-11-06T08:03:12Z',
    seconds: 3661,
    chargeCents: 489,
    ...overrides,
  };
}

/** A conference whose totals follow the contract's rules from its legs. */
export function makeConference(id: string, roomNumber: string, start: string, participants: ApiParticipant[], overrides: Partial<ApiConference> = {}): ApiConference {
  return {
    id,
    roomNumber,
    start,
    serviceType: 'Reservationless',
    billingCode: null,
    participantCount: participants.length,
    lengthSeconds: 3721,
    accumulatedSeconds: participants.reduce((sum, leg) => sum + leg.seconds, 0),
    chargeCents: participants.reduce((sum, leg) => sum + leg.chargeCents, 0),
    participants,
    ...overrides,
  };
}

/** Room totals summed from its conferences, as a provider must send them. */
export function roomFor(roomNumber: string, conferences: readonly ApiConference[], overrides: Partial<ApiRoom> = {}): ApiRoom {
  const own = conferences.filter((conference) => conference.roomNumber === roomNumber);
  return {
    roomNumber,
    cardholder: `Holder ${roomNumber}`,
    autoBillingCode: null,
    conferenceCount: own.length,
    accumulatedSeconds: own.reduce((sum, conference) => sum + conference.accumulatedSeconds, 0),
    chargeCents: own.reduce((sum, conference) => sum + conference.chargeCents, 0),
    ...overrides,
  };
}

/**
 * `count` conferences spread over `rooms`, with 0..6 legs each (so insert
 * batches are crossed and partial batches left over), in start order.
 */
export function makeMonth(period: string, count: number, rooms: readonly string[], idPrefix = `c-${period}`): ApiConference[] {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const startMs = Date.UTC(year, month - 1, 1, 8) + index * 3_600_000;
    const start = new Date(startMs).toISOString().replace('.000', '');
    const legs = Array.from({ length: index % 7 }, (_, leg) =>
      makeParticipant(`${idPrefix}-${index}-p${leg}`, {
        seconds: 60 * (leg + 1) + index,
        chargeCents: 10 * (leg + 1) + index,
        joinedAt: new Date(startMs + leg * 1000).toISOString().replace('.000', ''),
      }),
    );
    return makeConference(`${idPrefix}-${index}`, rooms[index % rooms.length]!, start, legs, {
      billingCode: index % 3 === 0 ? `PROJ-${index % 2}` : null,
    });
  });
}

export function replaceInput(period: ApiPeriod, conferences: ApiConference[], overrides: Partial<ReplacePeriodInput> = {}): ReplacePeriodInput {
  const roomNumbers = [...new Set(conferences.map((conference) => conference.roomNumber))];
  return {
    accountNumber: ACCOUNT,
    period,
    scope: 'account',
    origin: ORIGIN,
    rooms: roomNumbers.map((room) => roomFor(room, conferences)),
    conferences,
    syncedAt: '2026-11-26T10:00:00Z',
    ...overrides,
  };
}

export function countRows(db: ReadableDB, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
