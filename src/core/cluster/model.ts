/**
 * What the cluster picture shows: the pods a spec makes, their host names, the Flux broker tree
 * and the objects around them. It is plain data, made in the core from an analysed spec and its
 * generated objects (so the app's worker can make it and the CLI can print the tree), and drawn
 * by the app. Every part that comes from a spec field carries that field's path, so a click on it
 * can select the field in the form or the YAML.
 */
import type { PathSegment } from '../diagnostics.ts';

/** The broker tree's shape (flux-core's `tbon.topo`), as the brokers will run it. */
export type Topology =
  | { kind: 'kary'; k: number }
  | { kind: 'binomial' }
  /** `k` absent: flux-core chooses it from the size. */
  | { kind: 'mincrit'; k?: number | undefined }
  /** Parents come from the bootstrap hosts entries, which a MiniCluster cannot set: flat. */
  | { kind: 'custom' };

export interface EffectiveTopology {
  topology: Topology;
  /** As `tbon.topo` writes it: `kary:256`, `binomial`, `mincrit:4`. */
  text: string;
  /** `spec.flux.topology` when the spec names one; otherwise the operator's `tbon.fanout=256`. */
  from: 'spec' | 'operator';
}

/** One broker rank: a pod of the indexed Job (or the JobSet's child Job). */
export interface Rank {
  rank: number;
  host: string;
  /** null for rank 0, the lead broker. */
  parent: number | null;
  /** At or above `size`: in the broker's host list, offline until the cluster grows. */
  offline: boolean;
}

/** Consecutive ranks drawn as one box in a large cluster. */
export interface RankGroup {
  first: number;
  last: number;
  /** The parents the group's ranks hang under (a group may span several). */
  parents: number[];
  offline: boolean;
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly: boolean;
  field?: PathSegment[] | undefined;
}

export interface PodContainer {
  name: string;
  image: string;
  /** The container that runs the Flux broker. */
  fluxRunner: boolean;
  mounts: VolumeMount[];
  field?: PathSegment[] | undefined;
}

export interface ClusterService {
  name: string;
  /** For the headless Service: `NAME-{0..N-1}.SERVICE.NAMESPACE.svc.cluster.local`. */
  hostPattern?: string | undefined;
  ports: number[];
  field?: PathSegment[] | undefined;
}

/** An object wrapped around the workload by an output option. */
export interface Wrapper {
  kind: 'JobSet' | 'Kueue queue' | 'PodGroup' | 'Certificate Secret';
  /** The object's or queue's name. */
  name: string;
  /** One line: what it does to the pods (for example `minMember 4, scheduler volcano`). */
  detail: string;
}

export interface ClusterModel {
  name: string;
  namespace: string;
  size: number;
  maxSize: number;
  topology: EffectiveTopology;
  /** Every rank up to maxSize - 1. Large clusters are drawn from `drawn`, not from this list. */
  ranks: Rank[];
  /** The broker pods' template: every rank runs the same containers. */
  containers: PodContainer[];
  headlessService?: ClusterService | undefined;
  /** The pod that runs `spec.services`, and the Services in front of it. */
  servicesPod?: { name: string; containers: PodContainer[]; services: ClusterService[] } | undefined;
  wrappers: Wrapper[];
  /** Fields the picture links to that are not a container or a volume. */
  fields: { size: PathSegment[]; maxSize: PathSegment[]; topology: PathSegment[]; name: PathSegment[] };
}
