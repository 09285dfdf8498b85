/**
 * The fields Go's serialisation adds to every object `fluxoperator-gen` prints
 * (`creationTimestamp: null`, empty `status`), for people who diff against its output.
 * They carry no information, so they are only added on request.
 */
import type { KObject, Manifest } from './kobject.ts';

const EMPTY_STATUS: Record<string, () => KObject> = {
  Service: () => ({ loadBalancer: {} }),
  Job: () => ({}),
  Pod: () => ({}),
  PersistentVolume: () => ({}),
  PersistentVolumeClaim: () => ({}),
};

export function withServerFields(manifest: Manifest): Manifest {
  const copy = structuredClone(manifest);
  copy.metadata = { ...copy.metadata, creationTimestamp: null };
  const template = (copy['spec'] as KObject | undefined)?.['template'] as { metadata?: KObject } | undefined;
  if (template?.metadata) template.metadata = { ...template.metadata, creationTimestamp: null };
  const status = EMPTY_STATUS[copy.kind];
  if (status) copy['status'] = status();
  return copy;
}
