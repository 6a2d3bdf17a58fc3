// Swapping a staged period in: ONE IMMEDIATE transaction deletes the previous
// rows of the slice (the whole period, or only the room of a room login),
// inserts the rooms, copies the staged conferences and legs in, and records
// the period's revision, scope and sync time. Anything failing leaves the
// previous content exactly as it was.
//
// Nothing outside the slice is ever deleted. A conference is unique per
// (account, period, id), so an id the provider reuses in another month is
// another conference; the one thing a commit could collide with outside its
// slice is the same id under another room of the same month (a room login
// whose provider moved a conference between rooms): that refuses the commit.
import type { PeriodInfo } from '../../../shared/domain';
import type { WritableDB } from '../db';
import { CacheError } from '../errors';
import { ensureAccount } from '../queries/accounts';
import { getPeriod, savePeriodSync } from '../queries/periods';
import { forgetSearchDocuments, indexPeriod } from '../queries/search-index';
import { prepare } from '../statements';
import { ACCOUNT_SCOPE, type ReplaceCounts, type RoomInput, type StagedPeriodInput, type SyncScope } from '../types';
import { assertInScope, stagingStatements, type PeriodSlice, type PeriodStage } from './stage';

const DELETE_PERIOD_PARTICIPANTS = `DELETE FROM participants WHERE conference_row IN (SELECT row FROM conferences WHERE account_id = ? AND period = ?)`;
const DELETE_PERIOD_CONFERENCES = `DELETE FROM conferences WHERE account_id = ? AND period = ?`;
const DELETE_PERIOD_ROOMS = `DELETE FROM rooms WHERE account_id = ? AND period = ?`;
const DELETE_ROOM_PARTICIPANTS = `DELETE FROM participants WHERE conference_row IN
  (SELECT row FROM conferences WHERE account_id = ? AND period = ? AND room_number = ?)`;
