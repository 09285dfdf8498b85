/** Pieces shared by the Job's pod template and the services Pod (sections 3.3.4-3.3.9, 3.5). */
import { canonicalQuantity } from '../render/quantity.ts';
import type { ResolvedMiniCluster } from '../spec/operatorDefaults.ts';
import type { Container, ContainerVolume, ResourceRequirements } from '../spec/schema.ts';
import { volumeSource } from '../spec/volumeSource.ts';
import type { KObject } from './kobject.ts';

/** Code-point order, so output does not depend on locale (Go's map order is random upstream, bug B18). */
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

export function resourceList(list: Record<string, string | number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of sortedEntries(list)) out[name] = canonicalQuantity(value);
  return out;
}

/** Operator labels win over user labels of the same name (section 3.3.3). */
export function podLabels(mc: ResolvedMiniCluster, withHpaSelector: boolean): Record<string, string> {
  const name = mc.metadata.name;
  const labels: Record<string, string> = Object.fromEntries(sortedEntries(mc.spec.pod.labels));
  labels['namespace'] = mc.metadata.namespace;
  labels['app'] = 'flux-operator';
  labels['app.kubernetes.io/name'] = name;
  if (withHpaSelector) labels['hpa-selector'] = name;
  return labels;
}

export function pullPolicy(container: { pullAlways?: boolean; imagePullPolicy?: string }): string {
  if (container.pullAlways) return 'Always';
  return container.imagePullPolicy || 'IfNotPresent';
}

/** Pod volumes for the user volumes of a list of containers: one per name, the last definition wins. */
export function userVolumes(containers: Container[]): KObject[] {
  const byName = new Map<string, ContainerVolume>();
  for (const container of containers) {
    for (const [name, volume] of Object.entries(container.volumes ?? {})) byName.set(name, volume);
  }
  return [...byName.entries()].sort(byKey).map(([name, volume]) => podVolume(name, volume));
}

function podVolume(name: string, volume: ContainerVolume): KObject {
  switch (volumeSource(volume)) {
    case 'csi': {
      const csi: KObject = { driver: volume.csiDriver };
      if (volume.csiDriverAttributes && Object.keys(volume.csiDriverAttributes).length > 0) {
        csi['volumeAttributes'] = Object.fromEntries(sortedEntries(volume.csiDriverAttributes));
      }
      return { name, csi };
    }
    case 'secret':
      return { name, secret: { secretName: volume.secretName } };
    case 'emptyDir': {
      const emptyDir: KObject = {};
      if (volume.emptyDirMedium === 'memory') emptyDir['medium'] = 'Memory';
      if (volume.emptyDirSizeLimit) emptyDir['sizeLimit'] = canonicalQuantity(volume.emptyDirSizeLimit);
      return { name, emptyDir };
    }
    case 'hostPath':
      return { name, hostPath: { path: volume.hostPath, type: 'Directory' } };
    case 'configMap': {
      // Named after the key the containers mount, not after the ConfigMap (the operator's bug B12).
      const configMap: KObject = { name: volume.configMapName };
      const items = sortedEntries(volume.items).map(([key, path]) => ({ key, path }));
      if (items.length > 0) configMap['items'] = items;
      return { name, configMap };
    }
    case 'persistentVolumeClaim':
      return { name, persistentVolumeClaim: { claimName: volume.claimName ?? '' } };
  }
}

/** Mounts of a container's own volumes (the operator also leaks earlier containers' mounts, bug B27). */
export function userMounts(container: Container): KObject[] {
  return sortedEntries(container.volumes).map(([name, volume]) => {
    if (volumeSource(volume) === 'emptyDir') return { name, mountPath: '/dev/shm' };
    const mount: KObject = { name, mountPath: volume.path ?? '' };
    if (volume.readOnly) mount['readOnly'] = true;
    return mount;
  });
}

export function containerEnv(container: Pick<Container, 'environment' | 'secrets'>): KObject[] {
  const env: KObject[] = sortedEntries(container.environment).map(([name, value]) => (value === '' ? { name } : { name, value }));
  for (const [name, secret] of sortedEntries(container.secrets)) {
    env.push({ name, valueFrom: { secretKeyRef: { name: secret.name, key: secret.key } } });
  }
  return env;
}

export function lifecycle(container: Pick<Container, 'lifeCycle'>): KObject {
  const out: KObject = {};
  if (container.lifeCycle?.postStartExec) out['postStart'] = { exec: { command: [container.lifeCycle.postStartExec] } };
  if (container.lifeCycle?.preStopExec) out['preStop'] = { exec: { command: [container.lifeCycle.preStopExec] } };
  return out;
}

/** Pull secrets of the containers, the view container included, without repeats (bug B15 fixed). */
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
