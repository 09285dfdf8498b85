/**
 * What the form shows, in one place: which spec fields, under which label and with which input.
 * Help texts, bounds, enum values and defaults are read from the zod schema, so the meaning of a
 * field is written once (schema.ts) for the editor's hover and the form alike.
 */
import * as z from 'zod';
import { formatPath, type PathSegment } from '../diagnostics.ts';
import { miniClusterSchema, VIEW_IMAGES } from '../v1alpha2/schema.ts';
import { QUEUE_POLICIES } from '../common/schemaParts.ts';

export type FieldKind =
  | 'text'
  | 'multiline'
  | 'integer'
  | 'boolean'
  | 'select'
  /** A Kubernetes quantity (500m, 2, 4Gi). */
  | 'quantity'
  /** NAME: value entries (environment, labels, ...). */
  | 'stringMap'
  /** resource name: quantity entries (limits, requests). */
  | 'quantityMap'
  | 'portList'
  | 'stringList';

export interface FormField {
  /** Path below the field group's base, e.g. ['resources', 'limits']. */
  key: readonly string[];
  label: string;
  help: string;
  kind: FieldKind;
  /** Values offered by a select (the current value is offered too when it is not among them). */
  options?: readonly string[];
  /** Whether a select also takes a value typed in (shown as a text input with suggestions). */
  free?: boolean;
  min?: number;
  max?: number;
  /** What applies when the field is not written, as text; undefined when nothing does. */
  defaultText?: string;
}

/** A list index inside a schema path ("any container"). */
export const ANY = '*';
type SchemaPath = readonly (string | typeof ANY)[];

interface Spec {
  key: string;
  label: string;
  kind?: FieldKind;
  options?: readonly string[];
  free?: boolean;
  min?: number;
  max?: number;
  /** Overrides the schema default, for defaults the operator fills in later (see operatorDefaults.ts). */
  defaultText?: string;
}

type AnyZod = z.ZodType;

function def(schema: AnyZod): { type: string; [key: string]: unknown } {
  return (schema as unknown as { _zod: { def: { type: string; [key: string]: unknown } } })._zod.def;
}

/** Strips optional/default wrappers, collecting the description and the default on the way. */
function unwrap(schema: AnyZod): { inner: AnyZod; description?: string; defaultValue?: unknown } {
  let inner = schema;
  let description = z.globalRegistry.get(schema)?.description;
  let defaultValue: unknown;
  for (;;) {
    const d = def(inner);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') {
      if (d.type === 'default') defaultValue = typeof d['defaultValue'] === 'function' ? (d['defaultValue'] as () => unknown)() : d['defaultValue'];
      inner = d['innerType'] as AnyZod;
      description ??= z.globalRegistry.get(inner)?.description;
    } else break;
  }
  return { inner, ...(description !== undefined ? { description } : {}), ...(defaultValue !== undefined ? { defaultValue } : {}) };
}

/** The schema of the field at `path` (list indexes as ANY), or undefined when there is no such field. */
export function schemaAt(path: SchemaPath): AnyZod | undefined {
  let current: AnyZod = miniClusterSchema;
  for (const segment of path) {
    const { inner } = unwrap(current);
    const d = def(inner);
    if (d.type === 'object') {
      const shape = d['shape'] as Record<string, AnyZod>;
      const next = Object.hasOwn(shape, segment) ? shape[segment] : undefined;
      if (!next) return undefined;
      current = next;
    } else if (d.type === 'array' && segment === ANY) current = d['element'] as AnyZod;
    else if (d.type === 'record') current = d['valueType'] as AnyZod;
    else return undefined;
  }
  return current;
}

function describe(base: SchemaPath, spec: Spec): FormField {
  const key = spec.key.split('.');
  const schema = schemaAt([...base, ...key]);
  if (!schema) throw new Error(`The form names a field the schema lacks: ${[...base, ...key].join('.')}`);
  const { inner, description, defaultValue } = unwrap(schema);
  const d = def(inner);
  const meta = z.globalRegistry.get(inner) as { examples?: unknown } | undefined;
  const kind = spec.kind ?? kindOf(d);
  const field: FormField = { key, label: spec.label, help: description ?? '', kind };
  const options = spec.options ?? (Array.isArray(meta?.examples) ? (meta.examples as string[]) : undefined);
  if (options) field.options = options;
  if (spec.free) field.free = true;
  if (d.type === 'number') {
    const n = inner as unknown as { minValue: number | null; maxValue: number | null };
    const min = spec.min ?? n.minValue;
    const max = spec.max ?? n.maxValue;
    if (min !== null && min !== undefined && Number.isSafeInteger(min)) field.min = min;
    if (max !== null && max !== undefined && Number.isSafeInteger(max)) field.max = max;
  }
  const defaultText = spec.defaultText ?? (defaultValue !== undefined && defaultValue !== '' ? String(defaultValue) : undefined);
  if (defaultText !== undefined) field.defaultText = defaultText;
  return field;
}

