/** Validates generated objects against the Kubernetes OpenAPI schema (kubernetes-models). */
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, PersistentVolume, PersistentVolumeClaim, Pod, Service } from 'kubernetes-models/v1';
import type { Manifest } from '../common/kobject.ts';

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'v1/Pod': Pod,
  'v1/PersistentVolume': PersistentVolume,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'batch/v1/Job': Job,
};

/** Throws with the schema's message when an object does not validate. */
export function validateAgainstKubernetes(manifest: Manifest): void {
  const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!Model) throw new Error(`no Kubernetes schema for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(structuredClone(manifest) as never).validate();
}
