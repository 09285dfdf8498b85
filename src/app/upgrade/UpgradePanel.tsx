/**
 * For a v1alpha1 spec: says which API the output follows and offers "Upgrade to v1alpha2". The
 * migration replaces the text through the editor (so Undo brings the old spec back) and its notes
 * stay listed here: what moved, what was renamed, and what v1alpha2 has no place for.
 */
import { useCallback, useId, useState } from 'react';
import type { Diagnostic, MigrationNote } from '../../core/page.ts';
import './upgrade.css';

export interface UpgradePanelProps {
  /** The API version of the spec in the editor, when it declares one of the two. */
  version: 'v1alpha1' | 'v1alpha2' | undefined;
  getSpecText(): string;
  /** Puts the migrated spec in the editor. */
  onUpgrade(text: string): void;
}

type Outcome = { kind: 'upgraded'; notes: MigrationNote[] } | { kind: 'failed'; problems: Diagnostic[] };

const KIND_WORD: Record<MigrationNote['kind'], string> = { moved: 'Moved', renamed: 'Renamed', dropped: 'Dropped', changed: 'Changed' };

export function UpgradePanel({ version, getSpecText, onUpgrade }: UpgradePanelProps) {
  const headingId = useId();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  const upgrade = useCallback(async () => {
    setBusy(true);
    try {
      const { migrateV1alpha1 } = await import('../../core/index.ts');
      const result = migrateV1alpha1(getSpecText());
      if (result.text === undefined) {
        setOutcome({ kind: 'failed', problems: result.diagnostics.filter((d) => d.severity === 'error') });
      } else {
        onUpgrade(result.text);
        setOutcome({ kind: 'upgraded', notes: result.notes });
      }
    } finally {
      setBusy(false);
    }
  }, [getSpecText, onUpgrade]);

  if (version !== 'v1alpha1' && outcome?.kind !== 'upgraded') return null;
  return (
    <section className="mcs-upgrade" aria-labelledby={headingId}>
      {version === 'v1alpha1' ? (
        <>
          <h2 id={headingId} className="mcs-upgrade-heading">
            Older API: flux-framework.org/v1alpha1
          </h2>
          <p>
            The objects shown are what the operator of that API created: three ConfigMaps, a PersistentVolume and claim per volume, the
            Service and the Job. Current operators read v1alpha2.
          </p>
          <button type="button" className="mcs-primary" onClick={() => void upgrade()} disabled={busy}>
            Upgrade to v1alpha2
          </button>
          {outcome?.kind === 'failed' && (
            <div role="alert" className="mcs-upgrade-failed">
              <strong>The spec could not be upgraded:</strong>
              <ul>
                {outcome.problems.map((d, i) => (
                  <li key={i}>
                    {d.line}:{d.column} {d.path && <code>{d.path}</code>} {d.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      ) : (
        outcome?.kind === 'upgraded' && (
          <>
            <h2 id={headingId} className="mcs-upgrade-heading">
              Upgraded to v1alpha2
            </h2>
            <p role="status">
              {outcome.notes.length === 0
                ? 'Every field carried over.'
                : `${outcome.notes.length} ${outcome.notes.length === 1 ? 'note' : 'notes'} on what changed (Undo in the editor brings back the v1alpha1 spec):`}
            </p>
            {outcome.notes.length > 0 && (
              <ul className="mcs-upgrade-notes" aria-label="Upgrade notes" tabIndex={0}>
                {outcome.notes.map((note, i) => (
                  <li key={i} data-kind={note.kind}>
                    <span className="mcs-upgrade-kind">{KIND_WORD[note.kind]}</span> {note.path && <code>{note.path}</code>} {note.message}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" onClick={() => setOutcome(undefined)}>
              Dismiss upgrade notes
            </button>
          </>
        )
      )}
    </section>
  );
}
