/** Saves the spec between visits while it is edited, and says when the browser refused it. */
import { useEffect, useMemo, useState } from 'react';
import { createAutosaver, unsavedMessage, type StorageLike } from './autosave.ts';

/** Undefined while saves work, else what to tell the user. */
export function useAutosave(text: string, storage: StorageLike | undefined): string | undefined {
  // A string, so that each successful save does not re-render the app.
  const [unsaved, setUnsaved] = useState<string>();
  const autosaver = useMemo(() => createAutosaver(400, storage, (result) => setUnsaved(unsavedMessage(result))), [storage]);
  // The autosaver debounces: a keystroke only restarts its wait.
  useEffect(() => autosaver.schedule(text), [text, autosaver]);
  useEffect(() => {
    const flush = () => autosaver.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [autosaver]);
  return unsaved;
}
