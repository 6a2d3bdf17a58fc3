// Loads data from main for a view. `key` names what is loaded (a new key
// forgets the old data); `refresh` reloads the same thing in place (after a
// sync) and keeps showing the previous data meanwhile, so nothing flickers.
// With `keepPrevious`, a new key also keeps the previous data (marked stale)
// until its own arrives: for a panel that should not collapse and reopen.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Query<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** `data` is what an earlier key loaded (keepPrevious), shown until this key's arrives. */
  stale: boolean;
  /** Changes the loaded data locally (e.g. a billing code shown pending at once). */
  mutate: (update: (data: T) => T) => void;
}

interface Loaded<T> {
  key: string | null;
  refresh: number | string;
  data: T | undefined;
  error: unknown;
}

export function useBridgeQuery<T>(key: string | null, refresh: number | string, load: () => Promise<T>, options: { keepPrevious?: boolean } = {}): Query<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [loaded, setLoaded] = useState<Loaded<T>>({ key: null, refresh: 0, data: undefined, error: null });

  useEffect(() => {
    if (key === null) return;
    let live = true;
    loadRef.current().then(
      (data) => {
        if (live) setLoaded({ key, refresh, data, error: null });
      },
      (error: unknown) => {
        if (live) setLoaded((previous) => ({ key, refresh, data: previous.key === key ? previous.data : undefined, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [key, refresh]);

  const mutate = useCallback((update: (data: T) => T) => {
    setLoaded((previous) => (previous.data === undefined ? previous : { ...previous, data: update(previous.data) }));
  }, []);

  const sameKey = key !== null && loaded.key === key;
  const previous = !sameKey && options.keepPrevious === true ? loaded.data : undefined;
  return {
    data: sameKey ? loaded.data : previous,
    stale: previous !== undefined,
    error: sameKey ? loaded.error : null,
    loading: key !== null && (!sameKey || loaded.refresh !== refresh),
    mutate,
  };
}
