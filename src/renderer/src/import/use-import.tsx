// The import's place in the workspace: the dialog's state, the button's
// `open`, and drag and drop of files anywhere on the window (each uploaded
// to main in chunks, then previewed in the dialog).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ImportFileView } from '../../../shared/import';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { ImportDialog } from './ImportDialog';
import { uploadFile } from './upload';

export function useImport(props: { profileId: string; currency: string; enabled: boolean; onImported: (firstPeriod: string | null) => void }): {
  open: () => void;
  /** Importing needs an account sign-in. */
  enabled: boolean;
  /** The dialog is open. */
  showing: boolean;
  element: ReactNode;
} {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const [files, setFiles] = useState<ImportFileView[]>([]);
  const [receiving, setReceiving] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const { profileId, enabled } = props;

  const open = useCallback(() => {
    setFiles([]);
    setError(null);
    setShown(true);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const dropped = [...(event.dataTransfer?.files ?? [])];
      if (dropped.length === 0) return;
      setShown(true);
      setError(null);
      setReceiving(dropped.map((file) => file.name));
      void (async () => {
        for (const file of dropped) {
          try {
            const preview = await uploadFile(profileId, file);
            setFiles((list) => [...list.filter((f) => f.status === 'ready' || f.status === 'refused'), preview]);
          } catch (cause) {
            setError(`${file.name}: ${describeError(cause, t)}`);
          }
          setReceiving((names) => names.filter((name) => name !== file.name));
        }
      })();
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [enabled, profileId, t]);

  const element = (
    <>
      {dragging ? (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <p>{t('import.dropHere')}</p>
        </div>
      ) : null}
      {shown ? (
        <ImportDialog
          profileId={profileId}
          currency={props.currency}
          files={files}
          onFiles={setFiles}
          receiving={receiving}
          error={error}
          onImported={props.onImported}
          onClose={() => setShown(false)}
        />
      ) : null}
    </>
  );
  return { open, enabled, showing: shown, element };
}
