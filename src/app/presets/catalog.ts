/**
 * The examples of the preset menu: what the menu says of each. Each spec is the file `ID.yaml` in
 * this folder (index.ts reads them into the app; the build reads the default one for the page's
 * first screen, and its menu's titles, without the app's bundler).
 */

export interface PresetEntry {
  /** Stable identifier (menu value, tests, the file's name); never shown. */
  id: string;
  title: string;
  /** One sentence for the menu's description or tooltip. */
  description: string;
}

export const DEFAULT_PRESET_ID = 'hello-world';

export const PRESET_CATALOG: readonly PresetEntry[] = [
  {
    id: 'hello-world',
    title: 'Hello world',
    description: 'Four pods, four tasks, one echo: the smallest useful MiniCluster.',
  },
  {
    id: 'mpi-benchmark',
    title: 'MPI benchmark',
    description: 'The OSU allreduce benchmark on 16 MPI ranks across 4 pods, with resources, environment and Flux submit options.',
  },
  {
    id: 'sidecars',
    title: 'Sidecar containers',
    description: 'A Flux runner with a web server sidecar on port 80 and a wrapped sidecar that queries Flux.',
  },
  {
    id: 'volumes',
    title: 'Volumes',
    description: 'A host directory, an existing PersistentVolumeClaim, shared memory and files from a ConfigMap.',
  },
  {
    id: 'bursting',
    title: 'Bursting',
    description: 'An interactive cluster that can grow to 4 pods and knows the hosts of a bursted cluster.',
  },
  {
    id: 'minimal-service',
    title: 'Minimal service',
    description: 'A Service that exposes only the lead broker on port 8050.',
  },
  {
    id: 'interactive',
    title: 'Interactive',
    description: 'Brokers that start and wait without a job, for you to attach and submit work.',
  },
  {
    id: 'v1alpha1-volume',
    title: 'Older API (v1alpha1) with a volume',
    description: 'A flux-framework.org/v1alpha1 spec: three ConfigMaps, a PersistentVolume and claim, the Service and the Job; ready to upgrade.',
  },
];
