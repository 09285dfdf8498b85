/**
 * The Flux broker tree (TBON) a MiniCluster's brokers build: which topology they run and the parent
 * of each rank under it, by flux-core's rules. The operator always starts the brokers with
 * `-Stbon.fanout=256` (the same as `kary:256`) and adds `-Stbon.topo=<spec.flux.topology>` when the
 * spec sets one, which wins over the fanout.
 */
import { quote } from '../common/quoteText.ts';
import type { EffectiveTopology, Topology } from './model.ts';

/** The operator's `-Stbon.fanout`. */
export const OPERATOR_FANOUT = 256;

/** mincrit without k picks the fewest routers that keep each of them at or under this many leaves. */
export const MINCRIT_MAX_FANOUT = 1024;

/** The values flux-core takes, for messages. */
export const TOPOLOGY_VALUES = 'kary:K (K a whole number; kary:0 is flat), binomial, mincrit, mincrit:K or custom';

/** flux-core reads K into a C int. */
const MAX_K = 2 ** 31 - 1;

export type TopologyReading = { ok: true; topology: Topology } | { ok: false; problem: string };

/**
 * `name[:arg]` as flux-core's topology plugins read it. K is written as plain digits: flux-core's
 * number reader would also skip leading blanks or take a sign, but the operator passes the value
 * on the broker's command line, where a blank splits it and a negative K would mean a flat tree.
 */
export function readTopology(value: string): TopologyReading {
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  const arg = colon < 0 ? undefined : value.slice(colon + 1);
  const number = (what: string): TopologyReading | number => {
    if (arg === undefined || arg === '') return { ok: false, problem: `${what} needs its K after a colon, for example ${what}:2` };
    if (!/^\d+$/.test(arg)) return { ok: false, problem: `${quote(`${what}:${arg}`)} does not give K as a whole number (digits only)` };
    const k = Number(arg);
    if (k > MAX_K) return { ok: false, problem: `K ${arg} is too large (flux-core takes at most ${MAX_K})` };
    return k;
  };
  switch (name) {
    case 'kary': {
      const k = number('kary');
      return typeof k === 'number' ? { ok: true, topology: { kind: 'kary', k } } : k;
    }
    case 'mincrit': {
      if (arg === undefined || arg === '') return { ok: true, topology: { kind: 'mincrit' } };
      const k = number('mincrit');
      return typeof k === 'number' ? { ok: true, topology: { kind: 'mincrit', k } } : k;
    }
    case 'binomial':
    case 'custom':
      if (arg !== undefined && arg !== '') return { ok: false, problem: `${name} takes nothing after the colon, and ${quote(`${name}:${arg}`)} gives ${quote(arg)}` };
      return { ok: true, topology: { kind: name } };
    default:
      return { ok: false, problem: `flux-core has no topology named ${quote(name)}` };
  }
}

/** As `tbon.topo` writes it. */
export function topologyText(topology: Topology): string {
  switch (topology.kind) {
    case 'kary':
      return `kary:${topology.k}`;
    case 'mincrit':
      return topology.k === undefined ? 'mincrit' : `mincrit:${topology.k}`;
    default:
      return topology.kind;
  }
}

/**
 * The topology the brokers run: the spec's `flux.topology` when set (v1alpha2; v1alpha1 has no
 * such field), else the operator's fanout. A value flux-core refuses is an error of the analysis,
 * so a resolved spec never has one; meeting one here is a caller's mistake.
 */
export function effectiveTopology(specTopology: string | undefined): EffectiveTopology {
  if (!specTopology) {
    const topology: Topology = { kind: 'kary', k: OPERATOR_FANOUT };
    return { topology, text: topologyText(topology), from: 'operator' };
  }
  const reading = readTopology(specTopology);
  if (!reading.ok) throw new Error(`spec.flux.topology ${quote(specTopology)} is not a topology flux-core runs: ${reading.problem}`);
  return { topology: reading.topology, text: topologyText(reading.topology), from: 'spec' };
}

/** The leaves a mincrit router of `k` routers carries in a tree of `treeSize` ranks, the busiest one's. */
function mincritRouterFanout(treeSize: number, k: number): number {
  return Math.ceil((treeSize - 1 - k) / k);
}

/**
 * mincrit's router count when none is given: none (flat) while rank 0 can carry every other rank,
 * else the fewest routers, at least 2 (one router would only move rank 0's work to rank 1), that
 * keep each router's leaves within the limit.
 */
export function mincritRouters(treeSize: number): number {
  if (treeSize <= MINCRIT_MAX_FANOUT + 1) return 0;
  let k = 2;
  while (mincritRouterFanout(treeSize, k) > MINCRIT_MAX_FANOUT) k += 1;
  return k;
}

/**
 * The parent rule of a topology for a tree of `treeSize` ranks, made once (mincrit without k
 * chooses its routers from the size): the parent of a rank, null for rank 0. Every topology puts
 * a parent before its children in rank order.
 */
export function parentRule(topology: Topology, treeSize: number): (rank: number) => number | null {
  switch (topology.kind) {
    case 'kary': {
      const { k } = topology;
      return (rank) => (rank === 0 ? null : k === 0 ? 0 : Math.floor((rank - 1) / k));
    }
    case 'binomial':
      // Clearing the lowest set bit; ranks stay far below 2^31, where bitwise operators hold.
      return (rank) => (rank === 0 ? null : rank & (rank - 1));
    case 'mincrit': {
      const k = topology.k ?? mincritRouters(treeSize);
      return (rank) => (rank === 0 ? null : k === 0 || rank <= k ? 0 : ((rank - k - 1) % k) + 1);
    }
    case 'custom':
      return (rank) => (rank === 0 ? null : 0);
  }
}

/** The parent of `rank` in a tree of `treeSize` ranks (the host list runs to maxSize); null for rank 0. */
export function parentOf(topology: Topology, rank: number, treeSize: number): number | null {
  return parentRule(topology, treeSize)(rank);
}
