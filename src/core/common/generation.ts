/** What every generator is asked for, the certificate it writes, and how it runs its steps under the include letters. */
import { DEFAULT_CERT_NAME, formatCurveCert } from '../curve/index.ts';
import { includeFilter, type IncludeLetter } from '../kinds.ts';
import { applyTargets } from '../targets/apply.ts';
import { leadHost } from '../targets/hosts.ts';
import type { OutputOptions } from '../targets/options.ts';
import type { MiniClusterVersion } from './apiVersions.ts';
import type { Manifest } from './kobject.ts';
import { withServerFields } from './serverFields.ts';

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
  /** Where the objects will run (Kueue, JobSet, the certificate in a Secret); all off by default. */
  output?: OutputOptions;
}

/** What the CURVE certificate depends on; the same in both API versions. */
export interface CertificateSource {
  metadata: { name: string };
  spec: { flux: { curveCert?: string | undefined } };
}

/** The spec's certificate, else the one given, else one made from the keys for the lead broker's pod (NAME-0). */
export function certificateFor(cluster: CertificateSource, options: Pick<GenerateOptions, 'keys' | 'certificate' | 'output'>): string {
  if (cluster.spec.flux.curveCert) return cluster.spec.flux.curveCert;
  if (options.certificate) return options.certificate;
  return formatCurveCert({ name: DEFAULT_CERT_NAME, hostname: leadHost(cluster.metadata.name, options.output?.workload), ...options.keys });
}

/** One step of a generator: the objects filed under one include letter, made only when it is asked for. */
export type GenerateStep = readonly [IncludeLetter, () => Manifest | readonly Manifest[] | undefined];

/**
 * Runs a version's steps in order (the order the operator creates its objects) for the letters
 * asked for, then the targets stage (the output options' changes to the workload object).
 */
export function runGenerateSteps(version: MiniClusterVersion, options: GenerateOptions, steps: readonly GenerateStep[]): Manifest[] {
  const wants = includeFilter(version, options.include);
  const out = applyTargets(
    steps.flatMap(([letter, make]) => (wants(letter) ? [make() ?? []].flat() : [])),
    options.output,
  );
  return options.serverFields ? out.map(withServerFields) : out;
}
