// What the summary's "deserves attention" panel reads, within what a sign-in
// may see: a month's conferences and participant legs longer than a
// threshold, the rooms' totals of a few months, and when each room was last
// used. The rules that pick the items live in features/reports/attention.ts.
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { ViewScope } from '../types';
import { ACCOUNT_ID, roomClause, scopeParams, type ScopeParams } from './keys';

type ThresholdParams = ScopeParams & { period: string; threshold: number };

export interface LongConference {
  conferenceId: string;
  roomNumber: string;
  start: string;
  lengthSeconds: number;
  chargeCents: number;
}

export interface LongLeg {
  conferenceId: string;
  roomNumber: string;
  participantId: string;
  name: string | null;
  phone: string | null;
  joinedAt: string;
  seconds: number;
}

export interface RoomMonth {
  roomNumber: string;
  period: string;
  cardholder: string | null;
  conferenceCount: number;
  chargeCents: number;
}

/** At most this many items per list: a panel, not an export of the month. */
export const ATTENTION_LIMIT = 500;

/** The conferences and legs the partial indexes conferences_long and participants_long_legs hold (migrations 10 and 9): over the shortest threshold the app offers. */
export const LONG_INDEX_SECONDS = 7200;

/** Thresholds from LONG_INDEX_SECONDS up read the partial index; shorter ones (CLI, bridge) read every conference of the month. */
export const longConferencesSql = (scope: ViewScope, indexed: boolean) => `SELECT c.conference_id AS conferenceId, c.room_number AS roomNumber,
    c.start_utc AS start, c.length_seconds AS lengthSeconds, c.charge_cents AS chargeCents
  FROM conferences c${indexed ? ' INDEXED BY conferences_long' : ''}
  WHERE c.account_id = ${ACCOUNT_ID} AND c.period = @period${roomClause(scope, 'c.room_number')}${indexed ? ` AND c.length_seconds > ${LONG_INDEX_SECONDS}` : ''} AND c.length_seconds > @threshold
  ORDER BY c.length_seconds DESC, c.start_utc LIMIT ${ATTENTION_LIMIT}`;

const LONG_LEG_COLUMNS = `SELECT c.conference_id AS conferenceId, c.room_number AS roomNumber,
    p.participant_id AS participantId, p.name, p.phone, p.joined_at AS joinedAt, p.seconds`;

/**
 * Thresholds from LONG_INDEX_SECONDS up read the partial index over the row
 * range of the month's conferences (a month is written at once, so its rows
 * follow each other; rows of other months in the range are left out by the
 * join), about 4 % of the month's legs, instead of probing it once per
 * conference; shorter thresholds (CLI, bridge) read every leg of the month.
 */
export const longLegsSql = (scope: ViewScope, indexed: boolean) =>
  indexed
    ? `${LONG_LEG_COLUMNS} FROM participants p INDEXED BY participants_long_legs CROSS JOIN conferences c ON c.row = p.conference_row
  WHERE p.conference_row BETWEEN @firstRow AND @lastRow AND p.seconds > ${LONG_INDEX_SECONDS} AND p.seconds > @threshold
    AND c.account_id = ${ACCOUNT_ID} AND c.period = @period${roomClause(scope, 'c.room_number')}
  ORDER BY p.seconds DESC, p.joined_at LIMIT ${ATTENTION_LIMIT}`
    : `${LONG_LEG_COLUMNS} FROM conferences c JOIN participants p ON p.conference_row = c.row
  WHERE c.account_id = ${ACCOUNT_ID} AND c.period = @period${roomClause(scope, 'c.room_number')} AND p.seconds > @threshold
  ORDER BY p.seconds DESC, p.joined_at LIMIT ${ATTENTION_LIMIT}`;

const monthRowsSql = (scope: ViewScope) => `SELECT min(c.row) AS firstRow, max(c.row) AS lastRow
  FROM conferences c
  WHERE c.account_id = ${ACCOUNT_ID} AND c.period = @period${roomClause(scope, 'c.room_number')}`;

const roomMonthsSql = (scope: ViewScope) => `SELECT r.room_number AS roomNumber, r.period, r.cardholder,
    r.conference_count AS conferenceCount, r.charge_cents AS chargeCents
  FROM rooms r
  WHERE r.account_id = ${ACCOUNT_ID} AND r.period BETWEEN @from AND @to${roomClause(scope, 'r.room_number')}`;

const lastUsedSql = (scope: ViewScope) => `SELECT r.room_number AS roomNumber, max(r.period) AS lastUsed
  FROM rooms r
  WHERE r.account_id = ${ACCOUNT_ID} AND r.period <= @period${roomClause(scope, 'r.room_number')} AND r.conference_count > 0
  GROUP BY r.room_number`;

/** The month's conferences longer than `thresholdSeconds`, longest first. */
export function longConferences(db: ReadableDB, scope: ViewScope, period: string, thresholdSeconds: number): LongConference[] {
  const indexed = thresholdSeconds >= LONG_INDEX_SECONDS;
  return prepare<[ThresholdParams], LongConference>(db, longConferencesSql(scope, indexed)).all({ ...scopeParams(scope), period, threshold: thresholdSeconds });
}

/** The month's participant legs longer than `thresholdSeconds`, longest first. */
export function longLegs(db: ReadableDB, scope: ViewScope, period: string, thresholdSeconds: number): LongLeg[] {
  const params = { ...scopeParams(scope), period, threshold: thresholdSeconds };
  if (thresholdSeconds < LONG_INDEX_SECONDS) return prepare<[ThresholdParams], LongLeg>(db, longLegsSql(scope, false)).all(params);
  const rows = prepare<[ScopeParams & { period: string }], { firstRow: number | null; lastRow: number | null }>(db, monthRowsSql(scope)).get(params)!;
  if (rows.firstRow === null || rows.lastRow === null) return [];
  return prepare<[ThresholdParams & { firstRow: number; lastRow: number }], LongLeg>(db, longLegsSql(scope, true)).all({ ...params, firstRow: rows.firstRow, lastRow: rows.lastRow });
}

/** Every room's totals in the months [from, to]. */
export function roomMonths(db: ReadableDB, scope: ViewScope, from: string, to: string): RoomMonth[] {
  return prepare<[ScopeParams & { from: string; to: string }], RoomMonth>(db, roomMonthsSql(scope)).all({ ...scopeParams(scope), from, to });
}

/** The last month up to `period` each room had a conference in (rooms never used are absent). */
export function roomsLastUsed(db: ReadableDB, scope: ViewScope, period: string): Map<string, string> {
  const rows = prepare<[ScopeParams & { period: string }], { roomNumber: string; lastUsed: string }>(db, lastUsedSql(scope)).all({ ...scopeParams(scope), period });
  return new Map(rows.map((row) => [row.roomNumber, row.lastUsed]));
}
