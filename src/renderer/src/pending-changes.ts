// How many billing-code changes of the sign-in wait to be sent (the outbox).
// Main owns the count; the renderer asks again when a view changed a code
// (outboxChanged) and whenever a sync moves on or ends (the views' refresh key).
import { useEffect, useState } from 'react';
import { callMain } from './bridge';
import { useBridgeQuery } from './use-bridge-query';

const changes = new EventTarget();

/** A code was assigned, retried or discarded: the count may have changed. */
export function outboxChanged(): void {
  changes.dispatchEvent(new Event('changed'));
}

/** The count, or undefined until main answered. */
export function usePendingChanges(profileId: string, refresh: string): number | undefined {
  const [edits, setEdits] = useState(0);
  useEffect(() => {
    const bump = () => setEdits((n) => n + 1);
    changes.addEventListener('changed', bump);
    return () => changes.removeEventListener('changed', bump);
  }, []);
  const query = useBridgeQuery(profileId, `${refresh}|${edits}`, () => callMain('pendingChangeCount', { profileId }));
  return query.data?.count;
}
