/**
 * An independent checker of generated objects: the rules of docs/api-server-rules.md, applied to
 * the output objects as the Kubernetes API server applies them (names, label and annotation
 * syntax, enums, ports, mount paths, resources, uniqueness). It shares no code with the analysis,
 * so a rule the analysis forgets shows up here as a problem in an object that was let through.
 * Tests and the fuzz suite use it as their oracle.
 */
import type { Manifest } from '../common/kobject.ts';

type Obj = Record<string, unknown>;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const IANA_SVC = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ENV_OLD = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const SUFFIX: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => obj(x) ?? {}) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const isLabel = (s: string) => s.length <= 63 && DNS_LABEL.test(s);
const isSubdomain = (s: string) => s.length <= 253 && SUBDOMAIN.test(s);
function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  if (slash >= 0 && !isSubdomain(key.slice(0, slash))) return false;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  return name.length <= 63 && NAME_PART.test(name);
}

function quantity(value: unknown): number | undefined {
  const m = QUANTITY.exec(String(value));
  if (!m) return undefined;
  const suffix = m[3] ?? '';
  const factor = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SUFFIX[suffix];
  if (factor === undefined) return undefined;
  return (m[1] === '-' ? -1 : 1) * Number(m[2]) * factor;
}

class Checker {
  readonly problems: string[] = [];
  add(where: string, message: string): void {
    this.problems.push(`${where}: ${message}`);
  }

