/**
 * The v1alpha1 operator's validation (its validate step, in its order, and the CRD's required
 * fields) plus the checks Kubernetes or Flux would make later, so a spec is rejected here with a
 * field path instead of failing in the cluster. Every problem is collected; none stops the others.
 */
import type { PathSegment } from '../diagnostics.ts';
import { parseQuantity } from '../render/quantity.ts';
import {
  burstClusterProblems, burstingProblems, containerNameProblems, deadlineProblem, DNS1035_LABEL,
  dnsLabelProblem, fluxValueProblems, labelMapProblems, labelProblems, runnerCountProblem,
  serviceNameProblems, sizeProblems, type Problem,
} from '../common/rules.ts';
import {
  annotationProblems, containerProblems, csiDriverProblem, dnsSubdomainProblem, indexedJobSizeProblems, itemProblems,
  mountPathProblems, namespaceProblems, podContainerNameProblems, podNameFieldProblems, portServiceProblems, resourceListProblems,
} from '../common/kubernetesRules.ts';
import { existingVolumeKind, hasCommands } from './containers.ts';
import type { ResolvedV1alpha1MiniCluster } from './defaults.ts';
import { V1A1_DEFAULT_IMAGE, V1A1_HOSTPATH_CLASS, type V1alpha1Container } from './schema.ts';
import { quote } from '../common/quoteText.ts';

const MAX_PASSWORD = 8;

/** The longest suffix the operator appends to the name of a pod volume: `-flux-config`, `-curve-mount`. */
const LONGEST_SUFFIX = '-curve-mount'.length;

function existingVolumeProblems(list: V1alpha1Container[], listName: 'containers' | 'services', out: Problem[]): void {
  const first = new Map<string, { index: number; json: string }>();
  list.forEach((container, index) => {
    for (const [volName, volume] of Object.entries(container.existingVolumes ?? {})) {
      const path: PathSegment[] = ['spec', listName, index, 'existingVolumes', volName];
      const nameProblem = dnsLabelProblem(volName, 'Volume name');
      if (nameProblem) out.push({ severity: 'error', code: 'volume-name', path, message: nameProblem });
      if (existingVolumeKind(volume) === 'persistentVolumeClaim') {
        if (volume.path && !volume.claimName) {
          out.push({ severity: 'error', code: 'existing-volume', path: [...path, 'claimName'], message: `Existing volume ${quote(volName)} has a path but no claimName, secretName or configMapName: add the claim (or Secret, or ConfigMap) to mount.` });
        } else if (volume.claimName && !volume.path) {
          out.push({ severity: 'error', code: 'existing-volume', path: [...path, 'path'], message: `Existing volume ${quote(volName)} has a claimName but no path: add the path to mount it at.` });
        } else if (!volume.claimName) {
          out.push({ severity: 'error', code: 'existing-volume', path, message: `Existing volume ${quote(volName)} names nothing to mount: set claimName (with path), secretName or configMapName.` });
        }
      } else if (!volume.path) {
        out.push({ severity: 'error', code: 'existing-volume', path: [...path, 'path'], message: `Existing volume ${quote(volName)} has no path: Kubernetes needs a mount path; add path.` });
      }
      const json = JSON.stringify(volume);
      const earlier = first.get(volName);
      if (!earlier) first.set(volName, { index, json });
      else if (earlier.json !== json) {
        out.push({ severity: 'warning', code: 'volume-conflict', path, message: `Existing volume ${quote(volName)} is also defined differently by ${listName}[${earlier.index}]; the pod gets one volume of that name, from the last definition. Give the volumes different names.` });
      }
    }
  });
}

/** Mount paths: set, and unique within a container (Kubernetes rejects the pod otherwise). */
function containerMountProblems(container: V1alpha1Container, path: PathSegment[], reservedPaths: readonly string[], out: Problem[]): void {
  const mounts = [
    ...Object.entries(container.volumes ?? {}).map(([name, v]) => ({ mountPath: v.path, path: [...path, 'volumes', name, 'path'], label: `volume ${quote(name)}` })),
    // An existing volume without a path has its own error (existingVolumeProblems).
    ...Object.entries(container.existingVolumes ?? {}).filter(([, v]) => v.path).map(([name, v]) => ({ mountPath: v.path ?? '', path: [...path, 'existingVolumes', name, 'path'], label: `existing volume ${quote(name)}` })),
  ];
  mountPathProblems(mounts, reservedPaths.map((p) => ({ mountPath: p, label: 'the operator' })), out);
}

