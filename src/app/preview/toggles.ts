/** What each include toggle of the preview says and whether it can be used, for the objects made now. */
import { INCLUDE_LETTERS, INCLUDE_ORDER } from '../../core/page.ts';
import type { IncludeLetter, RenderedManifest } from '../worker/protocol.ts';

export interface ToggleState {
  label: string;
  /** Nothing of this letter can be made with this spec and these options: shown off. */
  disabled: boolean;
  /** Why it is disabled, shown beside the toggles. */
  note?: string;
}

/**
 * A toggle's text names what its letter holds now: the kinds the output options put there (a
 * JobSet, a PodGroup, a Secret), and, with a JobSet, which Services are left (the JobSet makes the brokers'
 * headless Service; only the per-container Services of sidecars with ports are ours to make).
 */
export function toggleState(letter: IncludeLetter, manifests: readonly RenderedManifest[] | undefined, volumesAvailable: boolean): ToggleState {
  const has = (kind: string) => manifests?.some((manifest) => manifest.letter === letter && manifest.kind === kind) ?? false;
  const jobSet = manifests?.some((manifest) => manifest.kind === 'JobSet') ?? false;
  if (letter === 'v' && !volumesAvailable) return { label: INCLUDE_LETTERS.v, disabled: true, note: 'v1alpha2 has no volume objects' };
  if (letter === 'j' && (has('JobSet') || has('PodGroup'))) {
    // The gang scheduler's PodGroup goes with the workload it gangs (see core/kinds.ts).
    const kinds = [has('PodGroup') ? 'PodGroup' : '', has('Job') || !has('JobSet') ? 'Job' : '', has('JobSet') ? 'JobSet' : ''].filter(Boolean);
    return { label: kinds.join(', '), disabled: false };
  }
  if (letter === 'c' && has('Secret')) return { label: 'ConfigMaps, Secret', disabled: false };
  if (letter === 's' && jobSet) {
    return has('Service')
      ? { label: 'Container Services', disabled: false }
      : { label: 'Container Services', disabled: true, note: 'none: the JobSet makes the brokers’ headless Service' };
  }
  return { label: INCLUDE_LETTERS[letter], disabled: false };
}

/**
 * The toggles the preview draws, in order: the services Pod's only when there is such a Pod (the
 * preview's, and the page's first screen's, firstScreen/).
 */
export function includeToggles(manifests: readonly RenderedManifest[] | undefined, volumesAvailable: boolean): Array<ToggleState & { letter: IncludeLetter }> {
  const hasPod = manifests?.some((manifest) => manifest.letter === 'p') ?? false;
  return INCLUDE_ORDER.filter((letter) => letter !== 'p' || hasPod).map((letter) => ({ letter, ...toggleState(letter, manifests, volumesAvailable) }));
}
