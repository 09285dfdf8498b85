/**
 * How the CLI prints a problem: `FILE:LINE:COL: path: message`, the form compilers use and editors
 * link. One problem is one line whatever the spec holds: the core quotes user text already, and
 * anything invisible that still reaches here (a newline, an ESC sequence, a bidi override, in the
 * file name too) is escaped rather than printed.
 */
import type { Diagnostic } from '../core/diagnostics.ts';
import { printable } from '../core/common/quoteText.ts';

export function diagnosticLine(file: string, d: Diagnostic): string {
  const label = d.severity === 'error' ? '' : d.severity === 'warning' ? 'warning: ' : 'note: ';
  return `${printable(file)}:${d.line}:${d.column}: ${printable(d.path) || '(document)'}: ${label}${printable(d.message)}\n`;
}
