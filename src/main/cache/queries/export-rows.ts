// A period's conferences and participant legs streamed row by row, for the
// Excel exports of a whole month (hundreds of thousands of rows).
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { PeriodConferenceRow, PeriodParticipantRow } from '../types';
import { CONFERENCE_COLUMNS, PARTICIPANT_COLUMNS, toConferenceRow, UNSENT_CHANGE_JOIN, type ConferenceRecord } from './conference-rows';

const PERIOD_CONFERENCES_FROM = `SELECT ${CONFERENCE_COLUMNS}, c.period, r.cardholder, c.extra_json AS extraJson
  FROM conferences c ${UNSENT_CHANGE_JOIN}
  LEFT JOIN rooms r ON r.account_number = c.account_number AND r.period = c.period AND r.room_number = c.room_number`;
const PERIOD_CONFERENCES = `${PERIOD_CONFERENCES_FROM}
  WHERE c.account_number = ? AND c.period = ?
  ORDER BY c.start_utc, c.row`;
const PERIOD_ROOM_CONFERENCES = `${PERIOD_CONFERENCES_FROM}
  WHERE c.account_number = ? AND c.period = ? AND c.room_number = ?
  ORDER BY c.start_utc, c.row`;

const PERIOD_PARTICIPANTS_FROM = `SELECT c.conference_id AS conferenceId, c.room_number AS roomNumber, c.start_utc AS conferenceStart,
    ${PARTICIPANT_COLUMNS}, p.extra_json AS extraJson
  FROM conferences c JOIN participants p ON p.conference_row = c.row`;
const PERIOD_PARTICIPANTS = `${PERIOD_PARTICIPANTS_FROM}
  WHERE c.account_number = ? AND c.period = ?
  ORDER BY c.start_utc, c.row, p.joined_at, p.rowid`;
const PERIOD_ROOM_PARTICIPANTS = `${PERIOD_PARTICIPANTS_FROM}
  WHERE c.account_number = ? AND c.period = ? AND c.room_number = ?
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

/**
 * Streams a period's conferences (optionally one room's) in start order, with
 * the room's cardholder, for exports. Rows are read lazily: finish or break
 * the loop before using this connection for anything else.
 */
export function* periodConferences(db: ReadableDB, accountNumber: string, period: string, options: PeriodRowsOptions = {}): Generator<PeriodConferenceRow> {
  const records =
    options.roomNumber === undefined
      ? prepare<[string, string], PeriodConferenceRecord>(db, PERIOD_CONFERENCES).iterate(accountNumber, period)
      : prepare<[string, string, string], PeriodConferenceRecord>(db, PERIOD_ROOM_CONFERENCES).iterate(accountNumber, period, options.roomNumber);
  for (const record of records) {
    yield { ...toConferenceRow(record), period: record.period, cardholder: record.cardholder, extraJson: record.extraJson };
  }
}

/** Streams a period's participant legs (optionally one room's), conference by conference. */
export function* periodParticipants(db: ReadableDB, accountNumber: string, period: string, options: PeriodRowsOptions = {}): Generator<PeriodParticipantRow> {
  if (options.roomNumber === undefined) yield* prepare<[string, string], PeriodParticipantRow>(db, PERIOD_PARTICIPANTS).iterate(accountNumber, period);
  else yield* prepare<[string, string, string], PeriodParticipantRow>(db, PERIOD_ROOM_PARTICIPANTS).iterate(accountNumber, period, options.roomNumber);
}
