// A view, dialog or print layout that throws while rendering (data it cannot
// show, a runtime without the data Intl needs…) shows an error panel in its
// place instead of blanking the whole app: the top bar and status bar stay
// usable, and *Back to summary* leaves the broken view.
import { Component, useId, useState, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Dialog } from './Dialog';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What shows instead of the children once they threw. */
  fallback: (error: unknown) => ReactNode;
  /** Any change (e.g. a new route) clears the error and shows the children again. */
  resetKey?: unknown;
}

interface ErrorBoundaryState {
  /** Boxed: a thrown `undefined` or `null` is an error too. */
  failure: { error: unknown } | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failure: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { failure: { error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The technical trace for whoever reads the console (or the Electron log); the user sees the panel.
    console.error('a view failed to render', error, info.componentStack);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.failure !== null && previous.resetKey !== this.props.resetKey) this.setState({ failure: null });
  }

  override render(): ReactNode {
    const { failure } = this.state;
    return failure === null ? this.props.children : this.props.fallback(failure.error);
  }
}

/** The technical message of what was thrown, for the Details toggle. */
export function technicalMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
}

function ErrorDetails(props: { error: unknown }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button type="button" className="button button-quiet" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t('viewError.details')}
      </button>
      <pre id={id} className="view-error-details" hidden={!open} data-testid="view-error-details">
        {technicalMessage(props.error)}
      </pre>
    </>
  );
}

/** In place of a view: what happened in the user's words, the technical message on demand, the way back. */
export function ViewErrorPanel(props: { error: unknown; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <section className="card view-error" role="alert" aria-labelledby="view-error-title" data-testid="view-error">
      <h1 id="view-error-title" tabIndex={-1}>
        {t('viewError.title')}
      </h1>
      <p>{t('viewError.body')}</p>
      <div className="view-error-actions">
        <button type="button" className="button button-primary" onClick={props.onBack}>
          {t('viewError.back')}
        </button>
        <ErrorDetails error={props.error} />
      </div>
    </section>
  );
}

/** In place of a dialog: the same panel, as a dialog. */
export function DialogErrorPanel(props: { error: unknown; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('viewError.title')}
      onClose={props.onBack}
      testId="view-error"
      footer={
        <button type="button" className="button button-primary" onClick={props.onBack}>
          {t('viewError.back')}
        </button>
      }
    >
      <div role="alert">
        <p>{t('viewError.body')}</p>
        <ErrorDetails error={props.error} />
      </div>
    </Dialog>
  );
}
