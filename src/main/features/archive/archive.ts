// The archive's state machine: how the app opens its cache so that it always
// starts, whatever the file is. quick_check of a large cache takes a second
// (more than a start-up can wait), so:
//
//   start ─► checking ─(intact)─► writable open (migrations, interrupted runs closed) ─► ready
//     │        │  views read the file meanwhile (unless a migration is due); writes wait
//     │        ├─(damaged)─► unavailable: every connection closed, the file left as it is
//     │        └─(the writable open is refused: read-only file or folder, locked)─► read-only
//     └─(truncated, not a cache, newer version, cannot open)─► unavailable
//
//   a read-only file or folder: a private copy is checked and browsed (nothing is created beside the file)
//   ready ─(a sync's check finds damage)─► unavailable
//   any state but checking ─restore─► checking ─► …   unavailable ─start empty─► checking ─► ready
//   unavailable (newer version) ─browse another file─► read-only ('other_file'; the newer file stays where it is)
import path from 'node:path';
import type { ArchiveProblem } from '../../../shared/archive-contract';
import {
  closeInterruptedSyncRuns,
  damagedError,
  isCacheError,
  LATEST_SCHEMA_VERSION,
  openCache,
  privateCopy,
  readFileHeader,
  setAside,
  type SetAsideResult,
  type WritableDB,
} from '../../cache';
import { quickCheckFileInBackground, restoreFrom, verifyCacheFileInBackground, type RestoreResult } from '../../cache/archive';
import { AppError } from '../../errors';
import type { Logger } from '../../log';
import { archiveHandle, type ArchiveHandle } from './archive-handle';
import { stateError, type ArchiveState } from './archive-state';
import { accessProblem, judgeHeader, problemOf, readOnlyReasonOf } from './classify';

export interface ArchiveOptions {
  file: string;
  /** Kept in the file as the version that last wrote it. */
  appVersion?: string;
  log?: Logger;
  now?: () => Date;
}

export interface Archive {
  /** Where the archive is. */
  readonly file: string;
  /** What the services read and write through. */
  readonly cache: ArchiveHandle;
  state(): ArchiveState;
  /** Calls `listener` at every change; returns the function that stops it. */
  subscribe(listener: (state: ArchiveState) => void): () => void;
  /** Opens the archive; never rejects (a problem is a state). */
  start(): Promise<void>;
  /** Resolves once the archive is no longer being checked or replaced. */
  settled(): Promise<void>;
  /** Resolves when writes may go (waiting while the archive is checked); rejects with an AppError when they may not. */
  whenWritable: () => Promise<void>;
  /** Before a sync writes: waits for whenWritable, then checks the file; damage makes the archive unavailable. */
  checkBeforeWrite: (file: string) => Promise<void>;
  writable: () => boolean;
  /** The archive is a newer version's: it is never set aside nor replaced. */
  keepsNewerArchive(): boolean;
  /** Installs `candidate` (checked by the caller) as the archive, the current one set aside; then opens it. */
  restore(candidate: string): Promise<RestoreResult>;
  /** Sets the unusable archive aside and starts an empty one. */
  startEmpty(): Promise<SetAsideResult | null>;
  /** Shows `other` read-only in place of a newer version's archive. */
  browse(other: string): Promise<void>;
  close(): void;
}

