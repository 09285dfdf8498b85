/**
 * Shown when the clipboard API is missing or refuses: the text, selected, in a read-only textarea
 * of a modal dialog, so Ctrl+C copies it. The native modal `<dialog>` keeps focus inside and
 * closes on Escape.
 */
import { useEffect, useId, useRef } from 'react';

export interface CopyFallbackDialogProps {
  /** What is being copied, e.g. "Job flux-sample" or "the bundle". */
  what: string;
  text: string;
  onClose(): void;
  /** Called when the user copies from the textarea. */
  onCopied(): void;
}

export function CopyFallbackDialog({ what, text, onClose, onCopied }: CopyFallbackDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const hintId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    const area = areaRef.current;
    if (!dialog || !area) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    area.focus();
    area.select();
    return () => {
      if (dialog.open) dialog.close();
      // Back to the button that opened it (a shortcut may have opened it from anywhere).
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="mcs-dialog"
      aria-labelledby={titleId} aria-describedby={hintId}
      // `close` is dispatched asynchronously: after a StrictMode remount has reopened the dialog
      // a stale event arrives while it is open again, and must not dismiss it.
      onClose={() => {
        if (!dialogRef.current?.open) onClose();
      }}
    >
      <h2 id={titleId} className="mcs-dialog-title">
        Copy {what}
      </h2>
      <p id={hintId} className="mcs-dialog-hint">
        Press Ctrl+C (⌘C on Mac) to copy
      </p>
      <textarea
        ref={areaRef}
        className="mcs-dialog-text"
        readOnly
        value={text}
        rows={12}
        spellCheck={false}
        aria-label={`Text of ${what}`}
        onFocus={(event) => event.currentTarget.select()}
        // The copy runs after this event: close on the next task, not now.
        onCopy={() => setTimeout(onCopied, 0)}
      />
      <div className="mcs-dialog-actions">
        <button type="button" className="mcs-button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
