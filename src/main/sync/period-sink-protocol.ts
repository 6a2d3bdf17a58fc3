import type { StagedPeriodInput } from '../cache/repository';
import type { ReplaceCounts, SyncScope } from '../cache/types';
import type { FlatPage } from '../cache/period-writer';

export type SinkRequest =
  | { type: 'begin'; accountNumber: string; period: string; scope: SyncScope }
  /** A page flattened into rows ready to bind (see flattenPage). */
  | { type: 'add'; id: number; page: FlatPage }
  | { type: 'commit'; id: number; input: StagedPeriodInput }
  | { type: 'discard' }
  | { type: 'close'; id: number };

export type SinkReply =
  | { id: number; ok: true; counts: ReplaceCounts }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };
