// Every read the views make and every write the sync engine makes, over one
// open cache. All methods are synchronous; statements are prepared once.
//
// History never disappears: periods the provider stops serving are only
// marked archived (served_by_provider = 0) and keep all their rows.
import type {
  AccountInfo,
  BillingCodeRow,
  ConferenceRow,
  OutboxState,
  ParticipantRow,
  PendingBillingCode,
  PeriodInfo,
  RoomDisplay,
  RoomSummaryRow,
  Totals,
} from '../../shared/domain';
import { sumTotals } from '../../shared/view-rules';
import { BILLING_CODE_PATTERN, type AccountResponse, type ApiConference, type ApiPeriod, type ApiRoom } from '../provider/api-schemas';
import type Database from 'better-sqlite3';
import type { CacheDatabase } from './database';
import { CacheError } from './errors';
import { extraFieldsJson, KNOWN_ROOM_FIELDS } from './extra-fields';
import {
  flatRoomNumber,
  flattenPage,
  insertFlatRows,
  PARTICIPANT_COLUMN_COUNT,
  PARTICIPANT_COLUMN_LIST,
  type FlatPage,
  preparePeriodWriterStatements,
  STAGED_CONFERENCE_COLUMN_COUNT,
  STAGED_CONFERENCE_COLUMN_LIST,
  STAGING_TABLES,
  type PeriodWriterStatements,
} from './period-writer';
import {
  ACCOUNT_SCOPE,
  type OutboxEntry,
  type PeriodConferenceRow,
  type PeriodParticipantRow,
  type ReplaceCounts,
  type ReplacePeriodInput,
  type SyncRun,
  type SyncRunPeriod,
  type SyncRunPeriodStatus,
  type SyncRunStatus,
  type SyncScope,
} from './types';

export type { RoomDisplay };

export interface AccountSummary {
  account: AccountInfo | null;
  period: PeriodInfo | null;
  /** Sorted by room number (numerically). */
  rooms: RoomSummaryRow[];
  total: Totals;
}

/** The part of a period a replacement rewrites: the whole period, or one room of it. */
interface PeriodSlice {
  accountNumber: string;
  period: string;
  /** null = every room (account login). */
  room: string | null;
}

// ---------------------------------------------------------------- SQL pieces

const ACCOUNT_COLUMNS = `account_number AS accountNumber, company_name AS companyName, currency,
  time_zone AS timeZone, support_phone AS supportPhone`;

const PERIOD_COLUMNS = `account_number AS accountNumber, period, start_date AS start, invoiced, revision,
  served_by_provider AS servedByProvider, scope, origin, last_synced_at AS lastSyncedAt,
  last_error AS lastError, last_error_at AS lastErrorAt`;

const ROOM_COLUMNS = `room_number AS roomNumber, cardholder, auto_billing_code AS autoBillingCode,
  conference_count AS conferenceCount, accumulated_seconds AS accumulatedSeconds, charge_cents AS chargeCents`;

/** Room numbers are digit strings: shorter first, then text order = numeric order. */
const ROOM_ORDER = 'ORDER BY length(room_number), room_number';

const CONFERENCE_COLUMNS = `c.conference_id AS id, c.room_number AS roomNumber, c.start_utc AS start,
  c.service_type AS serviceType, c.billing_code AS billingCode, c.participant_count AS participantCount,
  c.length_seconds AS lengthSeconds, c.accumulated_seconds AS accumulatedSeconds, c.charge_cents AS chargeCents,
  o.id AS outboxId, o.billing_code AS outboxBillingCode, o.state AS outboxState,
  o.error_code AS outboxErrorCode, o.error_message AS outboxErrorMessage`;

/** The conference's unsent local change, if any (at most one, by a unique partial index). */
const UNSENT_CHANGE_JOIN = `LEFT JOIN billing_code_outbox o
  ON o.account_number = c.account_number AND o.conference_id = c.conference_id AND o.state IN ('pending', 'failed')`;

/**
 * The code a conference will have once queued changes reach the provider: a
 * pending change wins; a failed one does not (it will not be sent unless retried).
 */
const EFFECTIVE_CODE = `CASE WHEN o.state = 'pending' THEN o.billing_code ELSE c.billing_code END`;

const PARTICIPANT_COLUMNS = `p.participant_id AS id, p.name, p.phone, p.access_type AS accessType,
  p.joined_at AS joinedAt, p.left_at AS leftAt, p.seconds, p.charge_cents AS chargeCents`;

const OUTBOX_COLUMNS = `id, account_number AS accountNumber, conference_id AS conferenceId, billing_code AS billingCode,
  state, attempts, error_code AS errorCode, error_message AS errorMessage, created_at AS createdAt, updated_at AS updatedAt`;

const SYNC_RUN_COLUMNS = `id, account_number AS accountNumber, scope, origin, started_at AS startedAt,
  finished_at AS finishedAt, status, error`;

// ------------------------------------------------------------ record shapes

interface PeriodRecord extends Omit<PeriodInfo, 'invoiced' | 'servedByProvider'> {
  invoiced: number;
  servedByProvider: number;
}