const DELETE_ROOM_CONFERENCES = `DELETE FROM conferences WHERE account_id = ? AND period = ? AND room_number = ?`;
const DELETE_ROOM = `DELETE FROM rooms WHERE account_id = ? AND period = ? AND room_number = ?`;
const INSERT_ROOM = `INSERT INTO rooms (account_id, period, room_number, cardholder, auto_billing_code,
    conference_count, accumulated_seconds, charge_cents, extra_json)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const NEXT_CONFERENCE_ROW = 'SELECT coalesce(max(row), 0) + 1 AS next FROM conferences';

type CommitTransaction = (input: StagedPeriodInput, stage: PeriodStage) => Committed;
interface Committed {
  counts: ReplaceCounts;
  accountId: number;
}

/** The commit transaction of each connection, made once. */
const transactions = new WeakMap<WritableDB, CommitTransaction>();

/**
 * Replaces the period's rows (or the login's room) with the staged content,
 * all or nothing; then, unless `index` is false, builds the month's search
 * documents. A sync passes false: indexing a large month costs about as much
 * as writing it, so the sync leaves its months to the archive thread
 * (features/search/index-upkeep.ts), and searches wait for it.
 */
export function commitStagedPeriod(db: WritableDB, input: StagedPeriodInput, stage: PeriodStage, options: { index?: boolean } = {}): ReplaceCounts {
  if (stage.db !== db) throw new Error('the period was staged on another connection');
  let commit = transactions.get(db);
  if (commit === undefined) {
    const transaction = db.transaction((input: StagedPeriodInput, stage: PeriodStage) => commitInTransaction(db, input, stage));
    commit = (input, stage) => transaction.immediate(input, stage);
    transactions.set(db, commit);
  }
  let committed: Committed;
  try {
    committed = commit(input, stage);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw explainCollision(db, stage.slice) ?? error;
    throw error;
  }
  // The month's search documents, after the swap: its own transaction, not the swap's.
  if (options.index !== false) indexPeriod(db, { accountId: committed.accountId, period: input.period.period });
  return committed.counts;
}

function commitInTransaction(db: WritableDB, input: StagedPeriodInput, stage: PeriodStage): Committed {
  const slice = stage.slice;
  if (slice.period !== input.period.period || slice.accountNumber !== input.accountNumber || slice.provider !== input.provider) {
    throw new Error(
      `staged ${slice.provider}/${slice.accountNumber}/${slice.period} but asked to commit ${input.provider}/${input.accountNumber}/${input.period.period}`,
    );
  }
  const staging = stagingStatements(db);
  const counts = stage.counts();
  const accountId = ensureAccount(db, slice);
  const previous = getPeriod(db, slice, slice.period);
  forgetSearchDocuments(db, { accountId, period: slice.period }, slice.room);
  deleteSlice(db, accountId, slice);
  insertRooms(db, accountId, slice, input.rooms);
  const offset = (prepare<[], { next: number }>(db, NEXT_CONFERENCE_ROW).get()?.next ?? 1) - 1;
  // A staged id still cached in this period (another room's) breaks the UNIQUE key here: see explainCollision.
  staging.copyConferences.run(accountId, slice.period, offset);
  staging.copyParticipants.run(offset);
  const { scope, revision } = periodStateAfterReplace(previous, stage.scope, input.period.revision);
  savePeriodSync(db, { accountId, period: input.period, revision, scope, origin: input.origin, syncedAt: input.syncedAt });
  return { counts, accountId };
}

function deleteSlice(db: WritableDB, accountId: number, { period, room }: PeriodSlice): void {
  // Legs first: the foreign key forbids conferences that still have legs.
  if (room === null) {
    prepare<[number, string]>(db, DELETE_PERIOD_PARTICIPANTS).run(accountId, period);
    prepare<[number, string]>(db, DELETE_PERIOD_CONFERENCES).run(accountId, period);
    prepare<[number, string]>(db, DELETE_PERIOD_ROOMS).run(accountId, period);
  } else {
    prepare<[number, string, string]>(db, DELETE_ROOM_PARTICIPANTS).run(accountId, period, room);
    prepare<[number, string, string]>(db, DELETE_ROOM_CONFERENCES).run(accountId, period, room);
    prepare<[number, string, string]>(db, DELETE_ROOM).run(accountId, period, room);
  }
}

function insertRooms(db: WritableDB, accountId: number, slice: PeriodSlice, rooms: readonly RoomInput[]): void {
  const insertRoom = prepare<[number, string, string, string | null, string | null, number, number, number, string | null]>(db, INSERT_ROOM);
  for (const room of rooms) {
    assertInScope(slice, room.roomNumber, `room ${room.roomNumber}`);
    insertRoom.run(
      accountId,
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
 * Why the copy broke the conferences' UNIQUE key, read once the transaction
 * has rolled back (the cache as it was, the stage still there): the same id
 * twice in the provider's data, or an id the cache holds under another room
 * of the month, which only the whole month's sync may move. Checked only on
 * failure, so the copy pays nothing for it.
 */
function explainCollision(db: WritableDB, slice: PeriodSlice): CacheError | null {
  const staging = stagingStatements(db);
  const duplicate = staging.duplicateId.get();
  if (duplicate) {
    return new CacheError(
      'duplicate_conference',
      `The provider sent conference ${duplicate.conferenceId} twice for period ${slice.period} of account ${slice.accountNumber}; the cached period was left unchanged.`,
    );
  }
  const moved = staging.filedUnderAnotherRoom.get(slice.provider, slice.accountNumber, slice.period);
  if (!moved) return null;
  return new CacheError(
    'conference_in_another_room',
    `The provider now files conference ${moved.conferenceId} of ${slice.period} under room ${moved.stagedRoom}, but the cache holds it under room ${moved.cachedRoom}. ` +
      `Replacing room ${moved.stagedRoom} would remove it from room ${moved.cachedRoom}, so the sync of ${slice.period} was refused and the cache kept what it had; ` +
      `a sign-in for the whole account can sync the month.`,
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
