/**
 * Checks both MiniCluster APIs make with the same words (sizes, services, bursting, container
 * names, labels, Flux values). Each version's `rules.ts` calls them in its own order, so the
 * problems keep the order in which that version reports them.
 */
import type { PathSegment, Severity } from '../diagnostics.ts';
import { QUEUE_POLICIES } from './schemaParts.ts';
import { quote, shortened } from './quoteText.ts';

export interface Problem {
  severity: Severity;
  code: string;
  path: PathSegment[];
  message: string;
}

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** True when `key` is not a qualified name (label and annotation keys, toleration keys): an optional DNS prefix and '/', then a name. */
export function qualifiedNameProblem(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  return (slash >= 0 && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) || name.length > 63 || !LABEL_NAME.test(name);
}

export function dnsLabelProblem(value: string, what: string, pattern = DNS1123_LABEL): string | undefined {
  if (value.length > 63) return `${what} ${quote(value)} has ${value.length} characters; Kubernetes allows at most 63.`;
  if (!pattern.test(value)) {
    const start = pattern === DNS1035_LABEL ? 'start with a letter' : 'start with a letter or digit';
    return `${what} ${quote(value)} is not a valid name: use lowercase letters, digits and '-', ${start} and end with a letter or digit.`;
  }
  return undefined;
}

export function labelMapProblems(map: Record<string, string> | undefined, path: PathSegment[], out: Problem[]): void {
  for (const [key, value] of Object.entries(map ?? {})) {
    if (qualifiedNameProblem(key)) {
      out.push({
        severity: 'error',
        code: 'label-key',
        path: [...path, key],
        message: `Label key ${quote(key)} is not valid: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.`,
      });
    }
    if (value.length > 63 || !LABEL_VALUE.test(value)) {
      out.push({
        severity: 'error',
        code: 'label-value',
        path: [...path, key],
        message: `Label value ${quote(value)} is not valid: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or empty).`,
      });
    }
  }
}

export const error = (out: Problem[], code: string, path: PathSegment[], message: string) => out.push({ severity: 'error', code, path, message });
const warning = (out: Problem[], code: string, path: PathSegment[], message: string) => out.push({ severity: 'warning', code, path, message });

export function sizeProblems(spec: { size: number; maxSize: number }, out: Problem[]): void {
  if (spec.size <= 0) {
    error(out, 'size', ['spec', 'size'], spec.size === 0
      ? 'size is 0: the operator creates nothing for such a MiniCluster. Set size to 1 or more.'
      : `size ${spec.size} is negative: set size to 1 or more.`);
  }
  // maxSize defaults to size: when size is wrong, only the size error is the user's.
  if (spec.size <= 0 && spec.maxSize === spec.size) return;
  if (spec.maxSize < 0) error(out, 'max-size', ['spec', 'maxSize'], `maxSize ${spec.maxSize} is negative: remove it or set it to at least size.`);
  else if (spec.maxSize < spec.size) {
    error(out, 'max-size', ['spec', 'maxSize'], `maxSize ${spec.maxSize} is smaller than size ${spec.size}: set maxSize to at least ${spec.size}, or remove it.`);
  }
}

export function deadlineProblem(deadlineSeconds: number, out: Problem[]): void {
  if (deadlineSeconds === 0) {
    warning(out, 'deadline', ['spec', 'deadlineSeconds'], 'deadlineSeconds 0 lets the Job run for no time at all: Kubernetes ends it at once. Remove it for the default (about a year).');
  }
}

/** A service container needs a valid name: it names the container in the NAME-services pod. */
export function serviceNameProblems(service: { name?: string | undefined }, path: PathSegment[], out: Problem[]): void {
  if (!service.name) error(out, 'service-name', [...path, 'name'], 'Every service needs a name: add name.');
  else {
    const problem = dnsLabelProblem(service.name, 'Service container name');
    if (problem) error(out, 'container-name', [...path, 'name'], problem);
  }
}

interface Bursting {
  hostlist?: string | undefined;
  clusters?: Array<{ size?: number | undefined }> | undefined;
  leadBroker?: { address?: string | undefined; size: number; port: number } | undefined;
}

/**
 * A host name as resolvers take it (letters, digits, hyphens and underscores in dot-separated
 * labels of at most 63, a final dot allowed) or an IPv4 address: nothing a Flux host list or a
 * tcp:// address would split on.
 */
const HOST_NAME = /^(?=.{1,254}$)[A-Za-z0-9_](?:[-A-Za-z0-9_]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[-A-Za-z0-9_]{0,61}[A-Za-z0-9_])?)*\.?$/;
const ALL_NUMBERS = /^[\d.]+$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const isHostAddress = (address: string): boolean => (ALL_NUMBERS.test(address) ? IPV4.test(address) : HOST_NAME.test(address));

const BURSTING_PATH: PathSegment[] = ['spec', 'flux', 'bursting'];

