// Swapping a staged period in: ONE IMMEDIATE transaction deletes the previous
// rows of the slice (the whole period, or only the room of a room login),
// inserts the rooms, copies the staged conferences and legs in, and records
// the period's revision, scope and sync time. Anything failing leaves the
// previous content exactly as it was.
import type { PeriodInfo } from '../../../shared/domain';
import type { WritableDB } from '../db';
import { CacheError } from '../errors';
import { forgetPeriodRevision, getPeriod, savePeriodSync } from '../queries/periods';
import { prepare } from '../statements';
import { ACCOUNT_SCOPE, type ReplaceCounts, type RoomInput, type StagedPeriodInput, type SyncScope } from '../types';
import { assertInScope, stagingStatements, type PeriodSlice, type PeriodStage } from './stage';

const DELETE_PERIOD_PARTICIPANTS = `DELETE FROM participants WHERE conference_row IN (SELECT row FROM conferences WHERE account_number = ? AND period = ?)`;
const DELETE_PERIOD_CONFERENCES = `DELETE FROM conferences WHERE account_number = ? AND period = ?`;
const DELETE_PERIOD_ROOMS = `DELETE FROM rooms WHERE account_number = ? AND period = ?`;
const DELETE_ROOM_PARTICIPANTS = `DELETE FROM participants WHERE conference_row IN
  (SELECT row FROM conferences WHERE account_number = ? AND period = ? AND room_number = ?)`;
