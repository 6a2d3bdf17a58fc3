// A profile's sync state, kept outside React state: the status bar follows
// every progress event, while the views only re-render when a sync moves to
// another period or ends (see refreshKey), not on every page of rows.
import type { SyncProgress } from '../../shared/bridge';
import { callMain } from './bridge';

export interface SyncStore {
  subscribe: (listener: () => void) => () => void;
  get: () => SyncProgress | null;
  /**
   * Applies the answer of a call (e.g. syncNow) made when the store was at
   * `version`, unless a progress event came meanwhile: events are newer, as
   * main may finish a short sync before the call's answer arrives.
   */
  answer: (progress: SyncProgress, version: number) => void;
  /** Counts updates, to tell whether an answer is stale. */
  version: () => number;
  /** Listens to main's progress events and asks the current status; returns the stop function. */
  start: () => () => void;
}

export function createSyncStore(profileId: string): SyncStore {
  let current: SyncProgress | null = null;
  let version = 0;
  const listeners = new Set<() => void>();
  const set = (progress: SyncProgress) => {
    current = progress;
    version += 1;
    for (const listener of listeners) listener();
  };
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => current,
    answer: (progress, askedAt) => {
      if (version === askedAt) set(progress);
    },
    version: () => version,
    start: () => {
      let live = true;
      const off = window.oai.onSyncProgress((update) => {
        if (update.profileId === profileId) set(update);
      });
      const askedAt = version;
      callMain('syncStatus', { profileId }).then(
        (status) => {
          if (live && version === askedAt) set(status);
        },
        () => undefined,
      );
      return () => {
        live = false;
        off();
      };
    },
  };
}

/** Changes when views should reload: a sync started a month, swapped one in, or ended. */
export function refreshKey(progress: SyncProgress | null): string {
  if (!progress) return '';
  return `${progress.state}|${progress.periodIndex}|${progress.committed}|${progress.lastSuccessAt ?? ''}`;
}
