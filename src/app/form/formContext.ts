/** What every part of the form reads: the parsed spec, its problems, and how to change it. */
import { createContext, useContext } from 'react';
import type { Diagnostic, PathSegment, SpecEdit } from '../../core/page.ts';

export interface FormContextValue {
  /** The spec as Kubernetes reads it (the same parse the editor uses). */
  root: unknown;
  /** Applies edits to the YAML text as one change. */
  apply(edits: SpecEdit | readonly SpecEdit[]): void;
  /** Problems (errors and warnings) whose field path is `path`, or inside it when `within`. */
  problemsAt(path: readonly PathSegment[], within?: boolean): readonly Diagnostic[];
  /** Tells the page which spec field has focus (for highlighting its output). */
  onFocusField?(path: readonly PathSegment[]): void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('Form parts must be inside FormView.');
  return value;
}