  labels(where: string, map: unknown): void {
    for (const [key, value] of Object.entries(obj(map) ?? {})) {
      if (!isQualifiedName(key)) this.add(`${where}.${key}`, 'label key is not a qualified name');
      if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) this.add(`${where}.${key}`, `label value ${JSON.stringify(value)} is not valid`);
    }
  }

  annotations(where: string, map: unknown): void {
    let size = 0;
    for (const [key, value] of Object.entries(obj(map) ?? {})) {
      size += key.length + String(value).length;
      if (!isQualifiedName(key)) this.add(`${where}.${key}`, 'annotation key is not a qualified name');
    }
    if (size > 256 * 1024) this.add(where, `annotations hold ${size} bytes, more than 256 KiB`);
  }

  metadata(where: string, metadata: unknown, nameRule: 'subdomain' | 'dns1035' | 'label'): void {
    const m = obj(metadata) ?? {};
    const name = str(m['name']) ?? '';
    const ok = nameRule === 'subdomain' ? isSubdomain(name) : nameRule === 'dns1035' ? name.length <= 63 && DNS1035.test(name) : isLabel(name);
    if (!ok) this.add(`${where}.metadata.name`, `"${name}" is not a valid ${nameRule} name`);
    const namespace = m['namespace'];
    if (namespace !== undefined && !(typeof namespace === 'string' && isLabel(namespace))) this.add(`${where}.metadata.namespace`, `"${String(namespace)}" is not a DNS-1123 label`);
    this.labels(`${where}.metadata.labels`, m['labels']);
    this.annotations(`${where}.metadata.annotations`, m['annotations']);
  }

  oneOf(where: string, value: unknown, allowed: readonly string[], optional = true): void {
    if (value === undefined && optional) return;
    if (typeof value !== 'string' || !allowed.includes(value)) this.add(where, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }

  resources(where: string, resources: unknown): void {
    const r = obj(resources) ?? {};
    const values: Record<string, Record<string, number>> = { limits: {}, requests: {} };
    for (const kind of ['limits', 'requests'] as const) {
      for (const [name, value] of Object.entries(obj(r[kind]) ?? {})) {
        this.resourceName(`${where}.${kind}.${name}`, name);
        const q = quantity(value);
        if (q === undefined) this.add(`${where}.${kind}.${name}`, `${JSON.stringify(value)} is not a quantity`);
        else if (q < 0) this.add(`${where}.${kind}.${name}`, 'negative quantity');
        else values[kind]![name] = q;
      }
    }
    for (const [name, request] of Object.entries(values['requests'] ?? {})) {
      const limit = values['limits']?.[name];
      if (limit !== undefined && request > limit * (1 + 1e-12)) this.add(`${where}.requests.${name}`, 'request above its limit');
    }
  }

  resourceName(where: string, name: string): void {
    const standard = ['cpu', 'memory', 'ephemeral-storage', 'storage'].includes(name) || name.startsWith('hugepages-');
    if (!standard && (!name.includes('/') || !isQualifiedName(name) || name.startsWith('kubernetes.io/'))) this.add(where, `"${name}" is not a resource name`);
  }

  securityContext(where: string, context: unknown, pod: boolean): void {
    const c = obj(context);
    if (!c) return;
    for (const key of ['runAsUser', 'runAsGroup', ...(pod ? ['fsGroup'] : [])]) {
      const id = c[key];
      if (id !== undefined && !(Number.isInteger(id) && (id as number) >= 0 && (id as number) <= 2 ** 31 - 1)) this.add(`${where}.${key}`, `${String(id)} is not an id`);
    }
    for (const [i, id] of (Array.isArray(c['supplementalGroups']) ? c['supplementalGroups'] : []).entries()) {
      if (!(Number.isInteger(id) && id >= 0 && id <= 2 ** 31 - 1)) this.add(`${where}.supplementalGroups[${i}]`, `${String(id)} is not an id`);
    }
    for (const key of ['seccompProfile', 'appArmorProfile']) {
      const profile = obj(c[key]);
      if (!profile) continue;
      this.oneOf(`${where}.${key}.type`, profile['type'], ['RuntimeDefault', 'Unconfined', 'Localhost'], false);
      if ((profile['type'] === 'Localhost') !== Boolean(profile['localhostProfile'])) this.add(`${where}.${key}`, 'localhostProfile goes with type Localhost, and only with it');
    }
    if (pod) {
      this.oneOf(`${where}.fsGroupChangePolicy`, c['fsGroupChangePolicy'], ['OnRootMismatch', 'Always']);
      const names = new Set<string>();
      for (const [i, s] of list(c['sysctls']).entries()) {
        const name = str(s['name']) ?? '';
        if (!/^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/.test(name) || names.has(name)) this.add(`${where}.sysctls[${i}]`, `sysctl "${name}" is invalid or repeated`);
        names.add(name);
      }
    } else {
      this.oneOf(`${where}.procMount`, c['procMount'], ['Default', 'Unmasked']);
      if (c['privileged'] === true && c['allowPrivilegeEscalation'] === false) this.add(where, 'privileged with allowPrivilegeEscalation false');
      const add = obj(c['capabilities'])?.['add'];
      if (c['allowPrivilegeEscalation'] === false && Array.isArray(add) && add.includes('CAP_SYS_ADMIN')) this.add(where, 'CAP_SYS_ADMIN with allowPrivilegeEscalation false');
    }
  }

  container(where: string, c: Obj, volumeNames: ReadonlySet<string>): void {
    const image = str(c['image']);
    if (!image || image.trim() === '') this.add(`${where}.image`, 'no image');
    else if (image !== image.trim()) this.add(`${where}.image`, 'spaces around the image');
    this.oneOf(`${where}.imagePullPolicy`, c['imagePullPolicy'], ['Always', 'IfNotPresent', 'Never']);
    for (const [i, env] of list(c['env']).entries()) {
      const name = str(env['name']) ?? '';
      if (!ENV_OLD.test(name)) this.add(`${where}.env[${i}].name`, `environment variable name ${JSON.stringify(name)} is not valid`);
      if (env['value'] !== undefined && env['valueFrom'] !== undefined) this.add(`${where}.env[${i}]`, 'both value and valueFrom');
      const ref = obj(obj(env['valueFrom'])?.['secretKeyRef']);
      if (ref && (!str(ref['name']) || !CONFIG_KEY.test(str(ref['key']) ?? ''))) this.add(`${where}.env[${i}].valueFrom.secretKeyRef`, 'needs a Secret name and a valid key');
    }
    const portNames = new Set<string>();
    for (const [i, port] of list(c['ports']).entries()) {
      const number = port['containerPort'];
      if (!Number.isInteger(number) || (number as number) < 1 || (number as number) > 65535) this.add(`${where}.ports[${i}].containerPort`, `${String(number)} is not a port`);
      this.oneOf(`${where}.ports[${i}].protocol`, port['protocol'], ['TCP', 'UDP', 'SCTP']);
      const name = str(port['name']);
      if (name !== undefined && (name.length > 15 || !IANA_SVC.test(name) || !/[a-z]/.test(name) || portNames.has(name))) this.add(`${where}.ports[${i}].name`, `"${name}" is not a port name, or repeated`);
      if (name) portNames.add(name);
    }
    const mountPaths = new Set<string>();
    for (const [i, mount] of list(c['volumeMounts']).entries()) {
      const name = str(mount['name']) ?? '';
      const path = str(mount['mountPath']) ?? '';
      if (!volumeNames.has(name)) this.add(`${where}.volumeMounts[${i}].name`, `no volume "${name}" in the pod`);
      if (path === '') this.add(`${where}.volumeMounts[${i}].mountPath`, 'empty mount path');
      const normal = path.replace(/\/+$/, '') || '/';
      if (path !== '' && mountPaths.has(normal)) this.add(`${where}.volumeMounts[${i}].mountPath`, `mount path ${path} used twice`);
      mountPaths.add(normal);
    }
    this.resources(`${where}.resources`, c['resources']);
    this.securityContext(`${where}.securityContext`, c['securityContext'], false);
    for (const hook of ['postStart', 'preStop']) {
      const handler = obj(obj(c['lifecycle'])?.[hook]);
      if (!handler) continue;
      const command = obj(handler['exec'])?.['command'];
      if (!Array.isArray(command) || command.length === 0) this.add(`${where}.lifecycle.${hook}`, 'an exec hook without a command');
    }
  }

  volume(where: string, v: Obj): void {
    const sources = Object.keys(v).filter((k) => k !== 'name');
    if (sources.length !== 1) this.add(where, `a volume needs exactly one source, has ${sources.join(', ') || 'none'}`);
    const hostPath = obj(v['hostPath']);
    if (hostPath && !str(hostPath['path'])) this.add(`${where}.hostPath.path`, 'empty path');
    if (hostPath) this.oneOf(`${where}.hostPath.type`, hostPath['type'], ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice']);
    const claim = obj(v['persistentVolumeClaim']);
    if (claim && !str(claim['claimName'])) this.add(`${where}.persistentVolumeClaim.claimName`, 'empty claim name');
    const secret = obj(v['secret']);
    if (secret && !str(secret['secretName'])) this.add(`${where}.secret.secretName`, 'empty Secret name');
    const configMap = obj(v['configMap']);
    if (configMap && !str(configMap['name'])) this.add(`${where}.configMap.name`, 'empty ConfigMap name');
    for (const source of [secret, configMap]) {
      for (const [i, item] of list(source?.['items']).entries()) {
        const key = str(item['key']) ?? '';
        const path = str(item['path']) ?? '';
        if (!CONFIG_KEY.test(key) || key.length > 253) this.add(`${where}.items[${i}].key`, `"${key}" is not a key`);
        if (path === '' || path.startsWith('/') || path.split('/').includes('..')) this.add(`${where}.items[${i}].path`, `"${path}" is not a relative path`);
        const mode = item['mode'];
        if (mode !== undefined && !(Number.isInteger(mode) && (mode as number) >= 0 && (mode as number) <= 0o777)) this.add(`${where}.items[${i}].mode`, 'mode out of range');
      }
    }
    const csi = obj(v['csi']);
    if (csi) {
      const driver = str(csi['driver']) ?? '';
      if (driver.length === 0 || driver.length > 63 || !/^[a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?$/.test(driver)) this.add(`${where}.csi.driver`, `"${driver}" is not a CSI driver name`);
    }
    const emptyDir = obj(v['emptyDir']);
    if (emptyDir) {
      this.oneOf(`${where}.emptyDir.medium`, emptyDir['medium'], ['', 'Memory', 'HugePages']);
      if (emptyDir['sizeLimit'] !== undefined && !((quantity(emptyDir['sizeLimit']) ?? -1) >= 0)) this.add(`${where}.emptyDir.sizeLimit`, 'not a size');
    }
  }

  podSpec(where: string, spec: unknown, inJob: boolean): void {
    const s = obj(spec) ?? {};
    const volumes = list(s['volumes']);
    const volumeNames = new Set<string>();
    volumes.forEach((v, i) => {
      const name = str(v['name']) ?? '';
      if (!isLabel(name)) this.add(`${where}.volumes[${i}].name`, `"${name}" is not a DNS-1123 label`);
      if (volumeNames.has(name)) this.add(`${where}.volumes[${i}].name`, `volume "${name}" repeated`);
      volumeNames.add(name);
      this.volume(`${where}.volumes[${i}]`, v);
    });
    const containers = list(s['containers']);
    if (containers.length === 0) this.add(`${where}.containers`, 'no containers');
    const names = new Set<string>();
    for (const [field, items] of [['initContainers', list(s['initContainers'])], ['containers', containers]] as const) {
      items.forEach((c, i) => {
        const name = str(c['name']) ?? '';
        if (!isLabel(name)) this.add(`${where}.${field}[${i}].name`, `"${name}" is not a DNS-1123 label`);
        if (names.has(name)) this.add(`${where}.${field}[${i}].name`, `container name "${name}" repeated in the pod`);
        names.add(name);
        this.container(`${where}.${field}[${i}]`, c, volumeNames);
      });
    }
    this.oneOf(`${where}.restartPolicy`, s['restartPolicy'], inJob ? ['OnFailure', 'Never'] : ['Always', 'OnFailure', 'Never']);
    this.oneOf(`${where}.dnsPolicy`, s['dnsPolicy'], ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']);
    if (s['dnsPolicy'] === 'None' && !s['dnsConfig']) this.add(`${where}.dnsPolicy`, 'None without dnsConfig');
    for (const key of ['serviceAccountName', 'schedulerName', 'runtimeClassName']) {
      const value = s[key];
      if (value !== undefined && !(typeof value === 'string' && isSubdomain(value))) this.add(`${where}.${key}`, `"${String(value)}" is not a DNS-1123 subdomain`);
    }
    for (const key of ['hostname', 'subdomain']) {
      const value = s[key];
      if (value !== undefined && !(typeof value === 'string' && isLabel(value))) this.add(`${where}.${key}`, `"${String(value)}" is not a DNS-1123 label`);
    }
    this.labels(`${where}.nodeSelector`, s['nodeSelector']);
    for (const [i, t] of list(s['tolerations']).entries()) {
      this.oneOf(`${where}.tolerations[${i}].operator`, t['operator'], ['Equal', 'Exists']);
      this.oneOf(`${where}.tolerations[${i}].effect`, t['effect'], ['NoSchedule', 'PreferNoSchedule', 'NoExecute']);
      const key = str(t['key']);
      if (key && !isQualifiedName(key)) this.add(`${where}.tolerations[${i}].key`, 'not a label key');
      if (!key && t['operator'] !== 'Exists') this.add(`${where}.tolerations[${i}]`, 'no key needs operator Exists');
      if (t['operator'] === 'Exists' && t['value']) this.add(`${where}.tolerations[${i}].value`, 'operator Exists with a value');
    }
    const required = obj(obj(obj(s['affinity'])?.['nodeAffinity'])?.['requiredDuringSchedulingIgnoredDuringExecution']);
    for (const term of list(required?.['nodeSelectorTerms'])) {
      for (const [i, e] of list(term['matchExpressions']).entries()) {
        if (!isQualifiedName(str(e['key']) ?? '')) this.add(`${where}.affinity.nodeAffinity[${i}].key`, 'not a label key');
        if (['In', 'NotIn'].includes(String(e['operator'])) && !(Array.isArray(e['values']) && e['values'].length > 0)) this.add(`${where}.affinity.nodeAffinity[${i}].values`, 'In without values');
      }
    }
    for (const [i, secret] of list(s['imagePullSecrets']).entries()) if (!str(secret['name'])) this.add(`${where}.imagePullSecrets[${i}]`, 'no name');
    for (const [name, value] of Object.entries(obj(s['overhead']) ?? {})) {
      this.resourceName(`${where}.overhead.${name}`, name);
      if (!((quantity(value) ?? -1) >= 0)) this.add(`${where}.overhead.${name}`, 'not a non-negative quantity');
    }
    this.securityContext(`${where}.securityContext`, s['securityContext'], true);
  }

  job(where: string, job: Obj): void {
    const spec = obj(job['spec']) ?? {};
    const name = str(obj(job['metadata'])?.['name']) ?? '';
    for (const key of ['completions', 'parallelism']) {
      const value = spec[key];
      if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) this.add(`${where}.spec.${key}`, 'not a count');
      if (spec['completionMode'] === 'Indexed' && typeof value === 'number' && value > 100_000) this.add(`${where}.spec.${key}`, 'more than 100000 in an Indexed Job');
    }
    if (spec['completionMode'] === 'Indexed' && spec['completions'] === undefined) this.add(`${where}.spec.completions`, 'an Indexed Job needs completions');
    this.oneOf(`${where}.spec.completionMode`, spec['completionMode'], ['NonIndexed', 'Indexed']);
    for (const key of ['backoffLimit', 'activeDeadlineSeconds']) {
      const value = spec[key];
      if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) this.add(`${where}.spec.${key}`, 'negative');
    }
    if (spec['completionMode'] === 'Indexed') {
      const last = `${name}-${Math.max(Number(spec['completions'] ?? 1) - 1, 0)}`;
      if (!isLabel(last)) this.add(`${where}.metadata.name`, `pod hostname "${last}" is not a DNS-1123 label`);
    }
    const template = obj(spec['template']) ?? {};
    this.labels(`${where}.spec.template.metadata.labels`, obj(template['metadata'])?.['labels']);
    this.annotations(`${where}.spec.template.metadata.annotations`, obj(template['metadata'])?.['annotations']);
    this.podSpec(`${where}.spec.template.spec`, template['spec'], true);
  }

  service(where: string, service: Obj): void {
    const spec = obj(service['spec']) ?? {};
    const ports = list(spec['ports']);
    const seen = new Set<string>();
    const names = new Set<string>();
    ports.forEach((port, i) => {
      const number = port['port'];
      if (!Number.isInteger(number) || (number as number) < 1 || (number as number) > 65535) this.add(`${where}.spec.ports[${i}].port`, 'not a port');
      const target = port['targetPort'];
      if (typeof target === 'number' && (target < 1 || target > 65535)) this.add(`${where}.spec.ports[${i}].targetPort`, 'not a port');
      this.oneOf(`${where}.spec.ports[${i}].protocol`, port['protocol'], ['TCP', 'UDP', 'SCTP']);
      const key = `${String(number)}/${String(port['protocol'] ?? 'TCP')}`;
      if (seen.has(key)) this.add(`${where}.spec.ports[${i}]`, `port ${key} repeated`);
      seen.add(key);
      const name = str(port['name']);
      if (ports.length > 1 && !name) this.add(`${where}.spec.ports[${i}].name`, 'a Service of several ports needs port names');
      if (name !== undefined && (name.length > 15 || !IANA_SVC.test(name) || !/[a-z]/.test(name) || names.has(name))) this.add(`${where}.spec.ports[${i}].name`, `"${name}" is not a port name, or repeated`);
      if (name) names.add(name);
    });
    this.labels(`${where}.spec.selector`, spec['selector']);
    if (spec['clusterIP'] !== undefined && spec['clusterIP'] !== 'None' && spec['clusterIP'] !== '') this.add(`${where}.spec.clusterIP`, 'not None');
  }

  data(where: string, data: unknown): void {
    let size = 0;
    for (const [key, value] of Object.entries(obj(data) ?? {})) {
      size += key.length + String(value).length;
      if (key.length > 253 || !CONFIG_KEY.test(key)) this.add(`${where}.${key}`, `"${key}" is not a data key`);
    }
    if (size > 1024 * 1024) this.add(where, `${size} bytes, more than 1 MiB`);
  }

  storageClass(where: string, value: unknown): void {
    if (value !== undefined && !(typeof value === 'string' && (value === '' || isSubdomain(value)))) this.add(where, `"${String(value)}" is not a StorageClass name`);
  }

  accessModes(where: string, modes: unknown): void {
    if (!Array.isArray(modes) || modes.length === 0) this.add(where, 'no access modes');
    else for (const mode of modes) this.oneOf(where, mode, ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'], false);
  }
}

/** Problems the API server would find in these objects, one line each (`KIND/NAME field: what`); none for valid objects. */
export function apiServerProblems(manifests: readonly Manifest[]): string[] {
  const check = new Checker();
  const seen = new Set<string>();
  for (const manifest of manifests) {
    const m = manifest as unknown as Obj;
    const kind = String(m['kind']);
    const metadata = obj(m['metadata']) ?? {};
    const where = `${kind}/${String(metadata['name'])}`;
    const identity = `${String(m['apiVersion'])}/${kind}/${String(metadata['namespace'] ?? '')}/${String(metadata['name'])}`;
    if (seen.has(identity)) check.add(where, 'a second object of the same kind, namespace and name');
    seen.add(identity);
    const spec = obj(m['spec']) ?? {};
    switch (kind) {
      case 'ConfigMap':
      case 'Secret':
        check.metadata(where, metadata, 'subdomain');
        check.data(`${where}.data`, m['data']);
        check.data(`${where}.stringData`, m['stringData']);
        break;
      case 'Service':
        check.metadata(where, metadata, 'dns1035');
        check.service(where, m);
        break;
      case 'Pod':
        check.metadata(where, metadata, 'subdomain');
        check.podSpec(`${where}.spec`, spec, false);
        break;
      case 'Job':
        check.metadata(where, metadata, 'label');
        check.job(where, m);
        break;
      case 'JobSet': {
        check.metadata(where, metadata, 'dns1035');
        for (const [i, replicated] of list(spec['replicatedJobs']).entries()) {
          const name = str(replicated['name']) ?? '';
          const replicas = Number(replicated['replicas'] ?? 1);
          const template = obj(replicated['template']) ?? {};
          const childName = `${String(metadata['name'])}-${name}-${Math.max(replicas - 1, 0)}`;
          if (!DNS1035.test(childName) || childName.length > 63) check.add(`${where}.spec.replicatedJobs[${i}]`, `child Job "${childName}" is not a DNS-1035 label`);
          const completions = Number(obj(template['spec'])?.['completions'] ?? 1);
          const podName = `${childName}-${Math.max(completions - 1, 0)}-abcde`;
          if (podName.length > 63) check.add(`${where}.spec.replicatedJobs[${i}]`, `pod names such as "${podName}" are longer than 63 characters`);
          check.job(`${where}.spec.replicatedJobs[${i}].template`, { metadata: { ...obj(template['metadata']), name: childName }, spec: template['spec'] });
        }
        break;
      }
      case 'PersistentVolume': {
        check.metadata(where, metadata, 'subdomain');
        check.accessModes(`${where}.spec.accessModes`, spec['accessModes']);
        const storage = quantity(obj(spec['capacity'])?.['storage']);
        if (!(storage !== undefined && storage > 0)) check.add(`${where}.spec.capacity.storage`, 'not a positive size');
        check.storageClass(`${where}.spec.storageClassName`, spec['storageClassName']);
        check.oneOf(`${where}.spec.persistentVolumeReclaimPolicy`, spec['persistentVolumeReclaimPolicy'], ['Retain', 'Delete', 'Recycle']);
        const hostPath = obj(spec['hostPath']);
        if (hostPath && !str(hostPath['path'])) check.add(`${where}.spec.hostPath.path`, 'empty path');
        const csi = obj(spec['csi']);
        if (csi) {
          if (!str(csi['driver'])) check.add(`${where}.spec.csi.driver`, 'no driver');
          if (!str(csi['volumeHandle'])) check.add(`${where}.spec.csi.volumeHandle`, 'no volume handle');
          for (const ref of ['controllerPublishSecretRef', 'nodeStageSecretRef', 'nodePublishSecretRef']) {
            const r = obj(csi[ref]);
            if (r && (!str(r['name']) || !str(r['namespace']) || !isLabel(str(r['namespace']) ?? ''))) check.add(`${where}.spec.csi.${ref}`, 'needs a name and a valid namespace');
          }
        }
        if ([hostPath, csi].filter(Boolean).length !== 1) check.add(`${where}.spec`, 'a PersistentVolume needs exactly one source');
        break;
      }
      case 'PersistentVolumeClaim': {
        check.metadata(where, metadata, 'subdomain');
        check.accessModes(`${where}.spec.accessModes`, spec['accessModes']);
        const storage = quantity(obj(obj(spec['resources'])?.['requests'])?.['storage']);
        if (!(storage !== undefined && storage > 0)) check.add(`${where}.spec.resources.requests.storage`, 'not a positive size');
        check.storageClass(`${where}.spec.storageClassName`, spec['storageClassName']);
        check.oneOf(`${where}.spec.volumeMode`, spec['volumeMode'], ['Filesystem', 'Block']);
        break;
      }
      case 'PodGroup': {
        // Both gang schedulers' PodGroups: the CRD's types, and the names their schedulers read.
        check.metadata(where, metadata, 'subdomain');
        const int32 = (field: string, min: number, optional: boolean) => {
          const value = spec[field];
          if (value === undefined && optional) return;
          if (!(typeof value === 'number' && Number.isInteger(value) && value >= min && value < 2 ** 31)) check.add(`${where}.spec.${field}`, `${JSON.stringify(value)} is not an int32 of at least ${min}`);
        };
        int32('minMember', 1, false);
        int32('scheduleTimeoutSeconds', 1, true);
        if (spec['queue'] !== undefined && !(typeof spec['queue'] === 'string' && isSubdomain(spec['queue']))) check.add(`${where}.spec.queue`, `${JSON.stringify(spec['queue'])} is not a DNS-1123 subdomain`);
        for (const [name, value] of Object.entries(obj(spec['minResources']) ?? {})) {
          check.resourceName(`${where}.spec.minResources.${name}`, name);
          const q = quantity(value);
          if (q === undefined || q < 0) check.add(`${where}.spec.minResources.${name}`, `${JSON.stringify(value)} is not a non-negative quantity`);
        }
        break;
      }
      default:
        check.add(where, `no rules for kind ${kind}`);
    }
  }
  return check.problems;
}
