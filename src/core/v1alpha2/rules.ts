/**
 * The operator's `Validate()` rules, in its order, plus the checks Kubernetes or Flux
 * would make later, so that a spec is rejected here with a field path instead of failing in the
 * cluster. All problems are collected; none stops the others.
 */
import type { PathSegment } from '../diagnostics.ts';
import type { ResolvedMiniCluster } from './defaults.ts';
import {
  burstClusterProblems, burstingProblems, containerNameProblems, deadlineProblem, DNS1035_LABEL,
  dnsLabelProblem, fluxValueProblems, labelProblems, runnerCountProblem, serviceNameProblems, sizeProblems,
  type Problem,
} from '../common/rules.ts';
import {
  annotationProblems, containerProblems, containerSecurityContextProblems, csiDriverProblem, dnsPolicyProblems, enumProblems, imageProblems,
  indexedJobSizeProblems, itemProblems, mountPathProblems, namespaceProblems, nodeAffinityProblems, podContainerNameProblems,
  podNameFieldProblems, podSecurityContextProblems, portServiceProblems, PULL_POLICIES, resourceListProblems, resourceProblems,
  tolerationProblems,
} from '../common/kubernetesRules.ts';
import { SCRIPT_DIR } from '../common/operatorNames.ts';
import { DEFAULT_APP_IMAGE, DEFAULT_VIEW_NAME, type Container, type ContainerVolume } from './schema.ts';
import { volumeSource } from './volumeSource.ts';
import { quote } from '../common/quoteText.ts';
import { readTopology, TOPOLOGY_VALUES } from '../cluster/topology.ts';

const RESTART_POLICIES = ['OnFailure', 'Never'];

/** The operator's volume rule (a claim or hostPath needs a path) and Kubernetes' checks, for one list of containers. */
function volumeProblems(list: Container[], listName: 'containers' | 'services', reserved: Set<string>, out: Problem[]): void {
  const firstDefinition = new Map<string, { index: number; volume: ContainerVolume }>();
  list.forEach((container, index) => {
    for (const [volName, volume] of Object.entries(container.volumes ?? {})) {
      const path: PathSegment[] = ['spec', listName, index, 'volumes', volName];
      const nameProblem = dnsLabelProblem(volName, 'Volume name');
      if (nameProblem) out.push({ severity: 'error', code: 'volume-name', path, message: nameProblem });
      if (reserved.has(volName)) {
        out.push({
          severity: 'error',
          code: 'volume-name-reserved',
          path,
          message: `Volume name ${quote(volName)} is used by the generated pod already; choose another name.`,
        });
      }
      const source = volumeSource(volume);
      const byPath = !volume.secretName && !volume.configMapName;
      if (byPath && volume.claimName && !volume.path) {
        out.push({ severity: 'error', code: 'volume-path', path: [...path, 'path'], message: `Volume ${quote(volName)} has a claimName but no path: add the path to mount it at.` });
      } else if (byPath && volume.hostPath && !volume.path) {
        out.push({ severity: 'error', code: 'volume-path', path: [...path, 'path'], message: `Volume ${quote(volName)} has a hostPath but no path: add the path to mount it at in the container.` });
      } else if (source !== 'emptyDir' && !volume.path) {
        out.push({ severity: 'error', code: 'volume-path', path: [...path, 'path'], message: `Volume ${quote(volName)} has no path: Kubernetes needs a mount path for every volume except emptyDir.` });
      }
      if (source === 'persistentVolumeClaim' && !volume.claimName) {
        out.push({
          severity: 'error',
          code: 'volume-source',
          path,
          message: `Volume ${quote(volName)} has no source, so it would become a PersistentVolumeClaim with an empty claimName, which Kubernetes rejects: set one of claimName, hostPath, secretName, configMapName, emptyDir or csiDriver.`,
        });
      }
      if (source === 'emptyDir' && volume.path && volume.path !== '/dev/shm') {
        out.push({
          severity: 'warning',
          code: 'emptydir-path',
          path: [...path, 'path'],
          message: `emptyDir volumes are always mounted at /dev/shm, so path ${quote(volume.path)} is ignored (as the operator does). Use another volume type to mount at ${volume.path}.`,
        });
      }
      const first = firstDefinition.get(volName);
      if (!first) firstDefinition.set(volName, { index, volume });
      else if (JSON.stringify(first.volume) !== JSON.stringify(volume)) {
        out.push({
          severity: 'warning',
          code: 'volume-conflict',
          path,
          message: `Volume ${quote(volName)} is also defined differently by ${listName}[${first.index}]; the pod gets a single volume of that name, taken from the last definition. Give the volumes different names.`,
        });
      }
    }
  });
}

