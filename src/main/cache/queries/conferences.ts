// What the room and conference views read: one room's conferences of a
// period, one conference, and its participant legs.
import type { ConferenceRow, ParticipantRow } from '../../../shared/domain';
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import { CONFERENCE_COLUMNS, PARTICIPANT_COLUMNS, toConferenceRow, UNSENT_CHANGE_JOIN, type ConferenceRecord } from './conference-rows';

const ROOM_CONFERENCES = `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${UNSENT_CHANGE_JOIN}
  WHERE c.account_number = ? AND c.period = ? AND c.room_number = ?
  ORDER BY c.start_utc, c.row`;
const CONFERENCE = `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${UNSENT_CHANGE_JOIN}
  WHERE c.account_number = ? AND c.conference_id = ?`;
const CONFERENCE_PARTICIPANTS = `SELECT ${PARTICIPANT_COLUMNS} FROM conferences c JOIN participants p ON p.conference_row = c.row
  WHERE c.account_number = ? AND c.conference_id = ?
  ORDER BY p.joined_at, p.rowid`;

/** One room's conferences of a period, in start order. */
export function roomConferences(db: ReadableDB, accountNumber: string, period: string, roomNumber: string): ConferenceRow[] {
  return prepare<[string, string, string], ConferenceRecord>(db, ROOM_CONFERENCES).all(accountNumber, period, roomNumber).map(toConferenceRow);
}

export function getConference(db: ReadableDB, accountNumber: string, conferenceId: string): ConferenceRow | null {
  const record = prepare<[string, string], ConferenceRecord>(db, CONFERENCE).get(accountNumber, conferenceId);
  return record ? toConferenceRow(record) : null;
}

/** In joined order. */
export function conferenceParticipants(db: ReadableDB, accountNumber: string, conferenceId: string): ParticipantRow[] {
  return prepare<[string, string], ParticipantRow>(db, CONFERENCE_PARTICIPANTS).all(accountNumber, conferenceId);
}
