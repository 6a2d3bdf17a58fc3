// What the room and conference views read: one room's conferences of a
// period, one conference of a period, and its participant legs. A room
// sign-in finds nothing of another room.
import type { ConferenceListTotals, ConferenceRow, ParticipantRow } from '../../../shared/domain';
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { ViewScope } from '../types';
import { CONFERENCE_COLUMNS, PARTICIPANT_COLUMNS, scopeConferences, toConferenceRow, CODE_CHANGES_JOIN, type ConferenceRecord } from './conference-rows';
import { scopeParams, type ScopeParams } from './keys';

type PeriodParams = ScopeParams & { period: string };
type ConferenceParams = PeriodParams & { conferenceId: string };

const roomConferencesSql = (scope: ViewScope) => `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${CODE_CHANGES_JOIN}
  WHERE ${scopeConferences(scope)} AND c.room_number = @room
  ORDER BY c.start_utc, c.row`;
/** The room view's date order (see roomConferencesSql), either way, then at most @limit rows. */
const firstRoomConferencesSql = (scope: ViewScope, descending: boolean) => `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${CODE_CHANGES_JOIN}
  WHERE ${scopeConferences(scope)} AND c.room_number = @room
  ORDER BY c.start_utc ${descending ? 'DESC' : 'ASC'}, c.row ${descending ? 'DESC' : 'ASC'} LIMIT @limit`;
const roomConferencesPageSql = (scope: ViewScope) => `${roomConferencesSql(scope)} LIMIT @limit OFFSET @offset`;
const roomTotalsSql = (scope: ViewScope) => `SELECT count(*) AS conferenceCount, coalesce(sum(c.participant_count), 0) AS participantCount,
  coalesce(sum(c.length_seconds), 0) AS lengthSeconds, coalesce(sum(c.accumulated_seconds), 0) AS accumulatedSeconds,
  coalesce(sum(c.charge_cents), 0) AS chargeCents
  FROM conferences c WHERE ${scopeConferences(scope)} AND c.room_number = @room`;
const conferenceSql = (scope: ViewScope) => `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${CODE_CHANGES_JOIN}
  WHERE ${scopeConferences(scope)} AND c.conference_id = @conferenceId`;
const participantsSql = (scope: ViewScope) => `SELECT ${PARTICIPANT_COLUMNS} FROM conferences c JOIN participants p ON p.conference_row = c.row
  WHERE ${scopeConferences(scope)} AND c.conference_id = @conferenceId
  ORDER BY p.joined_at, p.rowid`;

/** One room's conferences of a period, in start order (none for a room outside the scope). */
export function roomConferences(db: ReadableDB, scope: ViewScope, period: string, roomNumber: string): ConferenceRow[] {
  return prepare<[PeriodParams & { room: string }], ConferenceRecord>(db, roomConferencesSql(scope))
    .all({ ...scopeParams(scope), period, room: roomNumber })
    .map(toConferenceRow);
}

/** A conference of a period, or null (not cached, or outside the scope). */
export function getConference(db: ReadableDB, scope: ViewScope, period: string, conferenceId: string): ConferenceRow | null {
  const record = prepare<[ConferenceParams], ConferenceRecord>(db, conferenceSql(scope)).get({ ...scopeParams(scope), period, conferenceId });
  return record ? toConferenceRow(record) : null;
}

/** In joined order (none for a conference outside the scope). */
export function conferenceParticipants(db: ReadableDB, scope: ViewScope, period: string, conferenceId: string): ParticipantRow[] {
  return prepare<[ConferenceParams], ParticipantRow>(db, participantsSql(scope)).all({ ...scopeParams(scope), period, conferenceId });
}

/**
 * What the first screen of a room's list needs, whatever the room's size: its
 * totals over every conference and the first `limit` conferences in date
 * order (descending: from the last). The rest follows with roomConferences.
 */
export function roomConferencesFirst(
  db: ReadableDB,
  scope: ViewScope,
  period: string,
  roomNumber: string,
  options: { descending: boolean; limit: number },
): { totals: ConferenceListTotals; firstRows: ConferenceRow[] } {
  const params = { ...scopeParams(scope), period, room: roomNumber };
  const totals = prepare<[PeriodParams & { room: string }], ConferenceListTotals>(db, roomTotalsSql(scope)).get(params)!;
  const firstRows = prepare<[PeriodParams & { room: string; limit: number }], ConferenceRecord>(db, firstRoomConferencesSql(scope, options.descending))
    .all({ ...params, limit: options.limit })
    .map(toConferenceRow);
  return { totals, firstRows };
}

/** A slice of roomConferences (same order): a big list crosses the bridge in slices, so no one call keeps the main thread long. */
export function roomConferencesPage(
  db: ReadableDB,
  scope: ViewScope,
  period: string,
  roomNumber: string,
  slice: { offset: number; limit: number },
): ConferenceRow[] {
  return prepare<[PeriodParams & { room: string; offset: number; limit: number }], ConferenceRecord>(db, roomConferencesPageSql(scope))
    .all({ ...scopeParams(scope), period, room: roomNumber, ...slice })
    .map(toConferenceRow);
}