interface ConferenceRecord extends Omit<ConferenceRow, 'pending'> {
  outboxId: number | null;
  outboxBillingCode: string | null;
  outboxState: OutboxState | null;
  outboxErrorCode: string | null;
  outboxErrorMessage: string | null;
}

interface PeriodConferenceRecord extends ConferenceRecord {
  period: string;
  cardholder: string | null;
  extraJson: string | null;
}

interface ConferenceLocation {
  row: number;
  period: string;
  roomNumber: string;
}

type SyncRunRecord = Omit<SyncRun, 'periods'>;

// ------------------------------------------------------------ statements

function prepareStatements(db: CacheDatabase) {
  return {
    // accounts
    upsertAccount: db.prepare<[string, string, string, string, string | null, string]>(
      `INSERT INTO accounts (account_number, company_name, currency, time_zone, support_phone, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_number) DO UPDATE SET company_name = excluded.company_name,
         currency = excluded.currency, time_zone = excluded.time_zone,
         support_phone = excluded.support_phone, updated_at = excluded.updated_at`,
    ),
    getAccount: db.prepare<[string], AccountInfo>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE account_number = ?`),
    listAccounts: db.prepare<[], AccountInfo>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY account_number`),

    // periods
    getPeriod: db.prepare<[string, string], PeriodRecord>(`SELECT ${PERIOD_COLUMNS} FROM periods WHERE account_number = ? AND period = ?`),
    listPeriods: db.prepare<[string], PeriodRecord>(`SELECT ${PERIOD_COLUMNS} FROM periods WHERE account_number = ? ORDER BY period DESC`),
    notePeriodServed: db.prepare<[string, string, string, number, string]>(
      `INSERT INTO periods (account_number, period, start_date, invoiced, served_by_provider, last_seen_at)
       VALUES (?, ?, ?, ?, 1, ?)
       ON CONFLICT (account_number, period) DO UPDATE SET start_date = excluded.start_date,
         invoiced = excluded.invoiced, served_by_provider = 1, last_seen_at = excluded.last_seen_at`,
    ),
    archivePeriodsNotServed: db.prepare<[string, string]>(
      `UPDATE periods SET served_by_provider = 0
       WHERE account_number = ? AND served_by_provider = 1 AND period NOT IN (SELECT value FROM json_each(?))`,
    ),
    savePeriodSync: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO periods (account_number, period, start_date, invoiced, revision, served_by_provider, scope, origin,
         first_synced_at, last_synced_at, last_seen_at)
       VALUES (@accountNumber, @period, @start, @invoiced, @revision, 1, @scope, @origin, @syncedAt, @syncedAt, @syncedAt)
       ON CONFLICT (account_number, period) DO UPDATE SET start_date = excluded.start_date,
         invoiced = excluded.invoiced, revision = excluded.revision, served_by_provider = 1,
         scope = excluded.scope, origin = excluded.origin,
         first_synced_at = coalesce(periods.first_synced_at, excluded.first_synced_at),
         last_synced_at = excluded.last_synced_at, last_seen_at = excluded.last_seen_at,
         last_error = NULL, last_error_at = NULL`,
    ),
    forgetPeriodRevision: db.prepare<[string, string]>(`UPDATE periods SET revision = NULL WHERE account_number = ? AND period = ?`),
    recordPeriodError: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO periods (account_number, period, start_date, last_error, last_error_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account_number, period) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
    ),

    // replacing a period's content
    deletePeriodParticipants: db.prepare<[string, string]>(
      `DELETE FROM participants WHERE conference_row IN (SELECT row FROM conferences WHERE account_number = ? AND period = ?)`,
    ),
    deletePeriodConferences: db.prepare<[string, string]>(`DELETE FROM conferences WHERE account_number = ? AND period = ?`),
    deletePeriodRooms: db.prepare<[string, string]>(`DELETE FROM rooms WHERE account_number = ? AND period = ?`),
    deleteRoomParticipants: db.prepare<[string, string, string]>(
      `DELETE FROM participants WHERE conference_row IN
         (SELECT row FROM conferences WHERE account_number = ? AND period = ? AND room_number = ?)`,
    ),
    deleteRoomConferences: db.prepare<[string, string, string]>(
      `DELETE FROM conferences WHERE account_number = ? AND period = ? AND room_number = ?`,
    ),
    deleteRoom: db.prepare<[string, string, string]>(`DELETE FROM rooms WHERE account_number = ? AND period = ? AND room_number = ?`),
    insertRoom: db.prepare<[string, string, string, string | null, string | null, number, number, number, string | null]>(
      `INSERT INTO rooms (account_number, period, room_number, cardholder, auto_billing_code,
         conference_count, accumulated_seconds, charge_cents, extra_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    conferenceLocation: db.prepare<[string, string], ConferenceLocation>(
      `SELECT row, period, room_number AS roomNumber FROM conferences WHERE account_number = ? AND conference_id = ?`,
    ),
    deleteConferenceParticipants: db.prepare<[number]>(`DELETE FROM participants WHERE conference_row = ?`),
    deleteConference: db.prepare<[number]>(`DELETE FROM conferences WHERE row = ?`),
    nextConferenceRow: db.prepare<[], { next: number }>('SELECT coalesce(max(row), 0) + 1 AS next FROM conferences'),

    // summaries
    roomsAll: db.prepare<[string, string], RoomSummaryRow>(
      `SELECT ${ROOM_COLUMNS} FROM rooms WHERE account_number = ? AND period = ? ${ROOM_ORDER}`,
    ),
    roomsActive: db.prepare<[string, string], RoomSummaryRow>(
      `SELECT ${ROOM_COLUMNS} FROM rooms WHERE account_number = ? AND period = ? AND conference_count > 0 ${ROOM_ORDER}`,
    ),

    // conferences
    roomConferences: db.prepare<[string, string, string], ConferenceRecord>(
      `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${UNSENT_CHANGE_JOIN}
       WHERE c.account_number = ? AND c.period = ? AND c.room_number = ?
       ORDER BY c.start_utc, c.row`,
    ),
    conference: db.prepare<[string, string], ConferenceRecord>(
      `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${UNSENT_CHANGE_JOIN}
       WHERE c.account_number = ? AND c.conference_id = ?`,
    ),
    conferenceExists: db.prepare<[string, string], { found: number }>(
      `SELECT 1 AS found FROM conferences WHERE account_number = ? AND conference_id = ?`,
    ),
    conferenceParticipants: db.prepare<[string, string], ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM conferences c JOIN participants p ON p.conference_row = c.row
       WHERE c.account_number = ? AND c.conference_id = ?
       ORDER BY p.joined_at, p.rowid`,
    ),
    periodConferences: db.prepare<[string, string], PeriodConferenceRecord>(
      `SELECT ${CONFERENCE_COLUMNS}, c.period, r.cardholder, c.extra_json AS extraJson
       FROM conferences c ${UNSENT_CHANGE_JOIN}
       LEFT JOIN rooms r ON r.account_number = c.account_number AND r.period = c.period AND r.room_number = c.room_number
       WHERE c.account_number = ? AND c.period = ?
       ORDER BY c.start_utc, c.row`,
    ),
    periodRoomConferences: db.prepare<[string, string, string], PeriodConferenceRecord>(
      `SELECT ${CONFERENCE_COLUMNS}, c.period, r.cardholder, c.extra_json AS extraJson
       FROM conferences c ${UNSENT_CHANGE_JOIN}
       LEFT JOIN rooms r ON r.account_number = c.account_number AND r.period = c.period AND r.room_number = c.room_number
       WHERE c.account_number = ? AND c.period = ? AND c.room_number = ?
       ORDER BY c.start_utc, c.row`,
    ),
    periodParticipants: db.prepare<[string, string], PeriodParticipantRow>(
      `SELECT c.conference_id AS conferenceId, c.room_number AS roomNumber, c.start_utc AS conferenceStart,
         ${PARTICIPANT_COLUMNS}, p.extra_json AS extraJson
       FROM conferences c JOIN participants p ON p.conference_row = c.row
       WHERE c.account_number = ? AND c.period = ?
       ORDER BY c.start_utc, c.row, p.joined_at, p.rowid`,
    ),
    periodRoomParticipants: db.prepare<[string, string, string], PeriodParticipantRow>(
      `SELECT c.conference_id AS conferenceId, c.room_number AS roomNumber, c.start_utc AS conferenceStart,
         ${PARTICIPANT_COLUMNS}, p.extra_json AS extraJson
       FROM conferences c JOIN participants p ON p.conference_row = c.row
       WHERE c.account_number = ? AND c.period = ? AND c.room_number = ?
       ORDER BY c.start_utc, c.row, p.joined_at, p.rowid`,
    ),
    updateConferenceBillingCode: db.prepare<[string | null, string, string]>(
      `UPDATE conferences SET billing_code = ? WHERE account_number = ? AND conference_id = ?`,
    ),

    // billing codes
    billingCodeSummary: db.prepare<[string, string], BillingCodeRow>(
      `SELECT ${EFFECTIVE_CODE} AS billingCode, count(*) AS conferenceCount,
         sum(c.accumulated_seconds) AS accumulatedSeconds, sum(c.charge_cents) AS chargeCents
       FROM conferences c ${UNSENT_CHANGE_JOIN}
       WHERE c.account_number = ? AND c.period = ?
       GROUP BY 1
       ORDER BY billingCode IS NOT NULL, billingCode COLLATE NOCASE, billingCode`,
    ),
    billingCodeConferences: db.prepare<[string, string, string | null], ConferenceRecord>(
      `SELECT ${CONFERENCE_COLUMNS} FROM conferences c ${UNSENT_CHANGE_JOIN}
       WHERE c.account_number = ? AND c.period = ? AND (${EFFECTIVE_CODE}) IS ?
       ORDER BY c.start_utc, c.row`,
    ),

    // outbox
    dropUnsentChange: db.prepare<[string, string]>(
      `DELETE FROM billing_code_outbox WHERE account_number = ? AND conference_id = ? AND state IN ('pending', 'failed')`,
    ),
    queueChange: db.prepare<[string, string, string | null, string, string]>(
      `INSERT INTO billing_code_outbox (account_number, conference_id, billing_code, state, attempts, created_at, updated_at)
       VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
    ),
    outboxInState: db.prepare<[string, string], OutboxEntry>(
      `SELECT ${OUTBOX_COLUMNS} FROM billing_code_outbox WHERE account_number = ? AND state = ? ORDER BY id`,
    ),
    unsentOutbox: db.prepare<[string], OutboxEntry>(
      `SELECT ${OUTBOX_COLUMNS} FROM billing_code_outbox WHERE account_number = ? AND state IN ('pending', 'failed') ORDER BY id`,
    ),
    outboxEntry: db.prepare<[number], OutboxEntry>(`SELECT ${OUTBOX_COLUMNS} FROM billing_code_outbox WHERE id = ?`),
    markOutboxSent: db.prepare<[string, number]>(
      `UPDATE billing_code_outbox SET state = 'sent', attempts = attempts + 1, error_code = NULL, error_message = NULL,
         updated_at = ? WHERE id = ? AND state = 'pending'`,
    ),
    markOutboxFailed: db.prepare<[string, string, string, number]>(
      `UPDATE billing_code_outbox SET state = 'failed', attempts = attempts + 1, error_code = ?, error_message = ?,
         updated_at = ? WHERE id = ? AND state = 'pending'`,
    ),
    noteOutboxAttemptError: db.prepare<[string, string, string, number]>(
      `UPDATE billing_code_outbox SET attempts = attempts + 1, error_code = ?, error_message = ?,
         updated_at = ? WHERE id = ? AND state = 'pending'`,
    ),
    retryOutbox: db.prepare<[string, number]>(
      `UPDATE billing_code_outbox SET state = 'pending', error_code = NULL, error_message = NULL,
         updated_at = ? WHERE id = ? AND state = 'failed'`,
    ),
    discardOutbox: db.prepare<[number]>(`DELETE FROM billing_code_outbox WHERE id = ? AND state IN ('pending', 'failed')`),

    // sync runs
    startSyncRun: db.prepare<[string, string, string, string]>(
      `INSERT INTO sync_runs (account_number, scope, origin, started_at, status) VALUES (?, ?, ?, ?, 'running')`,
    ),
    recordSyncRunPeriod: db.prepare<[number, string, string, number, number, string | null]>(
      `INSERT INTO sync_run_periods (run_id, period, status, conferences, participants, error) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_id, period) DO UPDATE SET status = excluded.status, conferences = excluded.conferences,
         participants = excluded.participants, error = excluded.error`,
    ),
    finishSyncRun: db.prepare<[string, string, string | null, number]>(
      `UPDATE sync_runs SET status = ?, finished_at = ?, error = ? WHERE id = ? AND status = 'running'`,
    ),
    interruptRunningSyncRuns: db.prepare<[string, string]>(
      `UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running'`,
    ),
    lastSuccessfulSync: db.prepare<[string], { finishedAt: string }>(
      `SELECT finished_at AS finishedAt FROM sync_runs WHERE account_number = ? AND status = 'ok'
       ORDER BY finished_at DESC, id DESC LIMIT 1`,
    ),
    listSyncRuns: db.prepare<[string, number], SyncRunRecord>(
      `SELECT ${SYNC_RUN_COLUMNS} FROM sync_runs WHERE account_number = ? ORDER BY id DESC LIMIT ?`,
    ),
    syncRunPeriods: db.prepare<[number], SyncRunPeriod>(
      `SELECT period, status, conferences, participants, error FROM sync_run_periods WHERE run_id = ? ORDER BY period DESC`,
    ),
  };
}

