/** The page's header: its title, the examples, Copy link, Reset and the theme. */
import { DEFAULT_PRESET_ID, PRESETS } from '../presets/index.ts';
import type { ThemeChoice } from '../state/storage.ts';

export interface HeaderProps {
  themeChoice: ThemeChoice;
  onThemeChange(choice: ThemeChoice): void;
  onCopyLink(): void;
  /** Puts `text` in the editor and says `message` in the status line. */
  onReplaceSpec(text: string, message: string): void;
}

function defaultPresetText(): string {
  return PRESETS.find((p) => p.id === DEFAULT_PRESET_ID)?.text ?? PRESETS[0]?.text ?? '';
}

export function Header({ themeChoice, onThemeChange, onCopyLink, onReplaceSpec }: HeaderProps) {
  const reset = () => {
    if (window.confirm('Replace the spec with the default example? Your current spec is lost (Undo in the editor can bring it back).')) {
      onReplaceSpec(defaultPresetText(), 'Reset to the default example.');
    }
  };
  return (
    <header className="mcs-header">
      <h1>
        MiniCluster Studio<small>Flux Framework MiniCluster → Kubernetes objects</small>
      </h1>
      <label>
        Example
        <select
          aria-label="Load an example"
          value=""
          onChange={(event) => {
            const preset = PRESETS.find((p) => p.id === event.target.value);
            if (preset) onReplaceSpec(preset.text, `Loaded the example "${preset.title}".`);
          }}
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
