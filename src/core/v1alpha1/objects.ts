/**
 * The objects the v1alpha1 operator created, each built from a resolved MiniCluster. Where the
 * operator had a defect the intended behaviour is built instead; the README's table of v1alpha1
 * differences (D1-D11) lists each one with its reason.
 */
import { curveSecretVolume } from '../targets/curveSecret.ts';
import { containerPortServices, indexedJobObject, spreadAffinity } from '../common/objects.ts';
import type { KObject, Manifest } from '../common/kobject.ts';
import { canonicalResources, containerEnv, imagePullSecrets, lifecycle, resourceList, sortedEntries } from '../common/podParts.ts';
import { canonicalQuantity } from '../render/quantity.ts';
import { brokerToml } from './brokerToml.ts';
import { existingVolumeKind, getsStartScript, scriptKeys } from './containers.ts';
import type { ResolvedV1alpha1MiniCluster } from './defaults.ts';
import { startScriptInputs, waitScriptInputs } from './scriptInputs.ts';
import { startScript } from './scripts/startScript.ts';
import { waitScript } from './scripts/waitScript.ts';
import { V1A1_HOSTPATH_CLASS, type V1alpha1Container, type V1alpha1ExistingVolume, type V1alpha1Volume } from './schema.ts';
import { APP_NAME_LABEL, BROKER_PORT, entrypointName, fluxContainerName, SCRIPT_DIR } from '../common/operatorNames.ts';

export const fluxConfigName = (mc: ResolvedV1alpha1MiniCluster) => `${mc.metadata.name}-flux-config`;
export const curveName = (mc: ResolvedV1alpha1MiniCluster) => `${mc.metadata.name}-curve-mount`;
export const claimName = (volumeKey: string) => `${volumeKey}-claim`;

const nonEmpty = (map: Record<string, string> | undefined): map is Record<string, string> => !!map && Object.keys(map).length > 0;
const sortedMap = (map: Record<string, string>) => Object.fromEntries(sortedEntries(map));

function configMap(mc: ResolvedV1alpha1MiniCluster, name: string, data: Record<string, string>): Manifest {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: mc.metadata.namespace }, data };
}

/** NAME-entrypoint: only the scripts (the operator's generator shared one map across all three ConfigMaps). */
export function entrypointConfigMap(mc: ResolvedV1alpha1MiniCluster, seed: string): Manifest {
  const data: Record<string, string> = {};
  mc.spec.containers.forEach((container, index) => {
    if (container.runFlux) data[`wait-${index}`] = waitScript(waitScriptInputs(mc, container, seed));
    if (getsStartScript(container)) data[`start-${index}`] = startScript(startScriptInputs(mc, container));
  });
  return configMap(mc, entrypointName(mc), data);
}

/** NAME-flux-config: broker.toml under its legacy key `hostfile`. */
export function fluxConfigMap(mc: ResolvedV1alpha1MiniCluster): Manifest {
  return configMap(mc, fluxConfigName(mc), { hostfile: brokerToml(mc) });
}

/** NAME-curve-mount: the certificate; none when the spec names an existing certificate Secret, or it goes into a Secret of ours. */
export function curveConfigMap(mc: ResolvedV1alpha1MiniCluster, certificate: string): Manifest | undefined {
  if (mc.spec.flux.curveCertSecret) return undefined;
  return configMap(mc, curveName(mc), { 'curve.cert': certificate });
}

