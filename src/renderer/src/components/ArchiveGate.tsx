// What the window shows for the archive's state: the recovery screen when it
// cannot be used, a short "Checking your archive…" screen while it is checked
// before a migration (or replaced by a restore), otherwise the app itself,
// with a banner when the archive can only be read or is being checked.
import type { ReactNode } from 'react';
import { useArchive } from '../archive-context';
import { readOnlyText } from '../archive-words';
import { useI18n } from '../i18n';
import { RecoveryScreen } from '../views/RecoveryScreen';

export function ArchiveGate(props: { version: string; frame: (screen: ReactNode) => ReactNode; children: ReactNode }) {
  const { state } = useArchive();
  if (state.state === 'unavailable') return props.frame(<RecoveryScreen state={state} version={props.version} />);
  if (state.state === 'checking' && !state.readable) return props.frame(<CheckingScreen />);
  return props.children;
}

function CheckingScreen() {
  const { t } = useI18n();
  return (
    <div className="empty-state card" data-testid="archive-checking" role="status">
      <h1>{t('archive.checkingTitle')}</h1>
      <p>{t('archive.checkingBody')}</p>
    </div>
  );
}

/** Above the views: read-only (why, and what still works), a check in progress, or what a restore just did. */
export function ArchiveBanner() {
  const { t } = useI18n();
  const { state, notice, setNotice } = useArchive();
  const readOnly = readOnlyText(state, t);
  return (
    <>
      {notice ? (
        <div className="notice notice-info archive-banner" role="status" data-testid="archive-notice">
          <span>{notice(t)}</span>
          <button type="button" className="button button-quiet button-small" onClick={() => setNotice(null)}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
      {readOnly ? (
        <div className="notice notice-warning archive-banner" role="status" data-testid="read-only-banner">
          <span>
            <strong>{t('archive.readOnlyTitle')}</strong> · {readOnly} {t('archive.readOnlyHelp')}
          </span>
        </div>
      ) : null}
      {state.state === 'checking' ? (
        <p className="archive-checking-notice" role="status" data-testid="archive-checking-notice">
          {t('archive.checkingNotice')}
        </p>
      ) : null}
    </>
  );
}
