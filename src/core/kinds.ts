/**
 * The one list of what the generators make: every object kind of each MiniCluster API version,
 * the include letter that selects it (as `-i` takes it) and the text of that letter's toggle.
 * The generators filter by these letters, the CLI checks `-i` against them, the app files each
 * object under one and shows a toggle per letter. A kind that is not listed is an error, not a
 * guess: filed under a letter its version lacks, an object would vanish from the preview and the
 * bundle.
 */
import type { MiniClusterVersion } from './common/apiVersions.ts';
import { POD_GROUP_KINDS } from './targets/gangs.ts';

/** Each letter with its toggle's text, in the order the toggles, `ALL_INCLUDES` and the saved preference use. */
export const INCLUDE_LETTERS = {
  c: 'ConfigMaps',
  s: 'Service',
  j: 'Job',
  p: 'Services pod',
  v: 'Volumes',
} as const;
export type IncludeLetter = keyof typeof INCLUDE_LETTERS;

export const INCLUDE_ORDER = Object.keys(INCLUDE_LETTERS) as IncludeLetter[];
/** Every letter: the default include preference. */
export const ALL_INCLUDES = INCLUDE_ORDER.join('');

export interface ObjectKind {
  apiVersion: string;
  kind: string;
  letter: IncludeLetter;
}

/**
 * A gang scheduler's PodGroup goes with the Job it gangs: pods that name a PodGroup that was not
 * applied are denied by the scheduler, and a PodGroup without its Job waits for pods that never
 * come. So one letter selects both, as the certificate Secret goes with the ConfigMaps.
 */
const GANG_POD_GROUPS: readonly ObjectKind[] = POD_GROUP_KINDS.map(({ apiVersion, kind }) => ({ apiVersion, kind, letter: 'j' }));

/** What each version can generate (the Pod only when the spec has services in their own pod). */
export const OBJECT_KINDS: Readonly<Record<MiniClusterVersion, readonly ObjectKind[]>> = {
  v1alpha2: [
    { apiVersion: 'v1', kind: 'ConfigMap', letter: 'c' },
    // The certificate, with the ConfigMaps, when the output keeps it in a Secret.
    { apiVersion: 'v1', kind: 'Secret', letter: 'c' },
    { apiVersion: 'v1', kind: 'Pod', letter: 'p' },
    { apiVersion: 'v1', kind: 'Service', letter: 's' },
    { apiVersion: 'batch/v1', kind: 'Job', letter: 'j' },
    // The workload when the output runs as a JobSet.
    { apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet', letter: 'j' },
    ...GANG_POD_GROUPS,
  ],
  // v1alpha1's operator also made the volumes as objects; v1alpha2 puts them in the Job.
  v1alpha1: [
    { apiVersion: 'v1', kind: 'ConfigMap', letter: 'c' },
    { apiVersion: 'v1', kind: 'Secret', letter: 'c' },
    { apiVersion: 'v1', kind: 'PersistentVolume', letter: 'v' },
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', letter: 'v' },
    { apiVersion: 'v1', kind: 'Pod', letter: 'p' },
    { apiVersion: 'v1', kind: 'Service', letter: 's' },
    { apiVersion: 'batch/v1', kind: 'Job', letter: 'j' },
    ...GANG_POD_GROUPS,
  ],
};

function lettersOf(version: MiniClusterVersion): string {
  return INCLUDE_ORDER.filter((letter) => OBJECT_KINDS[version].some((kind) => kind.letter === letter)).join('');
}

/** The letters that select objects of each version, in `INCLUDE_ORDER` (v1alpha2: no `v`). */
export const VERSION_INCLUDES: Readonly<Record<MiniClusterVersion, string>> = {
  v1alpha2: lettersOf('v1alpha2'),
  v1alpha1: lettersOf('v1alpha1'),
};

/** The letter that selects a generated object; throws for a kind the version's list lacks. */
export function letterOfKind(version: MiniClusterVersion, object: { apiVersion: string; kind: string }): IncludeLetter {
  const entry = OBJECT_KINDS[version].find((kind) => kind.kind === object.kind && kind.apiVersion === object.apiVersion);
  if (!entry) {
    throw new Error(`${object.apiVersion} ${object.kind} is not a ${version} object kind: add it, with its include letter, to OBJECT_KINDS in src/core/kinds.ts.`);
  }
  return entry.letter;
}

/**
 * A generator's test for one letter: an absent or empty `include` means every letter of the
 * version; other characters are ignored. Asking about a letter the version does not list throws,
 * so a generator cannot make objects the registry (and so the app and the CLI) does not know of.
 */
export function includeFilter(version: MiniClusterVersion, include: string | undefined): (letter: IncludeLetter) => boolean {
  const letters = VERSION_INCLUDES[version];
  const wanted = include || letters;
  return (letter) => {
    if (!letters.includes(letter)) throw new Error(`${version} lists no objects under include letter ${letter} (src/core/kinds.ts).`);
    return wanted.includes(letter);
  };
}
