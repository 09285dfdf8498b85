/**
 * The indexed Job as a JobSet (`jobset.x-k8s.io/v1alpha2`): one replicated Job of one replica whose
 * template is the Job the operator would make, so its pods, volumes, deadlines and backoff stay the
 * same. The JobSet makes the headless Service itself, named by `network.subdomain`, which is set to
 * the MiniCluster's Service name so that the brokers' `%h.SERVICE.NAMESPACE.svc.cluster.local`
 * addresses resolve as they do under the operator.
 */
import type { KObject, Manifest } from '../common/kobject.ts';
import { asRecord } from '../common/plain.ts';
import { JOBSET_REPLICATED_JOB } from './hosts.ts';

export const JOBSET_API_VERSION = 'jobset.x-k8s.io/v1alpha2';
/** The label the JobSet's headless Service selects its pods by. */
export const JOBSET_NAME_LABEL = 'jobset.sigs.k8s.io/jobset-name';
const KUEUE_LABEL_PREFIX = 'kueue.x-k8s.io/';


/**
 * `spec.jobLabels` go on the replicated Job's template, which JobSet copies onto the child Job (it
 * does not copy the JobSet's own labels), so the Job carries them as under the operator. Kueue's
 * labels are the exception: Kueue reads them from the JobSet, the object it admits.
 */
export function jobSetFromJob(job: Manifest, subdomain: string): Manifest {
  const { labels, ...metadata } = job.metadata;
  const kueueLabels: Record<string, string> = {};
  const templateLabels: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(labels) ?? {})) {
    (key.startsWith(KUEUE_LABEL_PREFIX) ? kueueLabels : templateLabels)[key] = String(value);
  }
  const replicatedJob: KObject = { name: JOBSET_REPLICATED_JOB, replicas: 1 };
  replicatedJob['template'] = {
    ...(Object.keys(templateLabels).length > 0 ? { metadata: { labels: templateLabels } } : {}),
    spec: job['spec'],
  };
  return {
    apiVersion: JOBSET_API_VERSION,
    kind: 'JobSet',
    metadata: { ...metadata, ...(Object.keys(kueueLabels).length > 0 ? { labels: kueueLabels } : {}) },
    spec: {
      network: { enableDNSHostnames: true, subdomain, publishNotReadyAddresses: true },
      replicatedJobs: [replicatedJob],
    },
  };
}
