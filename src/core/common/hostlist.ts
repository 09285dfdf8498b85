/** The hostlist of a MiniCluster's brokers, as Flux reads it in the broker configuration and the scripts. */

/** `start` alone for one host, else `start-end`. Callers validate count ≥ 1 first. */
export function hostRange(count: number, start: number): string {
  return count === 1 ? String(start) : `${start}-${start + count - 1}`;
}

/** What the hostlist depends on; the same in v1alpha1 and v1alpha2. */
export interface HostlistSource {
  metadata: { name: string };
  spec: {
    maxSize: number;
    flux: {
      bursting?: {
        hostlist?: string | undefined;
        leadBroker?: { address: string; name: string; size: number } | undefined;
        clusters?: Array<{ name?: string | undefined; size?: number | undefined }> | undefined;
      } | undefined;
    };
  };
}

/**
 * `ownPrefix` is what precedes the index in this MiniCluster's own host names (`NAME-` for the
 * operator's Job, `NAME-node-0-` under a JobSet): it names the hosts of a root cluster, and those of
 * a `bursting.clusters` entry named after this MiniCluster. Other clusters' names stay as written.
 */
export function hostlist(mc: HostlistSource, ownPrefix = `${mc.metadata.name}-`): string {
  const bursting = mc.spec.flux.bursting;
  if (bursting?.hostlist) return bursting.hostlist;
  const lead = bursting?.leadBroker;
  const head = lead?.address
    ? `${lead.address},${lead.name}-[${hostRange(lead.size - 1, 1)}]`
    : `${ownPrefix}[${hostRange(mc.spec.maxSize, 0)}]`;
  const clusters = (bursting?.clusters ?? []).map((c) => `,${c.name === mc.metadata.name ? ownPrefix : `${c.name ?? ''}-`}[${hostRange(c.size ?? 0, 0)}]`);
  return head + clusters.join('');
}
