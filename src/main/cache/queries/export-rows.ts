// A period's conferences and participant legs streamed row by row, for the
// Excel exports of a whole month (hundreds of thousands of rows), within what
// a sign-in may see.
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { PeriodConferenceRow, PeriodParticipantRow, ViewScope } from '../types';
import { CONFERENCE_COLUMNS, PARTICIPANT_COLUMNS, scopeConferences, toConferenceRow, CODE_CHANGES_JOIN, type ConferenceRecord } from './conference-rows';
import { scopeParams, type ScopeParams } from './keys';

type RowsParams = ScopeParams & { period: string; room: string };

/** One room's rows: an equality the conferences' room index serves, start order included. */
const oneRoom = (room: string | null) => (room === null ? '' : ' AND c.room_number = @room');

const conferencesSql = (scope: ViewScope, room: string | null) => `SELECT ${CONFERENCE_COLUMNS}, c.period, r.cardholder, c.extra_json AS extraJson
  FROM conferences c ${CODE_CHANGES_JOIN}
  LEFT JOIN rooms r ON r.account_id = c.account_id AND r.period = c.period AND r.room_number = c.room_number
  WHERE ${scopeConferences(scope)}${oneRoom(room)}
  ORDER BY c.start_utc, c.row`;

const participantsSql = (scope: ViewScope, room: string | null) => `SELECT c.conference_id AS conferenceId, c.room_number AS roomNumber,
    c.start_utc AS conferenceStart, ${PARTICIPANT_COLUMNS}, p.extra_json AS extraJson
  FROM conferences c JOIN participants p ON p.conference_row = c.row
  WHERE ${scopeConferences(scope)}${oneRoom(room)}
  ORDER BY c.start_utc, c.row, p.joined_at, p.rowid`;

interface PeriodConferenceRecord extends ConferenceRecord {
  period: string;
  cardholder: string | null;
  extraJson: string | null;
}

export interface PeriodRowsOptions {
  /** Only this room's rows. */
  roomNumber?: string;
}

function rowsParams(scope: ViewScope, period: string, room: string | null): RowsParams {
  return { ...scopeParams(scope), period, room: room ?? '' };
}

/**
 * Streams a period's conferences (optionally one room's) in start order, with
 * the room's cardholder, for exports. Rows are read lazily: finish or break
 * the loop before using this connection for anything else.
 */
export function* periodConferences(db: ReadableDB, scope: ViewScope, period: string, options: PeriodRowsOptions = {}): Generator<PeriodConferenceRow> {
  const room = options.roomNumber ?? null;
  const records = prepare<[RowsParams], PeriodConferenceRecord>(db, conferencesSql(scope, room)).iterate(rowsParams(scope, period, room));
  for (const record of records) {
    yield { ...toConferenceRow(record), period: record.period, cardholder: record.cardholder, extraJson: record.extraJson };
  }
}

/** Streams a period's participant legs (optionally one room's), conference by conference. */
export function* periodParticipants(db: ReadableDB, scope: ViewScope, period: string, options: PeriodRowsOptions = {}): Generator<PeriodParticipantRow> {
  const room = options.roomNumber ?? null;
  yield* prepare<[RowsParams], PeriodParticipantRow>(db, participantsSql(scope, room)).iterate(rowsParams(scope, period, room));
}