/** The hostlist and the lead broker of `flux.bursting`. */
export function burstingProblems(bursting: Bursting | undefined, out: Problem[]): void {
  if (bursting?.hostlist && (bursting.clusters?.length ?? 0) > 0) {
    error(out, 'bursting', BURSTING_PATH, 'bursting.hostlist and bursting.clusters cannot both be set: remove one.');
  }
  const lead = bursting?.leadBroker;
  if (!lead) return;
  if (lead.size < 2) {
    error(out, 'lead-broker-size', [...BURSTING_PATH, 'leadBroker', 'size'], `leadBroker.size ${lead.size} gives a broken hostlist: the parent cluster needs at least 2 pods (its rank 0 is the address).`);
  }
  if (lead.address && !isHostAddress(lead.address)) {
    error(
      out,
      'lead-broker-address',
      [...BURSTING_PATH, 'leadBroker', 'address'],
      `leadBroker.address ${quote(shortened(lead.address))} is not a host name or IPv4 address: it goes into the brokers' host list and their tcp:// address, ` +
        "which need letters, digits, '-', '_' and '.' only (at most 253 characters), or four numbers up to 255. Give the parent cluster's rank-0 host name or address.",
    );
  }
  if (lead.port < 1 || lead.port > 65535) error(out, 'lead-broker-port', [...BURSTING_PATH, 'leadBroker', 'port'], 'leadBroker.port must be between 1 and 65535.');
}

/** The clusters of `flux.bursting`. */
export function burstClusterProblems(bursting: Bursting | undefined, out: Problem[]): void {
  bursting?.clusters?.forEach((cluster, index) => {
    if ((cluster.size ?? 0) < 1) error(out, 'burst-size', [...BURSTING_PATH, 'clusters', index, 'size'], 'A bursted cluster needs size 1 or more.');
  });
}

/**
 * The name a container gets in the pod must be a valid and unique one; the container that runs
 * Flux is named after the MiniCluster. `names` collects the names seen so far (name → index);
 * `runner` is what the version calls that container in its messages.
 */
export function containerNameProblems(
  container: { name?: string | undefined; runFlux?: boolean | undefined },
  clusterName: string,
  index: number,
  names: Map<string, number>,
  runner: 'Flux runner' | 'Flux container',
  out: Problem[],
): void {
  const effectiveName = container.runFlux ? clusterName : container.name;
  if (!effectiveName) return;
  const path: PathSegment[] = ['spec', 'containers', index, 'name'];
  if (!container.runFlux) {
    const problem = dnsLabelProblem(effectiveName, 'Container name');
    if (problem) error(out, 'container-name', path, problem);
  }
  const earlier = names.get(effectiveName);
  if (earlier !== undefined) {
    error(out, 'container-name-duplicate', path, `Container name ${quote(effectiveName)} is already used by containers[${earlier}] (the ${runner} takes the MiniCluster name): choose another name.`);
  } else names.set(effectiveName, index);
}

export function runnerCountProblem(runners: number, containerCount: number, out: Problem[]): void {
  if (runners === 1) return;
  error(out, 'runners', ['spec', 'containers'], containerCount === 0
    ? 'There are no containers: add at least one container with an image and a command.'
    : `${runners} containers have runFlux: true; exactly one container must run Flux. Set runFlux: true on one container only.`);
}

/** The label maps both versions copy to generated objects, and the node selector. */
export function labelProblems(
  spec: { jobLabels?: Record<string, string> | undefined; pod: { labels?: Record<string, string> | undefined; nodeSelector?: Record<string, string> | undefined } },
  out: Problem[],
): void {
  labelMapProblems(spec.pod.labels, ['spec', 'pod', 'labels'], out);
  labelMapProblems(spec.jobLabels, ['spec', 'jobLabels'], out);
  labelMapProblems(spec.pod.nodeSelector, ['spec', 'pod', 'nodeSelector'], out);
}

/** Values Flux would refuse or misread at run time. */
export function fluxValueProblems(flux: { scheduler: { queuePolicy: string }; logLevel: number; connectTimeout: string }, out: Problem[]): void {
  const policy = flux.scheduler.queuePolicy;
  if (!(QUEUE_POLICIES as readonly string[]).includes(policy)) {
    warning(out, 'queue-policy', ['spec', 'flux', 'scheduler', 'queuePolicy'], `Fluxion does not know queue policy ${quote(policy)}: use one of ${QUEUE_POLICIES.join(', ')}.`);
  }
  const logLevel = flux.logLevel;
  if (logLevel < 0 || logLevel > 7) warning(out, 'log-level', ['spec', 'flux', 'logLevel'], `logLevel ${logLevel} is outside Flux's range 0-7.`);
  if (flux.connectTimeout && !/^\d+(\.\d+)?(ms|s|m|h|d)?$/.test(flux.connectTimeout)) {
    warning(out, 'connect-timeout', ['spec', 'flux', 'connectTimeout'], `connectTimeout ${quote(flux.connectTimeout)} is not a Flux duration such as 5s, 500ms or 1m.`);
  }
}
