import { describe, expect, it } from 'vitest';
import { DRAW_ALL_UP_TO, MAX_DRAWN, foldTree, foldedTreeText, listRanks, type DrawnNode } from './fold.ts';
import type { Rank } from './model.ts';

// Parent rules written out here (gang.md §5), so the fold is tested on trees of known shape.
const kary = (k: number) => (i: number) => (k === 0 ? 0 : Math.floor((i - 1) / k));
const binomial = (i: number) => i & (i - 1);

function ranksOf(maxSize: number, size: number, parentOf: (i: number) => number, name = 'demo'): Rank[] {
  return Array.from({ length: maxSize }, (_, i) => ({ rank: i, host: `${name}-${i}`, parent: i === 0 ? null : parentOf(i), offline: i >= size }));
}

/** Every rank a node stands for. */
const covered = (node: DrawnNode): number[] => (node.kind === 'rank' ? [node.rank] : Array.from({ length: node.count }, (_, i) => node.first + i));

const SHAPES: Array<[string, (i: number) => number]> = [
  ['kary:1', kary(1)],
  ['kary:2', kary(2)],
  ['kary:256', kary(256)],
  ['kary:0', kary(0)],
  ['binomial', binomial],
  ['mincrit:4', (i) => (i <= 4 ? 0 : ((i - 4 - 1) % 4) + 1)],
];

describe('foldTree', () => {
  it('draws every rank of a small cluster, in the order of the text form', () => {
    const tree = foldTree(ranksOf(8, 8, binomial), 8);
    expect(tree.folded).toBe(false);
    expect(tree.nodes.map((n) => (n.kind === 'rank' ? n.rank : -1))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(foldedTreeText(tree)).toBe(
      ['0 demo-0', '├─ 1 demo-1', '├─ 2 demo-2', '│  └─ 3 demo-3', '└─ 4 demo-4', '   ├─ 5 demo-5', '   └─ 6 demo-6', '      └─ 7 demo-7'].join('\n'),
    );
  });

  it('marks the ranks at or above size offline, to the end of the line', () => {
    const text = foldedTreeText(foldTree(ranksOf(4, 2, kary(256)), 2));
    expect(text.split('\n')).toEqual(['0 demo-0', '├─ 1 demo-1', '├─ 2 demo-2 (offline until the cluster grows)', '└─ 3 demo-3 (offline until the cluster grows)']);
  });

  for (const [shape, parentOf] of SHAPES) {
    for (const [maxSize, size] of [
      [DRAW_ALL_UP_TO + 1, DRAW_ALL_UP_TO + 1],
      [300, 300],
      [10_000, 10_000],
      [10_000, 4],
      [10_000, 5_000],
      [1_100, 1_099],
    ] as const) {
      it(`${shape}, size ${size} of ${maxSize}: a bounded number of nodes that cover every rank once, each under the node of its parent`, () => {
        const ranks = ranksOf(maxSize, size, parentOf);
        const tree = foldTree(ranks, size);
        expect(tree.folded).toBe(true);
        expect(tree.nodes.length).toBeLessThanOrEqual(MAX_DRAWN);
        expect(MAX_DRAWN).toBeLessThanOrEqual(60);
        const all = tree.nodes.flatMap(covered).sort((a, b) => a - b);
        expect(all).toEqual(ranks.map((r) => r.rank));
        const nodeOf = new Map<number, number>();
        tree.nodes.forEach((node, i) => covered(node).forEach((r) => nodeOf.set(r, i)));
        tree.nodes.forEach((node, i) => {
          const first = covered(node)[0] as number;
          const parent = ranks[first]?.parent ?? null;
          expect(node.under).toBe(parent === null ? null : nodeOf.get(parent));
          if (node.under !== null) {
            // Drawn after its parent, one level down: the order the text form prints.
            expect(node.under).toBeLessThan(i);
            expect(node.depth).toBe((tree.nodes[node.under] as DrawnNode).depth + 1);
          }
          // A group's other parents are the parents of its ranks that lie outside it.
          if (node.kind === 'group') {
            const outside = new Set(covered(node).map((r) => ranks[r]?.parent).filter((p): p is number => p != null && (p < node.first || p > node.last)));
            expect(node.parents).toEqual([...outside].sort((a, b) => a - b));
          }
          expect(covered(node).every((r) => ranks[r]?.offline === node.offline)).toBe(true);
        });
        // The first and last ranks of each kind are drawn one by one.
        const single = new Set(tree.nodes.flatMap((n) => (n.kind === 'rank' ? [n.rank] : [])));
        for (const r of [0, 1, Math.min(size, maxSize) - 1, maxSize - 1]) expect(single.has(r)).toBe(true);
        if (maxSize > size) expect(single.has(size)).toBe(true);
      });
    }
  }

  it('folds a chain of 10,000 into one group between the head and the tail, its ranks under the group', () => {
    const tree = foldTree(ranksOf(10_000, 10_000, kary(1)), 10_000);
    const text = foldedTreeText(tree).split('\n');
    expect(text[12]).toBe(`${' '.repeat(33)}└─ 12–9995 demo-12 … demo-9995 (9984 ranks folded, under 11)`);
    expect(text.at(-1)).toBe(`${' '.repeat(45)}└─ 9999 demo-9999`);
    expect(text).toHaveLength(17);
  });

  it('hangs the last ranks of a kary:256 tree of 10,000 under their own parent, drawn', () => {
    const tree = foldTree(ranksOf(10_000, 10_000, kary(256)), 10_000);
    const parentOfLast = Math.floor((9999 - 1) / 256);
    const last = tree.nodes.find((n) => n.kind === 'rank' && n.rank === 9999) as DrawnNode;
    const under = tree.nodes[last.under as number] as DrawnNode;
    expect(under).toMatchObject({ kind: 'rank', rank: parentOfLast });
  });
});

describe('listRanks', () => {
  it('writes runs as ranges and counts what does not fit', () => {
    expect(listRanks([0, 1, 2, 7])).toBe('0–2, 7');
    expect(listRanks([1, 3, 5, 7, 9, 11])).toBe('1, 3, 5, 7 and 2 more');
  });
});
