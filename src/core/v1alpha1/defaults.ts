/**
 * The v1alpha1 operator's code defaults: what its validate-and-default step filled in after the
 * API server applied the CRD defaults (schema.ts), in its order (docs/design.md, "From text to
 * objects"). Defaults that change what a user sees become notices, so nothing in the output is
 * magic.
 */
import { applyBurstingDefaults, applyNamespaceDefault, applySingleRunner, type Notice } from '../common/defaults.ts';
import {
  V1A1_DEFAULT_HEADLESS_NAME,
  V1A1_DEFAULT_INSTALL_ROOT,
  V1A1_DEFAULT_REST_PORT,
  type V1alpha1MiniCluster,
} from './schema.ts';
import { BROKER_PORT } from '../common/operatorNames.ts';

export type V1alpha1Notice = Notice;

type Spec = V1alpha1MiniCluster['spec'];
type Flux = NonNullable<Spec['flux']>;

/** A v1alpha1 MiniCluster after both default layers; the builders never re-implement a default. */
export type ResolvedV1alpha1MiniCluster = V1alpha1MiniCluster & {
  metadata: V1alpha1MiniCluster['metadata'] & { name: string; namespace: string };
  spec: Spec & {
    network: { headlessName: string };
    flux: Flux & { installRoot: string; connectTimeout: string; logLevel: number; scheduler: { queuePolicy: string } };
    fluxRestful: NonNullable<Spec['fluxRestful']>;
    logging: NonNullable<Spec['logging']>;
    maxSize: number;
    jobLabels: Record<string, string>;
    volumes: NonNullable<Spec['volumes']>;
    pod: NonNullable<Spec['pod']> & { labels: Record<string, string>; annotations: Record<string, string> };
  };
};

export function applyDefaults(
  mc: V1alpha1MiniCluster,
  options: { defaultNamespace: string },
): { cluster: ResolvedV1alpha1MiniCluster; notices: V1alpha1Notice[] } {
  const notices: V1alpha1Notice[] = [];
  const { metadata, spec } = mc;
  const name = metadata.name ?? '';

  applyNamespaceDefault(metadata, options.defaultNamespace, 'the broker addresses contain it', notices);

  // No `flux:` key means no CRD defaults there: no connect timeout, log level 0 (read as 6).
  spec.flux ??= { installRoot: '', connectTimeout: '', logLevel: 0 };
  if (!spec.flux.installRoot) spec.flux.installRoot = V1A1_DEFAULT_INSTALL_ROOT;
  spec.flux.scheduler ??= {};
  spec.flux.scheduler.queuePolicy ||= 'fcfs';

  spec.network ??= { headlessName: '' };
  if (!spec.network.headlessName) {
    spec.network.headlessName = V1A1_DEFAULT_HEADLESS_NAME;
    notices.push({
      path: ['spec'],
      message: `The headless Service and the pods' subdomain are named "${V1A1_DEFAULT_HEADLESS_NAME}" (spec.network.headlessName is not set).`,
    });
  }

  spec.fluxRestful ??= { branch: 'main', port: 0 };
  if (!spec.fluxRestful.port) spec.fluxRestful.port = V1A1_DEFAULT_REST_PORT;
  if (!spec.fluxRestful.branch) spec.fluxRestful.branch = 'main';

  if (!spec.maxSize) spec.maxSize = spec.size;

  applyBurstingDefaults(spec.flux.bursting, spec.size, BROKER_PORT, notices);

  applySingleRunner(spec.containers, name, 'the Flux entrypoint script (wait-0.sh)', notices);

  spec.pod ??= {};
  spec.pod.labels ??= {};
  spec.pod.annotations ??= {};
  spec.jobLabels ??= {};
  spec.volumes ??= {};
  if (!spec.logging) {
    spec.logging = { quiet: false, strict: false, debug: false, zeromq: false, timed: false };
    notices.push({
      path: ['spec'],
      message: 'There is no logging key, so the scripts run without strict mode (the CRD default strict: true applies only when logging is written). Add "logging: {}" to stop at the first failing command.',
    });
  }
  return { cluster: mc as ResolvedV1alpha1MiniCluster, notices };
}
