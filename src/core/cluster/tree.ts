/**
 * The broker tree as text, drawn as `flux overlay status` draws it but without the status: one
 * line per rank, children under their parent in rank order. It is the picture's text alternative
 * and what `minicluster-gen --tree` prints.
 */
import type { ClusterModel, Rank } from './model.ts';

export const OFFLINE_SUFFIX = ' (offline until the cluster grows)';

/** `flux overlay status`'s connectors: before a child with a later sibling, before the last one, and under each. */
export const BRANCH = '├─ ';
export const LAST_BRANCH = '└─ ';
export const UNDER_BRANCH = '│  ';
export const UNDER_LAST = '   ';

/** Each rank's children in rank order; ranks are listed in rank order, with rank i at index i. */
function childLists(ranks: readonly Rank[]): number[][] {
  const children: number[][] = ranks.map(() => []);
  for (const { rank, parent } of ranks) if (parent !== null) children[parent]?.push(rank);
  return children;
}

/**
 * The lines of the tree, depth first. Walked with a stack of its own, not by recursion: a chain
 * (`kary:1`) is as deep as the cluster is large.
 */
export function treeLines(model: Pick<ClusterModel, 'ranks'>): string[] {
  const { ranks } = model;
  if (ranks.length === 0) return [];
  const children = childLists(ranks);
  const label = (rank: number) => {
    const r = ranks[rank] as Rank;
    return `${rank} ${r.host}${r.offline ? OFFLINE_SUFFIX : ''}`;
  };
  const lines: string[] = [label(0)];
  // Entries to draw: a rank, the indent of its line, and whether it is its parent's last child.
  const stack: Array<{ rank: number; indent: string; last: boolean }> = [];
  const pushChildren = (of: number, indent: string) => {
    const list = children[of] ?? [];
    // Pushed last to first, so the first child is drawn first.
    for (let i = list.length - 1; i >= 0; i--) stack.push({ rank: list[i] as number, indent, last: i === list.length - 1 });
  };
  pushChildren(0, '');
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    lines.push(`${entry.indent}${entry.last ? LAST_BRANCH : BRANCH}${label(entry.rank)}`);
    pushChildren(entry.rank, entry.indent + (entry.last ? UNDER_LAST : UNDER_BRANCH));
  }
  return lines;
}

/** The tree as one text, each line ended by a newline. */
export function treeText(model: Pick<ClusterModel, 'ranks'>): string {
  const lines = treeLines(model);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * The length of `treeText` (in UTF-16 code units), found without making it. Each line is indented
 * three characters per level, so a deep tree's text grows with the square of its ranks: a chain
 * (`kary:1`) of 100,000 ranks would be some 15 GB.
 */
export function treeTextLength(model: Pick<ClusterModel, 'ranks'>): number {
  const { ranks } = model;
  const depth = new Uint32Array(ranks.length);
  let length = 0;
  for (const { rank, parent, host, offline } of ranks) {
    // Every topology puts a parent before its children, so its depth is known here.
    const d = parent === null ? 0 : (depth[parent] ?? 0) + 1;
    depth[rank] = d;
    length += 3 * d + String(rank).length + 1 + host.length + (offline ? OFFLINE_SUFFIX.length : 0) + 1;
  }
  return length;
}
