/**
 * The objects the operator creates for a v1alpha2 MiniCluster, each built from a
 * resolved (defaulted and validated) MiniCluster.
 */
import { initScript, runnerScript, sidecarScript } from './scripts/index.ts';
import type { ResolvedMiniCluster } from './defaults.ts';
import type { Container } from './schema.ts';
import { containerPortServices, indexedJobObject, spreadAffinity } from '../common/objects.ts';
import type { KObject, Manifest } from '../common/kobject.ts';
import { canonicalResources, containerEnv, imagePullSecrets, lifecycle, resourceList, sortedEntries } from '../common/podParts.ts';
import { podLabels, pullPolicy, userMounts, userVolumes } from './podParts.ts';
import { initInputs, runnerInputs, sidecarInputs } from './scriptInputs.ts';
import { BROKER_PORT, entrypointName, fluxContainerName, SCRIPT_DIR } from '../common/operatorNames.ts';
import { CURVE_KEY, CURVE_SECRET_DIR, curveSecretName, curveSecretVolume } from '../targets/curveSecret.ts';
import { placementOf, type Placement } from '../targets/placement.ts';

const HOME_VOLUME = 'flux-operator-home';
const SOFTWARE_VOLUME = 'spack-software';

/** The ConfigMap key of container i's entrypoint script, if it gets one. */
export function scriptKey(container: Container, index: number): string | undefined {
  if (container.runFlux) return `wait-${index}`;
  if (!container.noWrapEntrypoint) return `start-${index}`;
  return undefined;
}

/** The scripts, and the certificate unless it is in a Secret (`curveCert` undefined). */
export function entrypointConfigMap(mc: ResolvedMiniCluster, curveCert: string | undefined, placement = placementOf(mc.metadata.name, undefined)): Manifest {
  const data: Record<string, string> = {};
  mc.spec.containers.forEach((container, index) => {
    const key = scriptKey(container, index);
    if (!key) return;
    data[key] = container.runFlux ? runnerScript(runnerInputs(mc, container, placement)) : sidecarScript(sidecarInputs(mc, container));
  });
  data[mc.spec.flux.container.name] = initScript(initInputs(mc, placement));
  if (curveCert !== undefined) data[CURVE_KEY] = curveCert;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: entrypointName(mc), namespace: mc.metadata.namespace },
    data,
  };
}

/**
 * The headless Service the brokers find each other through; with `minimalService` it selects only
 * rank 0 and exposes the broker port. It stays headless in that case, because the brokers connect
 * to `NAME-0.SERVICE.NS.svc.cluster.local`, a name only a headless Service provides (the
 * operator made a ClusterIP Service here).
 */
export function brokerService(mc: ResolvedMiniCluster): Manifest {
  const name = mc.metadata.name;
  const spec: KObject = mc.spec.flux.minimalService
    ? {
        clusterIP: 'None',
        selector: { 'job-name': name, 'batch.kubernetes.io/job-completion-index': '0' },
        ports: [{ port: BROKER_PORT, protocol: 'TCP' }],
      }
    : { clusterIP: 'None', selector: { 'job-name': name } };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: mc.spec.network.headlessName, namespace: mc.metadata.namespace },
    spec,
  };
}

/**
 * The operator's mounts. `withCertificate`: the certificate Secret too, for the containers whose
 * scripts read it (the init container and the Flux runners; sidecars never need the secret key).
 */
function operatorMounts(mc: ResolvedMiniCluster, withCertificate = false): KObject[] {
  const mounts: KObject[] = [
    { name: HOME_VOLUME, mountPath: '/home/flux-operator' },
    { name: mc.spec.flux.container.name, mountPath: mc.spec.flux.container.mountPath },
    { name: entrypointName(mc), mountPath: SCRIPT_DIR, readOnly: true },
  ];
  if (withCertificate) mounts.push({ name: curveSecretName(mc.metadata.name), mountPath: CURVE_SECRET_DIR, readOnly: true });
  return mounts;
}

