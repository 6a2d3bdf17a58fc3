// Signing out keeps the synced data; it may also forget the saved password.
// Billing-code changes not yet sent stay in the outbox (sent at the next sync
// of the account), but the user is told and offered to sync first.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Profile } from '../../../shared/bridge';
import { useArchive } from '../archive-context';
import { callMain } from '../bridge';
import { Dialog } from '../components/Dialog';
import { describeError } from '../errors';
import { FormError } from '../components/ViewParts';
import { useI18n } from '../i18n';
import type { SyncStore } from '../sync-store';
import type { SyncActions } from '../use-sync-actions';
import { useBridgeQuery } from '../use-bridge-query';

type Stage = 'ask' | 'syncing' | 'notAllSent';

export function SignOutDialog(props: { profile: Profile; sync: { store: SyncStore; actions: SyncActions }; onSignedOut: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const profileId = props.profile.id;
  const [forget, setForget] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>('ask');
  const writable = useArchive().writable;
  // Asked once as the dialog opens: main's count, not a view's guess.
  const pending = useBridgeQuery(profileId, 0, () => callMain('pendingChangeCount', { profileId }));
  const [recounted, setRecounted] = useState<number | null>(null);
  const unsent = recounted ?? pending.data?.count ?? 0;
  const { store, actions } = props.sync;
  const progress = useSyncExternalStore(store.subscribe, store.get);
  const syncAskedAt = useRef(0);

  const signOut = () => {
    setBusy(true);
    setError(null);
    callMain('signOut', { profileId, forgetPassword: forget }).then(props.onSignedOut, (cause: unknown) => {
      setBusy(false);
      setError(describeError(cause, t));
    });
  };
  const signOutRef = useRef(signOut);
  useEffect(() => {
    signOutRef.current = signOut;
  });

  const syncFirst = () => {
    syncAskedAt.current = store.version();
    setStage('syncing');
    actions.syncNow();
  };

  // The sync it started has ended: all sent signs out, otherwise the user chooses again.
  useEffect(() => {
    if (stage !== 'syncing' || store.version() === syncAskedAt.current || progress?.state === 'running') return;
    let live = true;
    callMain('pendingChangeCount', { profileId }).then(
      ({ count }) => {
        if (!live) return;
        setRecounted(count);
        if (count === 0) signOutRef.current();
        else setStage('notAllSent');
      },
      () => live && setStage('notAllSent'),
    );
    return () => {
      live = false;
    };
  }, [stage, progress, store, profileId]);

  return (
    <Dialog
      title={t('signOut.title')}
      onClose={props.onClose}
      testId="signout-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          {unsent > 0 ? (
            <>
              <button type="button" className="button" onClick={signOut} disabled={busy}>
                {t('signOut.anyway')}
              </button>
              <button type="button" className="button button-primary" onClick={syncFirst} disabled={busy || stage === 'syncing' || !writable}>
                {t('signOut.syncFirst')}
              </button>
            </>
          ) : (
            <button type="button" className="button button-primary" onClick={signOut} disabled={busy || pending.loading}>
              {t('signOut.confirm')}
            </button>
          )}
        </>
      }
    >
      <p>{t('signOut.body', { user: props.profile.username })}</p>
      {unsent > 0 ? (
        <p className="notice notice-warning" data-testid="signout-unsent">
          <strong>{t('signOut.unsent', { count: unsent })}</strong> {t('signOut.unsentKept', { count: unsent })}
        </p>
      ) : null}
      {stage === 'syncing' ? <p role="status">{t('signOut.syncing')}</p> : null}
      {stage === 'notAllSent' ? <p role="alert" className="notice notice-danger">{t('signOut.notAllSent')}</p> : null}
      {props.profile.hasSavedPassword && !props.profile.isDemo ? (
        <label className="checkbox">
          <input type="checkbox" checked={forget} onChange={(e) => setForget(e.target.checked)} />
          <span>{t('signOut.forgetPassword')}</span>
        </label>
      ) : null}
      <FormError error={error ?? actions.error} />
    </Dialog>
  );
}
