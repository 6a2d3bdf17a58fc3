// The archive's state in the renderer: asked once, then followed through
// main's archiveStatus events. The App shows the recovery screen or the
// "Checking your archive…" screen from it; the banner, the status bar and
// the billing codes read whether the archive can be written. It also carries
// a one-off notice (a restore's outcome) from the screen that did it to the
// one that follows.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ArchiveStateView } from '../../shared/archive-contract';
import type { Translate } from '../../shared/i18n';
import { callMain } from './bridge';

/** A notice said in the current language (the user may switch it while it shows). */
export type Notice = (t: Translate) => string;

export interface ArchiveContextValue {
  state: ArchiveStateView;
  /** Syncs and edits may go (they wait while the archive is checked). */
  writable: boolean;
  notice: Notice | null;
  setNotice: (notice: Notice | null) => void;
}

const ArchiveContext = createContext<ArchiveContextValue | null>(null);

/** How often the state is asked again while the archive is checked: an event can be missed while the event stream connects. */
const RECHECK_MS = 1_000;

/** The archive's state (null until main answers) and why it could not be asked. */
export function useArchiveFeed(): { state: ArchiveStateView | null; error: unknown } {
  const [state, setState] = useState<ArchiveStateView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let updates = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = (next: ArchiveStateView) => {
      updates += 1;
      setState(next);
      clearTimeout(timer);
      if (next.state === 'checking') timer = setTimeout(ask, RECHECK_MS);
    };
    function ask() {
      const askedAt = updates;
      callMain('archiveStatus', {}).then(
        // An event since the question is newer than its answer.
        ({ state, readable, reason, problem, file, browsing }) => {
          if (live && updates === askedAt) apply({ state, readable, reason, problem, file, browsing });
        },
        (cause: unknown) => {
          if (live) setError(cause);
        },
      );
    }
    const off = window.oai.onArchiveStatus((update) => {
      if (live) apply(update);
    });
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, []);
  return { state, error };
}

export function ArchiveProvider(props: { state: ArchiveStateView; children: ReactNode }) {
  const [notice, setNoticeState] = useState<Notice | null>(null);
  const { state } = props;
  const value = useMemo(
    () => ({
      state,
      writable: state.state === 'ready' || state.state === 'checking',
      notice,
      // A function given to a state setter is an updater: wrap it.
      setNotice: (next: Notice | null) => setNoticeState(() => next),
    }),
    [state, notice],
  );
  return <ArchiveContext.Provider value={value}>{props.children}</ArchiveContext.Provider>;
}

/** Outside a provider (the print layout, tests of a lone component): a writable archive. */
export function useArchive(): ArchiveContextValue {
  return useContext(ArchiveContext) ?? FALLBACK;
}

const FALLBACK: ArchiveContextValue = {
  state: { state: 'ready', readable: true, reason: null, problem: null, file: '', browsing: null },
  writable: true,
  notice: null,
  setNotice: () => undefined,
};
