// The archive's states as main keeps them (the machine that moves between
// them: archive.ts), what the renderer sees of them, and the error a read or
// a write meets in each.
import type { ArchiveProblem, ArchiveStateView, ReadOnlyReason } from '../../../shared/archive-contract';
import { AppError } from '../../errors';

export type ArchiveState =
  /** Opened read-only (when `readable`) while SQLite checks the file; writes wait. */
  | { state: 'checking'; readable: boolean }
  | { state: 'ready' }
  /** Browsable and exportable; no sync, no edits. `problem`/`browsing`: the newer archive kept aside and the file shown instead. */
  | { state: 'read-only'; reason: ReadOnlyReason; problem: ArchiveProblem | null; browsing: string | null }
  | { state: 'unavailable'; problem: ArchiveProblem };

export function stateView(state: ArchiveState, file: string): ArchiveStateView {
  const view: ArchiveStateView = { state: state.state, readable: false, reason: null, problem: null, file, browsing: null };
  switch (state.state) {
    case 'checking':
      return { ...view, readable: state.readable };
    case 'ready':
      return { ...view, readable: true };
    case 'read-only':
      return { ...view, readable: true, reason: state.reason, problem: state.problem, browsing: state.browsing };
    case 'unavailable':
      return { ...view, problem: state.problem };
  }
}

const READ_ONLY_WHY: Record<ReadOnlyReason, string> = {
  read_only_file: 'the file is read-only',
  read_only_folder: 'its folder is read-only',
  locked: 'another program is using it',
  other_file: 'it is another file, shown instead of an archive written by a newer version',
};

/** Why the archive cannot be read or changed now, in `state`. */
export function stateError(state: ArchiveState, file: string): AppError {
  switch (state.state) {
    case 'read-only':
      return new AppError('archive_read_only', `The archive ${state.browsing ?? file} can only be read (${READ_ONLY_WHY[state.reason]}): syncing and changes are off.`);
    case 'unavailable':
      return new AppError('archive_unavailable', state.problem.message);
    case 'checking':
    case 'ready':
      return new AppError('archive_busy', `The archive ${file} is being opened or checked: try again in a moment.`);
  }
}