function kindOf(d: { type: string; [key: string]: unknown }): FieldKind {
  switch (d.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'integer';
    case 'string':
      return 'text';
    case 'array':
      return def(d['element'] as AnyZod).type === 'number' ? 'portList' : 'stringList';
    case 'record':
      return def(unwrap(d['valueType'] as AnyZod).inner).type === 'union' ? 'quantityMap' : 'stringMap';
    default:
      return 'text';
  }
}

const group = (base: SchemaPath, specs: readonly Spec[]) => specs.map((s) => describe(base, s));

export const METADATA_FIELDS = group(['metadata'], [
  { key: 'name', label: 'Name' },
  { key: 'namespace', label: 'Namespace', defaultText: 'default' },
]);

export const SIZE_FIELDS = group(['spec'], [
  { key: 'size', label: 'Size', min: 1 },
  { key: 'maxSize', label: 'Maximum size', min: 0, defaultText: 'same as size' },
  { key: 'minSize', label: 'Minimum size', min: 0, defaultText: 'all brokers' },
  { key: 'tasks', label: 'Tasks', min: 0 },
]);

export const JOB_FIELDS = group(['spec'], [
  { key: 'interactive', label: 'Interactive' },
  { key: 'deadlineSeconds', label: 'Deadline (seconds)' },
  { key: 'backoffLimit', label: 'Backoff limit', min: 0, defaultText: '100' },
]);

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;

/** Fields of one container, for spec.containers and spec.services alike. */
export const CONTAINER_FIELDS = group(['spec', 'containers', ANY], [
  { key: 'image', label: 'Image' },
  { key: 'name', label: 'Container name' },
  { key: 'command', label: 'Command', kind: 'multiline' },
  { key: 'workingDir', label: 'Working directory' },
  { key: 'runFlux', label: 'Runs Flux' },
  { key: 'launcher', label: 'Launcher' },
  { key: 'batch', label: 'Batch' },
  { key: 'imagePullPolicy', label: 'Pull policy', kind: 'select', options: PULL_POLICIES },
  { key: 'pullAlways', label: 'Always pull' },
  { key: 'ports', label: 'Ports' },
  { key: 'environment', label: 'Environment variables' },
  { key: 'resources.limits', label: 'Limits' },
  { key: 'resources.requests', label: 'Requests' },
]);

export const SECURITY_FIELDS = group(['spec', 'containers', ANY, 'securityContext'], [
  { key: 'privileged', label: 'Privileged' },
  { key: 'runAsUser', label: 'Run as user', min: 0 },
  { key: 'runAsGroup', label: 'Run as group', min: 0 },
  { key: 'runAsNonRoot', label: 'Run as non-root' },
  { key: 'allowPrivilegeEscalation', label: 'Allow privilege escalation' },
  { key: 'readOnlyRootFilesystem', label: 'Read-only root filesystem' },
  { key: 'capabilities.add', label: 'Add capabilities' },
  { key: 'capabilities.drop', label: 'Drop capabilities' },
]);

/** Fields of one entry of a container's `volumes` map. */
export const VOLUME_FIELDS = group(['spec', 'containers', ANY, 'volumes', ANY], [
  { key: 'path', label: 'Mount path' },
  { key: 'hostPath', label: 'Host path' },
  { key: 'configMapName', label: 'Config map' },
  { key: 'claimName', label: 'Claim name' },
  { key: 'secretName', label: 'Secret name' },
  { key: 'csiDriver', label: 'CSI driver' },
  { key: 'emptyDir', label: 'Empty dir' },
  { key: 'emptyDirSizeLimit', label: 'Empty dir size limit', kind: 'quantity' },
  { key: 'readOnly', label: 'Read-only' },
]);