/** `path.Clean` of a POSIX path, as the operator applied to hostPath paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

export function persistentVolume(mc: ResolvedV1alpha1MiniCluster, key: string, volume: V1alpha1Volume): Manifest {
  const metadata: Manifest['metadata'] = { name: key, namespace: mc.metadata.namespace };
  if (nonEmpty(volume.annotations)) metadata['annotations'] = sortedMap(volume.annotations);
  if (nonEmpty(volume.labels)) metadata['labels'] = sortedMap(volume.labels);
  const spec: KObject = { accessModes: ['ReadWriteMany'] };
  if (volume.capacity) spec['capacity'] = { storage: canonicalQuantity(volume.capacity) };
  if (volume.storageClass === V1A1_HOSTPATH_CLASS) {
    spec['hostPath'] = { path: cleanPath(volume.path) };
  } else {
    const secretRef = (): KObject => ({ ...(volume.secret ? { name: volume.secret } : {}), ...(volume.secretNamespace ? { namespace: volume.secretNamespace } : {}) });
    const csi: KObject = {
      driver: volume.driver ?? '',
      volumeHandle: volume.volumeHandle || volume.storageClass,
      controllerPublishSecretRef: secretRef(),
      nodeStageSecretRef: secretRef(),
      nodePublishSecretRef: secretRef(),
    };
    if (nonEmpty(volume.attributes)) csi['volumeAttributes'] = sortedMap(volume.attributes);
    spec['csi'] = csi;
  }
  spec['persistentVolumeReclaimPolicy'] = 'Delete';
  if (volume.storageClass) spec['storageClassName'] = volume.storageClass;
  return { apiVersion: 'v1', kind: 'PersistentVolume', metadata, spec };
}

export function persistentVolumeClaim(mc: ResolvedV1alpha1MiniCluster, key: string, volume: V1alpha1Volume): Manifest {
  const metadata: Manifest['metadata'] = { name: claimName(key), namespace: mc.metadata.namespace };
  if (nonEmpty(volume.claimAnnotations)) metadata['annotations'] = sortedMap(volume.claimAnnotations);
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata,
    spec: {
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: canonicalQuantity(volume.capacity) } },
      storageClassName: volume.storageClass,
      volumeMode: 'Filesystem',
    },
  };
}

/**
 * The headless Service the brokers find each other through. With minimalService it selects only
 * rank 0 on the broker port and stays headless, because the brokers connect to
 * `NAME-0.SERVICE.NS.svc.cluster.local`, a name only a headless Service provides.
 */
export function headlessService(mc: ResolvedV1alpha1MiniCluster): Manifest {
  const name = mc.metadata.name;
  const spec: KObject = mc.spec.flux.minimalService
    ? { clusterIP: 'None', selector: { 'job-name': name, 'batch.kubernetes.io/job-completion-index': '0' }, ports: [{ port: BROKER_PORT, protocol: 'TCP' }] }
    : { clusterIP: 'None', selector: { 'job-name': name } };
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: mc.spec.network.headlessName, namespace: mc.metadata.namespace }, spec };
}

/** Hooks with several words run through a shell; one word stays a program path, as before (D6). */
function hookCommand(text: string): string[] {
  return /\s/.test(text.trim()) ? ['/bin/sh', '-c', text] : [text];
}

function containerLifecycle(container: V1alpha1Container): KObject {
  const hooks = container.lifeCycle;
  const out = lifecycle({});
  if (hooks?.postStartExec) out['postStart'] = { exec: { command: hookCommand(hooks.postStartExec) } };
  if (hooks?.preStopExec) out['preStop'] = { exec: { command: hookCommand(hooks.preStopExec) } };
  return out;
}

function baseMounts(mc: ResolvedV1alpha1MiniCluster): KObject[] {
  const mounts: KObject[] = [
    { name: curveName(mc), mountPath: '/mnt/curve/', readOnly: true },
    { name: fluxConfigName(mc), mountPath: '/etc/flux/config', readOnly: true },
    { name: entrypointName(mc), mountPath: SCRIPT_DIR, readOnly: true },
  ];
  if (mc.spec.flux.mungeSecret) mounts.push({ name: 'munge-key', mountPath: '/etc/munge', readOnly: true });
  return mounts;
}

/** The container's own mounts only (the operator also gave it every earlier container's, D3). */
function ownMounts(container: V1alpha1Container): KObject[] {
  const mount = (name: string, v: { path?: string | undefined; readOnly: boolean }): KObject => ({ name, mountPath: v.path ?? '', ...(v.readOnly ? { readOnly: true } : {}) });
  return [
    ...sortedEntries(container.volumes).map(([name, v]) => mount(name, v)),
    ...sortedEntries(container.existingVolumes).map(([name, v]) => mount(name, v)),
  ];
}

