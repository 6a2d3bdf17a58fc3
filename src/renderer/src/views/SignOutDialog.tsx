// Signing out keeps the synced data; it may also forget the saved password.
import { useState } from 'react';
import type { Profile } from '../../../shared/bridge';
import { callMain } from '../bridge';
import { Dialog } from '../components/Dialog';
import { describeError } from '../errors';
import { FormError } from '../components/ViewParts';
import { useI18n } from '../i18n';

export function SignOutDialog(props: { profile: Profile; onSignedOut: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [forget, setForget] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signOut = () => {
    setBusy(true);
    setError(null);
    callMain('signOut', { profileId: props.profile.id, forgetPassword: forget }).then(props.onSignedOut, (cause: unknown) => {
      setBusy(false);
      setError(describeError(cause, t));
    });
  };

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
          <button type="button" className="button button-primary" onClick={signOut} disabled={busy}>
            {t('signOut.confirm')}
          </button>
        </>
      }
    >
      <p>{t('signOut.body', { user: props.profile.username })}</p>
      {props.profile.hasSavedPassword && !props.profile.isDemo ? (
        <label className="checkbox">
          <input type="checkbox" checked={forget} onChange={(e) => setForget(e.target.checked)} />
          <span>{t('signOut.forgetPassword')}</span>
        </label>
      ) : null}
      <FormError error={error} />
    </Dialog>
  );
}
