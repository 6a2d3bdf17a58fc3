// Settings → Archive: where the archive is, its size, its months (oldest to
// newest, each the provider's or archived), the last backup; Back up now…
// (main's Save dialog), Restore… (main's Open dialog, after saying the
// current archive is kept aside) and Show in folder.
import { useCallback, useEffect, useState } from 'react';
import type { ArchiveStatus } from '../../../shared/archive-contract';
import type { Translate } from '../../../shared/i18n';
import { useArchive } from '../archive-context';
import { folderOf, monthsSummary, restoreOutcomeText, type Told } from '../archive-words';
import { callMain } from '../bridge';
import { describeError } from '../errors';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';

/** What the last action did, said in the current language (it may change meanwhile). */
type Outcome = ((t: Translate) => Told | null) | null;

const failed = (cause: unknown): Outcome => (t) => ({ tone: 'refused', text: describeError(cause, t) });

/** `onImport`: Import OAI downloads… (account sign-ins only). */
export function ArchiveSettings(props: { onImport?: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const archive = useArchive();
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRestore, setConfirmRestore] = useState(false);

  const load = useCallback(() => {
    callMain('archiveStatus', {}).then(setStatus, (cause: unknown) => setOutcome(() => failed(cause)));
  }, []);
  useEffect(load, [load, archive.state]);

  const run = <T,>(work: () => Promise<T>, told: (result: T) => Outcome) => {
    setBusy(true);
    setOutcome(null);
    work().then(
      (result) => {
        const next = told(result);
        setBusy(false);
        setOutcome(() => next);
        load();
      },
      (cause: unknown) => {
        setBusy(false);
        setOutcome(() => failed(cause));
      },
    );
  };
  const backUp = () =>
    run(
      () => callMain('backupNow', {}),
      (saved) => (saved.status === 'saved' ? (tr) => ({ tone: 'done', text: tr('archiveSettings.backedUp', { file: saved.path ?? '', count: saved.monthCount }) }) : null),
    );
  const restore = () => {
    setConfirmRestore(false);
    run(
      () => callMain('chooseAndRestore', {}),
      (result) => {
        // The app reopens on the restored archive (this dialog with it): the banner tells what happened.
        if (result.status === 'restored') archive.setNotice((tr) => restoreOutcomeText(result, tr)?.text ?? '');
        return (tr) => restoreOutcomeText(result, tr);
      },
    );
  };
  const showFolder = () =>
    run(
      () => callMain('showArchiveFolder', {}),
      (shown) => (tr) => ({ tone: 'done', text: tr('archiveSettings.folderShown', { folder: folderOf(shown.path) }) }),
    );
  const told = outcome?.(t) ?? null;

  const file = status?.file ?? archive.state.file;
  return (
    <section className="field archive-settings" aria-labelledby="archive-settings-title" data-testid="archive-settings">
      <h3 id="archive-settings-title" className="archive-settings-title">
        {t('archiveSettings.title')}
      </h3>
      <dl className="archive-facts">
        <dt>{t('archiveSettings.where')}</dt>
        <dd className="archive-path" data-testid="archive-path">
          {file}
        </dd>
        <dt>{t('archiveSettings.size')}</dt>
        <dd data-testid="archive-size">{status?.sizeBytes != null ? t('archiveSettings.sizeMb', { size: megabytes(status.sizeBytes, format.options.language) }) : '—'}</dd>
        <dt>{t('archiveSettings.months')}</dt>
        <dd data-testid="archive-months">
          {status ? monthsSummary(status.months, t, format) : t('common.loading')}
          {status && status.months.length > 0 ? (
            <ul className="archive-month-list">
              {status.months.map((m) => (
                <li key={`${m.accountNumber}|${m.period}`}>
                  {format.month(m.period)} <span className={m.archived ? 'badge badge-warning' : 'badge badge-neutral'}>{m.archived ? t('months.archived') : t('months.provider')}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </dd>
        <dt>{t('archiveSettings.lastBackup')}</dt>
        <dd data-testid="archive-last-backup">{status?.lastBackupAt ? format.localDateTime(status.lastBackupAt) : t('archiveSettings.noBackup')}</dd>
      </dl>
      <div className="archive-actions">
        <button type="button" className="button" disabled={busy} onClick={backUp}>
          {t('archiveSettings.backupNow')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setConfirmRestore(true)} aria-expanded={confirmRestore}>
          {t('archiveSettings.restore')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={showFolder}>
          {t('archiveSettings.showInFolder')}
        </button>
      </div>
      {props.onImport ? (
        <div className="archive-import" data-testid="settings-archive">
          <p className="field-hint">{t('settings.importHint')}</p>
          <button type="button" className="button" disabled={busy || !archive.writable} onClick={props.onImport} data-testid="settings-import">
            {t('import.open')}
          </button>
        </div>
      ) : null}
      {confirmRestore ? (
        <div className="notice notice-warning archive-confirm" data-testid="restore-confirm">
          <p>{t('archiveSettings.restoreConfirm', { folder: folderOf(file) })}</p>
          <div className="archive-actions">
            <button type="button" className="button button-primary" onClick={restore}>
              {t('archiveSettings.chooseFile')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmRestore(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {told ? (
        <p role={told.tone === 'refused' ? 'alert' : 'status'} className={told.tone === 'refused' ? 'form-error' : 'field-hint'} data-testid="archive-outcome">
          {told.text}
        </p>
      ) : null}
    </section>
  );
}

/** Megabytes with one decimal, in the language's digits (12.3 / 12,3). */
function megabytes(bytes: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1_048_576);
}
