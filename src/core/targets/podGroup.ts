/**
 * The gang scheduler's PodGroup, and how the Job's pods join it. A gang scheduler binds none of a
 * group's pods until it can bind `minMember` of them, so a MiniCluster's brokers start together
 * instead of some waiting, holding nodes, for the others. Made from the generated Job, so that
 * both MiniCluster APIs get it the same way: its name, namespace, size and pod template.
 */
import type { KObject, Manifest } from '../common/kobject.ts';
import { asRecord } from '../common/plain.ts';
import { sumQuantities } from '../render/quantity.ts';
import { GANG_SCHEDULERS, POD_GROUP_KIND, type Gang } from './gangs.ts';
import type { OutputOptions } from './options.ts';

export { GANG_SCHEDULERS, POD_GROUP_KIND, gangOfObject, type GangScheduler } from './gangs.ts';

/** The scheduler name the pods get under these options (undefined without a gang). */
export function gangSchedulerName(output: OutputOptions | undefined): string | undefined {
  if (!output?.gang) return undefined;
  return output.schedulerName || GANG_SCHEDULERS[output.gang].scheduler;
}

/**
 * What the API server makes a container request: its requests, and for a resource with a limit
 * but no request, the limit. Undefined when it requests nothing.
 */
function effectiveRequests(container: KObject): Record<string, string | number> | undefined {
  const resources = asRecord(container['resources']);
  const merged = { ...(asRecord(resources?.['limits']) ?? {}), ...(asRecord(resources?.['requests']) ?? {}) } as Record<string, string | number>;
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/**
 * `minResources`: the requests of `members` pods together, when every container of the pod
 * requests something; otherwise undefined (a scheduler would read a missing request as zero, and
 * a minimum that leaves a container out promises what the pods do not ask for). The app
 * containers only, as the gang facts give it: not the init container, whose requests end before
 * the others start, nor a pod overhead, which the scheduler adds on its own.
 */
export function podGroupMinResources(podSpec: KObject | undefined, members: number): Record<string, string> | undefined {
  const containers = Array.isArray(podSpec?.['containers']) ? (podSpec['containers'] as unknown[]).map((c) => asRecord(c) ?? {}) : [];
  if (containers.length === 0) return undefined;
  const requests = containers.map(effectiveRequests);
  if (requests.some((r) => r === undefined)) return undefined;
  const byResource = new Map<string, Array<string | number>>();
  for (const list of requests) for (const [resource, value] of Object.entries(list ?? {})) byResource.set(resource, [...(byResource.get(resource) ?? []), value]);
  const names = [...byResource.keys()].sort();
  return Object.fromEntries(names.map((resource) => [resource, sumQuantities(byResource.get(resource) ?? [], members)]));
}

/** The PodGroup for a generated Job: same name and namespace, `minMember` its parallelism (the MiniCluster's size). */
export function podGroupForJob(job: Manifest, gang: Gang, output: OutputOptions): Manifest {
  const spec = asRecord(job['spec']) ?? {};
  const members = Number(spec['parallelism'] ?? 1);
  const podSpec = asRecord(asRecord(spec['template'])?.['spec']);
  const groupSpec: KObject = { minMember: members };
  if (gang === 'volcano' && output.gangQueue) groupSpec['queue'] = output.gangQueue;
  if (gang === 'coscheduling' && output.gangTimeout !== undefined) groupSpec['scheduleTimeoutSeconds'] = output.gangTimeout;
  const minResources = podGroupMinResources(podSpec, members);
  if (minResources) groupSpec['minResources'] = minResources;
  return {
    apiVersion: GANG_SCHEDULERS[gang].apiVersion,
    kind: POD_GROUP_KIND,
    metadata: { name: job.metadata.name, namespace: job.metadata.namespace },
    spec: groupSpec,
  };
}

/** The pod spec fields the generators write after `schedulerName`, in their order. */
const AFTER_SCHEDULER_NAME = ['hostPID', 'hostIPC', 'securityContext', 'affinity', 'overhead', 'initContainers', 'containers', 'volumes'];

/** The pod spec with this scheduler name, where the generators put a spec's own `spec.pod.schedulerName`. */
function withSchedulerName(podSpec: KObject, schedulerName: string): KObject {
  if ('schedulerName' in podSpec) return { ...podSpec, schedulerName };
  const entries = Object.entries(podSpec);
  const at = entries.findIndex(([key]) => AFTER_SCHEDULER_NAME.includes(key));
  entries.splice(at < 0 ? entries.length : at, 0, ['schedulerName', schedulerName]);
  return Object.fromEntries(entries);
}

/** The Job with its pods made members of the PodGroup of the same name, under the gang scheduler. */
export function jobInGang(job: Manifest, gang: Gang, output: OutputOptions): Manifest {
  const spec = asRecord(job['spec']) ?? {};
  const template = asRecord(spec['template']) ?? {};
  const metadata = asRecord(template['metadata']) ?? {};
  const { member } = GANG_SCHEDULERS[gang];
  const entries = { ...(asRecord(metadata[member.where]) ?? {}), [member.key]: job.metadata.name };
  const podSpec = withSchedulerName(asRecord(template['spec']) ?? {}, gangSchedulerName(output) ?? GANG_SCHEDULERS[gang].scheduler);
  return { ...job, spec: { ...spec, template: { ...template, metadata: { ...metadata, [member.where]: entries }, spec: podSpec } } };
}
