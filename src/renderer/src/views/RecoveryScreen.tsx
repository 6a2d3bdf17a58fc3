// The recovery screen: the archive cannot be used (damaged, truncated, not an
// archive, a newer version's, cannot open). It says what happened in the
// user's words and offers: restore the newest good backup (its date and
// months), choose another backup or cache file (main's Open dialog), or
// start with an empty archive (the old one set aside, not deleted). A newer
// version's archive is never set aside: only another file can be shown.
import { useEffect, useId, useState } from 'react';
import type { ArchiveProblem, ArchiveStateView, ArchiveStatus, RestoreOutcome } from '../../../shared/archive-contract';
import type { Translate } from '../../../shared/i18n';
import { useArchive, type Notice } from '../archive-context';
import { baseName, folderOf, monthsSummary, restoreOutcomeText } from '../archive-words';
import { callMain } from '../bridge';
import { Dialog } from '../components/Dialog';
import { describeError } from '../errors';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';

type Busy = 'newest' | 'choose' | 'empty' | null;

export function RecoveryScreen(props: { state: ArchiveStateView; version: string }) {
  const { t } = useI18n();
  const { setNotice } = useArchive();
  const problem: ArchiveProblem = props.state.problem ?? { kind: 'cannot_open', message: '', writtenBy: null };
  const newer = problem.kind === 'newer_version';
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  // Said in the current language, which may change meanwhile.
  const [failure, setFailure] = useState<((tr: Translate) => string) | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    let live = true;
    callMain('archiveStatus', {}).then(
      (answer) => live && setStatus(answer),
      (cause: unknown) => live && setFailure(() => (tr: Translate) => describeError(cause, tr)),
    );
    return () => {
      live = false;
    };
  }, [props.state]);

  /**
   * Runs an action: a refusal is told here; what a restore did, on the next
   * screen (the archive changes state); browsing another file needs no
   * notice, the read-only banner says it.
   */
  const act = (which: Exclude<Busy, null>, run: () => Promise<Notice | RestoreOutcome>) => {
    setBusy(which);
    setFailure(null);
    run().then(
      (result) => {
        setBusy(null);
        if (typeof result === 'function') return setNotice(result);
        if (result.status === 'refused') setFailure(() => (tr: Translate) => restoreOutcomeText(result, tr)?.text ?? '');
        else if (result.status === 'restored') setNotice((tr) => restoreOutcomeText(result, tr)?.text ?? '');
      },
      (cause: unknown) => {
        setBusy(null);
        setFailure(() => (tr: Translate) => describeError(cause, tr));
      },
    );
  };
  const startEmpty = () => {
    setConfirming(false);
    act('empty', async (): Promise<Notice> => {
      const { setAside } = await callMain('startEmptyCache', {});
      return (tr) => (setAside ? `${tr('restore.startedEmpty')} ${tr('restore.setAside', { file: baseName(setAside) })}` : tr('restore.startedEmpty'));
    });
  };

  return (
    <div className="recovery-page">
      <section className="recovery-column" aria-labelledby="recovery-title" data-testid="recovery-screen" data-problem={problem.kind}>
        <div className="card recovery-card" role="alert">
          <h1 id="recovery-title" className="page-title">
            {t(`recovery.title.${problem.kind}`)}
          </h1>
          <p>{problemText(problem, props.version, t)}</p>
          <p className="recovery-where">{t('recovery.where', { file: props.state.file })}</p>
          <Details message={problem.message} />
        </div>
        {failure ? (
          <p role="alert" className="notice notice-danger" data-testid="recovery-error">
            {failure(t)}
          </p>
        ) : null}
        {newer ? null : <NewestBackup status={status} busy={busy} onRestore={() => act('newest', () => callMain('restoreNewestBackup', {}))} />}
        <div className="card recovery-action">
          <button type="button" className="button" disabled={busy !== null} onClick={() => act('choose', () => callMain('chooseAndRestore', {}))}>
            {busy === 'choose' ? t('recovery.working') : t('recovery.chooseFile')}
          </button>
          <p className="field-hint">{newer ? t('recovery.browseHelp') : t('recovery.chooseFileHelp')}</p>
        </div>
        {newer ? (
          <p className="notice notice-info">{t('recovery.update')}</p>
        ) : (
          <div className="card recovery-action">
            <button type="button" className="button" disabled={busy !== null} onClick={() => setConfirming(true)}>
              {busy === 'empty' ? t('recovery.working') : t('recovery.startEmpty')}
            </button>
            <p className="field-hint">{t('recovery.startEmptyHelp')}</p>
          </div>
        )}
      </section>
      {confirming ? (
        <Dialog
          title={t('recovery.confirmEmptyTitle')}
          onClose={() => setConfirming(false)}
          testId="confirm-empty"
          footer={
            <>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button-primary" onClick={startEmpty}>
                {t('recovery.confirmEmpty')}
              </button>
            </>
          }
        >
          <p>{t('recovery.confirmEmptyBody', { folder: folderOf(props.state.file) })}</p>
        </Dialog>
      ) : null}
    </div>
  );
}

function problemText(problem: ArchiveProblem, current: string, t: ReturnType<typeof useI18n>['t']): string {
  if (problem.kind !== 'newer_version') return t(`recovery.body.${problem.kind}`);
  return problem.writtenBy ? t('recovery.body.newer_version', { version: problem.writtenBy, current }) : t('recovery.body.newerUnknown', { current });
}

function NewestBackup(props: { status: ArchiveStatus | null; busy: Busy; onRestore: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const backup = props.status?.newestGoodBackup ?? null;
  return (
    <div className="card recovery-action" data-testid="newest-backup">
      <button type="button" className="button button-primary" disabled={backup === null || props.busy !== null} onClick={props.onRestore}>
        {props.busy === 'newest' ? t('recovery.working') : t('recovery.restoreNewest')}
      </button>
      {props.status === null ? (
        <p className="field-hint">{t('recovery.checkingBackups')}</p>
      ) : backup === null ? (
        <p className="field-hint">{t('recovery.noBackup')}</p>
      ) : (
        <p className="field-hint">
          <strong>{t('recovery.backupTaken', { date: format.localDateTime(backup.createdAt) })}</strong> · {monthsSummary(backup.months, t, format)}
        </p>
      )}
    </div>
  );
}

/** Main's own words about the file, on demand. */
function Details(props: { message: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (props.message === '') return null;
  return (
    <div>
      <button type="button" className="button button-quiet button-small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t('viewError.details')}
      </button>
      <pre id={id} className="view-error-details" hidden={!open} data-testid="recovery-details">
        {props.message}
      </pre>
    </div>
  );
}
