/**
 * The cluster model (model.ts) of an analysed spec: its ranks and broker tree from the spec, and
 * its pods, Services and wrappers as the generated objects hold them, so the picture shows what
 * the bundle will make, output options included. Built in one pass over the ranks (a size of
 * 10,000 is drawn as the user types).
 */
import type { Manifest } from '../common/kobject.ts';
import { asRecord, valueAt } from '../common/plain.ts';
import type { PathSegment } from '../diagnostics.ts';
import type { ResolvedAny } from '../pipeline.ts';
import { hostPrefix } from '../targets/hosts.ts';
import { GANG_SCHEDULERS, gangOfObject } from '../targets/gangs.ts';
import { QUEUE_LABEL, PRIORITY_CLASS_LABEL, type OutputOptions } from '../targets/options.ts';
import type { ClusterModel, ClusterService, PodContainer, Rank, VolumeMount, Wrapper } from './model.ts';
import { effectiveTopology, parentRule } from './topology.ts';

const CERTIFICATE_KEY = 'curve.cert';

/** What the model reads of a spec container: both versions' shapes. */
interface SpecContainer {
  runFlux?: boolean | undefined;
  volumes?: Record<string, unknown> | undefined;
  existingVolumes?: Record<string, unknown> | undefined;
}

const labelsOf = (value: unknown): Record<string, unknown> => asRecord(asRecord(value)?.['labels']) ?? {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

/** The broker pods' template: the Job's, or that of the JobSet's one replicated Job. */
function podTemplate(workload: Manifest | undefined): unknown {
  if (!workload) return undefined;
  if (workload.kind === 'JobSet') return valueAt(workload, ['spec', 'replicatedJobs', 0, 'template', 'spec', 'template']);
  return valueAt(workload, ['spec', 'template']);
}

/**
 * The field a pod's volume mount comes from: the container's own volume of that name, else (a
 * mount the operator copies from a container before it) the first container that defines it.
 * The operator's own mounts have none.
 */
function mountField(specContainers: readonly SpecContainer[], index: number, listName: string, volume: string): PathSegment[] | undefined {
  const order = [index, ...specContainers.keys()];
  for (const i of order) {
    const c = specContainers[i];
    if (!c) continue;
    if (c.volumes && Object.hasOwn(c.volumes, volume)) return ['spec', listName, i, 'volumes', volume];
    if (c.existingVolumes && Object.hasOwn(c.existingVolumes, volume)) return ['spec', listName, i, 'existingVolumes', volume];
  }
  return undefined;
}

/** A pod's containers, each with the spec container it is made from (the same order, one for one). */
function podContainers(podSpec: unknown, specContainers: readonly SpecContainer[], listName: 'containers' | 'services'): PodContainer[] {
  const containers = list(asRecord(podSpec)?.['containers']);
  const matched = containers.length === specContainers.length;
  return containers.map((raw, index) => {
    const c = asRecord(raw) ?? {};
    const mounts: VolumeMount[] = list(c['volumeMounts']).map((m) => {
      const mount = asRecord(m) ?? {};
      const name = text(mount['name']);
      return {
        name,
        mountPath: text(mount['mountPath']),
        readOnly: mount['readOnly'] === true,
        field: matched ? mountField(specContainers, index, listName, name) : undefined,
      };
    });
    return {
      name: text(c['name']),
      image: text(c['image']),
      fluxRunner: listName === 'containers' && matched && specContainers[index]?.runFlux === true,
      mounts,
      field: matched ? ['spec', listName, index] : undefined,
    };
  });
}

function selects(service: Manifest, labels: Record<string, unknown>): boolean {
  const selector = asRecord(valueAt(service, ['spec', 'selector']));
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function servicePorts(service: Manifest): number[] {
  return list(valueAt(service, ['spec', 'ports'])).flatMap((p) => {
    const port = asRecord(p)?.['port'];
    return typeof port === 'number' ? [port] : [];
  });
}

/** The Secret that holds the CURVE certificate (the certificate-in-a-Secret option). */
function isCertificateSecret(m: Manifest): boolean {
  if (m.apiVersion !== 'v1' || m.kind !== 'Secret') return false;
  return [asRecord(m['stringData']), asRecord(m['data'])].some((data) => data !== undefined && Object.hasOwn(data, CERTIFICATE_KEY));
}

/** Where the broker pods mount a Secret, for its wrapper's line. */
function secretMountPath(podSpec: unknown, secretName: string): string | undefined {
  const spec = asRecord(podSpec);
  const volume = list(spec?.['volumes']).map(asRecord).find((v) => asRecord(v?.['secret'])?.['secretName'] === secretName);
  if (!volume) return undefined;
  for (const c of list(spec?.['containers'])) {
    const mount = list(asRecord(c)?.['volumeMounts']).map(asRecord).find((m) => m?.['name'] === volume['name']);
    if (mount) return text(mount['mountPath']);
  }
  return undefined;
}

function wrappersOf(objects: readonly Manifest[], workload: Manifest | undefined, podSpec: unknown, size: number): Wrapper[] {
  const wrappers: Wrapper[] = [];
  if (workload?.kind === 'JobSet') {
    const job = text(valueAt(workload, ['spec', 'replicatedJobs', 0, 'name']));
    const subdomain = text(valueAt(workload, ['spec', 'network', 'subdomain']));
    wrappers.push({ kind: 'JobSet', name: workload.metadata.name, detail: `one replicated Job ${job} of ${size} pod${size === 1 ? '' : 's'}; the JobSet makes the headless Service ${subdomain}` });
  }
  const labels = labelsOf(workload?.metadata);
  const queue = labels[QUEUE_LABEL];
  if (typeof queue === 'string' && workload) {
    const priority = labels[PRIORITY_CLASS_LABEL];
    const priorityText = typeof priority === 'string' ? `, priority class ${priority}` : '';
    wrappers.push({ kind: 'Kueue queue', name: queue, detail: `Kueue starts the ${workload.kind} when the queue has quota${priorityText}` });
  }
  const scheduler = text(asRecord(podSpec)?.['schedulerName']);
  for (const m of objects) {
    const gang = gangOfObject(m);
    if (gang) {
      const flavour = GANG_SCHEDULERS[gang].title;
      const minMember = valueAt(m, ['spec', 'minMember']);
      const queueName = valueAt(m, ['spec', 'queue']);
      const parts = [`${flavour}: minMember ${text(minMember) || 'unset'}`, scheduler ? `scheduler ${scheduler}` : '', typeof queueName === 'string' ? `queue ${queueName}` : ''];
      wrappers.push({ kind: 'PodGroup', name: m.metadata.name, detail: parts.filter(Boolean).join(', ') });
    } else if (isCertificateSecret(m)) {
      const mountPath = secretMountPath(podSpec, m.metadata.name);
      wrappers.push({ kind: 'Certificate Secret', name: m.metadata.name, detail: `the brokers' CURVE certificate${mountPath ? `, mounted read-only at ${mountPath}` : ''}` });
    }
  }
  return wrappers;
}

/**
 * The model of one MiniCluster. `objects` are its generated objects, all of them (not only those
 * an include filter keeps): the pods, Services and wrappers are read from them.
 */
export function clusterModel(resolved: ResolvedAny, objects: readonly Manifest[], output?: OutputOptions): ClusterModel {
  const { metadata, spec } = resolved.cluster;
  const { name, namespace } = metadata;
  const size = spec.size;
  const maxSize = Math.max(spec.maxSize, size);
  const topology = effectiveTopology(resolved.version === 'v1alpha2' ? resolved.cluster.spec.flux.topology : undefined);

  const prefix = hostPrefix(name, output?.workload);
  const parent = parentRule(topology.topology, maxSize);
  const ranks: Rank[] = new Array<Rank>(maxSize);
  for (let rank = 0; rank < maxSize; rank++) ranks[rank] = { rank, host: `${prefix}${rank}`, parent: parent(rank), offline: rank >= size };

  const workload = objects.find((m) => (m.kind === 'JobSet' || (m.apiVersion === 'batch/v1' && m.kind === 'Job')) && m.metadata.name === name);
  const template = podTemplate(workload);
  const podSpec = asRecord(template)?.['spec'];
  const specContainers: readonly SpecContainer[] = spec.containers;
  const containers = podContainers(podSpec, specContainers, 'containers');

  const services = objects.filter((m) => m.apiVersion === 'v1' && m.kind === 'Service');
  const headlessName = spec.network.headlessName;
  const headlessObject = services.find((s) => s.metadata.name === headlessName && valueAt(s, ['spec', 'clusterIP']) === 'None');
  // Under a JobSet there is no Service object: the JobSet makes it, named by its subdomain.
  const jobSetSubdomain = workload?.kind === 'JobSet' ? text(valueAt(workload, ['spec', 'network', 'subdomain'])) : '';
  const headlessServiceName = headlessObject?.metadata.name ?? jobSetSubdomain;
  const headlessService: ClusterService | undefined = headlessServiceName
    ? {
        name: headlessServiceName,
        hostPattern: `${prefix}{0..${maxSize - 1}}.${headlessServiceName}.${namespace}.svc.cluster.local`,
        ports: headlessObject ? servicePorts(headlessObject) : [],
        field: ['spec', 'network', 'headlessName'],
      }
    : undefined;

  const podObject = objects.find((m) => m.apiVersion === 'v1' && m.kind === 'Pod' && m.metadata.name === `${name}-services`);
  const servicesPod = podObject
    ? {
        name: podObject.metadata.name,
        containers: podContainers(podObject['spec'], (spec.services ?? []) as readonly SpecContainer[], 'services'),
        services: services
          .filter((s) => s !== headlessObject && selects(s, labelsOf(podObject.metadata)))
          .map((s): ClusterService => ({ name: s.metadata.name, ports: servicePorts(s) })),
      }
    : undefined;

  return {
    name,
    namespace,
    size,
    maxSize,
    topology,
    ranks,
    containers,
    headlessService,
    servicesPod,
    wrappers: wrappersOf(objects, workload, podSpec, size),
    fields: { size: ['spec', 'size'], maxSize: ['spec', 'maxSize'], topology: ['spec', 'flux', 'topology'], name: ['metadata', 'name'] },
  };
}
