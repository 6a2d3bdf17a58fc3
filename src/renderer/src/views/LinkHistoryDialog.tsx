// A sign-in at a provider address the cache holds nothing under, while
// another address holds the same account's history: is it the same provider
// at a new address? Linking makes that history this sign-in's; keeping apart
// starts a separate one. Main syncs the sign-in once answered.
import { useState } from 'react';
import type { Profile } from '../../../shared/bridge';
import { callMain } from '../bridge';
import { Dialog } from '../components/Dialog';
import { describeError } from '../errors';
import { useFormat } from '../format-context';
import { FormError } from '../components/ViewParts';
import { useI18n } from '../i18n';

export function LinkHistoryDialog(props: { profile: Profile; onAnswered: (profile: Profile) => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { profile } = props;
  // The one with the most months (main sorts them); the others stay apart.
  const candidate = profile.relinkCandidates[0];
  if (!candidate) return null;
  const names = { new: profile.provider, old: candidate.provider };

  const answer = (from: string | null) => {
    setBusy(true);
    setError(null);
    callMain('linkProviderHistory', { profileId: profile.id, from }).then(props.onAnswered, (cause: unknown) => {
      setBusy(false);
      setError(describeError(cause, t));
    });
  };

  return (
    <Dialog
      title={t('link.title')}
      // Esc keeps the question open: the sign-in cannot sync until it is answered.
      onClose={() => undefined}
      testId="link-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => answer(null)} disabled={busy}>
            {t('link.keepApart')}
          </button>
          <button type="button" className="button button-primary" onClick={() => answer(candidate.provider)} disabled={busy}>
            {t('link.link')}
          </button>
        </>
      }
    >
      <p>
        <strong>{t('link.question', names)}</strong>
      </p>
      <p>{t('link.history', { ...names, count: format.count(candidate.months), account: profile.accountNumber ?? '' })}</p>
      <p>{t('link.explain', names)}</p>
      <FormError error={error} />
    </Dialog>
  );
}
