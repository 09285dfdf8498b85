/** The v1alpha1 objects, in the order the operator created them. */
import { certificateFor, type GenerateOptions } from '../common/generateOptions.ts';
import type { Manifest } from '../common/kobject.ts';
import { withServerFields } from '../common/serverFields.ts';
import { includeFilter } from '../kinds.ts';
import type { ResolvedV1alpha1MiniCluster } from './defaults.ts';
import {
  containerServices,
  curveConfigMap,
  entrypointConfigMap,
  fluxConfigMap,
  headlessService,
  indexedJob,
  persistentVolume,
  persistentVolumeClaim,
  servicesPod,
} from './objects.ts';

export function generateManifests(mc: ResolvedV1alpha1MiniCluster, options: GenerateOptions): Manifest[] {
  const wants = includeFilter('v1alpha1', options.include);
  const certificate = certificateFor(mc, options);
  const out: Manifest[] = [];
  if (wants('c')) {
    // The certificate (it holds the secret key) seeds the values the operator drew at random.
    out.push(entrypointConfigMap(mc, certificate), fluxConfigMap(mc));
    const curve = curveConfigMap(mc, certificate);
    if (curve) out.push(curve);
  }
  if (wants('v')) {
    for (const [key, volume] of Object.entries(mc.spec.volumes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      out.push(persistentVolume(mc, key, volume), persistentVolumeClaim(mc, key, volume));
    }
  }
  if (wants('p')) {
    const pod = servicesPod(mc);
    if (pod) out.push(pod);
  }
  if (wants('s')) out.push(headlessService(mc));
  if (wants('j')) out.push(indexedJob(mc));
  if (wants('s')) out.push(...containerServices(mc));
  return options.serverFields ? out.map(withServerFields) : out;
}