export const FLUX_FIELDS = group(['spec', 'flux'], [
  { key: 'minimalService', label: 'Minimal service' },
  { key: 'scheduler.queuePolicy', label: 'Queue policy', kind: 'select', options: QUEUE_POLICIES, defaultText: 'fcfs' },
  { key: 'logLevel', label: 'Log level', min: 0, max: 7 },
  { key: 'connectTimeout', label: 'Connect timeout' },
  { key: 'topology', label: 'Topology' },
  { key: 'optionFlags', label: 'Submit flags' },
  { key: 'wrap', label: 'Wrap' },
  { key: 'disableSocket', label: 'Disable socket option' },
  { key: 'container.image', label: 'View image', kind: 'select', options: VIEW_IMAGES, free: true },
  { key: 'container.mountPath', label: 'View mount path' },
  { key: 'container.disable', label: 'Image brings its own Flux' },
  { key: 'curveCert', label: 'CURVE certificate', kind: 'multiline', defaultText: 'generated' },
  { key: 'brokerConfig', label: 'Broker config', kind: 'multiline', defaultText: 'generated' },
]);

export const NETWORK_FIELDS = group(['spec', 'network'], [
  { key: 'headlessName', label: 'Headless service name', defaultText: 'the MiniCluster name' },
  { key: 'disableAffinity', label: 'Disable affinity' },
]);

export const POD_FIELDS = group(['spec', 'pod'], [
  { key: 'labels', label: 'Pod labels' },
  { key: 'annotations', label: 'Pod annotations' },
  { key: 'nodeSelector', label: 'Node selector' },
  { key: 'serviceAccountName', label: 'Service account' },
  { key: 'restartPolicy', label: 'Restart policy', kind: 'select', options: ['OnFailure', 'Never'], defaultText: 'OnFailure' },
  { key: 'resources', label: 'Pod resources' },
]);

export const LOGGING_FIELDS = group(['spec', 'logging'], [
  { key: 'quiet', label: 'Quiet' },
  { key: 'strict', label: 'Strict' },
  { key: 'debug', label: 'Debug' },
  { key: 'zeromq', label: 'ZeroMQ debug' },
  { key: 'timed', label: 'Timed' },
]);

export const LEAD_BROKER_FIELDS = group(['spec', 'flux', 'bursting', 'leadBroker'], [
  { key: 'address', label: 'Lead broker address' },
  { key: 'name', label: 'Lead broker name' },
  { key: 'size', label: 'Lead broker size', min: 1 },
  { key: 'port', label: 'Lead broker port', min: 1, max: 65535 },
]);

export const BURST_CLUSTER_FIELDS = group(['spec', 'flux', 'bursting', 'clusters', ANY], [
  { key: 'name', label: 'Cluster name', defaultText: 'burst-N' },
  { key: 'size', label: 'Cluster size', min: 1, defaultText: 'same as size' },
]);

/** Help text of a list or map the form edits as a whole (containers, services, volumes, clusters). */
export function helpAt(path: SchemaPath): string {
  const schema = schemaAt(path);
  return schema ? (unwrap(schema).description ?? '') : '';
}

/** Every schema path the form edits, with list indexes as ANY; services share the container fields. */
export function formPaths(): string[] {
  const paths: string[][] = [];
  const add = (base: SchemaPath, fields: readonly FormField[]) => fields.forEach((f) => paths.push([...base, ...f.key]));
  add(['metadata'], METADATA_FIELDS);
  add(['spec'], [...SIZE_FIELDS, ...JOB_FIELDS]);
  for (const list of ['containers', 'services']) {
    add(['spec', list, ANY], CONTAINER_FIELDS);
    add(['spec', list, ANY, 'securityContext'], SECURITY_FIELDS);
    add(['spec', list, ANY, 'volumes', ANY], VOLUME_FIELDS);
  }
  add(['spec', 'flux'], FLUX_FIELDS);
  add(['spec', 'network'], NETWORK_FIELDS);
  add(['spec', 'pod'], POD_FIELDS);
  add(['spec', 'logging'], LOGGING_FIELDS);
  add(['spec', 'flux', 'bursting', 'leadBroker'], LEAD_BROKER_FIELDS);
  add(['spec', 'flux', 'bursting', 'clusters', ANY], BURST_CLUSTER_FIELDS);
  return paths.map((p) => p.join('.'));
}

/**
 * Fields written in `value` (a parsed spec) that the form does not edit, as paths such as
 * `spec.containers[0].commands`: the form lists them so that nobody thinks they were lost.
 */
