/**
 * What the Kubernetes API server checks in the fields the generators copy into objects, so that a
 * spec it would refuse is refused here, at the field, with what to do. Both API versions call these
 * from their `rules.ts`; docs/api-server-rules.md lists every field with the rule and its code.
 */
import { quote } from './quoteText.ts';
import type { PathSegment } from '../diagnostics.ts';
import { parseQuantity, type Quantity } from '../render/quantity.ts';
import { DNS1035_LABEL, DNS1123_LABEL, DNS1123_SUBDOMAIN, dnsLabelProblem, error, qualifiedNameProblem, type Problem } from './rules.ts';

/** Kubernetes before 1.32 (RelaxedEnvironmentVariableValidation off): the C_IDENTIFIER-like rule. */
const STRICT_ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** Every Kubernetes: printable ASCII (space included) except '='. */
const RELAXED_ENV_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
/** Kubernetes' limit on the names and values of all annotations of an object together. */
export const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;
/** The largest completions and parallelism of an Indexed Job. */
export const INDEXED_JOB_LIMIT = 100_000;
const INT32_MAX = 2 ** 31 - 1;

export function dnsSubdomainProblem(value: string, what: string): string | undefined {
  if (value.length > 253) return `${what} ${quote(value)} has ${value.length} characters; Kubernetes allows at most 253.`;
  if (!DNS1123_SUBDOMAIN.test(value)) return `${what} ${quote(value)} is not a valid name: use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit.`;
  return undefined;
}

/** The namespace every object is created in (an unwritten one, from an option, is placed at metadata). */
export function namespaceProblems(namespace: string, out: Problem[]): void {
  const problem = dnsLabelProblem(namespace, 'Namespace', DNS1123_LABEL);
  if (!problem) return;
  error(out, 'namespace', ['metadata', 'namespace'], `${problem} Every generated object is created in this namespace.`);
}

/** Why Kubernetes refuses an environment variable name, or undefined. */
export function envNameProblem(name: string): string | undefined {
  if (name === '') return 'An environment variable needs a name: this one is empty. Remove it or give it a name.';
  if (!RELAXED_ENV_NAME.test(name)) {
    return `Environment variable name ${quote(name)} is refused by Kubernetes: only printable ASCII characters other than '=' are allowed. Rename it.`;
  }
  if (!STRICT_ENV_NAME.test(name)) {
    return `Environment variable name ${quote(name)} is refused by Kubernetes before 1.32 (letters, digits, '_', '-' and '.', not starting with a digit), and a shell cannot read it. Rename it, e.g. ${quote(name.replace(/[^-._a-zA-Z0-9]/g, '_').replace(/^([0-9])/, '_$1'))}.`;
  }
  return undefined;
}

interface EnvSource {
  environment?: Record<string, string> | undefined;
  secrets?: Record<string, { name: string; key: string }> | undefined;
}

/** What the API server checks in every container both versions write: its image, environment and resources. */
export function containerProblems(
  container: EnvSource & { image?: string | undefined; resources?: { limits?: ResourceList | undefined; requests?: ResourceList | undefined } | undefined },
  path: PathSegment[],
  defaultImage: string,
  out: Problem[],
): void {
  imageProblems(container.image, [...path, 'image'], out, defaultImage);
  envProblems(container, path, out);
  resourceProblems(container.resources, [...path, 'resources'], out);
}

export function envProblems(container: EnvSource, path: PathSegment[], out: Problem[]): void {
  for (const field of ['environment', 'secrets'] as const) {
    for (const name of Object.keys(container[field] ?? {})) {
      const problem = envNameProblem(name);
      if (problem) error(out, 'env-name', [...path, field, name], problem);
    }
  }
  for (const [envName, ref] of Object.entries(container.secrets ?? {})) {
    const where = [...path, 'secrets', envName];
    if (ref.name === '') error(out, 'env-secret', [...where, 'name'], 'The Secret name is empty, and Kubernetes needs one: name the Secret to read.');
    if (ref.key.length > 253 || !CONFIG_MAP_KEY.test(ref.key)) {
      error(out, 'env-secret', [...where, 'key'], `${ref.key === '' ? 'The key is empty' : `${quote(ref.key)} is not a Secret key`}: Kubernetes needs a key of letters, digits, '-', '_' and '.' (at most 253).`);
    }
  }
}

