/** How the CLI prints a problem: `FILE:LINE:COL: path: message`, the form compilers use and editors link. */
import type { Diagnostic } from '../core/index.ts';

export function diagnosticLine(file: string, d: Diagnostic): string {
  const label = d.severity === 'error' ? '' : d.severity === 'warning' ? 'warning: ' : 'note: ';
  return `${file}:${d.line}:${d.column}: ${d.path || '(document)'}: ${label}${d.message}\n`;
}