export function yamlOnlyFieldsIn(value: unknown): string[] {
  const covered = new Set(formPaths());
  const prefixes = new Set<string>();
  for (const p of covered) {
    const parts = p.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  const found: string[] = [];
  const walk = (node: unknown, schemaPath: string[], path: PathSegment[]) => {
    const key = schemaPath.join('.');
    if (covered.has(key)) return;
    if (path.length > 0 && !prefixes.has(key)) {
      found.push(formatPath(path));
      return;
    }
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...schemaPath, ANY], [...path, i]));
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        // The volumes map and the form's lists hold entries by name.
        const isEntry = prefixes.has([...schemaPath, ANY].join('.')) && !prefixes.has([...schemaPath, k].join('.')) && !covered.has([...schemaPath, k].join('.'));
        walk(v, [...schemaPath, isEntry ? ANY : k], [...path, k]);
      }
    }
  };
  walk(value, [], []);
  return found.filter((p) => p !== 'apiVersion' && p !== 'kind');
}

export interface FieldInstance {
  path: PathSegment[];
  field: FormField;
}

const GROUPS: readonly (readonly [SchemaPath, readonly FormField[]])[] = [
  [['metadata'], METADATA_FIELDS],
  [['spec'], SIZE_FIELDS],
  [['spec'], JOB_FIELDS],
  [['spec', 'containers', ANY], CONTAINER_FIELDS],
  [['spec', 'containers', ANY, 'securityContext'], SECURITY_FIELDS],
  [['spec', 'containers', ANY, 'volumes', ANY], VOLUME_FIELDS],
  [['spec', 'services', ANY], CONTAINER_FIELDS],
  [['spec', 'services', ANY, 'securityContext'], SECURITY_FIELDS],
  [['spec', 'services', ANY, 'volumes', ANY], VOLUME_FIELDS],
  [['spec', 'flux'], FLUX_FIELDS],
  [['spec', 'network'], NETWORK_FIELDS],
  [['spec', 'pod'], POD_FIELDS],
  [['spec', 'logging'], LOGGING_FIELDS],
  [['spec', 'flux', 'bursting', 'leadBroker'], LEAD_BROKER_FIELDS],
  [['spec', 'flux', 'bursting', 'clusters', ANY], BURST_CLUSTER_FIELDS],
];

/** The form's fields for a parsed spec: every group, with ANY expanded over the items written. */
export function fieldInstances(root: unknown): FieldInstance[] {
  const out: FieldInstance[] = [];
  for (const [base, fields] of GROUPS) {
    for (const prefix of expand(root, base)) for (const field of fields) out.push({ path: [...prefix, ...field.key], field });
  }
  return out;
}

function expand(root: unknown, base: SchemaPath): PathSegment[][] {
  let prefixes: { path: PathSegment[]; node: unknown }[] = [{ path: [], node: root }];
  for (const segment of base) {
    const next: typeof prefixes = [];
    for (const { path, node } of prefixes) {
      if (segment === ANY) {
        if (Array.isArray(node)) node.forEach((item, i) => next.push({ path: [...path, i], node: item }));
        else if (node !== null && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) next.push({ path: [...path, k], node: v });
        }
      } else {
        const child = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
        next.push({ path: [...path, segment], node: child });
      }
    }
    prefixes = next;
  }
  return prefixes.map((p) => p.path);
}

/** Schema fields the form leaves to the YAML view, e.g. `spec.containers[].commands`. */
export function yamlOnlySchemaFields(): string[] {
  const covered = new Set(formPaths());
  const prefixes = new Set<string>();
  for (const p of covered) {
    const parts = p.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  const found: string[] = [];
  const walk = (schema: AnyZod, path: string[]) => {
    const key = path.join('.');
    if (covered.has(key)) return;
    if (path.length > 0 && !prefixes.has(key)) {
      found.push(key.replaceAll('.*', '[]'));
      return;
    }
    const { inner } = unwrap(schema);
    const d = def(inner);
    if (d.type === 'object') for (const [k, v] of Object.entries(d['shape'] as Record<string, AnyZod>)) walk(v, [...path, k]);
    else if (d.type === 'array') walk(d['element'] as AnyZod, [...path, ANY]);
    else if (d.type === 'record') walk(d['valueType'] as AnyZod, [...path, ANY]);
  };
  walk(miniClusterSchema, []);
  // Services share the container fields; saying it once is enough.
  return found.filter((p) => p !== 'apiVersion' && p !== 'kind' && !p.startsWith('spec.services[]'));
}