/** A blank image: Kubernetes requires one on every container of a pod it creates. */
export function imageProblems(image: string | undefined, path: PathSegment[], out: Problem[], defaultImage?: string): void {
  if (image === undefined || image.trim() !== '') {
    if (image !== undefined && image !== image.trim()) {
      error(out, 'image', path, `The image ${quote(image)} has spaces around it, which Kubernetes refuses: remove them.`);
    }
    return;
  }
  const hint = defaultImage ? `, or remove the key for the default (${defaultImage})` : '';
  error(out, 'image', path, `The image is ${image === '' ? 'empty' : 'blank'}, and Kubernetes needs one: name the image${hint}.`);
}

/** A value the API server takes only from a fixed list. */
export function enumProblems(value: string | undefined, allowed: readonly string[], path: PathSegment[], what: string, out: Problem[], code = 'enum'): void {
  if (value === undefined || allowed.includes(value)) return;
  error(out, code, path, `${what} ${quote(value)} is not one Kubernetes accepts: use ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1] ?? ''} (case-sensitive).`);
}

export const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
export const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default'] as const;
const TOLERATION_OPERATORS = ['Equal', 'Exists'] as const;
const TOLERATION_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
const PROFILE_TYPES = ['RuntimeDefault', 'Unconfined', 'Localhost'] as const;
const PROC_MOUNTS = ['Default', 'Unmasked'] as const;
const FS_GROUP_CHANGE_POLICIES = ['OnRootMismatch', 'Always'] as const;

export function dnsPolicyProblems(dnsPolicy: string | undefined, out: Problem[]): void {
  const path = ['spec', 'pod', 'dnsPolicy'];
  if (dnsPolicy === 'None') {
    error(out, 'dns-policy', path, 'dnsPolicy None needs a pod dnsConfig, which a MiniCluster cannot set, so Kubernetes refuses the pod: use ClusterFirst (the default), ClusterFirstWithHostNet or Default.');
    return;
  }
  enumProblems(dnsPolicy || undefined, DNS_POLICIES, path, 'dnsPolicy', out, 'dns-policy');
}

interface Toleration {
  key?: string | undefined;
  operator?: string | undefined;
  effect?: string | undefined;
  value?: string | undefined;
}

/** Only non-empty fields are copied to the pod, so an empty one counts as unset. */
export function tolerationProblems(tolerations: readonly Toleration[] | undefined, out: Problem[]): void {
  (tolerations ?? []).forEach((t, index) => {
    const path: PathSegment[] = ['spec', 'pod', 'tolerations', index];
    enumProblems(t.operator || undefined, TOLERATION_OPERATORS, [...path, 'operator'], 'Toleration operator', out, 'toleration');
    enumProblems(t.effect || undefined, TOLERATION_EFFECTS, [...path, 'effect'], 'Toleration effect', out, 'toleration');
    if (t.key && qualifiedNameProblem(t.key)) {
      error(out, 'toleration', [...path, 'key'], `Toleration key ${quote(t.key)} is not a valid label key: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.`);
    }
    if (!t.key && t.operator !== 'Exists') {
      error(out, 'toleration', [...path, t.operator ? 'operator' : 'key'], 'A toleration without a key tolerates every taint and must say operator: Exists; add a key or set operator: Exists.');
    }
    if (t.operator === 'Exists' && t.value) {
      error(out, 'toleration', [...path, 'value'], 'With operator Exists a toleration matches any value, and Kubernetes refuses one that names a value: remove value, or use operator: Equal.');
    }
  });
}

interface Profile {
  type?: string | undefined;
  localhostProfile?: string | undefined;
}

function profileProblems(profile: Profile | undefined, path: PathSegment[], what: string, out: Problem[]): void {
  if (!profile) return;
  enumProblems(profile.type, PROFILE_TYPES, [...path, 'type'], `${what} type`, out, 'security-context');
  if (profile.type === 'Localhost' && !profile.localhostProfile) {
    error(out, 'security-context', [...path, 'localhostProfile'], `A ${what} of type Localhost needs localhostProfile (the profile file on the node): add it.`);
  }
  if (profile.type !== 'Localhost' && profile.localhostProfile) {
    error(out, 'security-context', [...path, 'localhostProfile'], `localhostProfile is only allowed with type Localhost: remove it, or set type: Localhost.`);
  }
}

function idProblems(context: Record<string, unknown>, keys: readonly string[], path: PathSegment[], out: Problem[]): void {
  for (const key of keys) {
    const value = context[key];
    const values = Array.isArray(value) ? value : [value];
    values.forEach((id, index) => {
      if (typeof id === 'number' && (id < 0 || id > INT32_MAX)) {
        error(out, 'security-context', Array.isArray(value) ? [...path, key, index] : [...path, key], `${key} ${id} is outside 0 to ${INT32_MAX}, which Kubernetes refuses.`);
      }
    });
  }
}

