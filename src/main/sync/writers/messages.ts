// The messages between the main thread (writer-thread.ts) and a writer thread
// (writer-thread.worker.ts).
import type { AccountKey, FlatPage, ReplaceCounts, StagedPeriodInput, SyncScope } from '../../cache';

export type WriterRequest =
  | { type: 'begin'; key: AccountKey; period: string; scope: SyncScope }
  /** A page flattened into rows ready to bind (see flattenPage). */
  | { type: 'add'; id: number; page: FlatPage }
  | { type: 'commit'; id: number; input: StagedPeriodInput }
  | { type: 'discard' }
  | { type: 'close'; id: number };

export type WriterReply =
  | { id: number; ok: true; counts: ReplaceCounts }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };
