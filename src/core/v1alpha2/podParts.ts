/** Pod parts only v1alpha2 makes: its labels, pull policy and the user volumes of its containers. */
import { canonicalQuantity } from '../render/quantity.ts';
import { byKey, sortedEntries } from '../common/podParts.ts';
import type { KObject } from '../common/kobject.ts';
import { APP_NAME_LABEL } from '../common/operatorNames.ts';
import type { ResolvedMiniCluster } from './defaults.ts';
import type { Container, ContainerVolume } from './schema.ts';
import { volumeSource } from './volumeSource.ts';

/** Operator labels win over user labels of the same name. */
export function podLabels(mc: ResolvedMiniCluster, withHpaSelector: boolean): Record<string, string> {
  const name = mc.metadata.name;
  const labels: Record<string, string> = Object.fromEntries(sortedEntries(mc.spec.pod.labels));
  labels['namespace'] = mc.metadata.namespace;
  labels['app'] = 'flux-operator';
  labels[APP_NAME_LABEL] = name;
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
      // Named after the key the containers mount; the operator named it after the ConfigMap, so the
      // pod was invalid unless the two names matched.
      const configMap: KObject = { name: volume.configMapName };
      const items = sortedEntries(volume.items).map(([key, path]) => ({ key, path }));
      if (items.length > 0) configMap['items'] = items;
      return { name, configMap };
    }
    case 'persistentVolumeClaim':
      return { name, persistentVolumeClaim: { claimName: volume.claimName ?? '' } };
  }
}

/** Mounts of a container's own volumes (the operator also gave it the mounts of every container before it). */
export function userMounts(container: Container): KObject[] {
  return sortedEntries(container.volumes).map(([name, volume]) => {
    if (volumeSource(volume) === 'emptyDir') return { name, mountPath: '/dev/shm' };
    const mount: KObject = { name, mountPath: volume.path ?? '' };
    if (volume.readOnly) mount['readOnly'] = true;
    return mount;
  });
}
