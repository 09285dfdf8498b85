/** What a generator is asked for, in both API versions, and the certificate it puts in the ConfigMap. */
import { DEFAULT_CERT_NAME, formatCurveCert } from '../curve/index.ts';

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
