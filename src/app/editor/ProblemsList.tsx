/** The core's diagnostics as a list of buttons: errors first, each one jumps to its place in the spec. */
import { useId, memo } from 'react';
import type { Diagnostic, Severity } from '../../core/page.ts';
import { SEVERITY_WORD, countSummary, sortDiagnostics } from './problems.ts';
import './editor.css';

export interface ProblemsListProps {
  diagnostics: readonly Diagnostic[];
  onSelect(d: Diagnostic): void;
  /** The label of a one-click fix for a problem, when there is one (e.g. generateName to name). */
  fixLabel?(d: Diagnostic): string | undefined;
  onFix?(d: Diagnostic): void;
}

// The word beside each icon carries the meaning; the icons are for scanning, hidden from readers.
const ICON: Record<Severity, string> = { error: '✕', warning: '⚠', info: 'ℹ' };

function ProblemsListImpl({ diagnostics, onSelect, fixLabel, onFix }: ProblemsListProps) {
  const headingId = useId();
  const sorted = sortDiagnostics(diagnostics);
  const summary = countSummary(diagnostics);
  return (
    <section className="mcs-problems" aria-labelledby={headingId}>
      <h2 id={headingId} className="mcs-problems-heading">
        Problems{summary && ` (${summary})`}
      </h2>
      <ul className="mcs-problems-list" aria-label="Problems">
        {sorted.length === 0 && <li className="mcs-problems-empty">No problems</li>}
        {sorted.map((d, i) => {
          const fix = onFix && fixLabel?.(d);
          return (
          <li key={`${d.severity}:${d.line}:${d.column}:${d.code}:${i}`}>
            <button type="button" className={`mcs-problem mcs-problem--${d.severity}`} onClick={() => onSelect(d)}>
              <span className="mcs-problem-icon" aria-hidden="true">
                {ICON[d.severity]}
              </span>
              <span className="mcs-problem-severity">{SEVERITY_WORD[d.severity]}</span>
              <span className="mcs-problem-position">
                {d.line}:{d.column}
              </span>
              {d.path !== '' && <code className="mcs-problem-path">{d.path}</code>}
              <span className="mcs-problem-message">{d.message}</span>
            </button>
            {fix && (
              <button type="button" className="mcs-problem-fix" onClick={() => onFix(d)}>
                {fix}
              </button>
            )}
          </li>
          );
        })}
      </ul>
    </section>
  );
}

export const ProblemsList = memo(ProblemsListImpl);
