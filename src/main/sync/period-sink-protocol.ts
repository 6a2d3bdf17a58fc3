import type { StagedPeriodInput } from '../cache/repository';
import type { ReplaceCounts, SyncScope } from '../cache/types';
import type { ApiConference } from '../provider/api-schemas';

export type SinkRequest =
  | { type: 'begin'; accountNumber: string; period: string; scope: SyncScope }
  /** A page as objects, or as the provider's (already validated) JSON text of the page. */
  | { type: 'add'; id: number; conferences: readonly ApiConference[] }
  | { type: 'add-text'; id: number; text: string }
  | { type: 'commit'; id: number; input: StagedPeriodInput }
  | { type: 'discard' }
  | { type: 'close'; id: number };

export type SinkReply =
  | { id: number; ok: true; counts: ReplaceCounts }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };
