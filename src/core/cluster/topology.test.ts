/**
 * The broker tree's parent rule against flux-core's rules for each topology, written out again here
 * on their own (not with the module's helpers), at every tree size from 1 to 1,100.
 */
import { describe, expect, it } from 'vitest';
import type { Topology } from './model.ts';
import { effectiveTopology, mincritRouters, parentOf, parentRule, readTopology } from './topology.ts';

const SIZES = 1100;

/** Every rank's parent at a size, by the rule under test ('-' for rank 0). */
function parents(topology: Topology, size: number): Array<number | null> {
  const rule = parentRule(topology, size);
  return Array.from({ length: size }, (_, rank) => rule(rank));
}

/** kary:K: parent(i) = floor((i - 1) / K); kary:0 is flat. */
const karyParent = (k: number, i: number) => (k === 0 ? 0 : Math.floor((i - 1) / k));

/** binomial: the rank with its lowest set bit cleared, found by counting bits. */
function binomialParent(i: number): number {
  let bit = 1;
  while ((i % (bit * 2)) === 0) bit *= 2;
  return i - bit;
}

/** mincrit with k routers: ranks 1..k under 0, leaf i > k under ((i - k - 1) mod k) + 1; k 0 is flat. */
const mincritParent = (k: number, i: number) => (k === 0 || i <= k ? 0 : ((i - k - 1) % k) + 1);

/** mincrit's own k: flat up to 1,025 ranks, else the smallest k >= 2 with every router at <= 1,024 leaves. */
function mincritK(size: number): number {
  if (size <= 1025) return 0;
  for (let k = 2; ; k++) {
    const leaves = size - 1 - k;
    // The busiest router carries the leaves that do not divide evenly.
    const busiest = Math.floor(leaves / k) + (leaves % k === 0 ? 0 : 1);
    if (busiest <= 1024) return k;
  }
}

function expectEveryRank(topology: Topology, expected: (rank: number, size: number) => number) {
  for (let size = 1; size <= SIZES; size++) {
    const got = parents(topology, size);
    expect(got[0], `rank 0 at size ${size}`).toBeNull();
    for (let rank = 1; rank < size; rank++) {
      if (got[rank] !== expected(rank, size)) {
        // One expect per mismatch only: a million passing expects would be slow.
        expect(got[rank], `${JSON.stringify(topology)} rank ${rank} at size ${size}`).toBe(expected(rank, size));
      }
    }
  }
}

describe('the parent of every rank at every size 1..1,100', () => {
  for (let k = 1; k <= 8; k++) {
    it(`kary:${k}`, () => expectEveryRank({ kind: 'kary', k }, (i) => karyParent(k, i)));
  }
  it('kary:256 (the operator fanout)', () => expectEveryRank({ kind: 'kary', k: 256 }, (i) => karyParent(256, i)));
  it('kary:0 puts every rank under 0', () => expectEveryRank({ kind: 'kary', k: 0 }, () => 0));
  it('binomial', () => expectEveryRank({ kind: 'binomial' }, (i) => binomialParent(i)));
  it('mincrit, choosing k from the size', () => expectEveryRank({ kind: 'mincrit' }, (i, size) => mincritParent(mincritK(size), i)));
  for (const k of [0, 1, 2, 3, 7, 16, 64]) {
    it(`mincrit:${k}`, () => expectEveryRank({ kind: 'mincrit', k }, (i) => mincritParent(k, i)));
  }
  it('custom is flat (a MiniCluster cannot set parent keys)', () => expectEveryRank({ kind: 'custom' }, () => 0));
});

