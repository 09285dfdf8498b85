/** `minicluster-gen --migrate`: a v1alpha1 spec in, the v1alpha2 spec on stdout, notes on stderr. */
import { migrateV1alpha1 } from '../core/migrate/index.ts';
import { printable } from '../core/common/quoteText.ts';

import { diagnosticLine } from './diagnosticLine.ts';

export interface MigrateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit status 0 with the migrated spec, 1 when the input cannot be migrated. */
export function runMigrate(input: { name: string; text: string }, io: MigrateIo): number {
  const result = migrateV1alpha1(input.text);
  for (const d of result.diagnostics) io.stderr(diagnosticLine(input.name, d));
  if (result.text === undefined) {
    io.stderr(`minicluster-gen: ${input.name}: cannot migrate to flux-framework.org/v1alpha2.\n`);
    return 1;
  }
  for (const n of result.notes) io.stderr(`${printable(input.name)}:${n.line}:${n.column}: note: ${printable(n.message)}\n`);
  io.stdout(result.text);
  return 0;
}
