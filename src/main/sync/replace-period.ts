// Replacing a period from the provider's data in one call: stage every page,
// then commit, all or nothing. For tests and tools that have the whole period
// at hand; the sync engine stages page by page as they download.
import { commitStagedPeriod, providerKey, stagePeriod, type ReplaceCounts, type SyncScope, type WritableDB } from '../cache';
import type { ApiConference, ApiPeriod, ApiRoom } from '../provider/api-schemas';
import { flattenPage } from './flatten-page';
import { toPeriodMeta, toRoomInput } from './provider-rows';

/**
 * Conferences for replacePeriod: an array, or any iterable of conferences or of
 * pages of conferences (e.g. a generator yielding each page's array).
 */
export type ConferenceSource = Iterable<ApiConference | readonly ApiConference[]>;

export interface ReplacePeriodInput {
  accountNumber: string;
  period: ApiPeriod;
  scope: SyncScope;
  /** Provider base URL; its origin (providerKey()) keys the rows. */
  origin: string;
  rooms: readonly ApiRoom[];
  conferences: ConferenceSource;
  syncedAt: string;
}

/**
 * Replaces a period's content in ONE transaction: the previous rows of the
 * slice (the whole period, or only the room of a room login) are deleted and
 * the new ones inserted. Throws and changes nothing if anything fails,
 * including the conference iterator throwing midway.
 */
export function replacePeriod(db: WritableDB, input: ReplacePeriodInput): ReplaceCounts {
  const provider = providerKey(input.origin);
  const stage = stagePeriod(db, { provider, accountNumber: input.accountNumber }, input.period.period, input.scope);
  try {
    for (const item of input.conferences) stage.add(flattenPage(isPage(item) ? item : [item], stage.nextRow));
    const staged = { ...input, provider, period: toPeriodMeta(input.period), rooms: input.rooms.map(toRoomInput) };
    return commitStagedPeriod(db, staged, stage);
  } finally {
    stage.discard();
  }
}

function isPage(item: ApiConference | readonly ApiConference[]): item is readonly ApiConference[] {
  return Array.isArray(item);
}
