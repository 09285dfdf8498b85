/** The v1alpha2 objects, in the order the operator creates them. */
import { certificateFor, runGenerateSteps, type GenerateOptions } from '../common/generation.ts';
import type { Manifest } from '../common/kobject.ts';
import type { ResolvedMiniCluster } from './defaults.ts';
import { brokerService, containerServices, entrypointConfigMap, indexedJob, servicesPod } from './objects.ts';

export function generateManifests(cluster: ResolvedMiniCluster, options: GenerateOptions): Manifest[] {
  return runGenerateSteps('v1alpha2', options, [
    ['c', () => entrypointConfigMap(cluster, certificateFor(cluster, options))],
    ['p', () => servicesPod(cluster)],
    ['s', () => brokerService(cluster)],
    ['j', () => indexedJob(cluster)],
    ['s', () => containerServices(cluster)],
  ]);
}
