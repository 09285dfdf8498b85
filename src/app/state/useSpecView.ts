/** Which view of the spec is shown, the YAML editor or the form. */
import { useCallback, useRef, useState } from 'react';
import type { SpecView } from '../form/SpecViewTabs.tsx';

export function useSpecView() {
  const [view, setViewState] = useState<SpecView>('yaml');
  // For handlers that must know the view without being made again when it changes.
  const current = useRef(view);
  const setView = useCallback((next: SpecView) => {
    current.current = next;
    setViewState(next);
  }, []);
  const showYaml = useCallback(() => setView('yaml'), [setView]);
  /** Runs `then` with the YAML view on screen, switching to it first when needed. */
  const inYamlView = useCallback(
    (then: () => void) => {
      if (current.current === 'yaml') return then();
      setView('yaml');
      requestAnimationFrame(then);
    },
    [setView],
  );
  return { view, setView, showYaml, inYamlView };
}