function quantityProblems(map: Record<string, string | number> | undefined, path: PathSegment[], out: Problem[]): void {
  for (const [key, value] of Object.entries(map ?? {})) {
    if (parseQuantity(value) === null) {
      out.push({ severity: 'error', code: 'quantity', path: [...path, key], message: `${quote(value)} is not a Kubernetes quantity: write a number with an optional suffix such as 500m, 2 or 4Gi.` });
    }
  }
}

/** What the API server checks in the objects of this version that the rules above do not cover. */
function apiServerProblems(mc: ResolvedV1alpha1MiniCluster, out: Problem[]): void {
  const { spec } = mc;
  namespaceProblems(mc.metadata.namespace, out);
  indexedJobSizeProblems(spec.size, spec.maxSize, out);
  annotationProblems(spec.pod.annotations, ['spec', 'pod', 'annotations'], out);
  podNameFieldProblems(spec.pod, out);
  resourceListProblems(spec.pod.resources, ['spec', 'pod', 'resources'], out);
  for (const [volName, volume] of Object.entries(spec.volumes)) {
    const path: PathSegment[] = ['spec', 'volumes', volName];
    annotationProblems(volume.annotations, [...path, 'annotations'], out);
    annotationProblems(volume.claimAnnotations, [...path, 'claimAnnotations'], out);
    const classProblem = dnsSubdomainProblem(volume.storageClass, 'storageClass');
    if (classProblem) out.push({ severity: 'error', code: 'storage-class', path: [...path, 'storageClass'], message: `${classProblem} It names the StorageClass of the PersistentVolume and its claim.` });
    if (volume.storageClass !== V1A1_HOSTPATH_CLASS) {
      const driverProblem = volume.driver ? csiDriverProblem(volume.driver) : `Volume ${quote(volName)} is a CSI volume (storage class ${quote(volume.storageClass)}) without a driver, and Kubernetes refuses a CSI PersistentVolume without one: add driver (e.g. the CSI driver of that storage class), or use storageClass: ${V1A1_HOSTPATH_CLASS}.`;
      if (driverProblem) out.push({ severity: 'error', code: 'volume-driver', path: [...path, volume.driver ? 'driver' : 'storageClass'], message: driverProblem });
      const nsProblem = volume.secretNamespace ? dnsLabelProblem(volume.secretNamespace, 'secretNamespace') : undefined;
      if (nsProblem) out.push({ severity: 'error', code: 'namespace', path: [...path, 'secretNamespace'], message: nsProblem });
    }
  }
  for (const [listName, list] of [['containers', spec.containers], ['services', spec.services ?? []]] as const) {
    list.forEach((container, index) => {
      for (const [volName, volume] of Object.entries(container.existingVolumes ?? {})) {
        itemProblems(volume.items, ['spec', listName, index, 'existingVolumes', volName, 'items'], out);
      }
    });
  }
}

