/** What the generators need to know of the output options: names and paths inside the objects they build. */
import { hostPrefix, leadHost } from './hosts.ts';
import type { OutputOptions, Workload } from './options.ts';

export interface Placement {
  workload: Workload;
  /** What precedes the index in this MiniCluster's host names (see hosts.ts). */
  hostPrefix: string;
  /** Rank 0's host name. */
  leadHost: string;
  /** The certificate lives in the Secret NAME-curve, not in a ConfigMap. */
  certificateInSecret: boolean;
}

export function placementOf(name: string, output: OutputOptions | undefined): Placement {
  const workload = output?.workload ?? 'job';
  return { workload, hostPrefix: hostPrefix(name, workload), leadHost: leadHost(name, workload), certificateInSecret: output?.certSecret ?? false };
}
