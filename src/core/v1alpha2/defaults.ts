/**
 * The operator's code defaults: what its `Validate()` fills in after the API server applied the
 * CRD defaults (schema.ts), in its order (docs/design.md, "From text to objects"). Each default
 * that changes what a user would see becomes a notice so that nothing in the output is magic.
 */
import { applyBurstingDefaults, applyNamespaceDefault, applySingleRunner, type Notice } from '../common/defaults.ts';
import {
  DEFAULT_MOUNT_PATH,
  DEFAULT_VIEW_IMAGE,
  DEFAULT_VIEW_NAME,
  type MiniCluster,
} from './schema.ts';
import { BROKER_PORT } from '../common/operatorNames.ts';
import { quote } from '../common/quoteText.ts';

export type { Notice };

export interface DefaultingOptions {
  /** Namespace used when `metadata.namespace` is absent (kubectl's default is `default`). */
  defaultNamespace: string;
}

/**
 * A MiniCluster after both default layers of the operator. Fields the generators rely on are
 * required here, so they never re-implement a default.
 */
export type ResolvedMiniCluster = MiniCluster & {
  metadata: MiniCluster['metadata'] & { name: string; namespace: string };
  spec: MiniCluster['spec'] & {
    network: NonNullable<MiniCluster['spec']['network']> & { headlessName: string };
    flux: NonNullable<MiniCluster['spec']['flux']> & {
      container: NonNullable<NonNullable<MiniCluster['spec']['flux']>['container']>;
      scheduler: { simple?: boolean; queuePolicy: string };
    };
    logging: NonNullable<MiniCluster['spec']['logging']>;
    maxSize: number;
    pod: NonNullable<MiniCluster['spec']['pod']> & { labels: Record<string, string>; annotations: Record<string, string> };
  };
};

/**
 * Mutates `mc` (a fresh object from the schema parse) into a ResolvedMiniCluster. The caller has
 * checked that `metadata.name` is present.
 */
export function applyDefaults(mc: MiniCluster, options: DefaultingOptions): { cluster: ResolvedMiniCluster; notices: Notice[] } {
  const notices: Notice[] = [];
  const { metadata, spec } = mc;
  const name = metadata.name ?? '';

  applyNamespaceDefault(metadata, options.defaultNamespace, 'the broker address contains it', notices);

  spec.network ??= {};
  if (!spec.network.headlessName) {
    spec.network.headlessName = name;
    notices.push({
      path: ['spec'],
      message: `The headless Service and the pods' subdomain are named ${quote(name)} after the MiniCluster (spec.network.headlessName is not set).`,
    });
  }

  // With no `flux:` key the CRD defaults did not apply, so no connect timeout and log level 0 (read as 6).
  spec.flux ??= { connectTimeout: '', logLevel: 0 };
  const view = (spec.flux.container ??= {
    disable: false,
    pullAlways: false,
    name: DEFAULT_VIEW_NAME,
    image: DEFAULT_VIEW_IMAGE,
    mountPath: DEFAULT_MOUNT_PATH,
  });
  if (!view.name) view.name = DEFAULT_VIEW_NAME;
  if (!view.mountPath) view.mountPath = DEFAULT_MOUNT_PATH;
  if (!view.image) {
    view.image = DEFAULT_VIEW_IMAGE;
    if (!view.disable) {
      notices.push({
        path: ['spec', 'flux'],
        message: `Flux is copied into the pods from the view image ${DEFAULT_VIEW_IMAGE} (spec.flux.container.image); choose one that matches your application image's OS.`,
      });
    }
  }

  spec.flux.scheduler ??= {};
  if (!spec.flux.scheduler.queuePolicy) spec.flux.scheduler.queuePolicy = 'fcfs';

  if (!spec.maxSize) spec.maxSize = spec.size;

  applyBurstingDefaults(spec.flux.bursting, spec.size, BROKER_PORT, notices);

  applySingleRunner(spec.containers, name, 'the Flux runner script', notices);

  spec.pod ??= {};
  spec.pod.labels ??= {};
  spec.pod.annotations ??= {};
  spec.logging ??= { quiet: false, strict: false, debug: false, zeromq: false, timed: false };

  return { cluster: mc as ResolvedMiniCluster, notices };
}
