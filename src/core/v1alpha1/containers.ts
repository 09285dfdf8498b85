/** Facts about a v1alpha1 container that the rules, the scripts and the pod builder all need. */
import type { V1alpha1Container, V1alpha1ExistingVolume } from './schema.ts';

/** "Has commands", as the operator decided it: prefix and runFluxAsRoot do not count. */
export function hasCommands(container: V1alpha1Container): boolean {
  const c = container.commands;
  return Boolean(c?.pre || c?.brokerPre || c?.workerPre || c?.init || c?.post);
}

/** A container that does not run Flux gets a start script when it has commands and a command. */
export function getsStartScript(container: V1alpha1Container): boolean {
  return !container.runFlux && hasCommands(container) && Boolean(container.command);
}

/** The entrypoint ConfigMap keys of container i, in the operator's item order. */
export function scriptKeys(container: V1alpha1Container, index: number): string[] {
  const keys: string[] = [];
  if (container.runFlux) keys.push(`wait-${index}`);
  if (getsStartScript(container)) keys.push(`start-${index}`);
  return keys;
}

export type ExistingVolumeKind = 'secret' | 'configMap' | 'persistentVolumeClaim';

/** The operator's precedence: secretName, then configMapName, else a claim. */
export function existingVolumeKind(volume: V1alpha1ExistingVolume): ExistingVolumeKind {
  if (volume.secretName) return 'secret';
  if (volume.configMapName) return 'configMap';
  return 'persistentVolumeClaim';
}
