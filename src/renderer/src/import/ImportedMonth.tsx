// An imported month's own action: remove it from the archive, after
// confirmation (the provider's months have no such action).
import { useState } from 'react';
import type { PeriodInfo } from '../../../shared/domain';
import { formatMonth } from '../../../shared/format';
import { callMain } from '../bridge';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/ViewParts';
import { describeError } from '../errors';
import { useI18n } from '../i18n';

export function RemoveImportedMonth(props: { profileId: string; period: PeriodInfo; onRemoved: () => void }) {
  const { t, language } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (props.period.source !== 'import') return null;
  const month = formatMonth(props.period.period, language);
  const remove = () => {
    setBusy(true);
    setError(null);
    callMain('removeImportedMonth', { profileId: props.profileId, period: props.period.period }).then(
      () => {
        setBusy(false);
        setAsking(false);
        props.onRemoved();
      },
      (cause: unknown) => {
        setBusy(false);
        setError(describeError(cause, t));
      },
    );
  };
  return (
    <>
      <button type="button" className="button button-quiet button-small" onClick={() => setAsking(true)} data-testid="remove-imported">
        {t('period.removeImported')}
      </button>
      {asking ? (
        <Dialog
          title={t('period.removeTitle', { month })}
          onClose={() => setAsking(false)}
          testId="remove-imported-dialog"
          footer={
            <>
              <button type="button" className="button button-danger" onClick={remove} disabled={busy}>
                {t('period.removeConfirm')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
                {t('common.cancel')}
              </button>
            </>
          }
        >
          <p>{t('period.removeBody')}</p>
          <FormError error={error} />
        </Dialog>
      ) : null}
    </>
  );
}
