/**
 * Container fields (`spec.containers[]` and `spec.services[]`) that v1alpha2 renamed, moved,
 * dropped or reads differently. Container volumes that point at `spec.volumes` are handled in
 * volumes.ts.
 */
import { Scalar, isMap, isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { PathSegment } from '../diagnostics.ts';
import { asRecord, asText, type Migration, type Plain } from './context.ts';
import { effectivePair, insertAfter, keyName, mapUnder, newMap, newPair, removeKey, setPairKey } from '../edit/yamlDocument.ts';

export type ContainerRole = 'runner' | 'sidecar' | 'service';

/** "Has commands" in v1alpha1's sense: any hook that makes a sidecar get a start script. */
function hasCommandHooks(commands: Plain | undefined): boolean {
  return ['pre', 'brokerPre', 'workerPre', 'init', 'post'].some((k) => !!asText(commands?.[k]));
}

/** Fields v1alpha2 no longer has, removed with a note on what to do instead. */
function dropRemovedFields(m: Migration, node: YAMLMap, plain: Plain, path: PathSegment[]): void {
  const cores = plain['cores'];
  if (effectivePair(node, 'cores')) {
    removeKey(node, 'cores');
    m.note([...path, 'cores'], 'dropped', typeof cores === 'number' && cores > 1
      ? `cores is gone in v1alpha2: Flux now describes each pod with the cores it finds there (flux R encode --local) instead of --cores=0-${cores - 1}. To give each pod ${cores} cores, set resources.limits.cpu and resources.requests.cpu on this container; use spec.tasks for the number of tasks.`
      : 'cores is gone in v1alpha2; with cores 1 or less v1alpha1 already let Flux find the cores of each pod, as v1alpha2 always does, so nothing changes.');
  }
  if (effectivePair(node, 'diagnostics')) {
    removeKey(node, 'diagnostics');
    m.note([...path, 'diagnostics'], 'dropped', 'diagnostics is gone in v1alpha2. To look at a running cluster, set spec.interactive: true and run flux commands in the pod (kubectl exec), or put the commands you want in commands.pre.');
  }
  const fluxUser = asRecord(plain['fluxUser']);
  if (effectivePair(node, 'fluxUser')) {
    removeKey(node, 'fluxUser');
    const who = [fluxUser?.['name'] ? `name ${String(fluxUser['name'])}` : '', fluxUser?.['uid'] !== undefined ? `uid ${String(fluxUser['uid'])}` : '']
      .filter(Boolean)
      .join(', ');
    m.note([...path, 'fluxUser'], 'dropped', `fluxUser${who ? ` (${who})` : ''} is gone in v1alpha2: Flux runs as the user the container runs as (normally root) and no flux user is created. To run as another user, give the image that user and set securityContext.runAsUser${fluxUser?.['uid'] !== undefined ? `: ${String(fluxUser['uid'])}` : ''} on this container; commands that switch to the flux user (sudo -u flux) are no longer needed.`);
  }
  for (const [old, instead] of [['fluxOptionFlags', 'spec.flux.optionFlags'], ['preCommand', 'commands.pre']] as const) {
    if (effectivePair(node, old)) {
      removeKey(node, old);
      m.note([...path, old], 'dropped', `${old} is an older field name that v1alpha1 already ignored, so it is left out. If it was meant to take effect, write it as ${instead}.`);
    }
  }
}

function migrateCommands(m: Migration, node: YAMLMap, plain: Plain, path: PathSegment[], role: ContainerRole): void {
  const commands = mapUnder(node, 'commands');
  const plainCommands = asRecord(plain['commands']);
  if (!commands || !plainCommands) return;
  const cpath = [...path, 'commands'];
  if (effectivePair(commands, 'runFluxAsRoot')) {
    const asRoot = plainCommands['runFluxAsRoot'] === true;
    removeKey(commands, 'runFluxAsRoot');
    m.note([...cpath, 'runFluxAsRoot'], 'dropped', asRoot
      ? 'runFluxAsRoot is gone in v1alpha2, where Flux runs as the container user (normally root), which is what this asked for.'
      : 'runFluxAsRoot is gone in v1alpha2: Flux runs as the container user (normally root), not as a separate flux user. To run as another user, set securityContext.runAsUser.');
  }
  if (role === 'runner' && asText(plainCommands['prefix'])) {
    m.note([...cpath, 'prefix'], 'changed', 'v1alpha2 puts commands.prefix only before the program the lead broker runs; v1alpha1 also put it before flux broker and before flux start on the other pods. Wrap those yourself (for example in commands.workerPre) if they need it.');
  }
  if (role === 'sidecar') {
    // v1alpha1's start script ran brokerPre, workerPre and pre on every pod before the command;
    // v1alpha2 sidecars ignore those three and run servicePre at that point instead.
    const hooks = (['brokerPre', 'workerPre', 'pre'] as const).filter((k) => asText(plainCommands[k]));
    if (hooks.length > 0 && !effectivePair(commands, 'servicePre')) {
      const first = effectivePair(commands, hooks[0] ?? 'pre');
      if (hooks.length === 1 && first) setPairKey(first, 'servicePre');
      else if (first) {
        const joined = hooks.map((k) => (asText(plainCommands[k]) ?? '').replace(/\n*$/, '\n')).join('');
        const scalar = new Scalar(joined);
        scalar.type = Scalar.BLOCK_LITERAL;
        const pair = newPair(m.doc, 'servicePre', scalar);
        if (isScalar(first.key) && isScalar(pair.key)) {
          pair.key.commentBefore = first.key.commentBefore;
          pair.key.spaceBefore = first.key.spaceBefore;
        }
        const index = commands.items.indexOf(first);
        commands.items.splice(index, 0, pair);
        for (const k of hooks) removeKey(commands, k);
      }
      m.note([...cpath, hooks[0] ?? 'pre'], 'moved', `v1alpha2 sidecars ignore ${hooks.join(', ')}; ${hooks.length === 1 ? 'it was renamed' : 'they were joined, in the order v1alpha1 ran them,'} to commands.servicePre, which runs at the same point (before the command, on every pod).`);
    }
  }
  if (commands.items.length === 0) removeKey(node, 'commands');
}

function migrateSecurityContext(m: Migration, node: YAMLMap, path: PathSegment[]): void {
  const sc = mapUnder(node, 'securityContext');
  const add = sc ? effectivePair(sc, 'addCapabilities') : undefined;
  if (!sc || !add) return;
  const existing = mapUnder(sc, 'capabilities');
  if (existing && !effectivePair(existing, 'add')) {
    existing.items.push(newPair(m.doc, 'add', add.value));
    removeKey(sc, 'addCapabilities');
  } else if (!existing) {
    const caps = newMap(m.doc, {});
    caps.items.push(newPair(m.doc, 'add', add.value));
    add.value = caps;
    setPairKey(add, 'capabilities');
  } else {
    removeKey(sc, 'addCapabilities');
  }
  m.note([...path, 'securityContext', 'addCapabilities'], 'renamed', 'securityContext.addCapabilities is now the Kubernetes field securityContext.capabilities.add.');
}

/** `existingVolumes` entries become ordinary `volumes` entries; the fields have the same names in v1alpha2. */
function migrateExistingVolumes(m: Migration, node: YAMLMap, path: PathSegment[]): void {
  const existingPair = effectivePair(node, 'existingVolumes');
  if (!existingPair) return;
  const existing = existingPair.value;
  const epath = [...path, 'existingVolumes'];
  const volumes = mapUnder(node, 'volumes');
  if (!isMap(existing)) {
    removeKey(node, 'existingVolumes');
    if (!(isScalar(existing) && existing.value === null)) m.note(epath, 'dropped', 'existingVolumes is not a mapping of volume names, so it was left out.');
    return;
  }
  if (!volumes) {
    removeKey(node, 'volumes');
    setPairKey(existingPair, 'volumes');
    m.note(epath, 'renamed', 'existingVolumes is now volumes: v1alpha2 declares every volume of a container there, with the same claimName, secretName, configMapName, items, path and readOnly fields.');
    return;
  }
  const clashes: string[] = [];
  for (const pair of existing.items as Pair[]) {
    const name = keyName(pair.key);
    if (name !== undefined && effectivePair(volumes, name)) clashes.push(name);
    else volumes.items.push(pair);
  }
  removeKey(node, 'existingVolumes');
  m.note(epath, 'moved', `The existingVolumes entries were moved into volumes, where v1alpha2 declares every volume of a container.${clashes.length > 0 ? ` ${clashes.join(', ')} ${clashes.length === 1 ? 'is' : 'are'} also the name of a volume from spec.volumes, which the pod cannot have twice (v1alpha1 made an invalid pod); the existing volume was left out: add it back under another name.` : ''}`);
}

/**
 * v1alpha1 wrapped a sidecar in a start script only when it had both a command and command hooks;
 * otherwise the image entrypoint ran. v1alpha2 wraps every sidecar unless noWrapEntrypoint is set.
 * Returns true when the sidecar keeps a start script (so it now waits for the Flux socket).
 */
function migrateSidecarEntrypoint(m: Migration, node: YAMLMap, plain: Plain, path: PathSegment[]): boolean {
  const wrapped = !!asText(plain['command']) && hasCommandHooks(asRecord(plain['commands']));
  if (wrapped || plain['noWrapEntrypoint'] !== undefined) return wrapped;
  const after = effectivePair(node, 'command') ? 'command' : effectivePair(node, 'image') ? 'image' : effectivePair(node, 'name') ? 'name' : undefined;
  insertAfter(node, after, newPair(m.doc, 'noWrapEntrypoint', true));
  m.note(path, 'changed', `This sidecar ran its image's own entrypoint in v1alpha1${asText(plain['command']) ? ' (its command was not used, because it has no commands hooks)' : ''}; v1alpha2 would replace it with a generated start script, so noWrapEntrypoint: true was added to keep the image entrypoint.`);
  return false;
}

export interface ContainerMigration {
  /** A sidecar still runs a generated start script, which in v1alpha2 waits for the Flux socket first. */
  wrappedSidecar: boolean;
}

export function migrateContainer(m: Migration, node: YAMLMap, plain: Plain, path: PathSegment[], role: ContainerRole): ContainerMigration {
  dropRemovedFields(m, node, plain, path);
  migrateCommands(m, node, plain, path, role);
  migrateSecurityContext(m, node, path);
  migrateExistingVolumes(m, node, path);
  const wrappedSidecar = role === 'sidecar' ? migrateSidecarEntrypoint(m, node, plain, path) : false;
  if (role === 'runner' && plain['batch'] === true && plain['batchRaw'] !== true && asText(plain['command'])) {
    m.note([...path, 'batch'], 'changed', 'v1alpha1 could not write this batch script (a known operator defect with batch and no batchRaw); v1alpha2 submits each line of the command as its own job, with output in FLUX_OUTPUT_DIR/job-N.out.');
  }
  return { wrappedSidecar };
}