export function validateCluster(mc: ResolvedV1alpha1MiniCluster): Problem[] {
  const out: Problem[] = [];
  const { spec } = mc;
  const name = mc.metadata.name;
  const err = (code: string, path: PathSegment[], message: string) => out.push({ severity: 'error', code, path, message });
  const warn = (code: string, path: PathSegment[], message: string) => out.push({ severity: 'warning', code, path, message });
  const info = (code: string, path: PathSegment[], message: string) => out.push({ severity: 'info', code, path, message });

  // Sizes first: the operator creates nothing for size 0.
  sizeProblems(spec, out);
  if (spec.tasks < 1) err('tasks', ['spec', 'tasks'], `tasks ${spec.tasks} cannot be submitted (flux submit -n ${spec.tasks}): set tasks to 1 or more.`);
  deadlineProblem(spec.deadlineSeconds, out);

  // Services.
  (spec.services ?? []).forEach((service, index) => {
    const path: PathSegment[] = ['spec', 'services', index];
    serviceNameProblems(service, path, out);
    for (const volName of Object.keys(service.volumes ?? {})) {
      if (!Object.hasOwn(spec.volumes, volName)) {
        err('volume-missing', [...path, 'volumes', volName], `Volume ${quote(volName)} is not declared in spec.volumes: add spec.volumes.${volName} (with path and storageClass), or use existingVolumes for an existing claim.`);
      }
    }
    const c = service.commands;
    if (c?.pre || c?.brokerPre || c?.workerPre) err('service-commands', [...path, 'commands'], 'Services cannot have commands.pre, brokerPre or workerPre: remove them (services run their image entrypoint).');
    else if (service.command || c?.init || c?.post || c?.prefix) {
      warn('service-command-ignored', [...path, service.command ? 'command' : 'commands'], 'Services run their image entrypoint, so command and commands are not used. To run a command next to Flux, add a container with runFlux left false instead.');
    }
  });

  // Bursting.
  const bursting = spec.flux.bursting;
  burstingProblems(bursting, out);
  const lead = bursting?.leadBroker;
  if (lead) {
    const leadPath: PathSegment[] = ['spec', 'flux', 'bursting', 'leadBroker'];
    const self = (bursting?.clusters ?? []).some((c) => c.name === name);
    if (lead.address && !bursting?.hostlist && !self) {
      warn('lead-broker-hosts', leadPath, `The hostlist of a bursted child is the parent's brokers plus bursting.clusters; this cluster's own pods (${name}-0, ...) are only in it if a bursting.clusters entry is named ${quote(name)}. Add {name: ${name}, size: ${spec.size}} there, in the parent's order, or Flux on these pods cannot find its rank.`);
    }
  }
  burstClusterProblems(bursting, out);

  // Users.
  (spec.users ?? []).forEach((user, index) => {
    const path: PathSegment[] = ['spec', 'users', index];
    if ((user.password ?? '').length > MAX_PASSWORD) err('user-password', [...path, 'password'], `The password has ${user.password?.length ?? 0} characters; the operator allows at most ${MAX_PASSWORD}. Shorten it.`);
    if (!/^[a-z_][a-z0-9_-]*\$?$/.test(user.name) || user.name.length > 32) err('user-name', [...path, 'name'], `${quote(user.name)} is not a Linux user name: use lowercase letters, digits, _ and -, starting with a letter or _ (at most 32 characters).`);
    if (!user.password) info('user-password', path, `User ${user.name} gets a random 8-character password, printed in the lead pod's log. Set password to choose one.`);
  });

  // Containers, and exactly one Flux runner.
  const volumeNames = new Set(Object.keys(spec.volumes));
  let runners = 0;
  const names = new Map<string, number>();
  const reservedPaths = ['/mnt/curve', '/etc/flux/config', '/flux_operator', ...(spec.flux.mungeSecret ? ['/etc/munge'] : [])];
  for (const [listName, list] of [['containers', spec.containers], ['services', spec.services ?? []]] as const) {
    list.forEach((container, index) => {
      const path: PathSegment[] = ['spec', listName, index];
      containerProblems(container, path, V1A1_DEFAULT_IMAGE, out);
      if (listName === 'services') containerMountProblems(container, path, [], out);
    });
  }
  podContainerNameProblems(spec.services ?? [], 'services', new Map(), out);
  spec.containers.forEach((container, index) => {
    const path: PathSegment[] = ['spec', 'containers', index];
    if (container.launcher && container.batch) err('launcher-batch', path, 'A container cannot be both launcher and batch: remove one of them.');
    if (container.runFlux) {
      runners += 1;
      if (container.name && container.name !== name) warn('runner-name', [...path, 'name'], `The Flux container is always named ${quote(name)} (the MiniCluster name); ${quote(container.name)} is not used.`);
    } else {
      if (!container.name) err('container-name', [...path, 'name'], 'A container that does not run Flux needs a name: add name (or runFlux: true).');
      if (hasCommands(container) && !container.command) {
        err('start-command', [...path, 'command'], 'This container has commands but no command, which the operator refuses: add a command (it runs as shell code after the commands), or remove the commands.');
      }
      if (container.command && !hasCommands(container)) {
        warn('command-ignored', [...path, 'command'], 'A container that does not run Flux uses its command only when it also has commands (pre, init, post, ...); otherwise it runs its image entrypoint and this command is ignored. Add e.g. commands.pre, or remove command.');
      }
      if (container.commands?.brokerPre || container.commands?.workerPre) {
        info('start-script-hooks', [...path, 'commands'], 'In a container that does not run Flux, brokerPre and workerPre both run on every pod (there are no ranks here).');
      }
      if (container.launcher || container.batch) warn('sidecar-launcher', path, 'launcher and batch only apply to the Flux container.');
    }
    portServiceProblems(container, path, spec.network.headlessName, out);
    containerNameProblems(container, name, index, names, 'Flux container', out);
    for (const volName of Object.keys(container.volumes ?? {})) {
      if (!volumeNames.has(volName)) {
        err('volume-missing', [...path, 'volumes', volName], `Volume ${quote(volName)} is not declared in spec.volumes: add spec.volumes.${volName} (with path and storageClass), or use existingVolumes for an existing claim.`);
      }
      if (container.existingVolumes && Object.hasOwn(container.existingVolumes, volName)) {
        err('volume-name-duplicate', [...path, 'existingVolumes', volName], `${quote(volName)} is both a volume and an existing volume: the pod cannot have two volumes of one name. Rename one.`);
      }
    }
    containerMountProblems(container, path, reservedPaths, out);
    quantityProblems(container.resources?.limits, [...path, 'resources', 'limits'], out);
    quantityProblems(container.resources?.requests, [...path, 'resources', 'requests'], out);
    if ((container.cores ?? 0) < 0) err('cores', [...path, 'cores'], 'cores must not be negative.');
    for (const envName of Object.keys(container.secrets ?? {})) {
      if (container.environment && Object.hasOwn(container.environment, envName)) warn('env-duplicate', [...path, 'secrets', envName], `Environment variable ${envName} is set both in environment and in secrets; the secret wins in Kubernetes.`);
    }
    const hook = container.lifeCycle;
    for (const key of ['postStartExec', 'preStopExec'] as const) {
      const text = hook?.[key];
      if (text && /\s/.test(text.trim())) {
        info('lifecycle-shell', [...path, 'lifeCycle', key], 'This hook has several words, so it runs through /bin/sh -c (the operator passed it as one program name, which Kubernetes cannot run). The image needs /bin/sh.');
      }
    }
  });
  runnerCountProblem(runners, spec.containers.length, out);

  // spec.volumes.
  const reservedVolumes = new Set([`${name}-flux-config`, `${name}-entrypoint`, `${name}-curve-mount`, ...(spec.flux.mungeSecret ? ['munge-key'] : [])]);
  for (const [volName, volume] of Object.entries(spec.volumes)) {
    const path: PathSegment[] = ['spec', 'volumes', volName];
    if (volume.storageClass !== V1A1_HOSTPATH_CLASS && !volume.secret) {
      err('volume-secret', [...path, 'secret'], `Volume ${quote(volName)} uses storage class ${quote(volume.storageClass)}, a CSI volume, which needs the secret of its driver: add secret (or use storageClass: ${V1A1_HOSTPATH_CLASS}).`);
    }
    if (volume.storageClass === V1A1_HOSTPATH_CLASS && !volume.path.startsWith('/')) {
      err('volume-path', [...path, 'path'], `A hostpath volume needs an absolute path on the node, such as /tmp/data; ${quote(volume.path)} is not.`);
    }
    const problem = dnsLabelProblem(volName, 'Volume name') ?? (dnsLabelProblem(`${volName}-claim`, 'Claim name') && `The claim name ${quote(`${volName}-claim`)} is longer than 63 characters: shorten the volume name.`);
    if (problem) err('volume-name', path, problem);
    if (reservedVolumes.has(volName)) err('volume-name-reserved', path, `Volume name ${quote(volName)} is used by the generated pod already; choose another name.`);
    const capacity = parseQuantity(volume.capacity);
    if (capacity === null || capacity.unscaled <= 0n) err('volume-capacity', [...path, 'capacity'], `capacity ${quote(volume.capacity)} is not a size: write a quantity such as 5Gi or 500Mi.`);
    labelMapProblems(volume.labels, [...path, 'labels'], out);
  }

  // Existing volumes.
  existingVolumeProblems(spec.containers, 'containers', out);
  existingVolumeProblems(spec.services ?? [], 'services', out);
  for (const [index, container] of spec.containers.entries()) {
    for (const volName of Object.keys(container.existingVolumes ?? {})) {
      const path: PathSegment[] = ['spec', 'containers', index, 'existingVolumes', volName];
      if (reservedVolumes.has(volName)) err('volume-name-reserved', path, `Volume name ${quote(volName)} is used by the generated pod already; choose another name.`);
      else if (volumeNames.has(volName)) err('volume-name-duplicate', path, `${quote(volName)} is also a spec.volumes entry, and the pod cannot have two volumes of one name: rename the existing volume.`);
    }
  }

  // Names Kubernetes derives from the MiniCluster name.
  const nameProblem = dnsLabelProblem(name, 'metadata.name');
  if (nameProblem) err('name', ['metadata', 'name'], nameProblem);
  else if (name.length + LONGEST_SUFFIX > 63) {
    err('name-length', ['metadata', 'name'], `metadata.name has ${name.length} characters; at most ${63 - LONGEST_SUFFIX} fit, because the volume ${quote(`${name}-curve-mount`)} must be at most 63 characters.`);
  } else if (`${name}-${Math.max(spec.maxSize, spec.size, 1) - 1}`.length > 63) {
    err('name-length', ['metadata', 'name'], 'Pod hostnames (NAME-INDEX) would be longer than 63 characters: shorten metadata.name.');
  }
  const headlessProblem = dnsLabelProblem(spec.network.headlessName, 'Service name', DNS1035_LABEL);
  if (headlessProblem) err('headless-name', ['spec', 'network', 'headlessName'], headlessProblem);

  const pod = spec.pod;
  labelProblems(spec, out);
  quantityProblems(pod.resources, ['spec', 'pod', 'resources'], out);
  if (pod.resources && Object.keys(pod.resources).length > 0) {
    warn('pod-overhead', ['spec', 'pod', 'resources'], 'pod.resources becomes the pod overhead, not a request: Kubernetes refuses a pod with overhead unless its RuntimeClass defines that overhead. Put requests and limits on the containers (containers[].resources) instead.');
  }

  apiServerProblems(mc, out);
  fluxValueProblems(spec.flux, out);
  if (spec.fluxRestful.port < 1 || spec.fluxRestful.port > 65535) err('rest-port', ['spec', 'fluxRestful', 'port'], 'fluxRestful.port must be between 1 and 65535.');
  if (spec.flux.mungeSecret) {
    // It names the Secret and, in the operator's layout, the key inside it: both must be valid.
    const mungeProblem = dnsSubdomainProblem(spec.flux.mungeSecret, 'The munge Secret');
    if (mungeProblem) err('munge-secret-name', ['spec', 'flux', 'mungeSecret'], mungeProblem);
    info('munge-secret', ['spec', 'flux', 'mungeSecret'], `The munge key is read from the key named ${quote(spec.flux.mungeSecret)} inside the Secret ${quote(spec.flux.mungeSecret)} (the operator's layout): the Secret must hold a key with its own name.`);
  }
  if (spec.flux.curveCert && spec.flux.curveCertSecret) {
    warn('curve-cert-secret', ['spec', 'flux', 'curveCertSecret'], 'Both curveCert and curveCertSecret are set: the pods mount the Secret, so curveCert is not used. Remove one.');
  }
  if (spec.flux.minimalService) {
    info('minimal-service', ['spec', 'flux', 'minimalService'], 'With minimalService the Service selects only the rank-0 pod, on port 8050. Unlike the operator it stays headless, so the broker address NAME-0.SERVICE.NAMESPACE.svc.cluster.local resolves, and it selects on the batch.kubernetes.io/job-completion-index label (Kubernetes 1.28+) instead of the job-index label the operator patched onto pods.');
  }
  return out;
}
