/**
 * `spec.volumes` (one PersistentVolume and claim per entry, made by the v1alpha1 operator) has no
 * v1alpha2 counterpart: containers declare their volume sources themselves. A `hostpath` volume
 * becomes a hostPath volume of the containers that mount it (the same node directory, without
 * the PersistentVolume in between); any other storage class needs a PersistentVolume and claim
 * that the user creates, which the containers then mount by claimName.
 */
import { isMap } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { PathSegment } from '../diagnostics.ts';
import { formatPath } from '../diagnostics.ts';
import { asRecord, asText, type Migration, type Plain } from './context.ts';
import { effectivePair, insertAfter, newPair, removeKey } from '../edit/yamlDocument.ts';
import { quote } from '../common/quoteText.ts';

export interface MountingContainer {
  node: YAMLMap;
  plain: Plain;
  path: PathSegment[];
}

/** v1alpha1's CRD default storage class is hostpath, so an entry without one is a hostpath volume. */
function isHostpath(volume: Plain): boolean {
  return volume['storageClass'] === undefined || volume['storageClass'] === 'hostpath';
}

function describeMap(value: unknown): string {
  const map = asRecord(value);
  return map ? Object.entries(map).map(([k, v]) => `${k}=${String(v)}`).join(', ') : '';
}

/** Settings of a v1alpha1 volume that only made sense on the PersistentVolume or its claim. */
function pvOnlySettings(volume: Plain): string[] {
  return ['labels', 'annotations', 'claimAnnotations', 'attributes', 'capacity', 'delete', 'secret', 'secretNamespace', 'driver', 'volumeHandle']
    .filter((k) => volume[k] !== undefined)
    .map((k) => (typeof volume[k] === 'object' ? `${k} (${describeMap(volume[k])})` : `${k} ${String(volume[k])}`));
}

function persistentVolumeAdvice(name: string, volume: Plain, namespace: string): string {
  const cls = asText(volume['storageClass']) ?? '';
  const capacity = asText(volume['capacity']) ?? '5Gi';
  const csi = [
    `driver ${asText(volume['driver']) || '(none given)'}`,
    `volumeHandle ${asText(volume['volumeHandle']) || cls}`,
    volume['secret'] ? `secret ${String(volume['secret'])} in namespace ${asText(volume['secretNamespace']) ?? 'default'} for the node-publish, controller-publish and node-stage secret refs` : '',
    volume['attributes'] ? `volumeAttributes ${describeMap(volume['attributes'])}` : '',
  ].filter(Boolean).join(', ');
  const pvLabels = volume['labels'] ? `, labels ${describeMap(volume['labels'])}` : '';
  const claimAnnotations = volume['claimAnnotations'] ? `, annotations ${describeMap(volume['claimAnnotations'])}` : '';
  return `Create them yourself before the MiniCluster: a PersistentVolume ${quote(name)} (storageClassName ${cls}, capacity ${capacity}, ReadWriteMany, csi: ${csi}${pvLabels}) and a PersistentVolumeClaim ${quote(`${name}-claim`)} in namespace ${namespace} (storageClassName ${cls}, ReadWriteMany, requests.storage ${capacity}${claimAnnotations}).`;
}

export function migrateSpecVolumes(m: Migration, spec: YAMLMap, plainSpec: Plain, containers: MountingContainer[], namespace: string): void {
  const specVolumes = asRecord(plainSpec['volumes']) ?? {};
  const mountedBy = new Map<string, string[]>();

  for (const c of containers) {
    const cvNode = effectivePair(c.node, 'volumes')?.value;
    const cvPlain = asRecord(c.plain['volumes']) ?? {};
    if (!isMap(cvNode)) continue;
    for (const [name, mount] of Object.entries(cvPlain)) {
      const target = effectivePair(cvNode, name)?.value;
      const source = asRecord(specVolumes[name]);
      const mpath = [...c.path, 'volumes', name];
      const mountRecord = asRecord(mount) ?? {};
      // existingVolumes entries moved in here already carry their own source.
      if (['claimName', 'secretName', 'configMapName', 'hostPath', 'emptyDir', 'csiDriver'].some((k) => mountRecord[k] !== undefined)) continue;
      if (!source || !isMap(target)) {
        if (!source) m.note(mpath, 'changed', `This mounts spec.volumes.${name}, which does not exist (v1alpha1 rejected that too). Give the volume a source here, such as claimName: NAME or hostPath: /some/dir.`);
        continue;
      }
      mountedBy.set(name, [...(mountedBy.get(name) ?? []), formatPath(mpath)]);
      const after = effectivePair(target, 'path') ? 'path' : undefined;
      if (isHostpath(source)) {
        const hostPath = asText(source['path']);
        if (hostPath) insertAfter(target, after, newPair(m.doc, 'hostPath', hostPath));
      } else {
        insertAfter(target, after, newPair(m.doc, 'claimName', `${name}-claim`));
      }
    }
  }

  for (const [name, raw] of Object.entries(specVolumes)) {
    const volume = asRecord(raw) ?? {};
    const vpath: PathSegment[] = ['spec', 'volumes', name];
    const users = mountedBy.get(name) ?? [];
    const dropped = pvOnlySettings(volume);
    if (users.length === 0) {
      m.note(vpath, 'dropped', `spec.volumes.${name} is left out: no container mounts it, and v1alpha2 creates no PersistentVolume or claim. If something else uses the claim ${quote(`${name}-claim`)}, create the PersistentVolume and claim yourself.`);
    } else if (isHostpath(volume)) {
      const hostPath = asText(volume['path']);
      m.note(vpath, 'moved', hostPath
        ? `spec.volumes.${name} (a hostpath PersistentVolume of ${hostPath}) became hostPath: ${hostPath} in ${users.join(' and ')}. v1alpha2 mounts the node directory directly (no PersistentVolume or claim) with type Directory, so ${hostPath} must already exist on every node.${dropped.length > 0 ? ` Not carried over: ${dropped.join('; ')}.` : ''} To keep a PersistentVolume instead, create it and a claim yourself and use claimName in place of hostPath.`
        : `spec.volumes.${name} has no path, so it cannot become a hostPath volume: give ${users.join(' and ')} a hostPath or claimName.`);
    } else {
      m.note(vpath, 'dropped', `spec.volumes.${name} (storage class ${String(volume['storageClass'])}) is not carried over: v1alpha2 creates no PersistentVolume or PersistentVolumeClaim. ${persistentVolumeAdvice(name, volume, namespace)} ${users.join(' and ')} now mount${users.length === 1 ? 's' : ''} that claim with claimName: ${name}-claim. (A CSI driver that supports inline volumes can instead be given directly as csiDriver and csiDriverAttributes on the container volume.)`);
    }
  }
  removeKey(spec, 'volumes');
}