// ------------------------------------------------------------ repository

export class CacheRepository {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private staging: StagingStatements | null = null;
  private readonly commitTransaction: (input: StagedPeriodInput, stage: PeriodStage) => ReplaceCounts;

  constructor(readonly db: CacheDatabase) {
    this.sql = prepareStatements(db);
    const commit = db.transaction((input: StagedPeriodInput, stage: PeriodStage) => this.commitInTransaction(input, stage));
    this.commitTransaction = (input, stage) => commit.immediate(input, stage);
  }

  // ---------------------------------------------------------------- accounts

  upsertAccount(account: AccountResponse | AccountInfo, updatedAt: string = nowUtc()): void {
    this.sql.upsertAccount.run(
      account.accountNumber,
      account.companyName,
      account.currency,
      account.timeZone,
      account.supportPhone ?? null,
      updatedAt,
    );
  }

  getAccount(accountNumber: string): AccountInfo | null {
    return this.sql.getAccount.get(accountNumber) ?? null;
  }

  listAccounts(): AccountInfo[] {
    return this.sql.listAccounts.all();
  }

  // ---------------------------------------------------------------- periods

  /** Newest first, archived ones included. */
  listPeriods(accountNumber: string): PeriodInfo[] {
    return this.sql.listPeriods.all(accountNumber).map(toPeriodInfo);
  }

  getPeriod(accountNumber: string, period: string): PeriodInfo | null {
    const record = this.sql.getPeriod.get(accountNumber, period);
    return record ? toPeriodInfo(record) : null;
  }

  /**
   * Records the provider's current list of periods: their metadata is updated
   * (content and revision untouched) and every other cached period of the
   * account is marked archived. Nothing is deleted.
   */
  notePeriodsServed(accountNumber: string, served: readonly ApiPeriod[], seenAt: string): void {
    this.db.transaction(() => {
      for (const period of served) {
        this.sql.notePeriodServed.run(accountNumber, period.period, period.start, period.invoiced ? 1 : 0, seenAt);
      }
      this.sql.archivePeriodsNotServed.run(accountNumber, JSON.stringify(served.map((period) => period.period)));
    }).immediate();
  }

  /**
   * Whether a sync with this login must fetch the period: false only when the
   * cache holds a complete copy at the provider's current revision, from the
   * same provider, covering the login's scope.
   */
  periodNeedsSync(accountNumber: string, served: ApiPeriod, scope: SyncScope, origin: string): boolean {
    const cached = this.getPeriod(accountNumber, served.period);
    if (!cached || cached.revision === null || cached.revision !== served.revision || cached.origin !== origin) return true;
    return !(cached.scope === scope || cached.scope === ACCOUNT_SCOPE);
  }

