/** Which objects to generate, in the order the operator creates them (section 3.5). */
import { DEFAULT_CERT_NAME, formatCurveCert } from '../curve/index.ts';
import type { ResolvedMiniCluster } from '../spec/operatorDefaults.ts';
import type { Manifest } from './kobject.ts';
import { brokerService, containerServices, entrypointConfigMap, indexedJob, servicesPod } from './objects.ts';
import { withServerFields } from './serverFields.ts';

export type { KObject, Manifest } from './kobject.ts';

import { includeFilter } from '../kinds.ts';

export interface CurveKeys {
  publicKey: string;
  secretKey: string;
}

export interface GenerateOptions {
  /** Letters of the objects to include; empty or absent means all. Other characters are ignored. */
  include?: string;
  /** The keypair of the generated certificate (Z85), used unless the spec or `certificate` gives one. */
  keys: CurveKeys;
  /** A whole certificate to use instead of one made from `keys` (the spec's `flux.curveCert` still wins). */
  certificate?: string;
  /** Add `creationTimestamp: null` and empty `status` like `fluxoperator-gen` prints. */
  serverFields?: boolean;
}

/** What the CURVE certificate depends on; the same in both API versions. */
export interface CertificateSource {
  metadata: { name: string };
  spec: { flux: { curveCert?: string | undefined } };
}

/** The spec's certificate, else the one given, else one made from the keys for pod NAME-0. */
export function certificateFor(cluster: CertificateSource, options: Pick<GenerateOptions, 'keys' | 'certificate'>): string {
  if (cluster.spec.flux.curveCert) return cluster.spec.flux.curveCert;
  if (options.certificate) return options.certificate;
  return formatCurveCert({ name: DEFAULT_CERT_NAME, hostname: `${cluster.metadata.name}-0`, ...options.keys });
}

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
