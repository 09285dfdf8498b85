/**
 * Ready-made MiniCluster specs for the preset menu. They are plain YAML files (comments and all)
 * so that they read like specs people write, and the test proves each one analyzes cleanly.
 */
import bursting from './bursting.yaml?raw';
import helloWorld from './hello-world.yaml?raw';
import interactive from './interactive.yaml?raw';
import minimalService from './minimal-service.yaml?raw';
import mpiBenchmark from './mpi-benchmark.yaml?raw';
import sidecars from './sidecars.yaml?raw';
import v1alpha1Volume from './v1alpha1-volume.yaml?raw';
import volumes from './volumes.yaml?raw';
import { DEFAULT_PRESET_ID, PRESET_CATALOG, type PresetEntry } from './catalog.ts';

export interface Preset extends PresetEntry {
  /** The spec, YAML with comments. */
  text: string;
}

export { DEFAULT_PRESET_ID };

const TEXTS: Readonly<Record<string, string>> = {
  'hello-world': helloWorld,
  'mpi-benchmark': mpiBenchmark,
  sidecars: sidecars,
  volumes: volumes,
  bursting: bursting,
  'minimal-service': minimalService,
  interactive: interactive,
  'v1alpha1-volume': v1alpha1Volume,
};

export const PRESETS: readonly Preset[] = PRESET_CATALOG.map((entry) => {
  const text = TEXTS[entry.id];
  if (text === undefined) throw new Error(`the preset ${entry.id} has no file`);
  return { ...entry, text };
});

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** The default example's text (what the page opens with and Reset goes back to). */
export function defaultPresetText(): string {
  return findPreset(DEFAULT_PRESET_ID)?.text ?? PRESETS[0]?.text ?? '';
}

/**
 * Whether replacing `text` loses something: it is neither empty nor one of the examples as it
 * came (loading another example over an untouched one needs no question).
 */
export function hasOwnEdits(text: string): boolean {
  return text.trim() !== '' && !PRESETS.some((preset) => preset.text === text);
}
