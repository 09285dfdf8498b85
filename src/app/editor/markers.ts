/** Core diagnostics → Monaco marker data. Pure (no Monaco import) so it runs in unit tests. */
import type { editor, MarkerSeverity } from 'monaco-editor/esm/vs/editor/editor.api.js';
import type { Diagnostic, Severity } from '../../core/page.ts';

/** The marker owner of the core's problems; monaco-yaml's schema problems use the owner `yaml`. */
export const MARKER_OWNER = 'minicluster';

/** The parts of a Monaco text model the conversion needs (a fake one will do in tests). */
export type MarkerModel = Pick<
  editor.ITextModel,
  'getLineCount' | 'getLineMaxColumn' | 'getLineLastNonWhitespaceColumn' | 'getWordAtPosition'
>;

export type MarkerSeverities = Pick<typeof MarkerSeverity, 'Error' | 'Warning' | 'Hint'>;

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

export function toMarkers(
  diagnostics: readonly Diagnostic[],
  model: MarkerModel,
  severities: MarkerSeverities,
): editor.IMarkerData[] {
  const bySeverity: Record<Severity, MarkerSeverity> = {
    error: severities.Error,
    warning: severities.Warning,
    // Notes about filled-in defaults are not problems: a faint hint, not a squiggle.
    info: severities.Hint,
  };
  const lines = model.getLineCount();
  return diagnostics.map((d) => {
    // Diagnostics computed for an older text can point past the end of the current one.
    const startLineNumber = clamp(Math.trunc(d.line) || 1, 1, lines);
    const startColumn = clamp(Math.trunc(d.column) || 1, 1, model.getLineMaxColumn(startLineNumber));
    let endLineNumber = startLineNumber;
    let endColumn = startColumn;
    if (d.endLine !== undefined && d.endColumn !== undefined) {
      endLineNumber = clamp(d.endLine, startLineNumber, lines);
      endColumn = clamp(d.endColumn, 1, model.getLineMaxColumn(endLineNumber));
      if (endLineNumber === startLineNumber && endColumn < startColumn) endColumn = startColumn;
    }
    if (d.severity === 'info' && endLineNumber > startLineNumber) {
      // A note about a whole block (a mapping, a list) would paint every line of it.
      endLineNumber = startLineNumber;
      endColumn = Math.max(startColumn, model.getLineLastNonWhitespaceColumn(startLineNumber));
    }
    if (endLineNumber === startLineNumber && endColumn === startColumn) {
      // No span (or an empty one): underline the word there, else the rest of the line, so the
      // squiggle is visible and hovering it shows the message.
      const word = model.getWordAtPosition({ lineNumber: startLineNumber, column: startColumn });
      const lineEnd = model.getLineLastNonWhitespaceColumn(startLineNumber);
      if (word && word.endColumn > startColumn) endColumn = word.endColumn;
      else if (lineEnd > startColumn) endColumn = lineEnd;
    }
    return {
      severity: bySeverity[d.severity],
      message: d.message,
      source: 'MiniCluster',
      code: d.code,
      startLineNumber,
      startColumn,
      endLineNumber,
      endColumn,
    };
  });
}
