// The messages between the main thread (writer-thread.ts) and a writer thread
// (writer-thread.worker.ts).
import type { AccountKey, ReplaceCounts, StagedPeriodInput, SyncScope } from '../../cache';
import type { ApiRoom } from '../../provider/api-schemas';
import type { StagedPage } from '../page-reader';

export type WriterRequest =
  | { type: 'begin'; key: AccountKey; period: string; scope: SyncScope }
  /** A page's body as the provider sent it (its buffer moved, not copied): the thread parses, checks and stages it. */
  | { type: 'page'; id: number; body: Uint8Array; request: string; attempts: number }
  | { type: 'check'; id: number; rooms: readonly ApiRoom[] }
  | { type: 'commit'; id: number; input: StagedPeriodInput }
  | { type: 'discard' }
  | { type: 'close'; id: number };

/** An error as it crosses threads; a ProviderError keeps its kind and details. */
export interface WriterFailure {
  name: string;
  message: string;
  code?: string;
  kind?: string;
  jsonPath?: string;
  request?: string;
  attempts?: number;
}

export type WriterReply =
  | { id: number; ok: true; counts?: ReplaceCounts; page?: StagedPage }
  | { id: number; ok: false; error: WriterFailure };