  /**
   * Replaces a period's content in ONE transaction: the previous rows of the
   * slice (the whole period, or only the room of a room login) are deleted and
   * the new ones inserted. Throws and changes nothing if anything fails,
   * including the conference iterator throwing midway.
   */
  replacePeriod(input: ReplacePeriodInput): ReplaceCounts {
    const stage = this.stagePeriod(input.accountNumber, input.period.period, input.scope);
    try {
      for (const item of input.conferences) stage.add(isPage(item) ? item : [item]);
      return this.commitStagedPeriod(input, stage);
    } finally {
      stage.discard();
    }
  }

  /**
   * Starts staging a period's new content in TEMP tables of this connection,
   * page by page as it downloads: nothing of the cache itself changes, and
   * memory holds one page at a time. commitStagedPeriod() then swaps it in
   * with one transaction. One stage per connection at a time.
   */
  stagePeriod(accountNumber: string, period: string, scope: SyncScope): PeriodStage {
    this.staging ??= prepareStaging(this.db);
    this.staging.clear();
    const slice: PeriodSlice = { accountNumber, period, room: scope === ACCOUNT_SCOPE ? null : scope };
    return new PeriodStage(slice, this.staging);
  }

  /** Replaces the period's rows (or the login's room) with the staged content, all or nothing. */
  commitStagedPeriod(input: StagedPeriodInput, stage: PeriodStage): ReplaceCounts {
    try {
      return this.commitTransaction(input, stage);
    } catch (error) {
      const duplicate = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ? this.staging?.duplicateId.get() : undefined;
      if (duplicate) {
        throw new CacheError(
          'duplicate_conference',
          `The provider sent conference ${duplicate.conferenceId} twice for period ${input.period.period} of account ${input.accountNumber}; the cached period was left unchanged.`,
        );
      }
      throw error;
    }
  }

  /** Notes a failed sync of the period; its cached content stays as it is. */
  recordPeriodError(accountNumber: string, period: string, message: string, at: string): void {
    this.sql.recordPeriodError.run(accountNumber, period, `${period}-01`, message, at);
  }

  // ---------------------------------------------------------------- views

  accountSummary(accountNumber: string, period: string, display: RoomDisplay): AccountSummary {
    const statement = display === 'active' ? this.sql.roomsActive : this.sql.roomsAll;
    const rooms = statement.all(accountNumber, period);
    return {
      account: this.getAccount(accountNumber),
      period: this.getPeriod(accountNumber, period),
      rooms,
      total: sumTotals(rooms),
    };
  }

  /** One room's conferences of a period, in start order. */
  roomConferences(accountNumber: string, period: string, roomNumber: string): ConferenceRow[] {
    return this.sql.roomConferences.all(accountNumber, period, roomNumber).map(toConferenceRow);
  }

  conference(accountNumber: string, conferenceId: string): ConferenceRow | null {
    const record = this.sql.conference.get(accountNumber, conferenceId);
    return record ? toConferenceRow(record) : null;
  }

  /** In joined order. */
  conferenceParticipants(accountNumber: string, conferenceId: string): ParticipantRow[] {
    return this.sql.conferenceParticipants.all(accountNumber, conferenceId);
  }

  /**
   * Streams a period's conferences (optionally one room's) in start order, with
   * the room's cardholder, for exports. Rows are read lazily: finish or break
   * the loop before using this connection for anything else.
   */
  *periodConferences(accountNumber: string, period: string, options: { roomNumber?: string } = {}): Generator<PeriodConferenceRow> {
    const records =
      options.roomNumber === undefined
        ? this.sql.periodConferences.iterate(accountNumber, period)
        : this.sql.periodRoomConferences.iterate(accountNumber, period, options.roomNumber);
    for (const record of records) yield toPeriodConferenceRow(record);
  }

