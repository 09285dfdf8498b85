/** `minicluster-gen --migrate`: a v1alpha1 spec in, the v1alpha2 spec on stdout, notes on stderr. */
import { migrateV1alpha1 } from '../core/migrate/index.ts';
import type { Diagnostic } from '../core/index.ts';

export interface MigrateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  const label = d.severity === 'error' ? '' : d.severity === 'warning' ? 'warning: ' : 'note: ';
  return `${file}:${d.line}:${d.column}: ${d.path || '(document)'}: ${label}${d.message}\n`;
}

/** Exit status 0 with the migrated spec, 1 when the input cannot be migrated. */
export function runMigrate(input: { name: string; text: string }, io: MigrateIo): number {
  const result = migrateV1alpha1(input.text);
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(input.name, d));
  if (result.text === undefined) {
    io.stderr(`minicluster-gen: ${input.name}: cannot migrate to flux-framework.org/v1alpha2.\n`);
    return 1;
  }
  for (const n of result.notes) io.stderr(`${input.name}:${n.line}:${n.column}: note: ${n.message}\n`);
  io.stdout(result.text);
  return 0;
}
