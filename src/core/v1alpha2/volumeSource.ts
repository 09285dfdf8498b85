import type { ContainerVolume } from './schema.ts';

export type VolumeSourceKind = 'csi' | 'secret' | 'emptyDir' | 'hostPath' | 'configMap' | 'persistentVolumeClaim';

/** The operator's precedence when an entry names several sources: first match wins. */
export function volumeSource(volume: ContainerVolume): VolumeSourceKind {
  if (volume.csiDriver) return 'csi';
  if (volume.secretName) return 'secret';
  if (volume.emptyDir) return 'emptyDir';
  if (volume.hostPath) return 'hostPath';
  if (volume.configMapName) return 'configMap';
  return 'persistentVolumeClaim';
}