  /** Streams a period's participant legs (optionally one room's), conference by conference. */
  *periodParticipants(accountNumber: string, period: string, options: { roomNumber?: string } = {}): Generator<PeriodParticipantRow> {
    if (options.roomNumber === undefined) yield* this.sql.periodParticipants.iterate(accountNumber, period);
    else yield* this.sql.periodRoomParticipants.iterate(accountNumber, period, options.roomNumber);
  }

  // ---------------------------------------------------------------- billing codes

  /**
   * Conferences of a period grouped by effective billing code (a pending local
   * change overrides the provider's code). Unallocated (null) first, then codes
   * in case-insensitive order.
   */
  billingCodeSummary(accountNumber: string, period: string): BillingCodeRow[] {
    return this.sql.billingCodeSummary.all(accountNumber, period);
  }

  /** The conferences whose effective code is `billingCode` (null = Unallocated), in start order. */
  billingCodeConferences(accountNumber: string, period: string, billingCode: string | null): ConferenceRow[] {
    return this.sql.billingCodeConferences.all(accountNumber, period, billingCode).map(toConferenceRow);
  }

  /**
   * Queues a local billing-code assignment (null = back to Unallocated). It
   * replaces any unsent (pending or failed) change for the same conference.
   */
  queueBillingCode(accountNumber: string, conferenceId: string, billingCode: string | null, at: string): PendingBillingCode {
    if (billingCode !== null && !BILLING_CODE_PATTERN.test(billingCode)) {
      throw new CacheError(
        'invalid_billing_code',
        `"${billingCode}" is not a valid billing code: use 1 to 20 letters, digits, spaces, "_", "." or "-".`,
      );
    }
    return this.db.transaction((): PendingBillingCode => {
      if (!this.sql.conferenceExists.get(accountNumber, conferenceId)) {
        throw new CacheError('unknown_conference', `Conference ${conferenceId} of account ${accountNumber} is not in the cache.`);
      }
      this.sql.dropUnsentChange.run(accountNumber, conferenceId);
      const outboxId = Number(this.sql.queueChange.run(accountNumber, conferenceId, billingCode, at, at).lastInsertRowid);
      return { outboxId, billingCode, state: 'pending', errorCode: null, errorMessage: null };
    }).immediate();
  }

  /** Changes waiting to be sent, oldest first. */
  pendingOutbox(accountNumber: string): OutboxEntry[] {
    return this.sql.outboxInState.all(accountNumber, 'pending');
  }

  /** Changes not confirmed by the provider (pending and failed), oldest first. */
  unsentOutbox(accountNumber: string): OutboxEntry[] {
    return this.sql.unsentOutbox.all(accountNumber);
  }

  outboxEntry(id: number): OutboxEntry | null {
    return this.sql.outboxEntry.get(id) ?? null;
  }

  /**
   * The provider accepted the change. false if the entry is no longer pending
   * (superseded or discarded while it was being sent).
   */
  markOutboxSent(id: number, at: string): boolean {
    return this.sql.markOutboxSent.run(at, id).changes > 0;
  }

  /** The provider refused the change for good; it waits for the user to retry or discard. */
  markOutboxFailed(id: number, code: string, message: string, at: string): boolean {
    return this.sql.markOutboxFailed.run(code, message, at, id).changes > 0;
  }

  /** A transient failure: counts the attempt and keeps the last error, stays pending. */
  noteOutboxAttemptError(id: number, code: string, message: string, at: string): boolean {
    return this.sql.noteOutboxAttemptError.run(code, message, at, id).changes > 0;
  }

  /** failed -> pending. */
  retryOutbox(id: number, at: string): boolean {
    return this.sql.retryOutbox.run(at, id).changes > 0;
  }

  /** Drops an unsent (pending or failed) change; sent ones stay as history. */
  discardOutbox(id: number): boolean {
    return this.sql.discardOutbox.run(id).changes > 0;
  }

  /** After a successful PUT: the cached conference takes the provider's answer. */
  applyConferenceFromProvider(accountNumber: string, conference: ApiConference): boolean {
    return this.sql.updateConferenceBillingCode.run(conference.billingCode, accountNumber, conference.id).changes > 0;
  }

  // ---------------------------------------------------------------- sync runs

  startSyncRun(accountNumber: string, scope: SyncScope, origin: string, at: string): number {
    return Number(this.sql.startSyncRun.run(accountNumber, scope, origin, at).lastInsertRowid);
  }

  /** Recording the same period again in a run (e.g. restarted after period_changed) overwrites it. */
  recordSyncRunPeriod(
    runId: number,
    period: string,
    status: SyncRunPeriodStatus,
    counts: ReplaceCounts = { conferences: 0, participants: 0 },
    error: string | null = null,
  ): void {
    this.sql.recordSyncRunPeriod.run(runId, period, status, counts.conferences, counts.participants, error);
  }

  finishSyncRun(runId: number, status: Exclude<SyncRunStatus, 'running'>, at: string, error: string | null = null): void {
    this.sql.finishSyncRun.run(status, at, error, runId);
  }

  /** Runs still 'running' from a previous process (crash, kill) become failed. Call at startup. */
  closeInterruptedSyncRuns(at: string, message = 'Interrupted: the app stopped during the sync.'): number {
    return this.sql.interruptRunningSyncRuns.run(at, message).changes;
  }