/** A container security context, as the v1alpha2 schema takes it (passed to the pod whole). */
export function containerSecurityContextProblems(context: Record<string, unknown> | undefined, path: PathSegment[], out: Problem[]): void {
  if (!context) return;
  idProblems(context, ['runAsUser', 'runAsGroup'], path, out);
  enumProblems(context['procMount'] as string | undefined, PROC_MOUNTS, [...path, 'procMount'], 'procMount', out, 'security-context');
  profileProblems(context['seccompProfile'] as Profile | undefined, [...path, 'seccompProfile'], 'seccompProfile', out);
  profileProblems(context['appArmorProfile'] as Profile | undefined, [...path, 'appArmorProfile'], 'appArmorProfile', out);
  if (context['privileged'] === true && context['allowPrivilegeEscalation'] === false) {
    error(out, 'security-context', [...path, 'allowPrivilegeEscalation'], 'A privileged container always can escalate privileges: Kubernetes refuses allowPrivilegeEscalation: false together with privileged: true. Remove one.');
  }
  const added = (context['capabilities'] as { add?: unknown } | undefined)?.add;
  if (context['allowPrivilegeEscalation'] === false && Array.isArray(added) && added.includes('CAP_SYS_ADMIN')) {
    error(out, 'security-context', [...path, 'allowPrivilegeEscalation'], 'CAP_SYS_ADMIN allows privilege escalation: Kubernetes refuses it together with allowPrivilegeEscalation: false. Remove one.');
  }
}

export function podSecurityContextProblems(context: Record<string, unknown> | undefined, out: Problem[]): void {
  if (!context) return;
  const path: PathSegment[] = ['spec', 'pod', 'securityContext'];
  idProblems(context, ['runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups'], path, out);
  enumProblems(context['fsGroupChangePolicy'] as string | undefined, FS_GROUP_CHANGE_POLICIES, [...path, 'fsGroupChangePolicy'], 'fsGroupChangePolicy', out, 'security-context');
  profileProblems(context['seccompProfile'] as Profile | undefined, [...path, 'seccompProfile'], 'seccompProfile', out);
  profileProblems(context['appArmorProfile'] as Profile | undefined, [...path, 'appArmorProfile'], 'appArmorProfile', out);
  const sysctls = Array.isArray(context['sysctls']) ? (context['sysctls'] as Array<{ name?: string }>) : [];
  const seen = new Set<string>();
  sysctls.forEach((sysctl, index) => {
    const name = sysctl.name ?? '';
    if (!/^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 253) {
      error(out, 'security-context', [...path, 'sysctls', index, 'name'], `${quote(name)} is not a sysctl name such as net.core.somaxconn.`);
    } else if (seen.has(name)) {
      error(out, 'security-context', [...path, 'sysctls', index, 'name'], `sysctl ${name} is set twice: keep one.`);
    }
    seen.add(name);
  });
}

const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const isStandard = (name: string) => STANDARD_RESOURCES.has(name) || name.startsWith('hugepages-');

type ResourceList = Record<string, string | number>;

