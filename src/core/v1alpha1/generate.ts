/** The v1alpha1 objects, in the order the operator created them. */
import { certificateFor, runGenerateSteps, type GenerateOptions } from '../common/generation.ts';
import type { Manifest } from '../common/kobject.ts';
import { curveSecret } from '../targets/curveSecret.ts';
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
  // Its pods and scripts know only the operator's host names; the analysis reports this first.
  if (options.output?.workload === 'jobset') throw new Error('A v1alpha1 MiniCluster cannot be generated as a JobSet: migrate it to v1alpha2 first.');
  // The certificate (it holds the secret key) seeds the values the operator drew at random.
  const certificate = certificateFor(mc, options);
  // The spec's own certificate Secret (flux.curveCertSecret) is used as it is: nothing to make.
  const inSecret = (options.output?.certSecret ?? false) && !mc.spec.flux.curveCertSecret;
  const volumes = Object.entries(mc.spec.volumes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return runGenerateSteps('v1alpha1', options, [
    [
      'c',
      () => [
        entrypointConfigMap(mc, certificate),
        fluxConfigMap(mc),
        ...(mc.spec.flux.curveCertSecret ? [] : [inSecret ? curveSecret(mc.metadata.name, mc.metadata.namespace, certificate) : curveConfigMap(mc, certificate) ?? []].flat()),
      ],
    ],
    ['v', () => volumes.flatMap(([key, volume]) => [persistentVolume(mc, key, volume), persistentVolumeClaim(mc, key, volume)])],
    ['p', () => servicesPod(mc)],
    ['s', () => headlessService(mc)],
    ['j', () => indexedJob(mc, inSecret)],
    ['s', () => containerServices(mc)],
  ]);
}
