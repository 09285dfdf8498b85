/**
 * The broker tree as a picture can hold it: every rank of a small cluster, and for a large one the
 * first ranks, the last ones (with their parents) and the first and last offline ones, the ranks
 * between them folded into groups of consecutive ranks with counts. The number of drawn nodes is
 * bounded whatever the size and topology (`MAX_DRAWN`), so drawing costs the same at 10,000 ranks
 * as at 50. The nodes come in the order `flux overlay status` prints the tree (each node after its
 * parent, children by rank), each with its depth, so both the picture and the text follow from it.
 */
import type { Rank, RankGroup } from './model.ts';
import { BRANCH, LAST_BRANCH, OFFLINE_SUFFIX, UNDER_BRANCH, UNDER_LAST } from './tree.ts';

/** Up to this many ranks every rank is drawn. */
export const DRAW_ALL_UP_TO = 32;
/** Ranks kept from the start of the tree (rank 0 and its first followers). */
const HEAD = 12;
/** Online ranks kept from the end (the last pods of `size`). */
const TAIL = 3;
/** Offline ranks kept at each end of the offline range. */
const OFFLINE_ENDS = 2;
/** The most ranks kept one by one: the head, the ends and one parent of each end. */
const MAX_KEPT = HEAD + 2 * (TAIL + 2 * OFFLINE_ENDS);
/**
 * The most nodes drawn: the kept ranks, a group between each two of them and at each end, and one
 * more where a group is split because the offline ranks start in it.
 */
export const MAX_DRAWN = 2 * MAX_KEPT + 2;

export type DrawnNode = (
  | { kind: 'rank'; rank: number; host: string }
  | ({ kind: 'group'; count: number; firstHost: string; lastHost: string } & RankGroup)
) & {
  offline: boolean;
  /** Index (in `nodes`) of the node that holds the parent of this node's first rank; null for rank 0. */
  under: number | null;
  /** 0 for rank 0, one more than `under`'s. */
  depth: number;
  /** The next node at the same depth under the same parent exists (the text's `├─` rather than `└─`). */
  hasNextSibling: boolean;
};

export interface FoldedTree {
  nodes: DrawnNode[];
  /** Ranks in the tree (maxSize). */
  ranks: number;
  /** Some ranks are drawn in groups. */
  folded: boolean;
}

/** The ranks a large tree keeps drawn one by one. */
function keptRanks(ranks: readonly Rank[], size: number): Set<number> {
  const n = ranks.length;
  const online = Math.min(size, n);
  const kept = new Set<number>();
  const keepRange = (from: number, to: number) => {
    for (let r = Math.max(0, from); r < Math.min(n, to); r++) kept.add(r);
  };
  keepRange(0, HEAD);
  const ends: number[] = [];
  for (let r = Math.max(0, online - TAIL); r < online; r++) ends.push(r);
  for (let r = online; r < Math.min(n, online + OFFLINE_ENDS); r++) ends.push(r);
  for (let r = Math.max(online, n - OFFLINE_ENDS); r < n; r++) ends.push(r);
  for (const r of ends) {
    kept.add(r);
    // One level up, so that the last ranks are seen under a rank of their own, not under a fold.
    const parent = ranks[r]?.parent;
    if (parent !== null && parent !== undefined) kept.add(parent);
  }
  return kept;
}

/** Consecutive runs: each kept rank alone, the ranks between them as one group (split where offline starts). */
function runs(ranks: readonly Rank[], size: number, kept: ReadonlySet<number>): Array<{ first: number; last: number }> {
  const out: Array<{ first: number; last: number }> = [];
  let start = -1;
  const close = (end: number) => {
    if (start >= 0) out.push({ first: start, last: end });
    start = -1;
  };
  for (let r = 0; r < ranks.length; r++) {
    if (kept.has(r)) {
      close(r - 1);
      out.push({ first: r, last: r });
      continue;
    }
    if (r === size) close(r - 1);
    if (start < 0) start = r;
  }
  close(ranks.length - 1);
  return out;
}

/**
 * Folds the tree of `ranks` (every rank up to maxSize, in rank order, with its parent) for drawing.
 * `size` is where the offline ranks start.
 */
