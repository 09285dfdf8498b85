/**
 * Asked before the output is handed out while it is out of date (the spec or an output option has
 * errors, and the preview still shows the last good output): a modal `<dialog>`, so focus stays
 * inside and Escape cancels. The focus starts on Cancel, the answer that hands nothing out.
 */
import { useEffect, useId, useRef } from 'react';
import { staleQuestion, type StaleVerb } from './staleExport.ts';

export interface StaleConfirmDialogProps {
  verb: StaleVerb;
  /** Why the output is out of date: the spec's errors or the output options'. */
  cause: 'spec' | 'options';
  onConfirm(): void;
  onCancel(): void;
}

export function StaleConfirmDialog({ verb, cause, onConfirm, onCancel }: StaleConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const answered = useRef<'confirm' | 'cancel'>('cancel');
  const titleId = useId();
  const questionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to where the question came from (a shortcut may have asked it from anywhere).
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const close = (answer: 'confirm' | 'cancel') => {
    answered.current = answer;
    dialogRef.current?.close();
  };

  return (
    <dialog
      ref={dialogRef}
      className="mcs-dialog mcs-stale-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={questionId}
      // `close` comes asynchronously, also after a StrictMode remount reopened the dialog: only a
      // closed dialog answers.
      onClose={() => {
        if (dialogRef.current?.open) return;
        if (answered.current === 'confirm') onConfirm();
        else onCancel();
      }}
    >
      <h2 id={titleId} className="mcs-dialog-title">
        The output is out of date
      </h2>
      <p id={questionId} className="mcs-dialog-hint">
        {staleQuestion(verb, cause)}
      </p>
      <div className="mcs-dialog-actions">
        <button type="button" ref={cancelRef} className="mcs-button" onClick={() => close('cancel')}>
          Cancel
        </button>
        <button type="button" className="mcs-button mcs-button-primary" onClick={() => close('confirm')}>
          {verb} anyway
        </button>
      </div>
    </dialog>
  );
}
