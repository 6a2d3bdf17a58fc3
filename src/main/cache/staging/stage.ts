// A period's new content is staged page by page in TEMP tables of the writing
// connection while it downloads: nothing of the cache itself changes, and
// memory holds one page at a time. commit.ts then swaps it in with one
// transaction.
import type Database from 'better-sqlite3';
import type { WritableDB } from '../db';
import { CacheError } from '../errors';
import { ACCOUNT_SCOPE, type AccountKey, type ReplaceCounts, type SyncScope } from '../types';
import {
  BATCH_ROWS,
  flatConferenceId,
  flatRoomNumber,
  insertFlatRows,
  insertSql,
  PARTICIPANT_COLUMN_COUNT,
  PARTICIPANT_COLUMN_LIST,
  STAGED_CONFERENCE_COLUMN_COUNT,
  STAGED_CONFERENCE_COLUMN_LIST,
  STAGED_CONFERENCE_COLUMNS,
  STAGED_PARTICIPANT_COLUMNS,
  type FlatPage,
  type RowStatements,
} from './row-batches';

/** The part of a period a replacement rewrites: the whole period, or one room of it. */
export interface PeriodSlice extends AccountKey {
  period: string;
  /** null = every room (account login). */
  room: string | null;
}

/** The staging statements of one connection, prepared once: staging is the hot path of a sync. */
export interface StagingStatements {
  conferences: RowStatements;
  participants: RowStatements;
  /** A staged conference the cache holds under another room of the same period (provider, account number, period). */
  filedUnderAnotherRoom: Database.Statement<[string, string, string], FiledUnderAnotherRoom>;
  duplicateId: Database.Statement<[], { conferenceId: string }>;
  copyConferences: Database.Statement<[number, string, number]>;
  copyParticipants: Database.Statement<[number]>;
  clear(): void;
}

export interface FiledUnderAnotherRoom {
  conferenceId: string;
  cachedRoom: string;
  stagedRoom: string;
}

const STAGED_CONFERENCES = 'temp.staged_conferences';
const STAGED_PARTICIPANTS = 'temp.staged_participants';

const staging = new WeakMap<WritableDB, StagingStatements>();

/** The connection's staging tables and statements, created on its first stage. */
export function stagingStatements(db: WritableDB): StagingStatements {
  let statements = staging.get(db);
  if (statements === undefined) {
    statements = prepareStaging(db);
    staging.set(db, statements);
  }
  return statements;
}

function prepareStaging(db: WritableDB): StagingStatements {
  // Same columns as the cache's tables, no constraints and no index: staging
  // is the hot path of a sync. A conference id twice in one period is caught
  // by the cache's own UNIQUE constraint when the stage is committed.
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS staged_conferences AS SELECT ${STAGED_CONFERENCE_COLUMN_LIST} FROM main.conferences WHERE 0;
    CREATE TEMP TABLE IF NOT EXISTS staged_participants AS SELECT ${PARTICIPANT_COLUMN_LIST} FROM main.participants WHERE 0;
  `);
  const clearConferences = db.prepare(`DELETE FROM ${STAGED_CONFERENCES}`);
  const clearParticipants = db.prepare(`DELETE FROM ${STAGED_PARTICIPANTS}`);
  const rows = (table: string, columns: readonly string[]): RowStatements => ({
    single: db.prepare<unknown[]>(insertSql(table, columns, 1)),
    batch: db.prepare<unknown[]>(insertSql(table, columns, BATCH_ROWS)),
  });
  const shifted = (columns: string, first: string) => columns.replace(first, `${first} + ?`);
  return {
    conferences: rows(STAGED_CONFERENCES, STAGED_CONFERENCE_COLUMNS),
    participants: rows(STAGED_PARTICIPANTS, STAGED_PARTICIPANT_COLUMNS),
    filedUnderAnotherRoom: db.prepare(
      `SELECT s.conference_id AS conferenceId, c.room_number AS cachedRoom, s.room_number AS stagedRoom
       FROM ${STAGED_CONFERENCES} s
       JOIN main.conferences c ON c.account_id = (SELECT id FROM main.accounts WHERE provider = ? AND account_number = ?)
         AND c.period = ? AND c.conference_id = s.conference_id AND c.room_number <> s.room_number
       LIMIT 1`,
    ),
    duplicateId: db.prepare(
      `SELECT conference_id AS conferenceId FROM ${STAGED_CONFERENCES} GROUP BY conference_id HAVING count(*) > 1 LIMIT 1`,
    ),
    copyConferences: db.prepare(
      `INSERT INTO main.conferences (account_id, period, ${STAGED_CONFERENCE_COLUMN_LIST})
       SELECT ?, ?, ${shifted(STAGED_CONFERENCE_COLUMN_LIST, 'row')} FROM ${STAGED_CONFERENCES} ORDER BY rowid`,
    ),
    copyParticipants: db.prepare(
      `INSERT INTO main.participants (${PARTICIPANT_COLUMN_LIST})
       SELECT ${shifted(PARTICIPANT_COLUMN_LIST, 'conference_row')} FROM ${STAGED_PARTICIPANTS} ORDER BY rowid`,
    ),
    clear: () => {
      clearParticipants.run();
      clearConferences.run();
    },
  };
}

/**
 * Starts staging a period's new content on this connection (dropping anything
 * staged before): one stage per connection at a time. Commit it with
 * commitStagedPeriod() on the same connection.
 */
export function stagePeriod(db: WritableDB, key: AccountKey, period: string, scope: SyncScope): PeriodStage {
  const statements = stagingStatements(db);
  statements.clear();
  const slice = { provider: key.provider, accountNumber: key.accountNumber, period, room: scope === ACCOUNT_SCOPE ? null : scope };
  return new PeriodStage(db, slice, statements);
}

/** A period's new content, staged page by page until it is committed or discarded. */
export class PeriodStage {
  private readonly staged: ReplaceCounts = { conferences: 0, participants: 0 };

  constructor(
    readonly db: WritableDB,
    readonly slice: PeriodSlice,
    private readonly statements: StagingStatements,
  ) {}

  get scope(): SyncScope {
    return this.slice.room ?? ACCOUNT_SCOPE;
  }

  /** Row number of the next conference staged: a page's rows are numbered from it. */
  get nextRow(): number {
    return this.staged.conferences + 1;
  }

  /** Stages a page of rows (numbered from nextRow); refuses a conference of another room than a room login's. */
  add(page: FlatPage): void {
    if (this.slice.room !== null) {
      for (let index = 0; index < page.conferences; index++) {
        assertInScope(this.slice, String(flatRoomNumber(page, index)), `conference ${String(flatConferenceId(page, index))}`);
      }
    }
    insertFlatRows(this.statements.conferences, page.conferenceBatches, STAGED_CONFERENCE_COLUMN_COUNT);
    insertFlatRows(this.statements.participants, page.participantBatches, PARTICIPANT_COLUMN_COUNT);
    this.staged.conferences += page.conferences;
    this.staged.participants += page.participants;
  }

  /** What was staged so far. */
  counts(): ReplaceCounts {
    return { ...this.staged };
  }

  discard(): void {
    this.statements.clear();
  }
}

/** Refuses data of another room than the one a room login may see. */
export function assertInScope(slice: PeriodSlice, roomNumber: string, what: string): void {
  if (slice.room !== null && roomNumber !== slice.room) {
    throw new CacheError(
      'out_of_scope',
      `The provider sent ${what} of room ${roomNumber} to a login for room ${slice.room} (period ${slice.period}); the cached period was left unchanged.`,
    );
  }
}
