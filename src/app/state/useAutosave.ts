/** Saves the spec (and the output options) between visits while it is edited, and says when the browser refused it. */
import { useEffect, useMemo, useState } from 'react';
import type { OutputOptions } from '../../core/page.ts';
import { createAutosaver, tabStorage, unsavedMessage, type StorageLike } from './autosave.ts';

/** Undefined while saves work, else what to tell the user. `output` must keep its identity while unchanged. */
export function useAutosave(text: string, output: OutputOptions, storage: StorageLike | undefined): string | undefined {
  // A string, so that each successful save does not re-render the app.
  const [unsaved, setUnsaved] = useState<string>();
  const autosaver = useMemo(() => createAutosaver(400, storage, (result) => setUnsaved(unsavedMessage(result)), tabStorage()), [storage]);
  // The autosaver debounces: a keystroke only restarts its wait.
  useEffect(() => autosaver.schedule({ text, output }), [text, output, autosaver]);
  useEffect(() => {
    const flush = () => autosaver.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [autosaver]);
  return unsaved;
}
