/** The page's parts for files in: the hidden file chooser, the file's name, and the drop target. */
import type { SpecFiles } from './useSpecFiles.ts';
import './files.css';

/** What the chooser offers first; "All files" stays one choice away in the browser's dialog. */
const ACCEPT = '.yaml,.yml,.json,.txt,application/yaml,text/yaml,text/plain,application/json';

/** The `<input type="file">` behind "Open file…" and Ctrl/⌘+O; not shown, not in the tab order. */
export function FileChooserInput({ files }: { files: SpecFiles }) {
  return <input ref={files.inputRef} type="file" accept={ACCEPT} hidden tabIndex={-1} aria-hidden="true" onChange={files.onInputChange} />;
}

/** The name of the file the spec was opened from (it is also the name "Download spec" saves under). */
export function SpecFileName({ fileName }: { fileName: string | undefined }) {
  if (fileName === undefined) return null;
  return (
    <p className="mcs-spec-file">
      File: <strong>{fileName}</strong>
    </p>
  );
}

/** Shown over the page while a file is dragged over it: where a drop goes and what it does. */
export function DropTarget({ dragging }: { dragging: boolean }) {
  if (!dragging) return null;
  return (
    <div className="mcs-drop-target">
      <p>Drop the file to open it as the spec</p>
      <small>Its text replaces the editor's (Undo brings yours back).</small>
    </div>
  );
}
