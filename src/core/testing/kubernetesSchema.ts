/**
 * Validates generated objects against the Kubernetes OpenAPI schema (kubernetes-models). A JobSet
 * is not a core kind: its Job template is checked here as the Job it becomes (the JobSet itself
 * against its CRD in jobSetSchema.ts); a PodGroup goes to its CRD (podGroupSchema.ts).
 */
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, PersistentVolume, PersistentVolumeClaim, Pod, Secret, Service } from 'kubernetes-models/v1';
import type { Manifest } from '../common/kobject.ts';
import { gangOfObject } from '../targets/podGroup.ts';
import { validatePodGroup } from './podGroupSchema.ts';

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/Pod': Pod,
  'v1/PersistentVolume': PersistentVolume,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'batch/v1/Job': Job,
};

/** Throws with the schema's message when an object does not validate. */
export function validateAgainstKubernetes(manifest: Manifest): void {
  if (manifest.apiVersion === 'jobset.x-k8s.io/v1alpha2' && manifest.kind === 'JobSet') {
    for (const job of jobSetJobs(manifest)) validateAgainstKubernetes(job);
    return;
  }
  // Not a core kind: against its gang scheduler's CRD.
  if (gangOfObject(manifest)) {
    validatePodGroup(manifest);
    return;
  }
  const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!Model) throw new Error(`no Kubernetes schema for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(structuredClone(manifest) as never).validate();
}

/** The child Jobs a JobSet makes, as Job objects (name `<jobset>-<replicated job>-<index>`). */
export function jobSetJobs(jobSet: Manifest): Manifest[] {
  const spec = (jobSet['spec'] ?? {}) as { replicatedJobs?: Array<{ name: string; replicas?: number; template: { metadata?: Record<string, unknown>; spec: unknown } }> };
  return (spec.replicatedJobs ?? []).flatMap((replicated) =>
    Array.from({ length: replicated.replicas ?? 1 }, (_, index) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { ...(replicated.template.metadata ?? {}), name: `${jobSet.metadata.name}-${replicated.name}-${index}`, namespace: jobSet.metadata.namespace },
      spec: replicated.template.spec,
    })),
  );
}