describe('hand-checked parents', () => {
  it('binomial at size 8: -,0,0,2,0,4,4,6', () => {
    expect(parents({ kind: 'binomial' }, 8)).toEqual([null, 0, 0, 2, 0, 4, 4, 6]);
  });

  it('kary:256 at size 300: ranks 1-256 under 0, ranks 257-299 under rank 1', () => {
    const got = parents({ kind: 'kary', k: 256 }, 300);
    expect(got.slice(1, 257).every((p) => p === 0)).toBe(true);
    expect(got.slice(257)).toEqual(Array(43).fill(1));
  });

  it('kary:2 at size 7 is a full binary tree', () => {
    expect(parents({ kind: 'kary', k: 2 }, 7)).toEqual([null, 0, 0, 1, 1, 2, 2]);
  });

  it('mincrit is flat at 1,025 ranks and gets two routers at 1,026', () => {
    expect(mincritRouters(1025)).toBe(0);
    expect(parentOf({ kind: 'mincrit' }, 1024, 1025)).toBe(0);
    expect(mincritRouters(1026)).toBe(2);
    // Routers 1 and 2 under 0, then leaves 3, 4, 5, ... alternate between them.
    expect([1, 2, 3, 4, 5, 1025].map((r) => parentOf({ kind: 'mincrit' }, r, 1026))).toEqual([0, 0, 1, 2, 1, 1]);
  });

  it('mincrit at 2,050 and 2,051 ranks keeps two routers of 1,024 leaves; 2,052 takes three', () => {
    expect(mincritRouters(2050)).toBe(2);
    expect(mincritRouters(2051)).toBe(2);
    expect(mincritRouters(2052)).toBe(3);
    const at2051 = parents({ kind: 'mincrit' }, 2051);
    expect(at2051.filter((p) => p === 1)).toHaveLength(1024);
    expect(at2051.filter((p) => p === 2)).toHaveLength(1024);
  });

  it('mincrit:k with every rank a router puts all under 0', () => {
    expect(parents({ kind: 'mincrit', k: 5 }, 6)).toEqual([null, 0, 0, 0, 0, 0]);
    expect(parents({ kind: 'mincrit', k: 5 }, 8)).toEqual([null, 0, 0, 0, 0, 0, 1, 2]);
  });
});

describe('reading spec.flux.topology', () => {
  it('takes the values flux-core takes', () => {
    expect(readTopology('kary:2')).toEqual({ ok: true, topology: { kind: 'kary', k: 2 } });
    expect(readTopology('kary:0')).toEqual({ ok: true, topology: { kind: 'kary', k: 0 } });
    expect(readTopology('binomial')).toEqual({ ok: true, topology: { kind: 'binomial' } });
    expect(readTopology('binomial:')).toEqual({ ok: true, topology: { kind: 'binomial' } });
    expect(readTopology('mincrit')).toEqual({ ok: true, topology: { kind: 'mincrit' } });
    expect(readTopology('mincrit:')).toEqual({ ok: true, topology: { kind: 'mincrit' } });
    expect(readTopology('mincrit:4')).toEqual({ ok: true, topology: { kind: 'mincrit', k: 4 } });
    expect(readTopology('custom')).toEqual({ ok: true, topology: { kind: 'custom' } });
  });

  it('refuses what flux-core refuses, saying why', () => {
    const problem = (value: string) => {
      const reading = readTopology(value);
      return reading.ok ? 'accepted' : reading.problem;
    };
    expect(problem('kary')).toMatch(/kary needs its K after a colon/);
    expect(problem('kary:')).toMatch(/needs its K/);
    expect(problem('kary:two')).toMatch(/"kary:two" does not give K as a whole number/);
    expect(problem('mincrit:x')).toMatch(/whole number/);
    expect(problem('kary:99999999999')).toMatch(/too large/);
    expect(problem('binomial:2')).toMatch(/binomial takes nothing after the colon/);
    expect(problem('custom:file')).toMatch(/custom takes nothing/);
    expect(problem('tree')).toMatch(/no topology named "tree"/);
    expect(problem('Kary:2')).toMatch(/no topology named "Kary"/);
  });

  it('is the operator fanout when the spec names none, and the spec topology otherwise', () => {
    expect(effectiveTopology(undefined)).toEqual({ topology: { kind: 'kary', k: 256 }, text: 'kary:256', from: 'operator' });
    expect(effectiveTopology('')).toMatchObject({ text: 'kary:256', from: 'operator' });
    expect(effectiveTopology('mincrit:')).toEqual({ topology: { kind: 'mincrit' }, text: 'mincrit', from: 'spec' });
    expect(effectiveTopology('kary:007')).toMatchObject({ text: 'kary:7', from: 'spec' });
    expect(() => effectiveTopology('ring')).toThrow(/ring/);
  });
});