  /** When the last fully successful sync of the account finished, or null. */
  lastSuccessfulSync(accountNumber: string): string | null {
    return this.sql.lastSuccessfulSync.get(accountNumber)?.finishedAt ?? null;
  }

  /** Newest first, each with its periods (newest period first). */
  listSyncRuns(accountNumber: string, limit = 20): SyncRun[] {
    return this.sql.listSyncRuns.all(accountNumber, limit).map((run) => ({ ...run, periods: this.sql.syncRunPeriods.all(run.id) }));
  }

  // ---------------------------------------------------------------- replacement internals

  private commitInTransaction(input: StagedPeriodInput, stage: PeriodStage): ReplaceCounts {
    const slice = stage.slice;
    if (slice.period !== input.period.period || slice.accountNumber !== input.accountNumber) {
      throw new Error(`staged ${slice.accountNumber}/${slice.period} but asked to commit ${input.accountNumber}/${input.period.period}`);
    }
    const counts = stage.counts();
    const previous = this.getPeriod(slice.accountNumber, slice.period);
    this.deleteSlice(slice);
    this.insertRooms(slice, input.rooms);
    for (const { conferenceId } of this.staging!.cachedElsewhere.all(slice.accountNumber)) {
      this.evictConferenceFiledElsewhere(slice, conferenceId);
    }
    const offset = (this.sql.nextConferenceRow.get()?.next ?? 1) - 1;
    this.staging!.copyConferences.run(slice.accountNumber, slice.period, offset);
    this.staging!.copyParticipants.run(offset);
    const { scope, revision } = periodStateAfterReplace(previous, stage.scope, input.period.revision);
    this.sql.savePeriodSync.run({
      accountNumber: slice.accountNumber,
      period: slice.period,
      start: input.period.start,
      invoiced: input.period.invoiced ? 1 : 0,
      revision,
      scope,
      origin: input.origin,
      syncedAt: input.syncedAt,
    });
    return counts;
  }

  private deleteSlice({ accountNumber, period, room }: PeriodSlice): void {
    // Legs first: the foreign key forbids conferences that still have legs.
    if (room === null) {
      this.sql.deletePeriodParticipants.run(accountNumber, period);
      this.sql.deletePeriodConferences.run(accountNumber, period);
      this.sql.deletePeriodRooms.run(accountNumber, period);
    } else {
      this.sql.deleteRoomParticipants.run(accountNumber, period, room);
      this.sql.deleteRoomConferences.run(accountNumber, period, room);
      this.sql.deleteRoom.run(accountNumber, period, room);
    }
  }

  private insertRooms(slice: PeriodSlice, rooms: readonly ApiRoom[]): void {
    for (const room of rooms) {
      assertInScope(slice, room.roomNumber, `room ${room.roomNumber}`);
      this.sql.insertRoom.run(
        slice.accountNumber,
        slice.period,
        room.roomNumber,
        room.cardholder,
        room.autoBillingCode,
        room.conferenceCount,
        room.accumulatedSeconds,
        room.chargeCents,
        extraFieldsJson(room, KNOWN_ROOM_FIELDS),
      );
    }
  }

  /**
   * The conference id is already cached. Inside the slice being replaced that
   * can only be a duplicate in the provider's data: refuse. Elsewhere (another
   * period or room), the provider now files it here: move it, and make its old
   * period fetch again since that copy is no longer complete.
   */
  private evictConferenceFiledElsewhere(slice: PeriodSlice, conferenceId: string): void {
    const existing = this.sql.conferenceLocation.get(slice.accountNumber, conferenceId);
    if (!existing) throw new Error(`Conference ${conferenceId} violates a unique constraint but is not cached.`);
    const insideSlice = existing.period === slice.period && (slice.room === null || existing.roomNumber === slice.room);
    if (insideSlice) {
      throw new CacheError(
        'duplicate_conference',
        `The provider sent conference ${conferenceId} twice for period ${slice.period} of account ${slice.accountNumber}; the cached period was left unchanged.`,
      );
    }
    this.sql.deleteConferenceParticipants.run(existing.row);
    this.sql.deleteConference.run(existing.row);
    this.sql.forgetPeriodRevision.run(slice.accountNumber, existing.period);
  }
}

// ---------------------------------------------------------------- staging

export type StagedPeriodInput = Omit<ReplacePeriodInput, 'conferences'>;

interface StagingStatements {
  writer: PeriodWriterStatements;
  cachedElsewhere: Database.Statement<[string], { conferenceId: string }>;
  duplicateId: Database.Statement<[], { conferenceId: string }>;
  copyConferences: Database.Statement<[string, string, number]>;
  copyParticipants: Database.Statement<[number]>;
  clear(): void;
}

