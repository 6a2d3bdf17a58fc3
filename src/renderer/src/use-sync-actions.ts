// Sync now and Cancel of a sign-in, shared by the status bar's buttons and
// the application menu's Sync Now, with the last error they ran into.
import { useCallback, useMemo, useState } from 'react';
import { callMain } from './bridge';
import { describeError } from './errors';
import { useI18n } from './i18n';
import type { SyncStore } from './sync-store';

export interface SyncActions {
  syncNow: () => void;
  cancel: () => void;
  /** Why the last Sync now or Cancel failed, in the user's words. */
  error: string | null;
}

export function useSyncActions(store: SyncStore, profileId: string): SyncActions {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const syncNow = useCallback(() => {
    setError(null);
    const askedAt = store.version();
    callMain('syncNow', { profileId }).then(
      (progress) => store.answer(progress, askedAt),
      (cause: unknown) => setError(describeError(cause, t)),
    );
  }, [store, profileId, t]);
  const cancel = useCallback(() => {
    callMain('cancelSync', { profileId }).catch((cause: unknown) => setError(describeError(cause, t)));
  }, [profileId, t]);
  return useMemo(() => ({ syncNow, cancel, error }), [syncNow, cancel, error]);
}