function viewInitContainer(mc: ResolvedMiniCluster, placement: Placement): KObject {
  const view = mc.spec.flux.container;
  const container: KObject = {
    name: view.name,
    image: view.image,
    command: ['/bin/bash', `${SCRIPT_DIR}flux-init.sh`],
    imagePullPolicy: view.pullAlways ? 'Always' : 'IfNotPresent',
  };
  if (view.workingDir) container['workingDir'] = view.workingDir;
  Object.assign(container, {
    resources: canonicalResources(view.resources),
    securityContext: view.securityContext ?? {},
    stdin: true,
    tty: true,
    volumeMounts: operatorMounts(mc, placement.certificateInSecret),
  });
  return container;
}

/** A pod container from a spec container: the Job's application containers and the services. */
function podContainer(container: Container, name: string | undefined, command: string[] | undefined, mounts: KObject[]): KObject {
  const out: KObject = { name, image: container.image };
  if (command) out['command'] = command;
  out['imagePullPolicy'] = pullPolicy(container);
  if (container.workingDir) out['workingDir'] = container.workingDir;
  const env = containerEnv(container);
  if (env.length > 0) out['env'] = env;
  if (container.ports?.length) out['ports'] = container.ports.map((port) => ({ containerPort: port, protocol: 'TCP' }));
  Object.assign(out, {
    resources: canonicalResources(container.resources),
    securityContext: container.securityContext ?? {},
    lifecycle: lifecycle(container),
    stdin: true,
    tty: true,
  });
  if (mounts.length > 0) out['volumeMounts'] = mounts;
  return out;
}

function appContainer(mc: ResolvedMiniCluster, container: Container, index: number, placement: Placement): KObject {
  const key = scriptKey(container, index);
  return podContainer(
    container,
    container.runFlux ? fluxContainerName(mc) : container.name,
    key ? ['/bin/bash', `${SCRIPT_DIR}${key}.sh`] : undefined,
    [...operatorMounts(mc, placement.certificateInSecret && (container.runFlux ?? false)), { name: SOFTWARE_VOLUME, mountPath: '/opt/software' }, ...userMounts(container)],
  );
}


function affinity(mc: ResolvedMiniCluster): KObject {
  const out = spreadAffinity(mc.metadata.name);
  const nodeAffinity = sortedEntries(mc.spec.pod.nodeAffinity);
  if (nodeAffinity.length > 0) {
    out['nodeAffinity'] = {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: nodeAffinity.map(([key, values]) => ({ key, operator: 'In', values })) }],
      },
    };
  }
  return out;
}

function entrypointVolume(mc: ResolvedMiniCluster, placement: Placement): KObject {
  const items: KObject[] = [];
  mc.spec.containers.forEach((container, index) => {
    const key = scriptKey(container, index);
    if (key) items.push({ key, path: `${key}.sh`, mode: 0o777 });
  });
  items.push({ key: mc.spec.flux.container.name, path: 'flux-init.sh', mode: 0o777 });
  if (!placement.certificateInSecret) items.push({ key: CURVE_KEY, path: CURVE_KEY });
  return { name: entrypointName(mc), configMap: { name: entrypointName(mc), items } };
}

/** Pod spec fields the Job pods and the services Pod share. */
function sharedPodFields(mc: ResolvedMiniCluster, pullSecrets: KObject[]): KObject {
  const pod = mc.spec.pod;
  const out: KObject = {};
  if (pullSecrets.length > 0) out['imagePullSecrets'] = pullSecrets;
  if (pod.serviceAccountName) out['serviceAccountName'] = pod.serviceAccountName;
  out['automountServiceAccountToken'] = pod.automountServiceAccountToken ?? false;
  out['restartPolicy'] = pod.restartPolicy || 'OnFailure';
  if (pod.nodeSelector && Object.keys(pod.nodeSelector).length > 0) out['nodeSelector'] = Object.fromEntries(sortedEntries(pod.nodeSelector));
  if (pod.dnsPolicy) out['dnsPolicy'] = pod.dnsPolicy;
  if (pod.runtimeClassName) out['runtimeClassName'] = pod.runtimeClassName;
  return out;
}