const DELETE_ROOM_CONFERENCES = `DELETE FROM conferences WHERE account_number = ? AND period = ? AND room_number = ?`;
const DELETE_ROOM = `DELETE FROM rooms WHERE account_number = ? AND period = ? AND room_number = ?`;
const INSERT_ROOM = `INSERT INTO rooms (account_number, period, room_number, cardholder, auto_billing_code,
    conference_count, accumulated_seconds, charge_cents, extra_json)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const CONFERENCE_LOCATION = `SELECT row, period, room_number AS roomNumber FROM conferences WHERE account_number = ? AND conference_id = ?`;
const DELETE_CONFERENCE_PARTICIPANTS = `DELETE FROM participants WHERE conference_row = ?`;
const DELETE_CONFERENCE = `DELETE FROM conferences WHERE row = ?`;
const NEXT_CONFERENCE_ROW = 'SELECT coalesce(max(row), 0) + 1 AS next FROM conferences';

interface ConferenceLocation {
  row: number;
  period: string;
  roomNumber: string;
}

type CommitTransaction = (input: StagedPeriodInput, stage: PeriodStage) => ReplaceCounts;

/** The commit transaction of each connection, made once. */
const transactions = new WeakMap<WritableDB, CommitTransaction>();

/** Replaces the period's rows (or the login's room) with the staged content, all or nothing. */
export function commitStagedPeriod(db: WritableDB, input: StagedPeriodInput, stage: PeriodStage): ReplaceCounts {
  if (stage.db !== db) throw new Error('the period was staged on another connection');
  let commit = transactions.get(db);
  if (commit === undefined) {
    const transaction = db.transaction((input: StagedPeriodInput, stage: PeriodStage) => commitInTransaction(db, input, stage));
    commit = (input, stage) => transaction.immediate(input, stage);
    transactions.set(db, commit);
  }
  try {
    return commit(input, stage);
  } catch (error) {
    const duplicate = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ? stagingStatements(db).duplicateId.get() : undefined;
    if (duplicate) throw duplicateConferenceError(duplicate.conferenceId, stage.slice);
    throw error;
  }
}

function commitInTransaction(db: WritableDB, input: StagedPeriodInput, stage: PeriodStage): ReplaceCounts {
  const slice = stage.slice;
  if (slice.period !== input.period.period || slice.accountNumber !== input.accountNumber) {
    throw new Error(`staged ${slice.accountNumber}/${slice.period} but asked to commit ${input.accountNumber}/${input.period.period}`);
  }
  const staging = stagingStatements(db);
  const counts = stage.counts();
  const previous = getPeriod(db, slice.accountNumber, slice.period);
  deleteSlice(db, slice);
  insertRooms(db, slice, input.rooms);
  for (const { conferenceId } of staging.cachedElsewhere.all(slice.accountNumber)) {
    evictConferenceFiledElsewhere(db, slice, conferenceId);
  }
  const offset = (prepare<[], { next: number }>(db, NEXT_CONFERENCE_ROW).get()?.next ?? 1) - 1;
  staging.copyConferences.run(slice.accountNumber, slice.period, offset);
  staging.copyParticipants.run(offset);
  const { scope, revision } = periodStateAfterReplace(previous, stage.scope, input.period.revision);
  savePeriodSync(db, { accountNumber: slice.accountNumber, period: input.period, revision, scope, origin: input.origin, syncedAt: input.syncedAt });
  return counts;
}

function deleteSlice(db: WritableDB, { accountNumber, period, room }: PeriodSlice): void {
  // Legs first: the foreign key forbids conferences that still have legs.
  if (room === null) {
    prepare<[string, string]>(db, DELETE_PERIOD_PARTICIPANTS).run(accountNumber, period);
    prepare<[string, string]>(db, DELETE_PERIOD_CONFERENCES).run(accountNumber, period);
    prepare<[string, string]>(db, DELETE_PERIOD_ROOMS).run(accountNumber, period);
  } else {
    prepare<[string, string, string]>(db, DELETE_ROOM_PARTICIPANTS).run(accountNumber, period, room);
    prepare<[string, string, string]>(db, DELETE_ROOM_CONFERENCES).run(accountNumber, period, room);
    prepare<[string, string, string]>(db, DELETE_ROOM).run(accountNumber, period, room);
  }
}

function insertRooms(db: WritableDB, slice: PeriodSlice, rooms: readonly RoomInput[]): void {
  const insertRoom = prepare<[string, string, string, string | null, string | null, number, number, number, string | null]>(db, INSERT_ROOM);
  for (const room of rooms) {
    assertInScope(slice, room.roomNumber, `room ${room.roomNumber}`);
    insertRoom.run(
      slice.accountNumber,
      slice.period,
      room.roomNumber,
      room.cardholder,
      room.autoBillingCode,
      room.conferenceCount,
      room.accumulatedSeconds,
      room.chargeCents,
      room.extraJson,
    );
  }
}

/**
 * The conference id is already cached. Inside the slice being replaced that
 * can only be a duplicate in the provider's data: refuse. Elsewhere (another
 * period or room), the provider now files it here: move it, and make its old
 * period fetch again since that copy is no longer complete.
 */
function evictConferenceFiledElsewhere(db: WritableDB, slice: PeriodSlice, conferenceId: string): void {
  const existing = prepare<[string, string], ConferenceLocation>(db, CONFERENCE_LOCATION).get(slice.accountNumber, conferenceId);
  if (!existing) throw new Error(`Conference ${conferenceId} violates a unique constraint but is not cached.`);
  const insideSlice = existing.period === slice.period && (slice.room === null || existing.roomNumber === slice.room);
  if (insideSlice) throw duplicateConferenceError(conferenceId, slice);
  prepare<[number]>(db, DELETE_CONFERENCE_PARTICIPANTS).run(existing.row);
  prepare<[number]>(db, DELETE_CONFERENCE).run(existing.row);
  forgetPeriodRevision(db, slice.accountNumber, existing.period);
}

function duplicateConferenceError(conferenceId: string, slice: PeriodSlice): CacheError {
  return new CacheError(
    'duplicate_conference',
    `The provider sent conference ${conferenceId} twice for period ${slice.period} of account ${slice.accountNumber}; the cached period was left unchanged.`,
  );
}

/**
 * scope/revision of a period after a replacement. A room login refreshing one
 * room of account-wide content keeps it account content; that content matches
 * a single revision only if the room was fetched at the same one.
 */
function periodStateAfterReplace(
  previous: PeriodInfo | null,
  scope: SyncScope,
  revision: string,
): { scope: SyncScope; revision: string | null } {
  if (scope === ACCOUNT_SCOPE || previous?.scope !== ACCOUNT_SCOPE) return { scope, revision };
  return { scope: ACCOUNT_SCOPE, revision: previous.revision === revision ? revision : null };
}
