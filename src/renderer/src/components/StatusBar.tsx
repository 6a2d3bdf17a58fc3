// The status bar: when the account last synced, a progress bar while it
// syncs (the months downloading side by side, rows), Sync now and Cancel
// (which stops every month), the provider's support phone (from the
// account's data, as printed pages give it) and the app's version.
import { useSyncExternalStore } from 'react';
import { useArchive } from '../archive-context';
import { describeCode } from '../errors';
import { formatMonth } from '../../../shared/format';
import { useFormat } from '../format-context';
import { Details } from './Details';
import { useI18n } from '../i18n';
import { runningSyncText } from '../sync-status-text';
import type { SyncStore } from '../sync-store';
import type { SyncActions } from '../use-sync-actions';

export function StatusBar(props: {
  version: string | null;
  shell: 'electron' | 'browser-harness' | null;
  sync?: { store: SyncStore; actions: SyncActions };
  /** The signed-in account's support phone, when the provider gives one. */
  supportPhone?: string | null;
  /** Billing-code changes waiting to be sent; nothing is shown for none. */
  pendingChanges?: number | undefined;
}) {
  const { t } = useI18n();
  const pending = props.pendingChanges ?? 0;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <div className="statusbar-sync">
        {props.sync ? <SyncStatus {...props.sync} /> : null}
        {pending > 0 ? (
          <span className="statusbar-pending" data-testid="pending-changes">
            {t('status.pendingChanges', { count: pending })}
          </span>
        ) : null}
      </div>
      <div className="statusbar-app">
        {props.supportPhone ? (
          <span className="statusbar-phone" data-testid="support-phone">
            {t('status.supportPhone', { phone: props.supportPhone })}
          </span>
        ) : null}
        {props.version === null ? (
          <span>{t('shell.loading')}</span>
        ) : (
          <>
            <span>{t('status.version', { version: props.version })}</span>
            {props.shell ? <span>{props.shell === 'electron' ? t('status.shell.electron') : t('status.shell.browser-harness')}</span> : null}
          </>
        )}
      </div>
    </footer>
  );
}

function SyncStatus(props: { store: SyncStore; actions: SyncActions }) {
  const { t } = useI18n();
  const format = useFormat();
  const { store } = props;
  const { syncNow, cancel, error } = props.actions;
  const progress = useSyncExternalStore(store.subscribe, store.get);
  const archive = useArchive();
  // A sentence for the user; main's technical text is under Details.
  const failedText = t('sync.failed', { message: describeCode(progress?.failureCode, t) ?? (progress?.failureCode ? t('error.unknown') : t('sync.periodsFailed')) });

  const lastSuccess = progress?.lastSuccessAt
    ? t('sync.lastSuccess', { when: format.localDateTime(progress.lastSuccessAt) })
    : t('sync.never');

  if (progress?.state === 'running') {
    const count = Math.max(progress.periodCount, 1);
    // Months downloaded count whole, months downloading half.
    const started = Math.min(Math.max(progress.periodIndex, 0), count);
    const inFlight = Math.min(progress.monthsInFlight.length, started);
    return (
      <div className="sync sync-running" data-testid="sync-status">
        <span className="sync-text" role="status">
          {runningSyncText(progress, t, (month) => formatMonth(month, format.options.language), (n) => format.count(n))}
        </span>
        <progress
          className="sync-progress"
          max={count}
          value={started - inFlight + (inFlight > 0 ? inFlight / 2 : 0.5)}
          aria-label={t('sync.progressLabel')}
          aria-valuetext={t('sync.progressText', { index: progress.periodIndex, total: progress.periodCount })}
        />
        <button type="button" className="button button-small" onClick={cancel}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }

  return (
    <div className="sync" data-testid="sync-status">
      <span className="sync-text" role="status">
        <span data-testid="last-sync">{lastSuccess}</span>
        {progress?.state === 'cancelled' ? <span> · {t('sync.cancelled')}</span> : null}
        {progress?.state === 'failed' ? (
          <span className="sync-failed" data-testid="sync-failed" title={failedText}>
            {' · '}
            {failedText}
          </span>
        ) : null}
        {error ? <span className="sync-failed"> · {error}</span> : null}
      </span>
      {progress?.state === 'failed' ? <Details detail={progress.message} /> : null}
      <button
        type="button"
        className="button button-small"
        onClick={syncNow}
        disabled={!archive.writable}
        title={archive.writable ? undefined : t('archive.readOnlyShort')}
      >
        {t('sync.now')}
      </button>
    </div>
  );
}
