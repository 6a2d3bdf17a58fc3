// The archive's facts in the user's words, shared by the recovery screen,
// the read-only banner and Settings → Archive: why it can only be read, the
// months it holds, what a restore did.
import type { ArchiveMonth, ArchiveStateView, RestoreOutcome } from '../../shared/archive-contract';
import type { Formatter } from '../../shared/format';
import type { Translate } from '../../shared/i18n';

/** The file's name without its folder (paths are shown whole elsewhere). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}

export function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : file;
}

/** Why the archive can only be read, one sentence; null when it can be written. */
export function readOnlyText(state: ArchiveStateView, t: Translate): string | null {
  if (state.state !== 'read-only' || state.reason === null) return null;
  switch (state.reason) {
    case 'read_only_file':
      return t('archive.readOnly.read_only_file', { file: state.file });
    case 'read_only_folder':
      return t('archive.readOnly.read_only_folder', { folder: folderOf(state.file) });
    case 'locked':
      return t('archive.readOnly.locked');
    case 'other_file':
      return t('archive.readOnly.other_file', { file: state.browsing ?? '' });
  }
}

/** An outcome to tell: done, or refused (an error's tone). */
export interface Told {
  tone: 'done' | 'refused';
  text: string;
}

/** "12 months (3 archived): Feb 2009 – Jan 2010". */
export function monthsSummary(months: readonly ArchiveMonth[], t: Translate, format: Formatter): string {
  if (months.length === 0) return t('months.none');
  const archived = months.filter((m) => m.archived).length;
  const span = months.length === 1 ? format.month(months[0]!.period) : `${format.month(months[0]!.period)} – ${format.month(months.at(-1)!.period)}`;
  const monthsText = t('months.count', { count: months.length });
  return archived > 0
    ? t('months.summaryArchived', { months: monthsText, archived: t('months.archivedCount', { count: archived }), span })
    : t('months.summary', { months: monthsText, span });
}

/** What a restore (or choosing a file) did, for a notice; null when nothing happened. */
export function restoreOutcomeText(outcome: RestoreOutcome, t: Translate): Told | null {
  switch (outcome.status) {
    case 'cancelled':
      return null;
    case 'refused':
      return { tone: 'refused', text: t('restore.refused', { reason: t(`restore.reason.${outcome.problem.kind}`) }) };
    case 'browsing':
      return { tone: 'done', text: t('restore.browsing', { file: baseName(outcome.from) }) };
    case 'restored': {
      const done = t('restore.done', { file: baseName(outcome.from), count: outcome.months.length });
      return { tone: 'done', text: outcome.setAside ? `${done} ${t('restore.setAside', { file: baseName(outcome.setAside) })}` : done };
    }
  }
}
