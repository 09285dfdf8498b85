/** A handle on the spec editor for the rest of the page: its ref, and undo and redo once Monaco is there. */
import { useCallback, useRef, useState } from 'react';
import type { SpecEditorHandle } from './SpecEditor.tsx';

export function useSpecEditorControl() {
  const ref = useRef<SpecEditorHandle>(null);
  const [ready, setReady] = useState(false);
  const onReady = useCallback(() => setReady(true), []);
  const undo = useCallback(() => void ref.current?.undo(), []);
  const redo = useCallback(() => void ref.current?.redo(), []);
  const revealPosition = useCallback((line: number, column: number) => ref.current?.revealPosition(line, column), []);
  return { ref, onReady, revealPosition, undo: ready ? undo : undefined, redo: ready ? redo : undefined };
}
