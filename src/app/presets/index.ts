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

export interface Preset {
  /** Stable identifier (menu value, tests); never shown. */
  id: string;
  title: string;
  /** One sentence for the menu's description or tooltip. */
  description: string;
  /** The spec, YAML with comments. */
  text: string;
}

export const DEFAULT_PRESET_ID = 'hello-world';

export const PRESETS: readonly Preset[] = [
  {
    id: 'hello-world',
    title: 'Hello world',
    description: 'Four pods, four tasks, one echo: the smallest useful MiniCluster.',
    text: helloWorld,
  },
  {
    id: 'mpi-benchmark',
    title: 'MPI benchmark',
    description: 'The OSU allreduce benchmark on 16 MPI ranks across 4 pods, with resources, environment and Flux submit options.',
    text: mpiBenchmark,
  },
  {
    id: 'sidecars',
    title: 'Sidecar containers',
    description: 'A Flux runner with a web server sidecar on port 80 and a wrapped sidecar that queries Flux.',
    text: sidecars,
  },
  {
    id: 'volumes',
    title: 'Volumes',
    description: 'A host directory, an existing PersistentVolumeClaim, shared memory and files from a ConfigMap.',
    text: volumes,
  },
  {
    id: 'bursting',
    title: 'Bursting',
    description: 'An interactive cluster that can grow to 4 pods and knows the hosts of a bursted cluster.',
    text: bursting,
  },
  {
    id: 'minimal-service',
    title: 'Minimal service',
    description: 'A Service that exposes only the lead broker on port 8050.',
    text: minimalService,
  },
  {
    id: 'interactive',
    title: 'Interactive',
    description: 'Brokers that start and wait without a job, for you to attach and submit work.',
    text: interactive,
  },
  {
    id: 'v1alpha1-volume',
    title: 'Older API (v1alpha1) with a volume',
    description: 'A flux-framework.org/v1alpha1 spec: three ConfigMaps, a PersistentVolume and claim, the Service and the Job; ready to upgrade.',
    text: v1alpha1Volume,
  },
];

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