function podTemplateSpec(mc: ResolvedMiniCluster, placement: Placement): KObject {
  const { spec } = mc;
  const pod = spec.pod;
  const out: KObject = {
    subdomain: spec.network.headlessName,
    setHostnameAsFQDN: false,
    shareProcessNamespace: spec.shareProcessNamespace ?? false,
  };
  Object.assign(
    out,
    sharedPodFields(mc, imagePullSecrets([...spec.containers.map((c) => c.imagePullSecret), spec.flux.container.imagePullSecret])),
  );
  if (pod.tolerations?.length) {
    out['tolerations'] = pod.tolerations.map((t) => {
      const toleration: KObject = {};
      for (const key of ['key', 'operator', 'value', 'effect'] as const) if (t[key]) toleration[key] = t[key];
      return toleration;
    });
  }
  if (pod.schedulerName) out['schedulerName'] = pod.schedulerName;
  if (pod.hostPID) out['hostPID'] = true;
  if (pod.hostIPC) out['hostIPC'] = true;
  // The operator keeps only fsGroup; the whole context is what the user asked for.
  if (pod.securityContext && Object.keys(pod.securityContext).length > 0) out['securityContext'] = pod.securityContext;
  if (!spec.network.disableAffinity) out['affinity'] = affinity(mc);
  if (pod.resources && Object.keys(pod.resources).length > 0) out['overhead'] = resourceList(pod.resources);
  out['initContainers'] = [viewInitContainer(mc, placement)];
  out['containers'] = spec.containers.map((container, index) => appContainer(mc, container, index, placement));
  out['volumes'] = [
    { name: SOFTWARE_VOLUME, emptyDir: {} },
    { name: HOME_VOLUME, emptyDir: {} },
    { name: spec.flux.container.name, emptyDir: {} },
    entrypointVolume(mc, placement),
    ...(placement.certificateInSecret ? [curveSecretVolume(curveSecretName(mc.metadata.name), mc.metadata.name)] : []),
    ...userVolumes(spec.containers),
  ];
  return out;
}

export function indexedJob(mc: ResolvedMiniCluster, placement = placementOf(mc.metadata.name, undefined)): Manifest {
  const { spec } = mc;
  const name = mc.metadata.name;
  const metadata: Manifest['metadata'] = { name, namespace: mc.metadata.namespace };
  if (spec.jobLabels && Object.keys(spec.jobLabels).length > 0) metadata['labels'] = Object.fromEntries(sortedEntries(spec.jobLabels));
  const templateMeta: KObject = { name, namespace: mc.metadata.namespace, labels: podLabels(mc, true) };
  if (Object.keys(spec.pod.annotations).length > 0) templateMeta['annotations'] = Object.fromEntries(sortedEntries(spec.pod.annotations));
  return indexedJobObject({
    metadata,
    size: spec.size,
    backoffLimit: spec.backoffLimit || 100,
    deadlineSeconds: spec.deadlineSeconds,
    template: { metadata: templateMeta, spec: podTemplateSpec(mc, placement) },
  });
}

/** The `NAME-services` Pod for `spec.services` (made by the operator only, never by fluxoperator-gen). */
export function servicesPod(mc: ResolvedMiniCluster): Manifest | undefined {
  const services = mc.spec.services ?? [];
  if (services.length === 0) return undefined;
  const name = `${mc.metadata.name}-services`;
  const metadata: Manifest['metadata'] = {
    name,
    namespace: mc.metadata.namespace,
    labels: { ...podLabels(mc, false), 'job-name': mc.metadata.name },
  };
  if (Object.keys(mc.spec.pod.annotations).length > 0) metadata['annotations'] = Object.fromEntries(sortedEntries(mc.spec.pod.annotations));
  // Services run their image entrypoint: this pod has no entrypoint scripts, so no command.
  const containers = services.map((service) => podContainer(service, service.name, undefined, userMounts(service)));
  const spec: KObject = {
    hostname: name,
    subdomain: mc.spec.network.headlessName,
    setHostnameAsFQDN: false,
    ...sharedPodFields(mc, imagePullSecrets(services.map((s) => s.imagePullSecret))),
    containers,
  };
  const volumes = userVolumes(services);
  if (volumes.length > 0) spec['volumes'] = volumes;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** A ClusterIP Service per non-runner container with ports (made by the operator, never by fluxoperator-gen). */
export function containerServices(mc: ResolvedMiniCluster): Manifest[] {
  return containerPortServices(mc.spec.containers, mc.metadata.name, mc.metadata.namespace);
}
