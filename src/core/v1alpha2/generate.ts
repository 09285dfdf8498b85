/** The v1alpha2 objects, in the order the operator creates them. */
import { certificateFor, runGenerateSteps, type GenerateOptions } from '../common/generation.ts';
import type { Manifest } from '../common/kobject.ts';
import { curveSecret } from '../targets/curveSecret.ts';
import { placementOf } from '../targets/placement.ts';
import type { ResolvedMiniCluster } from './defaults.ts';
import { brokerService, containerServices, entrypointConfigMap, indexedJob, servicesPod } from './objects.ts';

export function generateManifests(cluster: ResolvedMiniCluster, options: GenerateOptions): Manifest[] {
  const { name, namespace } = cluster.metadata;
  const placement = placementOf(name, options.output);
  const certificate = () => certificateFor(cluster, options);
  return runGenerateSteps('v1alpha2', options, [
    [
      'c',
      () =>
        placement.certificateInSecret
          ? [entrypointConfigMap(cluster, undefined, placement), curveSecret(name, namespace, certificate())]
          : entrypointConfigMap(cluster, certificate(), placement),
    ],
    ['p', () => servicesPod(cluster)],
    // A JobSet makes the headless Service itself (named by its network.subdomain).
    ['s', () => (placement.workload === 'jobset' ? undefined : brokerService(cluster))],
    ['j', () => indexedJob(cluster, placement)],
    ['s', () => containerServices(cluster)],
  ]);
}
