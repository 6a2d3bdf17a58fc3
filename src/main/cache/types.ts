// Shapes specific to the cache's writers and main-process readers (sync
// engine, exports). Shapes the renderer sees live in src/shared/domain.ts.
import type { ConferenceRow, OutboxState, ParticipantRow } from '../../shared/domain';
import type { ApiConference, ApiPeriod, ApiRoom } from '../provider/api-schemas';

/** Which login filled a period: 'account', or the room number of a room login. */
export type SyncScope = string;
export const ACCOUNT_SCOPE = 'account';

/**
 * Conferences for replacePeriod: an array, or any iterable of conferences or of
 * pages of conferences (e.g. a generator yielding each page's array).
 */
export type ConferenceSource = Iterable<ApiConference | readonly ApiConference[]>;

export interface ReplacePeriodInput {
  accountNumber: string;
  period: ApiPeriod;
  scope: SyncScope;
  /** Provider base URL. */
  origin: string;
  rooms: readonly ApiRoom[];
  conferences: ConferenceSource;
  syncedAt: string;
}

export interface ReplaceCounts {
  conferences: number;
  participants: number;
}

/** A conference of a period for exports: the row plus its room's cardholder. */
export interface PeriodConferenceRow extends ConferenceRow {
  period: string;
  cardholder: string | null;
  /** Unknown provider fields as a JSON object text, or null. */
  extraJson: string | null;
}

/** A participant leg of a period for exports, with its conference. */
export interface PeriodParticipantRow extends ParticipantRow {
  conferenceId: string;
  roomNumber: string;
  conferenceStart: string;
  extraJson: string | null;
}

export interface OutboxEntry {
  id: number;
  accountNumber: string;
  conferenceId: string;
  /** null = back to Unallocated. */
  billingCode: string | null;
  state: OutboxState;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

export type SyncRunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'cancelled';
export type SyncRunPeriodStatus = 'synced' | 'skipped' | 'failed' | 'archived';

export interface SyncRunPeriod {
  period: string;
  status: SyncRunPeriodStatus;
  conferences: number;
  participants: number;
  error: string | null;
}

export interface SyncRun {
  id: number;
  accountNumber: string;
  scope: SyncScope;
  origin: string;
  startedAt: string;
  finishedAt: string | null;
  status: SyncRunStatus;
  error: string | null;
  /** Newest period first. */
  periods: SyncRunPeriod[];
}
