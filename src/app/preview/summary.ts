/** The one-line summary of what `kubectl apply` would create from the included objects. */
import type { IncludeLetter, RenderedManifest } from '../worker/protocol.ts';
import { includedManifests } from './bundle.ts';

export function pluralKind(kind: string, count: number): string {
  if (count === 1) return kind;
  if (/(?:s|x|z|ch|sh)$/.test(kind)) return `${kind}es`;
  if (/[^aeiou]y$/i.test(kind)) return `${kind.slice(0, -1)}ies`;
  return `${kind}s`;
}

function countOf(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** The kinds that start the MiniCluster's pods: the indexed Job, or the JobSet that replaces it. */
const WORKLOAD_KINDS = ['Job', 'JobSet'];

/**
 * E.g. "1 ConfigMap, 2 Services, 1 Job: 4 pods +1 services pod", or with output options
 * "1 ConfigMap, 1 Secret, 1 JobSet: 4 pods". Kinds keep the order the objects are created in;
 * the pod count is the workload's (`spec.size`), so it only shows with the Job or JobSet; the
 * services Pod is named apart because it is a pod of its own, not one of the workload's.
 */
export function summaryLine(
  manifests: readonly RenderedManifest[],
  include: ReadonlySet<IncludeLetter>,
  pods: number | undefined,
): string {
  const included = includedManifests(manifests, include);
  if (included.length === 0) return manifests.length === 0 ? 'No objects' : 'No objects selected';
  const counts = new Map<string, number>();
  let servicePods = 0;
  for (const manifest of included) {
    if (manifest.kind === 'Pod') servicePods++;
    else counts.set(manifest.kind, (counts.get(manifest.kind) ?? 0) + 1);
  }
  let line = [...counts].map(([kind, count]) => `${count} ${pluralKind(kind, count)}`).join(', ');
  if (WORKLOAD_KINDS.some((kind) => counts.has(kind)) && pods !== undefined) line += `: ${countOf(pods, 'pod', 'pods')}`;
  if (servicePods > 0) {
    line += line === '' ? countOf(servicePods, 'services pod', 'services pods') : ` +${countOf(servicePods, 'services pod', 'services pods')}`;
  }
  return line;
}