function prepareStaging(db: CacheDatabase): StagingStatements {
  // Same columns as the cache's tables, no constraints and no index: staging
  // is the hot path of a sync. A conference id twice in one period is caught
  // by the cache's own UNIQUE constraint when the stage is committed.
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS staged_conferences AS SELECT ${STAGED_CONFERENCE_COLUMN_LIST} FROM main.conferences WHERE 0;
    CREATE TEMP TABLE IF NOT EXISTS staged_participants AS SELECT ${PARTICIPANT_COLUMN_LIST} FROM main.participants WHERE 0;
  `);
  const clearConferences = db.prepare('DELETE FROM temp.staged_conferences');
  const clearParticipants = db.prepare('DELETE FROM temp.staged_participants');
  const shifted = (columns: string, first: string) => columns.replace(first, `${first} + ?`);
  return {
    writer: preparePeriodWriterStatements(db, STAGING_TABLES),
    cachedElsewhere: db.prepare(
      `SELECT s.conference_id AS conferenceId FROM temp.staged_conferences s
       JOIN main.conferences c ON c.account_number = ? AND c.conference_id = s.conference_id`,
    ),
    duplicateId: db.prepare(
      `SELECT conference_id AS conferenceId FROM temp.staged_conferences GROUP BY conference_id HAVING count(*) > 1 LIMIT 1`,
    ),
    copyConferences: db.prepare(
      `INSERT INTO main.conferences (account_number, period, ${STAGED_CONFERENCE_COLUMN_LIST})
       SELECT ?, ?, ${shifted(STAGED_CONFERENCE_COLUMN_LIST, 'row')} FROM temp.staged_conferences ORDER BY rowid`,
    ),
    copyParticipants: db.prepare(
      `INSERT INTO main.participants (${PARTICIPANT_COLUMN_LIST})
       SELECT ${shifted(PARTICIPANT_COLUMN_LIST, 'conference_row')} FROM temp.staged_participants ORDER BY rowid`,
    ),
    clear: () => {
      clearParticipants.run();
      clearConferences.run();
    },
  };
}

/** A period's new content, staged page by page until it is committed or discarded. */
export class PeriodStage {
  private readonly staged: ReplaceCounts = { conferences: 0, participants: 0 };

  constructor(
    readonly slice: PeriodSlice,
    private readonly statements: StagingStatements,
  ) {}

  get scope(): SyncScope {
    return this.slice.room ?? ACCOUNT_SCOPE;
  }

  add(conferences: readonly ApiConference[]): void {
    for (const conference of conferences) assertInScope(this.slice, conference.roomNumber, `conference ${conference.id}`);
    this.insert(flattenPage(conferences, this.staged.conferences + 1));
  }

  /**
   * Stages a page already flattened by flattenPage() (by the downloading
   * thread), its rows numbered after the ones staged before.
   */
  addFlat(page: FlatPage): void {
    for (let index = 0; index < page.conferences; index++) {
      assertInScope(this.slice, String(flatRoomNumber(page, index)), `a conference of room ${String(flatRoomNumber(page, index))}`);
    }
    this.insert(page);
  }

  /** What was staged so far. */
  counts(): ReplaceCounts {
    return { ...this.staged };
  }

  private insert(page: FlatPage): void {
    insertFlatRows(this.statements.writer.conferences, page.conferenceBatches, STAGED_CONFERENCE_COLUMN_COUNT);
    insertFlatRows(this.statements.writer.participants, page.participantBatches, PARTICIPANT_COLUMN_COUNT);
    this.staged.conferences += page.conferences;
    this.staged.participants += page.participants;
  }

  discard(): void {
    this.statements.clear();
  }
}

// ---------------------------------------------------------------- helpers

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

function assertInScope(slice: PeriodSlice, roomNumber: string, what: string): void {
  if (slice.room !== null && roomNumber !== slice.room) {
    throw new CacheError(
      'out_of_scope',
      `The provider sent ${what} of room ${roomNumber} to a login for room ${slice.room} (period ${slice.period}); the cached period was left unchanged.`,
    );
  }
}

function isPage(item: ApiConference | readonly ApiConference[]): item is readonly ApiConference[] {
  return Array.isArray(item);
}

function toPeriodInfo(record: PeriodRecord): PeriodInfo {
  return { ...record, invoiced: record.invoiced === 1, servedByProvider: record.servedByProvider === 1 };
}

function toConferenceRow(record: ConferenceRecord): ConferenceRow {
  return {
    id: record.id,
    roomNumber: record.roomNumber,
    start: record.start,
    serviceType: record.serviceType,
    billingCode: record.billingCode,
    pending: toPendingBillingCode(record),
    participantCount: record.participantCount,
    lengthSeconds: record.lengthSeconds,
    accumulatedSeconds: record.accumulatedSeconds,
    chargeCents: record.chargeCents,
  };
}

function toPeriodConferenceRow(record: PeriodConferenceRecord): PeriodConferenceRow {
  return { ...toConferenceRow(record), period: record.period, cardholder: record.cardholder, extraJson: record.extraJson };
}

function toPendingBillingCode(record: ConferenceRecord): PendingBillingCode | null {
  if (record.outboxId === null || record.outboxState === null) return null;
  return {
    outboxId: record.outboxId,
    billingCode: record.outboxBillingCode,
    state: record.outboxState,
    errorCode: record.outboxErrorCode,
    errorMessage: record.outboxErrorMessage,
  };
}

/** Now as UTC ISO text without milliseconds ('2009-05-06T07:02:11Z'). */
export function nowUtc(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