export function foldTree(ranks: readonly Rank[], size: number): FoldedTree {
  const n = ranks.length;
  const folded = n > DRAW_ALL_UP_TO;
  const kept = folded ? keptRanks(ranks, size) : undefined;
  const spans = kept ? runs(ranks, size, kept) : ranks.map((r) => ({ first: r.rank, last: r.rank }));

  // Which span holds each rank: spans are consecutive, so a binary search over their starts.
  const starts = spans.map((s) => s.first);
  const spanOf = (rank: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= rank) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  type Unordered = Omit<DrawnNode, 'under' | 'depth' | 'hasNextSibling'> & { underSpan: number | null };
  const unordered: Unordered[] = spans.map(({ first, last }, index) => {
    const head = ranks[first] as Rank;
    const underSpan = head.parent === null ? null : spanOf(head.parent);
    if (first === last) return { kind: 'rank', rank: first, host: head.host, offline: head.offline, underSpan };
    const parents = new Set<number>();
    for (let r = first; r <= last; r++) {
      const p = (ranks[r] as Rank).parent;
      if (p !== null && (p < first || p > last)) parents.add(p);
    }
    return {
      kind: 'group',
      first,
      last,
      count: last - first + 1,
      firstHost: head.host,
      lastHost: (ranks[last] as Rank).host,
      parents: [...parents].sort((a, b) => a - b),
      offline: head.offline,
      underSpan: underSpan === index ? null : underSpan,
    };
  });

  // Depth-first from rank 0, children in rank order: the order `flux overlay status` prints.
  const children: number[][] = spans.map(() => []);
  for (let i = 0; i < unordered.length; i++) {
    const u = (unordered[i] as Unordered).underSpan;
    if (u !== null) (children[u] as number[]).push(i);
  }
  const nodes: DrawnNode[] = [];
  const stack: Array<{ span: number; under: number | null; depth: number; hasNextSibling: boolean }> = [];
  for (let i = unordered.length - 1; i >= 0; i--) {
    if ((unordered[i] as Unordered).underSpan === null) stack.push({ span: i, under: null, depth: 0, hasNextSibling: false });
  }
  while (stack.length > 0) {
    const { span, under, depth, hasNextSibling } = stack.pop() as (typeof stack)[number];
    const { underSpan: _, ...node } = unordered[span] as Unordered;
    const index = nodes.push({ ...node, under, depth, hasNextSibling } as DrawnNode) - 1;
    const mine = children[span] as number[];
    for (let c = mine.length - 1; c >= 0; c--) stack.push({ span: mine[c] as number, under: index, depth: depth + 1, hasNextSibling: c < mine.length - 1 });
  }
  return { nodes, ranks: n, folded };
}

/** `12–9995`, the ranks a node stands for. */
export function rankLabel(node: DrawnNode): string {
  return node.kind === 'rank' ? String(node.rank) : `${node.first}–${node.last}`;
}

/** One node's line of the text form, without its connector. */
export function nodeLine(node: DrawnNode): string {
  if (node.kind === 'rank') return `${node.rank} ${node.host}${node.offline ? OFFLINE_SUFFIX : ''}`;
  const under = node.parents.length > 0 ? `, under ${listRanks(node.parents)}` : '';
  return `${node.first}–${node.last} ${node.firstHost} … ${node.lastHost} (${node.count} ranks folded${under})${node.offline ? OFFLINE_SUFFIX : ''}`;
}

/** `0, 1, 2, 7` as `0–2, 7`, with at most a few runs and a count beyond them. */
export function listRanks(ranks: readonly number[], maxRuns = 4): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ranks.length) {
    let j = i;
    while (j + 1 < ranks.length && (ranks[j + 1] as number) === (ranks[j] as number) + 1) j++;
    parts.push(i === j ? String(ranks[i]) : `${ranks[i]}–${ranks[j]}`);
    i = j + 1;
  }
  if (parts.length <= maxRuns) return parts.join(', ');
  return `${parts.slice(0, maxRuns).join(', ')} and ${parts.length - maxRuns} more`;
}

/**
 * The folded tree in the form of `flux overlay status` without the status: rank 0 alone, then each
 * node under its parent with `├─ `, `└─ ` and `│  `. A group stands for its ranks on one line.
 */
export function foldedTreeText(tree: FoldedTree): string {
  const lines: string[] = [];
  // The prefix each depth's children continue with, rebuilt as the walk goes down.
  const prefixes: string[] = [''];
  for (const node of tree.nodes) {
    if (node.depth === 0) {
      lines.push(nodeLine(node));
      prefixes[1] = '';
      continue;
    }
    const prefix = prefixes[node.depth] ?? '';
    lines.push(`${prefix}${node.hasNextSibling ? BRANCH : LAST_BRANCH}${nodeLine(node)}`);
    prefixes[node.depth + 1] = prefix + (node.hasNextSibling ? UNDER_BRANCH : UNDER_LAST);
  }
  return lines.join('\n');
}
