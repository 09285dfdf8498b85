/**
 * The Commands panel: the kubectl commands to run next for the bundle (the core's
 * `kubectlCommands`), each with a Copy button. Closed by default, one line like the Output panel;
 * the copying itself, its "Copied" mark and its fallback dialog belong to the preview, which copies
 * everything else too.
 */
import { memo, useId, useState } from 'react';
import type { KubectlCommand } from '../../core/page.ts';
import '../shell/disclosure.css';
import './commands.css';

export interface CommandsPanelProps {
  commands: readonly KubectlCommand[];
  /** The file the commands apply: the name "Download bundle" saves. */
  bundleFile: string;
  /** The id of the command just copied, for its "Copied" mark. */
  copiedId: string | undefined;
  /** Must be stable (the panel is memoised). */
  onCopy(command: KubectlCommand): void;
}

function CommandsPanelImpl({ commands, bundleFile, copiedId, onCopy }: CommandsPanelProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const several = commands.some((command) => command.cluster !== undefined);

  return (
    <details className="mcs-commands mcs-disclosure" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="mcs-commands-summary mcs-disclosure-summary">
        <span className="mcs-commands-title mcs-disclosure-title">Commands</span>
        <span className="mcs-commands-state mcs-disclosure-state">kubectl: apply, watch the pods, the lead broker’s log and a Flux shell, delete</span>
      </summary>
      <div className="mcs-commands-body mcs-disclosure-body">
        <p className="mcs-commands-intro">
          What to run next, in order, where kubectl reaches your cluster and beside <code className="mcs-commands-file">{bundleFile}</code> (the file
          “Download bundle” saves{several ? ', with every MiniCluster of this file' : ''}).
        </p>
        <ol className="mcs-commands-list">
          {commands.map((command) => {
            const whatId = `${id}-${command.id}-what`;
            const buttonId = `${id}-${command.id}-copy`;
            return (
              <li key={command.id} className="mcs-command">
                <div className="mcs-command-head">
                  <p id={whatId} className="mcs-command-what">
                    {command.cluster !== undefined && <span className="mcs-command-cluster">{command.cluster}</span>}
                    {command.what}
                  </p>
                  {command.line !== undefined && (
                    <span className="mcs-copy-wrap">
                      <button
                        id={buttonId}
                        type="button"
                        className="mcs-button mcs-button-small"
                        // Named by its text and the command's sentence: "Copy Apply the bundle".
                        aria-labelledby={`${buttonId} ${whatId}`}
                        data-copied={copiedId === command.id || undefined}
                        onClick={() => onCopy(command)}
                      >
                        Copy
                      </button>
                      <span className="mcs-copied" aria-live="polite">
                        {copiedId === command.id ? 'Copied' : ''}
                      </span>
                    </span>
                  )}
                </div>
                {command.note !== undefined && <p className="mcs-command-note">{command.note}</p>}
                {command.line !== undefined && (
                  <code className="mcs-command-line">
                    {/* Words wrap between each other, never at a word's own hyphens ("--tail", "flux-sample"). */}
                    {command.line.split(' ').map((word, index) => (
                      <span key={index}>
                        {index > 0 ? ' ' : ''}
                        <span className="mcs-command-word">{word}</span>
                      </span>
                    ))}
                  </code>
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </details>
  );
}

export const CommandsPanel = memo(CommandsPanelImpl);