function podContainer(mc: ResolvedV1alpha1MiniCluster, container: V1alpha1Container, index: number | undefined, base: KObject[]): KObject {
  const out: KObject = { name: container.runFlux ? fluxContainerName(mc) : (container.name ?? '') };
  if (container.image) out['image'] = container.image;
  if (index !== undefined) {
    const [key] = scriptKeys(container, index);
    // The script receives the command as its argument, as the operator passed it.
    if (key) out['command'] = ['/bin/bash', `${SCRIPT_DIR}${key}.sh`, container.command ?? ''];
  }
  out['imagePullPolicy'] = container.pullAlways ? 'Always' : 'IfNotPresent';
  if (container.workingDir) out['workingDir'] = container.workingDir;
  const env = containerEnv(container);
  if (env.length > 0) out['env'] = env;
  const ports = [...(container.runFlux && index !== undefined ? [mc.spec.fluxRestful.port] : []), ...(container.ports ?? [])];
  if (ports.length > 0) out['ports'] = ports.map((port) => ({ containerPort: port, protocol: 'TCP' }));
  const add = container.securityContext?.addCapabilities ?? [];
  Object.assign(out, {
    resources: canonicalResources(container.resources),
    // The container's own privileged setting (the operator gave every container the last one's, D2).
    securityContext: { privileged: container.securityContext?.privileged ?? false, capabilities: add.length > 0 ? { add } : {} },
    lifecycle: containerLifecycle(container),
    stdin: true,
    tty: true,
  });
  const mounts = [...base, ...ownMounts(container)];
  if (mounts.length > 0) out['volumeMounts'] = mounts;
  return out;
}

/** One pod volume per existing volume name over `containers` (the last definition wins), named by its key (D5). */
function existingPodVolumes(containers: V1alpha1Container[]): KObject[] {
  const byName = new Map<string, V1alpha1ExistingVolume>();
  for (const container of containers) for (const [name, volume] of Object.entries(container.existingVolumes ?? {})) byName.set(name, volume);
  return [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, volume]) => {
    switch (existingVolumeKind(volume)) {
      case 'secret':
        return { name, secret: { secretName: volume.secretName } };
      case 'configMap': {
        const source: KObject = { name: volume.configMapName };
        const items = sortedEntries(volume.items).map(([key, path]) => ({ key, path }));
        if (items.length > 0) source['items'] = items;
        return { name, configMap: source };
      }
      case 'persistentVolumeClaim':
        return { name, persistentVolumeClaim: { claimName: volume.claimName ?? '' } };
    }
  });
}

function claimVolumes(keys: string[]): KObject[] {
  return [...keys].sort().map((key) => ({ name: key, persistentVolumeClaim: { claimName: claimName(key) } }));
}

/** `certificateInSecret`: the certificate is in the Secret NAME-curve that this output makes. */
function podVolumes(mc: ResolvedV1alpha1MiniCluster, certificateInSecret: boolean): KObject[] {
  const configItem: KObject = { key: 'hostfile', path: 'broker.toml' };
  if ((mc.spec.users ?? []).length > 0) configItem['mode'] = 0o644;
  const entrypoint: KObject = { name: entrypointName(mc) };
  const items = mc.spec.containers.flatMap((container, index) => scriptKeys(container, index).map((key) => ({ key, path: `${key}.sh`, mode: 0o777 })));
  if (items.length > 0) entrypoint['items'] = items;
  const secret = mc.spec.flux.curveCertSecret;
  const volumes: KObject[] = [
    { name: fluxConfigName(mc), configMap: { name: fluxConfigName(mc), items: [configItem] } },
    { name: entrypointName(mc), configMap: entrypoint },
    secret
      ? { name: curveName(mc), secret: { secretName: secret, items: [{ key: 'curve.cert', path: 'curve.cert' }] } }
      : certificateInSecret
        ? curveSecretVolume(curveName(mc), mc.metadata.name)
        : { name: curveName(mc), configMap: { name: curveName(mc) } },
  ];
  const munge = mc.spec.flux.mungeSecret;
  if (munge) volumes.push({ name: 'munge-key', secret: { secretName: munge, items: [{ key: munge, path: 'munge.key' }] } });
  volumes.push(...existingPodVolumes(mc.spec.containers), ...claimVolumes(Object.keys(mc.spec.volumes)));
  return volumes;
}

