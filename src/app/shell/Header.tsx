/** The page's header: its title, Open file, the examples, Copy link, Reset and the theme. */
import { PRESETS, defaultPresetText, findPreset, hasOwnEdits } from '../presets/index.ts';
import type { ThemeChoice } from '../state/storage.ts';

export interface HeaderProps {
  themeChoice: ThemeChoice;
  onThemeChange(choice: ThemeChoice): void;
  onCopyLink(): void;
  /** Opens the browser's file chooser for a spec file. */
  onOpenFile(): void;
  /** Puts `text` (another spec: nothing is marked changed) in the editor and says `message` in the status line. */
  onReplaceSpec(text: string, message: string): void;
  /** Back to the default example with every output option off. */
  onReset(text: string, message: string): void;
  /** The spec now, to ask before an example replaces the user's own edits. */
  getSpecText(): string;
}

export function Header({ themeChoice, onThemeChange, onCopyLink, onOpenFile, onReplaceSpec, onReset, getSpecText }: HeaderProps) {
  const reset = () => {
    if (window.confirm('Replace the spec with the default example and turn every output option off? Your current spec is lost (Undo in the editor can bring it back).')) {
      onReset(defaultPresetText(), 'Reset to the default example, with every output option off.');
    }
  };
  const load = (id: string) => {
    const preset = findPreset(id);
    if (!preset) return;
    if (hasOwnEdits(getSpecText()) && !window.confirm(`Replace your spec with the example "${preset.title}"? Your edits are lost (Undo in the editor can bring them back).`)) return;
    onReplaceSpec(preset.text, `Loaded the example "${preset.title}".`);
  };
  return (
    <header className="mcs-header">
      <h1>
        MiniCluster Studio<small>Flux Framework MiniCluster → Kubernetes objects</small>
      </h1>
      <button type="button" onClick={onOpenFile} aria-keyshortcuts="Control+O Meta+O">
        Open file…
      </button>
      <label>
        Example
        <select
          aria-label="Load an example"
          value=""
          onChange={(event) => load(event.target.value)}
        >
          <option value="">Load an example…</option>
          {PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id} title={preset.description}>
              {preset.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onCopyLink}>
        Copy link
      </button>
      <button type="button" onClick={reset}>
        Reset
      </button>
      <label>
        Theme
        <select aria-label="Theme" value={themeChoice} onChange={(event) => onThemeChange(event.target.value as ThemeChoice)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </header>
  );
}
