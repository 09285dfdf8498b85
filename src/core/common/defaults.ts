/** Operator defaults both MiniCluster APIs fill in with the same words. */
import type { PathSegment } from '../diagnostics.ts';
import { quote } from './quoteText.ts';

export interface Notice {
  path: PathSegment[];
  message: string;
}

/** `why` says, in each version's words, what in the output depends on the namespace. */
export function applyNamespaceDefault(metadata: { namespace?: string | undefined }, defaultNamespace: string, why: string, notices: Notice[]): void {
  if (metadata.namespace) return;
  metadata.namespace = defaultNamespace;
  notices.push({
    path: ['metadata'],
    message: `No metadata.namespace: the objects are generated for namespace ${quote(defaultNamespace)} (${why}). Set metadata.namespace, or choose another default, to change it.`,
  });
}

interface Bursting {
  leadBroker?: { port: number } | undefined;
  clusters?: Array<{ name?: string | undefined; size?: number | undefined }> | undefined;
}

/**
 * The lead broker port, and the names and sizes of bursted clusters. The operator meant the
 * cluster defaults but set them on a copy of each entry, so unnamed or unsized clusters stayed
 * empty in the hostlist (README, v1alpha1 differences D4); they apply here.
 */
export function applyBurstingDefaults(bursting: Bursting | undefined, size: number, defaultPort: number, notices: Notice[]): void {
  if (bursting?.leadBroker && !bursting.leadBroker.port) bursting.leadBroker.port = defaultPort;
  bursting?.clusters?.forEach((cluster, index) => {
    const path: PathSegment[] = ['spec', 'flux', 'bursting', 'clusters', index];
    if (!cluster.name) {
      cluster.name = `burst-${index}`;
      notices.push({ path, message: `Bursted cluster ${index} is named "burst-${index}".` });
    }
    if (!cluster.size) {
      cluster.size = size;
      notices.push({ path, message: `Bursted cluster ${index} gets size ${size} (spec.size).` });
    }
  });
}

/** A lone container runs Flux; `script` names, in the version's words, the script its command goes through. */
export function applySingleRunner(containers: Array<{ runFlux?: boolean | undefined }>, clusterName: string, script: string, notices: Notice[]): void {
  const only = containers.length === 1 ? containers[0] : undefined;
  if (!only || only.runFlux) return;
  only.runFlux = true;
  notices.push({
    path: ['spec', 'containers', 0],
    message: `The only container runs Flux: its command goes through ${script} and it is named ${quote(clusterName)}.`,
  });
}
