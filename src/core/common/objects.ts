/** Objects both MiniCluster APIs build the same way; each version fills in its own values. */
import type { KObject, Manifest } from './kobject.ts';
import { servicePortName } from './kubernetesRules.ts';

export interface IndexedJobParts {
  metadata: Manifest['metadata'];
  /** Pods, one per broker: completions and parallelism. */
  size: number;
  backoffLimit: number;
  deadlineSeconds: number;
  template: { metadata: KObject; spec: KObject };
}

/** The indexed Job that runs one pod per broker. */
export function indexedJobObject(parts: IndexedJobParts): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: parts.metadata,
    spec: {
      completionMode: 'Indexed',
      completions: parts.size,
      parallelism: parts.size,
      backoffLimit: parts.backoffLimit,
      activeDeadlineSeconds: parts.deadlineSeconds,
      template: parts.template,
    },
  };
}

interface PortContainer {
  name?: string | undefined;
  runFlux?: boolean | undefined;
  ports?: number[] | undefined;
}

/** A ClusterIP Service per named container that does not run Flux and lists ports. */
export function containerPortServices(containers: readonly PortContainer[], clusterName: string, namespace: string): Manifest[] {
  return containers
    .filter((container) => !container.runFlux && container.name && (container.ports?.length ?? 0) > 0)
    .map((container) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: container.name ?? '', namespace },
      spec: {
        selector: { 'app.kubernetes.io/name': clusterName },
        // Kubernetes requires a name on each port of a Service of several ports.
        ports: (container.ports ?? []).map((port, _index, ports) => ({ ...(ports.length > 1 ? { name: servicePortName(port) } : {}), port, targetPort: port, protocol: 'TCP' })),
      },
    }));
}

/** Prefer one zone for all pods of the cluster, and one pod per node (the operator sets this in both APIs). */
export function spreadAffinity(name: string): KObject {
  const term = (topologyKey: string) => [
    {
      weight: 100,
      podAffinityTerm: {
        labelSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: [name] }] },
        topologyKey,
      },
    },
  ];
  return {
    podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: term('topology.kubernetes.io/zone') },
    podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: term('kubernetes.io/hostname') },
  };
}
