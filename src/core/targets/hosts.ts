/**
 * Pod host names under each workload. The Kubernetes Job controller names the pod of index i of an
 * Indexed Job `<job name>-<i>`. The operator's Job is named after the MiniCluster; a JobSet names
 * its child Job `<jobset>-<replicated job>-<job index>`, so with one replicated Job of one replica
 * the pods are `NAME-node-0-i`. Every place Flux names a host (broker.toml, the R encode list, the
 * runner's lead test, the certificate) uses these.
 */
import type { Workload } from './options.ts';

/** The one replicated Job of a generated JobSet (short: it is part of every host name). */
export const JOBSET_REPLICATED_JOB = 'node';

/** The child Job of a generated JobSet: `NAME-node-0`. */
export const jobSetChildJob = (name: string): string => `${name}-${JOBSET_REPLICATED_JOB}-0`;

/** What comes before the index in this MiniCluster's pod host names: `NAME-` or `NAME-node-0-`. */
export function hostPrefix(name: string, workload: Workload | undefined): string {
  return workload === 'jobset' ? `${jobSetChildJob(name)}-` : `${name}-`;
}

/** The lead broker's (rank 0's) host name. */
export const leadHost = (name: string, workload: Workload | undefined): string => `${hostPrefix(name, workload)}0`;