/** What the API server checks in this version's objects that the operator's rules above do not cover. */
function apiServerProblems(mc: ResolvedMiniCluster, out: Problem[]): void {
  const { spec } = mc;
  const name = mc.metadata.name;
  const view = spec.flux.container;
  namespaceProblems(mc.metadata.namespace, out);
  indexedJobSizeProblems(spec.size, spec.maxSize, out);
  imageProblems(view.image, ['spec', 'flux', 'container', 'image'], out);
  resourceProblems(view.resources, ['spec', 'flux', 'container', 'resources'], out);
  containerSecurityContextProblems(view.securityContext, ['spec', 'flux', 'container', 'securityContext'], out);
  // The operator's own mounts, which every application container has.
  const operatorMounts = [
    { mountPath: '/home/flux-operator', label: 'the operator\'s home volume' },
    { mountPath: SCRIPT_DIR, label: 'the entrypoint scripts' },
    { mountPath: '/opt/software', label: 'the software volume' },
  ];
  mountPathProblems([{ mountPath: view.mountPath, path: ['spec', 'flux', 'container', 'mountPath'], label: 'The Flux view' }], operatorMounts, out);
  const reservedMounts = [...operatorMounts, { mountPath: view.mountPath, label: 'the Flux view (spec.flux.container.mountPath)' }];

  for (const [listName, list] of [['containers', spec.containers], ['services', spec.services ?? []]] as const) {
    list.forEach((container, index) => {
      const path: PathSegment[] = ['spec', listName, index];
      containerProblems(container, path, DEFAULT_APP_IMAGE, out);
      containerSecurityContextProblems(container.securityContext, [...path, 'securityContext'], out);
      if (listName === 'services') enumProblems(container.imagePullPolicy || undefined, PULL_POLICIES, [...path, 'imagePullPolicy'], 'imagePullPolicy', out, 'pull-policy');
      else portServiceProblems(container, path, spec.network.headlessName, out);
      const mounts = Object.entries(container.volumes ?? {}).flatMap(([volName, volume]) => {
        const volPath = [...path, 'volumes', volName];
        if (volume.items) itemProblems(volume.items, [...volPath, 'items'], out);
        if (volume.csiDriver && volumeSource(volume) === 'csi') {
          const driverProblem = csiDriverProblem(volume.csiDriver);
          if (driverProblem) out.push({ severity: 'error', code: 'volume-driver', path: [...volPath, 'csiDriver'], message: driverProblem });
        }
        // A volume without a path has its own error above.
        const mountPath = volumeSource(volume) === 'emptyDir' ? '/dev/shm' : volume.path;
        return mountPath ? [{ mountPath, path: volumeSource(volume) === 'emptyDir' ? [...volPath, 'emptyDir'] : [...volPath, 'path'], label: `volume ${quote(volName)}` }] : [];
      });
      mountPathProblems(mounts, listName === 'containers' ? reservedMounts : [], out);
      const effectiveName = listName === 'containers' && container.runFlux ? name : container.name;
      if (listName === 'containers' && effectiveName === view.name) {
        out.push(container.runFlux
          ? { severity: 'error', code: 'container-name-duplicate', path: view.name === DEFAULT_VIEW_NAME ? ['metadata', 'name'] : ['spec', 'flux', 'container', 'name'], message: `The init container is named ${quote(view.name)}, like the Flux runner (which takes the MiniCluster name), and the pod's containers need different names: set flux.container.name to another name.` }
          : { severity: 'error', code: 'container-name-duplicate', path: [...path, 'name'], message: `Container name ${quote(view.name)} is taken by the init container that copies Flux (spec.flux.container.name) in the same pod: choose another name.` });
      }
    });
  }
  podContainerNameProblems(spec.services ?? [], 'services', new Map(), out);

  const pod = spec.pod;
  dnsPolicyProblems(pod.dnsPolicy, out);
  tolerationProblems(pod.tolerations, out);
  podSecurityContextProblems(pod.securityContext, out);
  podNameFieldProblems(pod, out);
  nodeAffinityProblems(pod.nodeAffinity, out);
  annotationProblems(pod.annotations, ['spec', 'pod', 'annotations'], out);
  resourceListProblems(pod.resources, ['spec', 'pod', 'resources'], out);
}

