// A modal dialog on the native <dialog> element: the browser traps focus,
// closes it on Esc and gives it the dialog role.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; footer: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(props.onClose);
  useEffect(() => {
    onCloseRef.current = props.onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} data-testid={props.testId}>
      <h2 id={titleId} className="dialog-title">
        {props.title}
      </h2>
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-footer">{props.footer}</div>
    </dialog>
  );
}
