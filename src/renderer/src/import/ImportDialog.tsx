// Import OAI downloads: files chosen in main's Open dialog or dropped on the
// window, a preview of each (months, rooms, conferences, total charge,
// problems), then Import, with progress; after it, the first imported month
// opens.
import { useEffect, useState } from 'react';
import type { ImportFileView, ImportProblemView, ImportProgress } from '../../../shared/import';
import { en, type MessageKey, type Translate } from '../../../shared/i18n';
import { formatMonth } from '../../../shared/format';
import { callMain } from '../bridge';
import { Dialog } from '../components/Dialog';
import { Badge, FormError } from '../components/ViewParts';
import { describeError } from '../errors';
import { useFormat } from '../format-context';
import { useI18n } from '../i18n';

export function ImportDialog(props: {
  profileId: string;
  currency: string;
  files: ImportFileView[];
  onFiles: (files: ImportFileView[]) => void;
  /** Files still arriving (dropped), by name. */
  receiving: readonly string[];
  error: string | null;
  onImported: (firstPeriod: string | null) => void;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => window.oai.onImportProgress(setProgress), []);

  const choose = () => {
    setError(null);
    setBusy(true);
    callMain('chooseImportFiles', { profileId: props.profileId }).then(
      (chosen) => {
        setBusy(false);
        props.onFiles([...props.files.filter((f) => f.status === 'ready' || f.status === 'refused'), ...chosen]);
      },
      (cause: unknown) => {
        setBusy(false);
        setError(describeError(cause, t));
      },
    );
  };
  const ready = props.files.filter((file) => file.status === 'ready');
  const run = () => {
    setError(null);
    setBusy(true);
    callMain('runImport', { profileId: props.profileId, tokens: ready.map((file) => file.token) }).then(
      (outcomes) => {
        setBusy(false);
        setProgress(null);
        setDone(true);
        const byToken = new Map(outcomes.map((o) => [o.token, o]));
        props.onFiles(props.files.map((file) => byToken.get(file.token) ?? file));
        const first = outcomes.filter((o) => o.status === 'imported').flatMap((o) => o.periods).sort()[0] ?? null;
        props.onImported(first);
      },
      (cause: unknown) => {
        setBusy(false);
        setError(describeError(cause, t));
      },
    );
  };
  const close = () => {
    const waiting = props.files.filter((file) => file.status === 'ready' || file.status === 'refused').map((file) => file.token);
    if (waiting.length > 0 && !done) void callMain('discardImportFiles', { tokens: waiting }).catch(() => undefined);
    props.onClose();
  };

  return (
    <Dialog
      title={t('import.title')}
      onClose={close}
      testId="import-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={choose} disabled={busy}>
            {t('import.choose')}
          </button>
          <button type="button" className="button button-primary" onClick={run} disabled={busy || ready.length === 0 || done} data-testid="import-run">
            {t('import.run')}
          </button>
          <button type="button" className="button button-quiet" onClick={close}>
            {t('common.close')}
          </button>
        </>
      }
    >
      <p className="muted">{t('import.intro')}</p>
      {props.files.length === 0 && props.receiving.length === 0 ? <p>{t('import.none')}</p> : null}
      {props.receiving.map((name) => (
        <p key={name} role="status">
          {t('import.receiving', { file: name })}
        </p>
      ))}
      {progress && busy ? (
        <p role="status" data-testid="import-progress">
          {progress.phase === 'reading'
            ? t('import.reading', { file: progress.file, rows: format.count(progress.rows) })
            : t('import.importing', { index: progress.index + 1, total: progress.count })}
        </p>
      ) : null}
      <ul className="import-files" data-testid="import-files">
        {props.files.map((file) => (
          <li key={file.token} className="import-file card" data-testid="import-file" data-status={file.status}>
            <div className="import-file-head">
              <strong>{file.file}</strong> <StatusBadge status={file.status} t={t} />
            </div>
            {file.periods.length > 0 ? (
              <dl className="import-facts">
                <dt>{t('import.months')}</dt>
                <dd>{file.periods.map((period) => formatMonth(period, language)).join(', ')}</dd>
                {file.status !== 'refused' ? (
                  <>
                    <dt>{t('import.rooms')}</dt>
                    <dd>{format.count(file.rooms)}</dd>
                    <dt>{t('import.conferences')}</dt>
                    <dd>{format.count(file.conferences)}</dd>
                    <dt>{t('import.charge')}</dt>
                    <dd>{format.money(file.chargeCents, props.currency)}</dd>
                  </>
                ) : null}
              </dl>
            ) : null}
            {file.problems.length > 0 ? (
              <ul className="import-problems" data-testid="import-problems">
                {file.problems.map((problem, index) => (
                  <li key={index}>{problemText(problem, t)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <FormError error={error ?? props.error} />
    </Dialog>
  );
}

function StatusBadge(props: { status: ImportFileView['status']; t: Translate }) {
  const tone = props.status === 'refused' ? 'danger' : props.status === 'imported' ? 'success' : props.status === 'ready' ? 'info' : 'neutral';
  return <Badge tone={tone}>{props.t(`import.status.${props.status}` as MessageKey)}</Badge>;
}

/** `Row 12, column G (CONFERENCE LENGTH): a negative duration: "-00:10:00"`, in the user's language. */
export function problemText(problem: ImportProblemView, t: Translate): string {
  const key = `importProblem.${problem.code}` as MessageKey;
  // A code this renderer does not know: main's English words.
  const text = Object.hasOwn(en, key) ? t(key, problem.values) : problem.message;
  const where = [
    problem.row === null ? null : t('import.row', { row: problem.row }),
    problem.column === null ? null : t('import.column', { column: problem.column, header: problem.header ?? '' }),
  ].filter(Boolean);
  return where.length > 0 ? t('import.problemAt', { where: where.join(', '), problem: text }) : text;
}
