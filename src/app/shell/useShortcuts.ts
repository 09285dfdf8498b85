/** The page's one keyboard listener, registered once: it runs the shortcuts of shortcuts.ts. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { FORM_SCOPE, shortcutFor, type ShortcutAction } from './shortcuts.ts';

/** What each shortcut does; one without an action (undo before the editor is ready) is left to the browser. */
export type ShortcutActions = Partial<Record<ShortcutAction, () => void>>;

export function useShortcuts(actions: ShortcutActions): void {
  const current = useRef(actions);
  useLayoutEffect(() => {
    current.current = actions;
  }, [actions]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inForm = event.target instanceof Element && event.target.closest(FORM_SCOPE) !== null;
      const shortcut = shortcutFor(event, inForm);
      const run = shortcut && current.current[shortcut.action];
      if (!run) return;
      event.preventDefault();
      run();
    };
    // In the capture phase, before the editor or an input acts on the keys.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
