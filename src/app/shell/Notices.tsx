/** The notes the page shows beside the spec and the output. */
import type { Diagnostic } from '../../core/page.ts';
import type { SpecInFileInfo } from '../worker/protocol.ts';

/**
 * Says, in the page, that the spec is not saved in this browser (see `unsavedMessage`). It stays
 * until a later save works: a refused save must not pass unnoticed, or the work is lost on reload.
 */
export function SaveNotice({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="mcs-save-notice" role="alert">
      {message}
    </p>
  );
}

/** A titled list of the core's notes (what it filled in, the file's other objects); nothing when empty. */
export function DiagnosticNotes({ title, diagnostics }: { title: string; diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <aside className="mcs-notices" aria-label={title}>
      <strong>{title}</strong>
      <ul>
        {diagnostics.map((d, i) => (
          <li key={i}>{d.message}</li>
        ))}
      </ul>
    </aside>
  );
}

/** In a file of several MiniClusters, which one the preview is of, and that the bundle holds them all. */
export function FileNote({ inFile }: { inFile: SpecInFileInfo | undefined }) {
  if (!inFile || inFile.count <= 1) return null;
  return (
    <p className="mcs-file-note">
      MiniCluster {inFile.index + 1} of {inFile.count} in this file{inFile.name ? ` (${inFile.name})` : ''}: the one the cursor is in. Copy bundle,
      Download bundle and Download zip hold all {inFile.count}.
    </p>
  );
}

/**
 * Why a file the user opened or dropped was not opened (the spec is as it was). An alert, so that
 * it is announced wherever the focus is: a drop or the file chooser leaves it where it was.
 */
export function FileProblemNotice({ message, onDismiss }: { message: string | undefined; onDismiss(): void }) {
  return (
    <div className="mcs-file-problem-slot" role="alert">
      {message && (
        <p className="mcs-file-problem">
          <span>{message}</span>{' '}
          <button type="button" className="mcs-button" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
