/**
 * Validates a generated PodGroup against its gang scheduler's CRD (scheduler-plugins' or
 * Volcano's `openAPIV3Schema`, from the corpus; never copied into the repository), with undeclared
 * fields refused as in jobSetSchema.ts. Without the CRDs, only what every PodGroup of ours must
 * have is checked, so that the fixture tests still say something on a bare clone.
 */
import type { Manifest } from '../common/kobject.ts';
import { GANG_SCHEDULERS, gangOfObject } from '../targets/podGroup.ts';
import { corpus } from './corpus.ts';
import { crdValidator } from './jobSetSchema.ts';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Throws with the schema's messages (path and reason) when the PodGroup does not validate. */
export function validatePodGroup(podGroup: Manifest): void {
  const gang = gangOfObject(podGroup);
  if (!gang) throw new Error(`${podGroup.apiVersion} ${podGroup.kind} is not a PodGroup of a gang scheduler we know`);
  const minMember = (podGroup['spec'] as { minMember?: unknown } | undefined)?.minMember;
  if (!Number.isInteger(minMember) || (minMember as number) < 1) throw new Error(`PodGroup ${podGroup.metadata.name}: minMember ${String(minMember)} is not a whole number of at least 1`);
  if (!DNS1123_SUBDOMAIN.test(podGroup.metadata.name) || typeof podGroup.metadata.namespace !== 'string') throw new Error(`PodGroup ${podGroup.metadata.name}: not a valid name and namespace`);
  const crds = corpus?.podGroupCrds;
  if (!crds) return;
  const validate = crdValidator(crds[gang], GANG_SCHEDULERS[gang].apiVersion.split('/')[1]);
  if (!validate(structuredClone(podGroup))) {
    throw new Error(`PodGroup ${podGroup.metadata.name} does not match the ${gang} PodGroup CRD:\n${(validate.errors ?? []).map((e) => `  ${e.instancePath || '/'} ${e.message ?? ''}`).join('\n')}`);
  }
}
