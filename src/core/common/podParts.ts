/** Pod parts both APIs write the same way, in the Job's pod template and the services Pod. */
import { canonicalQuantity } from '../render/quantity.ts';
import type { KObject } from './kobject.ts';

type ResourceList = Record<string, string | number>;
/** A container's resources as both APIs write them. */
export interface ResourceRequirements {
  limits?: ResourceList | undefined;
  requests?: ResourceList | undefined;
}
/** What a container's environment is made of, in both APIs. */
interface EnvironmentSource {
  environment?: Record<string, string> | undefined;
  secrets?: Record<string, { name: string; key: string }> | undefined;
}
interface LifecycleSource {
  lifeCycle?: { postStartExec?: string | undefined; preStopExec?: string | undefined } | undefined;
}

/** Code-point order, so output does not depend on locale (the operator's came from Go maps: random per run). */
export const byKey = <T>([a]: [string, T], [b]: [string, T]): number => (a < b ? -1 : a > b ? 1 : 0);
export const sortedEntries = <T>(map: Record<string, T> | undefined): Array<[string, T]> =>
  Object.entries(map ?? {}).sort(byKey);

export function canonicalResources(resources: ResourceRequirements | undefined): KObject {
  const out: KObject = {};
  for (const key of ['limits', 'requests'] as const) {
    const list = resources?.[key];
    if (list && Object.keys(list).length > 0) out[key] = resourceList(list);
  }
  return out;
}

export function resourceList(list: ResourceList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of sortedEntries(list)) out[name] = canonicalQuantity(value);
  return out;
}

export function containerEnv(container: EnvironmentSource): KObject[] {
  const env: KObject[] = sortedEntries(container.environment).map(([name, value]) => (value === '' ? { name } : { name, value }));
  for (const [name, secret] of sortedEntries(container.secrets)) {
    env.push({ name, valueFrom: { secretKeyRef: { name: secret.name, key: secret.key } } });
  }
  return env;
}

export function lifecycle(container: LifecycleSource): KObject {
  const out: KObject = {};
  if (container.lifeCycle?.postStartExec) out['postStart'] = { exec: { command: [container.lifeCycle.postStartExec] } };
  if (container.lifeCycle?.preStopExec) out['preStop'] = { exec: { command: [container.lifeCycle.preStopExec] } };
  return out;
}

/** Pull secrets of the containers, the view container included (the operator forgot it), without repeats. */
export function imagePullSecrets(secrets: Array<string | undefined>): KObject[] {
  const seen = new Set<string>();
  const out: KObject[] = [];
  for (const secret of secrets) {
    if (secret && !seen.has(secret)) {
      seen.add(secret);
      out.push({ name: secret });
    }
  }
  return out;
}
