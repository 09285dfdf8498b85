/**
 * A problem found in a spec. Every problem carries a position and a field path so that the
 * editor can put a marker on it and the CLI can print `FILE:LINE:COL: path: message`.
 */
import { quote } from './common/quoteText.ts';
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable identifier of the kind of problem, e.g. `yaml-syntax`, `max-size`, `unknown-field`. */
  code: string;
  /** Field path in dotted form with indexes, e.g. `spec.containers[0].name`; `` for the document. */
  path: string;
  /** What is wrong and what to do about it. */
  message: string;
  /** One-based line and column of the start of the offending node. */
  line: number;
  column: number;
  /** One-based end position (exclusive), when known. */
  endLine?: number;
  endColumn?: number;
}

export type PathSegment = string | number;

/** `['spec', 'containers', 0, 'name']` → `spec.containers[0].name`; keys that are not identifiers are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${quote(seg)}]`;
  }
  return out;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
