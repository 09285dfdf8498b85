/** The core's diagnostics, split by where the page shows them. */
import type { Diagnostic } from '../../core/page.ts';
import type { GenerateResponse } from '../worker/protocol.ts';

export interface DiagnosticGroups {
  /** Every diagnostic of the file, for the editor's markers. */
  all: readonly Diagnostic[];
  /** Errors and warnings, for the problems list. */
  problems: readonly Diagnostic[];
  /** What the core filled in. */
  filledIn: readonly Diagnostic[];
  /** The file's objects that are not the MiniCluster shown. */
  otherObjects: readonly Diagnostic[];
  /** Those of the MiniCluster the form edits (in a file of several, the lines of its document). */
  ofForm: readonly Diagnostic[];
}

export function groupDiagnostics(response: GenerateResponse | undefined): DiagnosticGroups {
  const all = response?.diagnostics ?? [];
  const inFile = response?.inFile;
  return {
    all,
    problems: all.filter((d) => d.severity !== 'info'),
    filledIn: all.filter((d) => d.severity === 'info' && d.code !== 'other-object'),
    otherObjects: all.filter((d) => d.code === 'other-object'),
    ofForm: inFile ? all.filter((d) => d.line >= inFile.firstLine && d.line <= inFile.lastLine) : all,
  };
}
