// Download (Excel), Print and Save as PDF of what a view shows. The views
// pass a ViewRef (what they show: period, filter, sort…), never data; main
// reads the cache itself. One export runs at a time for the whole window, so
// its progress and its outcome survive moving to another view meanwhile. The
// application menu's Download, Print and Save as PDF run the same exports of
// the view on screen. A computer without a printer is offered Save as PDF.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ExportProgress, SaveOutcome, ViewRef } from '../../../shared/bridge';
import { callMain } from '../bridge';
import { describeError, errorCode, errorDetail } from '../errors';
import { Details } from './Details';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';
import { useMenuCommand } from '../menu-commands';

export type ExportKind = ExportProgress['kind'];

type Outcome =
  | { tone: 'saved'; path: string }
  | { tone: 'printed' }
  /** `offerPdf`: the view to save as PDF instead (no printer). */
  | { tone: 'error'; message: string; detail: string | null; offerPdf?: ViewRef };

interface ExportState {
  running: ExportKind | null;
  /** The export has run for over a second: time to show its progress. */
  slow: boolean;
  progress: ExportProgress | null;
}

interface ExportController extends ExportState {
  run: (kind: ExportKind, view: ViewRef) => void;
  /** The view on screen offers its exports (to the menu); returns the function that withdraws them. */
  offerView: (view: RefObject<ViewRef>) => () => void;
}

/** Progress shows only for exports that take long enough to notice. */
const SHOW_PROGRESS_AFTER_MS = 1000;
/** A success notice goes away by itself; an error stays until dismissed. */
const SUCCESS_NOTICE_MS = 12_000;

const ExportContext = createContext<ExportController | null>(null);

function outcomeOf(result: SaveOutcome): Outcome | null {
  if (result.status === 'cancelled') return null;
  if (result.status === 'saved' && result.path) return { tone: 'saved', path: result.path };
  return { tone: 'printed' };
}

