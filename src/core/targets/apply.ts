/**
 * The targets stage: the output options applied to generated objects, after the generator has
 * built them for their placement (host names, the certificate's place; see placement.ts). Here the
 * workload object changes: the Job becomes a JobSet, gets Kueue's labels and the success policy,
 * its pods join a gang scheduler's PodGroup (made here from the Job, and put first: the scheduler
 * denies a member pod whose PodGroup does not exist yet), and the services Pod joins the JobSet's
 * Service. Version-independent: it reads the objects only.
 */
import type { Manifest } from '../common/kobject.ts';
import { asRecord, valueAt } from '../common/plain.ts';
import { JOBSET_NAME_LABEL, jobSetFromJob } from './jobSet.ts';
import { PRIORITY_CLASS_LABEL, QUEUE_LABEL, type OutputOptions } from './options.ts';
import { jobInGang, podGroupForJob } from './podGroup.ts';

const isJob = (m: Manifest) => m.apiVersion === 'batch/v1' && m.kind === 'Job';
const isPod = (m: Manifest) => m.apiVersion === 'v1' && m.kind === 'Pod';

/** When index 0 (the lead broker) succeeds, the Job is complete and its other pods are stopped. */
export const LEAD_SUCCESS_POLICY = { rules: [{ succeededIndexes: '0' }] } as const;

function withLabels(manifest: Manifest, labels: Record<string, string>): Manifest {
  if (Object.keys(labels).length === 0) return manifest;
  const merged = { ...asRecord(manifest.metadata.labels), ...labels };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...manifest, metadata: { ...manifest.metadata, labels: sorted } };
}

function withSuccessPolicy(job: Manifest): Manifest {
  const { template, ...rest } = asRecord(job['spec']) ?? {};
  // Before the pod template, where a reader of the Job looks for its completion rules.
  return { ...job, spec: { ...rest, successPolicy: structuredClone(LEAD_SUCCESS_POLICY), template } };
}

function kueueLabels(output: OutputOptions): Record<string, string> {
  const labels: Record<string, string> = {};
  if (output.queue) labels[QUEUE_LABEL] = output.queue;
  if (output.priorityClass) labels[PRIORITY_CLASS_LABEL] = output.priorityClass;
  return labels;
}

export function applyTargets(manifests: readonly Manifest[], output: OutputOptions | undefined): Manifest[] {
  if (!output) return [...manifests];
  const jobSet = output.workload === 'jobset';
  const { gang } = output;
  const podGroups: Manifest[] = [];
  const changed = manifests.map((manifest) => {
    if (isJob(manifest)) {
      let job = output.succeedOnLead ? withSuccessPolicy(manifest) : manifest;
      if (gang) {
        podGroups.push(podGroupForJob(manifest, gang, output));
        job = jobInGang(job, gang, output);
      }
      if (jobSet) {
        const subdomain = String(valueAt(job, ['spec', 'template', 'spec', 'subdomain']) ?? job.metadata.name);
        job = jobSetFromJob(job, subdomain);
      }
      return withLabels(job, kueueLabels(output));
    }
    // The services Pod is found at NAME-services.SERVICE only if the headless Service selects it;
    // the JobSet's Service selects by the JobSet's name label.
    if (jobSet && isPod(manifest)) return withLabels(manifest, { [JOBSET_NAME_LABEL]: String(valueAt(manifest, ['metadata', 'labels', 'job-name']) ?? '') });
    return manifest;
  });
  return [...podGroups, ...changed];
}
