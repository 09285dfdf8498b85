/** The tree's text form against trees written out by hand, as `flux overlay status` draws them. */
import { describe, expect, it } from 'vitest';
import type { Rank } from './model.ts';
import { modelOf, v1alpha2Spec } from './modelOf.test-util.ts';
import { parentRule } from './topology.ts';
import { treeLines, treeText, treeTextLength } from './tree.ts';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('the tree as text', () => {
  it('one rank is the root line alone', () => {
    expect(treeText(modelOf(v1alpha2Spec('  size: 1')))).toBe('0 flux-sample-0\n');
  });

  it('three ranks under the operator fanout hang flat under rank 0', () => {
    expect(treeText(modelOf(v1alpha2Spec('  size: 3')))).toBe(lines('0 flux-sample-0', '├─ 1 flux-sample-1', '└─ 2 flux-sample-2'));
  });

  it('binomial at size 8', () => {
    expect(treeText(modelOf(v1alpha2Spec('  size: 8\n  flux:\n    topology: binomial')))).toBe(
      lines(
        '0 flux-sample-0',
        '├─ 1 flux-sample-1',
        '├─ 2 flux-sample-2',
        '│  └─ 3 flux-sample-3',
        '└─ 4 flux-sample-4',
        '   ├─ 5 flux-sample-5',
        '   └─ 6 flux-sample-6',
        '      └─ 7 flux-sample-7',
      ),
    );
  });

  it('kary:2 at size 7', () => {
    expect(treeText(modelOf(v1alpha2Spec('  size: 7\n  flux:\n    topology: kary:2')))).toBe(
      lines(
        '0 flux-sample-0',
        '├─ 1 flux-sample-1',
        '│  ├─ 3 flux-sample-3',
        '│  └─ 4 flux-sample-4',
        '└─ 2 flux-sample-2',
        '   ├─ 5 flux-sample-5',
        '   └─ 6 flux-sample-6',
      ),
    );
  });

  it('ranks from size up to maxSize are in the tree, offline', () => {
    expect(treeText(modelOf(v1alpha2Spec('  size: 2\n  maxSize: 5\n  flux:\n    topology: kary:2')))).toBe(
      lines(
        '0 flux-sample-0',
        '├─ 1 flux-sample-1',
        '│  ├─ 3 flux-sample-3 (offline until the cluster grows)',
        '│  └─ 4 flux-sample-4 (offline until the cluster grows)',
        '└─ 2 flux-sample-2 (offline until the cluster grows)',
      ),
    );
  });

  it('names the JobSet hosts when the workload is a JobSet', () => {
    expect(treeText(modelOf(v1alpha2Spec('  size: 2'), { workload: 'jobset' }))).toBe(lines('0 flux-sample-node-0-0', '└─ 1 flux-sample-node-0-1'));
  });

  it('draws a chain of 10,000 ranks (kary:1) without running out of stack', () => {
    const size = 10_000;
    const parent = parentRule({ kind: 'kary', k: 1 }, size);
    const ranks: Rank[] = Array.from({ length: size }, (_, rank) => ({ rank, host: `h-${rank}`, parent: parent(rank), offline: false }));
    const drawn = treeLines({ ranks });
    expect(drawn).toHaveLength(size);
    expect(drawn[1]).toBe('└─ 1 h-1');
    expect(drawn[3]).toBe('      └─ 3 h-3');
    expect(drawn[size - 1]).toBe(`${'   '.repeat(size - 2)}└─ ${size - 1} h-${size - 1}`);
  });

  it('knows the length of its text without making it, for every topology, size and maxSize', () => {
    const topologies = ['', 'kary:1', 'kary:3', 'binomial', 'mincrit:2', 'custom'];
    for (const topology of topologies) {
      for (const [size, maxSize] of [[1, 1], [3, 3], [5, 17], [40, 40], [9, 64]] as const) {
        const model = modelOf(v1alpha2Spec(`  size: ${size}\n  maxSize: ${maxSize}${topology ? `\n  flux:\n    topology: ${topology}` : ''}`, 'h'));
        expect(treeTextLength(model), `${topology} ${size}/${maxSize}`).toBe(treeText(model).length);
      }
    }
    expect(treeTextLength({ ranks: [] })).toBe(0);
  });

  it('is empty for no ranks', () => {
    expect(treeText({ ranks: [] })).toBe('');
  });
});