export function ExportProvider(props: { children: ReactNode }) {
  const { t, language } = useI18n();
  const { dateStyle } = useFormat().options;
  const [running, setRunning] = useState<ExportKind | null>(null);
  const [slow, setSlow] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = useRef(false);
  const shownView = useRef<RefObject<ViewRef> | null>(null);
  const [viewShown, setViewShown] = useState(false);

  const run = useCallback(
    (kind: ExportKind, view: ViewRef) => {
      if (busy.current) return;
      busy.current = true;
      setOutcome(null);
      setProgress(null);
      setSlow(false);
      setRunning(kind);
      const args = { view, presentation: { language, dateStyle } };
      const request = kind === 'xlsx' ? callMain('exportView', args) : kind === 'print' ? callMain('printView', args) : callMain('savePdf', args);
      request
        .then(
          (result) => setOutcome(outcomeOf(result)),
          (error: unknown) => {
            const code = errorCode(error);
            // A cancelled export is the user's choice, not a failure.
            if (code === 'cancelled') return setOutcome(null);
            setOutcome({ tone: 'error', message: describeError(error, t), detail: errorDetail(error, t), ...(code === 'no_printer' ? { offerPdf: view } : {}) });
          },
        )
        .finally(() => {
          busy.current = false;
          setRunning(null);
        });
    },
    [language, dateStyle, t],
  );

  useEffect(() => {
    if (running === null) return;
    const timer = window.setTimeout(() => setSlow(true), SHOW_PROGRESS_AFTER_MS);
    const off = window.oai.onExportProgress((update) => {
      if (update.kind === running && !update.done) setProgress(update);
    });
    return () => {
      window.clearTimeout(timer);
      off();
    };
  }, [running]);

  useEffect(() => {
    if (outcome === null || outcome.tone === 'error') return;
    const timer = window.setTimeout(() => setOutcome(null), SUCCESS_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  const offerView = useCallback((view: RefObject<ViewRef>) => {
    shownView.current = view;
    setViewShown(true);
    return () => {
      if (shownView.current !== view) return;
      shownView.current = null;
      setViewShown(false);
    };
  }, []);
  const exportShownView = useCallback(
    (kind: ExportKind) => {
      const view = shownView.current?.current;
      if (view) run(kind, view);
    },
    [run],
  );
  const menuOffered = viewShown && running === null;
  useMenuCommand('download', menuOffered ? () => exportShownView('xlsx') : null);
  useMenuCommand('print', menuOffered ? () => exportShownView('print') : null);
  useMenuCommand('savePdf', menuOffered ? () => exportShownView('pdf') : null);

  const controller = useMemo(() => ({ running, slow, progress, run, offerView }), [running, slow, progress, run, offerView]);
  return (
    <ExportContext.Provider value={controller}>
      {props.children}
      <div className="export-notices" role="status">
        {outcome ? (
          <OutcomeNotice
            outcome={outcome}
            onDismiss={() => setOutcome(null)}
            onSavePdf={(view) => {
              if (!busy.current) run('pdf', view);
            }}
          />
        ) : null}
      </div>
    </ExportContext.Provider>
  );
}

function OutcomeNotice(props: { outcome: Outcome; onDismiss: () => void; onSavePdf: (view: ViewRef) => void }) {
  const { t } = useI18n();
  const { outcome } = props;
  let body: ReactNode;
  if (outcome.tone === 'saved') {
    const cut = Math.max(outcome.path.lastIndexOf('/'), outcome.path.lastIndexOf('\\')) + 1;
    body = (
      <span className="export-notice-text">
        {t('export.savedTo')}{' '}
        <span className="export-path" data-testid="export-path" title={outcome.path}>
          <span className="export-path-folder">{outcome.path.slice(0, cut)}</span>
          <strong>{outcome.path.slice(cut)}</strong>
        </span>
      </span>
    );
  } else if (outcome.tone === 'printed') {
    body = <span className="export-notice-text">{t('export.printed')}</span>;
  } else {
    const { offerPdf } = outcome;
    body = (
      <div className="export-notice-text">
        <span role="alert">{outcome.message}</span>
        {offerPdf ? (
          <>
            {' '}
            <button type="button" className="button button-small" onClick={() => props.onSavePdf(offerPdf)} data-testid="export-offer-pdf">
              {t('export.offerPdf')}
            </button>
          </>
        ) : null}
        <Details detail={outcome.detail} />
      </div>
    );
  }
  return (
    <div className={`export-notice export-notice-${outcome.tone}`} data-testid="export-notice" data-tone={outcome.tone}>
      {body}
      <button type="button" className="button button-quiet button-small export-dismiss" onClick={props.onDismiss} aria-label={t('export.dismiss')}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

export function useExports(): ExportController {
  const controller = useContext(ExportContext);
  if (!controller) throw new Error('useExports needs an ExportProvider');
  return controller;
}

/** The Download / Print / Save as PDF buttons of a view, with the running export's progress. */
export function ExportActions(props: { view: ViewRef }) {
  const { t } = useI18n();
  const { running, slow, progress, run, offerView } = useExports();
  // The menu exports the view as it is now: the ref follows every render.
  const view = useRef(props.view);
  useEffect(() => {
    view.current = props.view;
  });
  useEffect(() => offerView(view), [offerView]);
  const busy = running !== null;
  const button = (kind: ExportKind, label: string, hint: string) => (
    <button
      type="button"
      className="button"
      // aria-disabled rather than disabled: the focused button keeps the focus.
      aria-disabled={busy}
      title={hint}
      onClick={() => {
        if (!busy) run(kind, props.view);
      }}
      data-testid={`export-${kind}`}
    >
      {label}
    </button>
  );
  return (
    <div className="export-actions" role="group" aria-label={t('export.group')}>
      {busy && slow ? <ProgressIndicator kind={running} progress={progress} /> : null}
      {button('xlsx', t('export.download'), t('export.downloadHint'))}
      {button('print', t('export.print'), t('export.printHint'))}
      {button('pdf', t('export.pdf'), t('export.pdfHint'))}
    </div>
  );
}

function ProgressIndicator(props: { kind: ExportKind; progress: ExportProgress | null }) {
  const { t } = useI18n();
  const format = useFormat();
  const { kind, progress } = props;
  const rows = progress?.rows ?? 0;
  const total = progress?.total ?? null;
  const text =
    kind === 'xlsx'
      ? total !== null && total > 0
        ? t('export.writingRowsOf', { count: format.count(rows), total: format.count(total) })
        : t('export.writingRows', { count: format.count(rows) })
      : kind === 'print'
        ? t('export.preparingPrint')
        : t('export.preparingPdf');
  const determinate = kind === 'xlsx' && total !== null && total > 0;
  return (
    <span className="export-progress" data-testid="export-progress">
      <progress
        className="export-progress-bar"
        aria-label={t('export.progressLabel')}
        max={determinate ? total : undefined}
        value={determinate ? Math.min(rows, total) : undefined}
      />
      <span className="export-progress-text" role="status">
        {text}
      </span>
    </span>
  );
}