export function validateCluster(mc: ResolvedMiniCluster): Problem[] {
  const out: Problem[] = [];
  const { spec } = mc;
  const name = mc.metadata.name;
  const err = (code: string, path: PathSegment[], message: string) => out.push({ severity: 'error', code, path, message });
  const warn = (code: string, path: PathSegment[], message: string) => out.push({ severity: 'warning', code, path, message });

  // Sizes first: the operator silently creates nothing for size 0.
  sizeProblems(spec, out);
  if ((spec.backoffLimit ?? 0) < 0) err('backoff-limit', ['spec', 'backoffLimit'], 'backoffLimit must not be negative.');
  const minSize = spec.minSize ?? 0;
  if (minSize < 0) err('min-size', ['spec', 'minSize'], 'minSize must not be negative.');
  if (minSize > 0 && spec.maxSize > 0 && minSize > spec.maxSize) {
    err('min-size', ['spec', 'minSize'], `minSize ${minSize} is larger than maxSize ${spec.maxSize}: lower minSize.`);
  }
  if (spec.size > 0 && minSize > spec.size) err('min-size', ['spec', 'minSize'], `minSize ${minSize} is larger than size ${spec.size}: lower minSize to at most ${spec.size}.`);
  if (spec.tasks < 0) err('tasks', ['spec', 'tasks'], 'tasks must not be negative (0 means one task per node).');
  deadlineProblem(spec.deadlineSeconds, out);

  // Services.
  (spec.services ?? []).forEach((service, index) => {
    const path: PathSegment[] = ['spec', 'services', index];
    serviceNameProblems(service, path, out);
    const c = service.commands;
    if (c?.pre || c?.brokerPre || c?.workerPre) {
      err('service-commands', [...path, 'commands'], 'Services cannot have commands.pre, brokerPre or workerPre: remove them (services run their image entrypoint).');
    }
    if (service.command || c?.init || c?.post || c?.script || c?.servicePre || c?.prefix) {
      warn('service-command-ignored', [...path, service.command ? 'command' : 'commands'], 'Services run their image entrypoint: command and commands are ignored for them. Use a sidecar container (in containers) to run a command.');
    }
  });

  // Bursting.
  burstingProblems(spec.flux.bursting, out);
  burstClusterProblems(spec.flux.bursting, out);

  // Containers.
  let runners = 0;
  const names = new Map<string, number>();
  spec.containers.forEach((container, index) => {
    const path: PathSegment[] = ['spec', 'containers', index];
    if (container.launcher && container.batch) err('launcher-batch', path, 'A container cannot be both launcher and batch: remove one of them.');
    if (container.runFlux) {
      runners += 1;
      if (container.commands?.script && container.command) {
        err('script-and-command', path, 'The Flux runner cannot have both commands.script and command: keep one.');
      }
      const unquoted = (container.command ?? '').replace(/'[^']*'|"(\\.|[^"\\])*"/g, '');
      if (!container.batch && /&&|\|\||[|;<>]/.test(unquoted)) {
        warn('command-shell-operator', [...path, 'command'], 'Flux runs the command as a program with its arguments, not through a shell, so &&, |, ; and redirections do not work here (the runner script stops with an error). Wrap it: bash -c \'...\', or use commands.script.');
      }
      if (container.name && container.name !== name) {
        warn('runner-name', [...path, 'name'], `The Flux runner container is always named ${quote(name)} (the MiniCluster name); ${quote(container.name)} is not used.`);
      }
    } else if (!container.name) {
      err('container-name', [...path, 'name'], 'A container that does not run Flux needs a name: add name (or runFlux: true).');
    }
    containerNameProblems(container, name, index, names, 'Flux runner', out);
    if (container.imagePullPolicy && !(PULL_POLICIES as readonly string[]).includes(container.imagePullPolicy)) {
      err('pull-policy', [...path, 'imagePullPolicy'], `imagePullPolicy ${quote(container.imagePullPolicy)} is not one of ${PULL_POLICIES.join(', ')}.`);
    }
    if (!container.runFlux) {
      const c = container.commands;
      if (c?.pre || c?.brokerPre || c?.workerPre || c?.prefix) {
        warn('sidecar-commands-ignored', [...path, 'commands'], 'Only the Flux runner uses commands.pre, brokerPre, workerPre and prefix; in this container they never run. Use commands.init or servicePre.');
      }
      if (!container.noWrapEntrypoint && !container.command && !c?.script && !c?.post) {
        warn('sidecar-without-command', path, 'This container has no command, so the generated start script replaces its image entrypoint and then exits. Give it a command, or set noWrapEntrypoint: true to keep the image entrypoint.');
      }
      if ((container.launcher || container.batch) && !container.runFlux) {
        warn('sidecar-launcher', path, 'launcher and batch only apply to the Flux runner container.');
      }
    }
    for (const [envName] of Object.entries(container.secrets ?? {})) {
      if (container.environment && envName in container.environment) {
        warn('env-duplicate', [...path, 'secrets', envName], `Environment variable ${envName} is set both in environment and in secrets; the secret wins in Kubernetes.`);
      }
    }
  });
  runnerCountProblem(runners, spec.containers.length, out);

  // Names Kubernetes derives from NAME and HEADLESS.
  const nameProblem = dnsLabelProblem(name, 'metadata.name');
  if (nameProblem) err('name', ['metadata', 'name'], nameProblem);
  else {
    const longest = `${name}-${Math.max(spec.maxSize, spec.size, 1) - 1}`;
    if (name.length > 52) {
      err('name-length', ['metadata', 'name'], `metadata.name has ${name.length} characters; at most 52 fit, because the volume ${quote(`${name}-entrypoint`)} must be at most 63 characters.`);
    } else if (longest.length > 63) {
      err('name-length', ['metadata', 'name'], `Pod hostname ${quote(longest)} would be longer than 63 characters: shorten metadata.name.`);
    }
  }
  const headless = spec.network.headlessName;
  const headlessProblem = dnsLabelProblem(headless, 'Service name', DNS1035_LABEL);
  if (headlessProblem) err('headless-name', spec.network.headlessName === name ? ['metadata', 'name'] : ['spec', 'network', 'headlessName'], headlessProblem);

  const viewName = spec.flux.container.name;
  const viewProblem = dnsLabelProblem(viewName, 'flux.container.name');
  if (viewProblem) err('view-name', ['spec', 'flux', 'container', 'name'], viewProblem);
  if (!spec.flux.container.mountPath.startsWith('/')) {
    err('mount-path', ['spec', 'flux', 'container', 'mountPath'], 'flux.container.mountPath must be an absolute path such as /mnt/flux.');
  }

  const reserved = new Set(['spack-software', 'flux-operator-home', viewName, `${name}-entrypoint`]);
  volumeProblems(spec.containers, 'containers', reserved, out);
  volumeProblems(spec.services ?? [], 'services', new Set(), out);

  // Pod settings Kubernetes checks.
  const pod = spec.pod;
  if (pod.restartPolicy && !RESTART_POLICIES.includes(pod.restartPolicy)) {
    err('restart-policy', ['spec', 'pod', 'restartPolicy'], `restartPolicy ${quote(pod.restartPolicy)} is not allowed for Job pods: use OnFailure or Never.`);
  }
  labelProblems(spec, out);
  if (pod.securityContext && Object.keys(pod.securityContext).some((k) => k !== 'fsGroup')) {
    out.push({
      severity: 'info',
      code: 'pod-security-context',
      path: ['spec', 'pod', 'securityContext'],
      message: 'The operator keeps only fsGroup of the pod security context; this tool passes all of it to the pod.',
    });
  }

  apiServerProblems(mc, out);

  // Values Flux would refuse or misread at run time.
  fluxValueProblems(spec.flux, out);
  // The operator passes it to every broker as -Stbon.topo, and flux-core stops a broker at start on a topology it cannot read.
  const topology = spec.flux.topology;
  if (topology) {
    const reading = readTopology(topology);
    if (!reading.ok) err('topology', ['spec', 'flux', 'topology'], `flux.topology ${quote(topology)} would stop every broker at start: ${reading.problem}. Use ${TOPOLOGY_VALUES}, or leave it out for the operator's kary:256.`);
  }
  for (const key of ['arch', 'mungeSecret'] as const) {
    if (spec.flux[key]) warn('no-effect', ['spec', 'flux', key], `flux.${key} has no effect in v1alpha2; you can remove it.`);
  }
  if (spec.flux.container.imagePullSecret) {
    warn('no-effect', ['spec', 'flux', 'container', 'imagePullSecret'], 'flux.container.imagePullSecret has no effect in the operator; put the pull secret on a container (imagePullSecret).');
  }
  if (spec.flux.minimalService) {
    out.push({
      severity: 'info',
      code: 'minimal-service',
      path: ['spec', 'flux', 'minimalService'],
      message: 'With minimalService the Service selects only the rank-0 pod, on port 8050. Unlike the operator it stays headless, so the broker address NAME-0.SERVICE.NAMESPACE.svc.cluster.local resolves, and it selects on the batch.kubernetes.io/job-completion-index label (Kubernetes 1.28+) instead of the job-index label the operator patches onto pods.',
    });
  }
  return out;
}