export function createArchive(options: ArchiveOptions): Archive {
  const file = path.resolve(options.file);
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(state: ArchiveState) => void>();
  let state: ArchiveState = { state: 'checking', readable: false };
  const waiters: Array<() => void> = [];
  /** Bumped by every new opening: the results of an older one are dropped. */
  let generation = 0;
  let exclusive: Promise<unknown> | null = null;
  const handle = archiveHandle(file, () => stateError(state, file));

  const set = (next: ArchiveState) => {
    state = next;
    for (const wake of waiters.splice(0)) wake();
    for (const listener of listeners) listener(next);
  };
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  const unavailable = (problem: ArchiveProblem) => {
    handle.detach();
    options.log?.error(`archive unavailable (${problem.kind}): ${problem.message}`);
    set({ state: 'unavailable', problem });
  };
  const newerProblem = (): ArchiveProblem | null => {
    const problem = state.state === 'unavailable' || state.state === 'read-only' ? state.problem : null;
    return problem?.kind === 'newer_version' ? problem : null;
  };

  /** Opens whatever is at `file` now. */
  async function open(): Promise<void> {
    const current = ++generation;
    const stale = () => current !== generation;
    handle.detach();
    try {
      const verdict = judgeHeader(file);
      if (verdict.kind === 'problem') return unavailable(verdict.problem);
      if (verdict.kind === 'new') return useWritable(writableConnection());
      const denied = accessProblem(file);
      if (denied !== null) return await browseCopy(file, stale, { reason: denied, problem: null, browsing: null });
      await openInPlace(verdict.schemaCurrent, stale);
    } catch (error) {
      if (!stale()) unavailable(problemOf(file, error));
    }
  }

  /** The writable connection, interrupted sync runs closed (its first write: a write lock held elsewhere shows here). */
  function writableConnection(): WritableDB {
    const db = openCache(file, { verify: false, appVersion: options.appVersion });
    try {
      closeInterruptedSyncRuns(db, now().toISOString());
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  function useWritable(db: WritableDB): void {
    handle.attach(db, true);
    set({ state: 'ready' });
  }

  async function openInPlace(schemaCurrent: boolean, stale: () => boolean): Promise<void> {
    if (schemaCurrent) handle.attach(openCache(file, { readonly: true }), false);
    set({ state: 'checking', readable: schemaCurrent });
    const report = await quickCheckFileInBackground(file);
    if (stale()) return;
    if (!report.ok) return unavailable(problemOf(file, damagedError(file, report)));
    let db: WritableDB;
    try {
      db = writableConnection();
    } catch (error) {
      return refusedWritable(error, stale);
    }
    useWritable(db);
  }

  /** The writable open was refused: read-only when it is because the file can only be read. */
  async function refusedWritable(error: unknown, stale: () => boolean): Promise<void> {
    const reason = readOnlyReasonOf(file, error);
    if (reason === null) throw error;
    options.log?.info(`archive ${file} opened read-only: ${error instanceof Error ? error.message : String(error)}`);
    // Read in place (another process may be writing it); a migration is due: browse a migrated copy.
    if (handle.connected) return set({ state: 'read-only', reason, problem: null, browsing: null });
    await browseCopy(file, stale, { reason, problem: null, browsing: null });
  }

  /** Checks and shows a private copy of `source`, read-only: nothing is created beside it. */
  async function browseCopy(source: string, stale: () => boolean, readOnly: Omit<Extract<ArchiveState, { state: 'read-only' }>, 'state'>): Promise<void> {
    const copy = await privateCopy(source);
    handle.own(copy.remove);
    if (stale()) return handle.detach();
    const schemaCurrent = readFileHeader(copy.file)?.userVersion === LATEST_SCHEMA_VERSION;
    if (schemaCurrent) handle.attach(openCache(copy.file, { readonly: true }), false);
    set({ state: 'checking', readable: schemaCurrent });
    const report = await quickCheckFileInBackground(copy.file);
    if (stale()) return;
    if (!report.ok) return unavailable(problemOf(source, damagedError(source, report)));
    // The copy is ours: a migration may update it.
    if (!schemaCurrent) handle.attach(openCache(copy.file, { verify: false }), false);
    set({ state: 'read-only', ...readOnly });
  }

  /** One restore, start-empty or browse at a time, never while the archive is being checked. */
  async function alone<T>(work: () => Promise<T>): Promise<T> {
    if (exclusive !== null || state.state === 'checking') {
      throw new AppError('archive_busy', `The archive ${file} is being checked or replaced: try again when it is done.`);
    }
    const running = work();
    exclusive = running;
    try {
      return await running;
    } finally {
      exclusive = null;
    }
  }

  async function whenWritable(): Promise<void> {
    for (;;) {
      if (state.state === 'ready') return;
      if (state.state !== 'checking') throw stateError(state, file);
      await changed();
    }
  }

  /** A newer version's archive stays where it is; one whose folder cannot be written, or that another program holds, cannot be replaced. */
  const refuseToReplace = () => {
    const newer = newerProblem();
    if (newer !== null) throw new AppError('archive_unavailable', `${newer.message} It is left where it is.`);
    if (state.state === 'read-only' && state.reason === 'locked') throw stateError(state, file);
    if (accessProblem(file) === 'read_only_folder') {
      throw new AppError('archive_read_only', `The archive's folder ${path.dirname(file)} cannot be written: the archive cannot be replaced there.`);
    }
  };

  return {
    file,
    cache: handle,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: open,
    async settled() {
      while (state.state === 'checking' || exclusive !== null) await (exclusive ?? changed()).catch(() => {});
    },
    whenWritable,
    async checkBeforeWrite(checked) {
      await whenWritable();
      try {
        await verifyCacheFileInBackground(checked);
      } catch (error) {
        if (isCacheError(error, 'damaged') && state.state === 'ready') {
          generation += 1;
          unavailable(problemOf(file, error));
        }
        throw error;
      }
    },
    writable: () => state.state === 'ready',
    keepsNewerArchive: () => newerProblem() !== null,
    restore: (candidate) =>
      alone(async () => {
        refuseToReplace();
        generation += 1;
        handle.detach();
        set({ state: 'checking', readable: false });
        try {
          return await restoreFrom(candidate, file, now);
        } finally {
          await open();
        }
      }),
    startEmpty: () =>
      alone(async () => {
        refuseToReplace();
        if (state.state !== 'unavailable') throw new AppError('archive_busy', `The archive ${file} can be used: it is not replaced by an empty one.`);
        const { problem } = state;
        generation += 1;
        handle.detach();
        const aside = setAside(file, problem.kind === 'damaged' ? 'damaged' : 'unopenable', problem.message, now());
        await open();
        return aside;
      }),
    browse: (other) =>
      alone(async () => {
        const newer = newerProblem();
        if (newer === null) throw new AppError('archive_busy', `The archive ${file} can be used: restore another file instead.`);
        const current = ++generation;
        handle.detach();
        try {
          await browseCopy(other, () => current !== generation, { reason: 'other_file', problem: newer, browsing: path.resolve(other) });
        } catch (error) {
          unavailable(newer);
          throw error;
        }
        // The other file was damaged after all: the archive's own problem is still the one to show.
        if (state.state === 'unavailable' && state.problem !== newer) {
          const { message } = state.problem;
          unavailable(newer);
          throw new AppError('archive_unavailable', message);
        }
      }),
    close() {
      generation += 1;
      handle.detach();
    },
  };
}
