// Shapes specific to the cache's writers and main-process readers (sync
// engine, exports). Shapes the renderer sees live in src/shared/domain.ts.
// The cache knows nothing of the provider's API: src/main/sync/ maps the
// provider's shapes to these inputs.
import type { ConferenceRow, OutboxState, ParticipantRow } from '../../shared/domain';

/**
 * Whose data: an account at a provider. The provider is its key
 * (providerKey(): the origin of its address, or 'embedded-demo').
 */
export interface AccountKey {
  provider: string;
  accountNumber: string;
}

/** What a sign-in may see: an account at a provider, or one room of it. */
export interface ViewScope extends AccountKey {
  /** null = every room (an account sign-in). */
  roomNumber: string | null;
}

/** An account the cache holds something of, and how many months it has content for. */
export interface CachedAccount extends AccountKey {
  months: number;
}

/** Which login filled a period: 'account', or the room number of a room login. */
export type SyncScope = string;
export const ACCOUNT_SCOPE = 'account';

/** An account's details as the provider describes them. */
export interface AccountInput {
  accountNumber: string;
  companyName: string;
  currency: string;
  timeZone: string;
  supportPhone?: string | null;
}

/** A billing period as the provider lists it. */
export interface PeriodMeta {
  /** YYYY-MM. */
  period: string;
  /** YYYY-MM-DD. */
  start: string;
  invoiced: boolean;
  /** The provider's revision of the period's content. */
  revision: string;
}

/** A room's totals for a period, as the provider sends them. */
export interface RoomInput {
  roomNumber: string;
  cardholder: string | null;
  autoBillingCode: string | null;
  conferenceCount: number;
  accumulatedSeconds: number;
  chargeCents: number;
  /** Fields of the provider this version does not know, as JSON object text, or null. */
  extraJson: string | null;
}

/** What a staged period is committed with (its conferences are in the stage). */
export interface StagedPeriodInput {
  /** The provider's key (providerKey()). */
  provider: string;
  accountNumber: string;
  period: PeriodMeta;
  scope: SyncScope;
  /** Provider base URL. */
  origin: string;
  rooms: readonly RoomInput[];
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
  provider: string;
  accountNumber: string;
  /** The conference's period; null only for a schema-1 entry whose conference was no longer cached. */
  period: string | null;
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
  provider: string;
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
