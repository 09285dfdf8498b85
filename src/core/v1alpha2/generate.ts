/** The v1alpha2 objects, in the order the operator creates them. */
import { certificateFor, type GenerateOptions } from '../common/generateOptions.ts';
import type { Manifest } from '../common/kobject.ts';
import { withServerFields } from '../common/serverFields.ts';
import { includeFilter } from '../kinds.ts';
import type { ResolvedMiniCluster } from './defaults.ts';
import { brokerService, containerServices, entrypointConfigMap, indexedJob, servicesPod } from './objects.ts';

export function generateManifests(cluster: ResolvedMiniCluster, options: GenerateOptions): Manifest[] {
  const wants = includeFilter('v1alpha2', options.include);
  const out: Manifest[] = [];
  if (wants('c')) out.push(entrypointConfigMap(cluster, certificateFor(cluster, options)));
  if (wants('p')) {
    const pod = servicesPod(cluster);
    if (pod) out.push(pod);
  }
  if (wants('s')) out.push(brokerService(cluster));
  if (wants('j')) out.push(indexedJob(cluster));
  if (wants('s')) out.push(...containerServices(cluster));
  return options.serverFields ? out.map(withServerFields) : out;
}