function compare(a: Quantity, b: Quantity): number {
  const scale = Math.min(a.scale, b.scale);
  const x = a.unscaled * 10n ** BigInt(a.scale - scale);
  const y = b.unscaled * 10n ** BigInt(b.scale - scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One resource list (requests, limits, a pod's overhead): known names, non-negative, whole extended resources. */
export function resourceListProblems(list: ResourceList | undefined, path: PathSegment[], out: Problem[]): Map<string, Quantity> {
  const parsed = new Map<string, Quantity>();
  for (const [name, value] of Object.entries(list ?? {})) {
    const where = [...path, name];
    if (!isStandard(name) && (!name.includes('/') || name.startsWith('kubernetes.io/') || qualifiedNameProblem(name))) {
      error(out, 'resource-name', where, `${quote(name)} is not a resource Kubernetes knows: use cpu, memory, ephemeral-storage, hugepages-SIZE, or an extended resource with a domain such as nvidia.com/gpu.`);
      continue;
    }
    const quantity = parseQuantity(value);
    if (!quantity) continue;
    if (quantity.unscaled < 0n) {
      error(out, 'resource-quantity', where, `${name} ${quote(value)} is negative, which Kubernetes refuses: write 0 or more.`);
      continue;
    }
    if (!isStandard(name) && quantity.scale < 0) {
      error(out, 'resource-quantity', where, `${name} ${quote(value)} is not a whole number, which Kubernetes requires of extended resources.`);
      continue;
    }
    parsed.set(name, quantity);
  }
  return parsed;
}

/** A container's resources: each list, and every request within its limit. */
export function resourceProblems(resources: { limits?: ResourceList | undefined; requests?: ResourceList | undefined } | undefined, path: PathSegment[], out: Problem[]): void {
  if (!resources) return;
  const limits = resourceListProblems(resources.limits, [...path, 'limits'], out);
  const requests = resourceListProblems(resources.requests, [...path, 'requests'], out);
  for (const [name, request] of requests) {
    const limit = limits.get(name);
    const where = [...path, 'requests', name];
    if (limit && compare(request, limit) > 0) {
      error(out, 'resource-request', where, `The ${name} request is more than its limit (${String(resources.limits?.[name])}), which Kubernetes refuses: lower the request or raise the limit.`);
    } else if (!isStandard(name) && limit && compare(request, limit) !== 0) {
      error(out, 'resource-request', where, `Kubernetes requires the request of extended resource ${name} to equal its limit: make them the same.`);
    } else if (!isStandard(name) && !limit && !Object.hasOwn(resources.limits ?? {}, name)) {
      error(out, 'resource-request', where, `Kubernetes requires a limit for extended resource ${name}: add limits.${name} equal to the request.`);
    }
  }
}

/** Annotation keys are qualified names, and one object's annotations hold at most 256 KiB. */
export function annotationProblems(map: Record<string, string> | undefined, path: PathSegment[], out: Problem[]): void {
  let size = 0;
  for (const [key, value] of Object.entries(map ?? {})) {
    size += key.length + value.length;
    if (qualifiedNameProblem(key)) {
      error(out, 'annotation-key', [...path, key], `Annotation key ${quote(key)} is not valid: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.`);
    }
  }
  if (size > ANNOTATIONS_SIZE_LIMIT) {
    error(out, 'annotation-size', path, `These annotations hold ${size} bytes; Kubernetes allows at most ${ANNOTATIONS_SIZE_LIMIT} (256 KiB) per object. Move large values into a ConfigMap.`);
  }
}

/** Names in a pod spec that are DNS-1123 subdomains (service account, runtime class, scheduler). */
export function podNameFieldProblems(pod: { serviceAccountName?: string | undefined; runtimeClassName?: string | undefined; schedulerName?: string | undefined }, out: Problem[]): void {
  for (const key of ['serviceAccountName', 'runtimeClassName', 'schedulerName'] as const) {
    const value = pod[key];
    if (!value) continue;
    const problem = dnsSubdomainProblem(value, key);
    if (problem) error(out, 'pod-name-field', ['spec', 'pod', key], problem);
  }
}

/** `nodeAffinity` becomes `In` requirements: a label key each, with at least one value. */
export function nodeAffinityProblems(affinity: Record<string, string[]> | undefined, out: Problem[]): void {
  for (const [key, values] of Object.entries(affinity ?? {})) {
    const path: PathSegment[] = ['spec', 'pod', 'nodeAffinity', key];
    if (qualifiedNameProblem(key)) error(out, 'node-affinity', path, `Node label key ${quote(key)} is not a valid label key: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.`);
    if (values.length === 0) error(out, 'node-affinity', path, `Node affinity for ${quote(key)} lists no values, and Kubernetes refuses an In requirement without values: list the allowed values.`);
  }
}

/**
 * Names of the containers of one pod must be unique across its init containers and containers.
 * `taken` holds the names the generator adds (the init container), with who takes them.
 */
export function podContainerNameProblems(containers: ReadonlyArray<{ name?: string | undefined }>, listName: 'containers' | 'services', taken: ReadonlyMap<string, string>, out: Problem[]): void {
  const seen = new Map<string, number>();
  containers.forEach((container, index) => {
    const name = container.name;
    if (!name) return;
    const path: PathSegment[] = ['spec', listName, index, 'name'];
    const owner = taken.get(name);
    const earlier = seen.get(name);
    if (owner) error(out, 'container-name-duplicate', path, `Container name ${quote(name)} is already taken by ${owner} in the same pod: choose another name.`);
    else if (earlier !== undefined) error(out, 'container-name-duplicate', path, `Container name ${quote(name)} is already used by ${listName}[${earlier}], and the pod's containers need different names: choose another name.`);
    else seen.set(name, index);
  });
}

/**
 * A container that does not run Flux gets a Service named after it for its ports: that name must be
 * a DNS-1035 label other than the headless Service's, and the Service cannot list a port twice.
 */
export function portServiceProblems(container: { name?: string | undefined; runFlux?: boolean | undefined; ports?: number[] | undefined }, path: PathSegment[], headlessName: string, out: Problem[]): void {
  if (container.runFlux || !container.name || (container.ports?.length ?? 0) === 0) return;
  const serviceProblem = dnsLabelProblem(container.name, 'The Service for the ports of container', DNS1035_LABEL);
  if (serviceProblem) error(out, 'container-service-name', [...path, 'name'], serviceProblem);
  else if (container.name === headlessName) {
    error(out, 'container-service-name', [...path, 'name'], `The ports of this container get a Service named ${quote(container.name)}, which is also the name of the headless Service: rename the container or set spec.network.headlessName.`);
  }
  const seen = new Set<number>();
  (container.ports ?? []).forEach((port, index) => {
    if (seen.has(port)) error(out, 'port-duplicate', [...path, 'ports', index], `Port ${port} is listed twice; the Service made for this container's ports cannot repeat a port. Remove the repeat.`);
    seen.add(port);
  });
}

/** Port names the generator gives a Service of several ports (Kubernetes requires them then). */
export const servicePortName = (port: number): string => `port-${port}`;
export const isIanaServiceName = (name: string): boolean => name.length <= 15 && IANA_SVC_NAME.test(name);

/** A ConfigMap key projected into a volume, and the relative file path it becomes. */
export function itemProblems(items: Record<string, string> | undefined, path: PathSegment[], out: Problem[]): void {
  for (const [key, file] of Object.entries(items ?? {})) {
    if (key.length > 253 || !CONFIG_MAP_KEY.test(key)) {
      error(out, 'volume-items', [...path, key], `${quote(key)} is not a ConfigMap key: use letters, digits, '-', '_' and '.' (at most 253).`);
    }
    if (file === '' || file.startsWith('/') || file.split('/').includes('..')) {
      error(out, 'volume-items', [...path, key], `The file name ${quote(file)} must be a relative path without '..': write e.g. ${quote(key)}.`);
    }
  }
}

/** A CSI driver name: a DNS subdomain of at most 63 characters. */
export function csiDriverProblem(driver: string): string | undefined {
  if (driver.length > 63) return `CSI driver name ${quote(driver)} has ${driver.length} characters; Kubernetes allows at most 63.`;
  if (!/^[a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?$/.test(driver)) return `${quote(driver)} is not a CSI driver name such as csi.example.com: use letters, digits, '-' and '.'.`;
  return undefined;
}

/**
 * Completions and parallelism of the Indexed Job, now (size) and once grown (maxSize): the Job can
 * never have more pods, while Flux would still list every host up to maxSize (and the picture and
 * `--tree` draw every rank).
 */
export function indexedJobSizeProblems(size: number, maxSize: number, out: Problem[]): void {
  if (size > INDEXED_JOB_LIMIT) error(out, 'size', ['spec', 'size'], `size ${size} is more than the ${INDEXED_JOB_LIMIT} pods Kubernetes allows in an Indexed Job: lower it.`);
  else if (maxSize > INDEXED_JOB_LIMIT) {
    error(out, 'max-size', ['spec', 'maxSize'], `maxSize ${maxSize} is more than the ${INDEXED_JOB_LIMIT} pods Kubernetes allows in an Indexed Job, so the MiniCluster can never grow to it, while Flux would list all ${maxSize} hosts: set maxSize to at most ${INDEXED_JOB_LIMIT}.`);
  }
}

/** Every mount path of one container: non-empty and different from each other (the pod is refused otherwise). */
export function mountPathProblems(mounts: ReadonlyArray<{ mountPath: string; path: PathSegment[]; label: string }>, reserved: ReadonlyArray<{ mountPath: string; label: string }>, out: Problem[]): void {
  const normal = (p: string) => p.replace(/\/+$/, '') || '/';
  const seen = new Map<string, string>(reserved.map((r) => [normal(r.mountPath), r.label]));
  for (const mount of mounts) {
    if (mount.mountPath.trim() === '') {
      error(out, 'mount-path', mount.path, `${mount.label} has no mount path, and Kubernetes needs one: set path to where it is mounted in the container.`);
      continue;
    }
    const owner = seen.get(normal(mount.mountPath));
    if (owner) error(out, 'mount-path', mount.path, `Mount path ${mount.mountPath} is already used by ${owner} in this container: choose another path.`);
    else seen.set(normal(mount.mountPath), mount.label);
  }
}