function podLabels(mc: ResolvedV1alpha1MiniCluster): Record<string, string> {
  const labels = sortedMap(mc.spec.pod.labels);
  labels['namespace'] = mc.metadata.namespace;
  labels[APP_NAME_LABEL] = mc.metadata.name;
  return labels;
}

/** Pod fields the Job pods and the services Pod share. */
function sharedPodFields(mc: ResolvedV1alpha1MiniCluster, pullSecrets: Array<string | undefined>): KObject {
  const pod = mc.spec.pod;
  const out: KObject = {};
  const secrets = imagePullSecrets(pullSecrets);
  if (secrets.length > 0) out['imagePullSecrets'] = secrets;
  if (pod.serviceAccountName) out['serviceAccountName'] = pod.serviceAccountName;
  out['restartPolicy'] = 'OnFailure';
  if (nonEmpty(pod.nodeSelector)) out['nodeSelector'] = sortedMap(pod.nodeSelector);
  return out;
}

export function indexedJob(mc: ResolvedV1alpha1MiniCluster, certificateInSecret = false): Manifest {
  const { spec } = mc;
  const name = mc.metadata.name;
  const metadata: Manifest['metadata'] = { name, namespace: mc.metadata.namespace };
  if (nonEmpty(spec.jobLabels)) metadata['labels'] = sortedMap(spec.jobLabels);
  const templateMeta: KObject = { name, namespace: mc.metadata.namespace, labels: { ...podLabels(mc), 'hpa-selector': name } };
  if (nonEmpty(spec.pod.annotations)) templateMeta['annotations'] = sortedMap(spec.pod.annotations);
  const base = baseMounts(mc);
  const podSpec: KObject = {
    subdomain: spec.network.headlessName,
    setHostnameAsFQDN: false,
    shareProcessNamespace: spec.shareProcessNamespace ?? false,
    ...sharedPodFields(mc, spec.containers.map((c) => c.imagePullSecret)),
    affinity: spreadAffinity(name),
  };
  if (spec.pod.resources && Object.keys(spec.pod.resources).length > 0) podSpec['overhead'] = resourceList(spec.pod.resources);
  podSpec['containers'] = spec.containers.map((container, index) => podContainer(mc, container, index, base));
  podSpec['volumes'] = podVolumes(mc, certificateInSecret);
  return indexedJobObject({
    metadata,
    size: spec.size,
    backoffLimit: 100,
    deadlineSeconds: spec.deadlineSeconds,
    template: { metadata: templateMeta, spec: podSpec },
  });
}

/** The NAME-services Pod for spec.services (made by the operator only): services run their image entrypoint. */
export function servicesPod(mc: ResolvedV1alpha1MiniCluster): Manifest | undefined {
  const services = mc.spec.services ?? [];
  if (services.length === 0) return undefined;
  const name = `${mc.metadata.name}-services`;
  const metadata: Manifest['metadata'] = { name, namespace: mc.metadata.namespace, labels: { ...podLabels(mc), 'job-name': mc.metadata.name } };
  if (nonEmpty(mc.spec.pod.annotations)) metadata['annotations'] = sortedMap(mc.spec.pod.annotations);
  const spec: KObject = {
    hostname: name,
    subdomain: mc.spec.network.headlessName,
    setHostnameAsFQDN: false,
    ...sharedPodFields(mc, services.map((s) => s.imagePullSecret)),
    containers: services.map((service) => podContainer(mc, { ...service, runFlux: false }, undefined, [])),
  };
  const claims = [...new Set(services.flatMap((s) => Object.keys(s.volumes ?? {})))];
  const volumes = [...existingPodVolumes(services), ...claimVolumes(claims)];
  if (volumes.length > 0) spec['volumes'] = volumes;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** A Service per container that does not run Flux and has ports (made by the operator only). */
export function containerServices(mc: ResolvedV1alpha1MiniCluster): Manifest[] {
  return containerPortServices(mc.spec.containers, mc.metadata.name, mc.metadata.namespace);
}
