import { describe, expect, it } from 'vitest';
import { MAX_DRAWN } from '../../core/index.ts';
import { CHAR_W, allBoxes, fit, layoutCluster, overlaps, wrap, type Box, type ClusterLayout } from './layout.ts';
import { clusterPicture } from './picture.ts';
import { binomial, kary, sampleModel, type SampleOptions } from './sampleModel.test-util.ts';

const picture = (options: SampleOptions) => clusterPicture(sampleModel(options));

const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

function checkLayout(layout: ClusterLayout): void {
  const boxes = allBoxes(layout);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    expect(a.box.x + a.box.w, a.what).toBeLessThanOrEqual(layout.width);
    expect(a.box.y + a.box.h, a.what).toBeLessThanOrEqual(layout.height);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      expect(overlaps(a.box, b.box), `${a.what} overlaps ${b.what}`).toBe(false);
    }
  }
  for (const n of layout.nodes) {
    expect(inside(n.box, layout.tree.box)).toBe(true);
    // The text fits its box, with the badge's room kept.
    expect(n.text.length * CHAR_W).toBeLessThanOrEqual(n.box.w - 16);
  }
  const frames = [layout.tree.box, layout.template.box, ...(layout.servicesPod ? [layout.servicesPod.box] : []), ...(layout.headless ? [layout.headless.box] : [])];
  for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) expect(overlaps(frames[i]!, frames[j]!)).toBe(false);
  for (const c of layout.template.containers) {
    expect(inside(c.box, layout.template.box)).toBe(true);
    for (const m of c.mounts) expect(inside(m.box, c.box)).toBe(true);
  }
}

describe('layoutCluster', () => {
  for (const width of [1000, 360]) {
    it(`places the default example's parts without overlap, in ${width} px`, () => {
      const layout = layoutCluster(picture({ servicesPod: true, wrappers: [{ kind: 'Kueue queue', name: 'team-a', detail: 'admits the workload when the quota allows' }] }), width);
      checkLayout(layout);
      expect(layout.nodes.map((n) => n.text)).toEqual(['0  flux-sample-0', '1  flux-sample-1', '2  flux-sample-2', '3  flux-sample-3']);
      expect(layout.nodes[0]?.lead).toBe(true);
      expect(layout.template.containers.map((c) => [c.name, c.badge])).toEqual([
        ['flux-sample', 'Flux runner'],
        ['sidecar', undefined],
      ]);
      expect(layout.template.containers[0]?.mounts.map((m) => m.text)).toEqual(['data → /data', 'flux-view → /mnt/flux']);
    });
  }

  it('goes to one column in a narrow space and fits in it', () => {
    const layout = layoutCluster(picture({}), 360);
    expect(layout.width).toBeLessThanOrEqual(360);
    expect(layout.template.box.y).toBeGreaterThan(layout.tree.box.y + layout.tree.box.h);
  });

  it('draws an edge from each node to its parent node, and none to rank 0', () => {
    const layout = layoutCluster(picture({ size: 8, parentOf: binomial, topology: 'binomial' }), 1000);
    expect(layout.edges).toHaveLength(7);
    layout.nodes.forEach((n, i) => {
      if (n.node.under === null) return;
      const parent = layout.nodes[n.node.under]!;
      const edge = layout.edges[i - 1]!;
      // Down from under the parent, across to the node's left side at its middle.
      expect(edge.d).toBe(`M${parent.box.x + 8} ${parent.box.y + parent.box.h}V${n.box.y + n.box.h / 2}H${n.box.x}`);
      expect(n.box.x).toBeGreaterThan(parent.box.x);
    });
  });

  for (const [name, options] of [
    ['kary:1 of 10,000', { size: 10_000, parentOf: kary(1) }],
    ['binomial of 10,000', { size: 10_000, parentOf: binomial }],
    ['kary:1, maxSize 10,000 over size 4', { size: 4, maxSize: 10_000, parentOf: kary(1) }],
    ['kary:256, 5,000 of 10,000', { size: 5_000, maxSize: 10_000 }],
  ] as const) {
    it(`keeps ${name} to a bounded picture without overlap`, () => {
      for (const width of [1000, 360]) {
        const layout = layoutCluster(picture(options), width);
        checkLayout(layout);
        expect(layout.nodes.length).toBeLessThanOrEqual(MAX_DRAWN);
        expect(layout.width).toBeLessThanOrEqual(Math.max(width, 700));
        expect(layout.nodes.some((n) => n.node.kind === 'group')).toBe(true);
      }
    });
  }

  it('names a folded group with its ranks, hosts and the ranks it hangs under', () => {
    const layout = layoutCluster(picture({ size: 10_000 }), 1000);
    const labels = layout.nodes.filter((n) => n.node.kind === 'group').map((n) => n.label);
    expect(labels).toEqual(['Ranks 12 to 38, 27 pods flux-sample-12 to flux-sample-38, folded, under rank 0', 'Ranks 40 to 9996, 9957 pods flux-sample-40 to flux-sample-9996, folded, under ranks 0–39']);
  });

  it('draws offline ranks as such and links them to maxSize, the others to size', () => {
    const layout = layoutCluster(picture({ size: 2, maxSize: 4 }), 1000);
    expect(layout.nodes.map((n) => [n.node.offline, n.field?.join('.')])).toEqual([
      [false, 'spec.size'],
      [false, 'spec.size'],
      [true, 'spec.maxSize'],
      [true, 'spec.maxSize'],
    ]);
    expect(layout.nodes[2]?.label).toBe('Rank 2, pod flux-sample-2, offline until the cluster grows');
  });

  it('draws the wrappers around the workload (a PodGroup and the certificate Secret) apart from each other, in both widths', () => {
    const wrappers = [
      { kind: 'JobSet' as const, name: 'flux-sample', detail: 'one replicated Job flux-sample-node-0 of 4 pods' },
      { kind: 'PodGroup' as const, name: 'flux-sample', detail: 'coscheduling, minMember 4, scheduler scheduler-plugins-scheduler' },
      { kind: 'Certificate Secret' as const, name: 'flux-sample-curve', detail: "the brokers' CURVE certificate, mounted read-only at /etc/curve" },
    ];
    for (const width of [1000, 360]) {
      const layout = layoutCluster(picture({ wrappers }), width);
      checkLayout(layout);
      expect(layout.wrappers.map((w) => w.title)).toEqual(['JobSet flux-sample', 'PodGroup flux-sample', 'Certificate Secret flux-sample-curve']);
      expect(layout.tree.title).toBe('Broker pods (JobSet flux-sample)');
      for (const w of layout.wrappers) {
        expect(w.box.y + w.box.h).toBeLessThanOrEqual(layout.tree.box.y);
        for (const line of w.detail) expect(line.length * CHAR_W).toBeLessThanOrEqual(w.box.w - 16);
      }
    }
  });

  it('keeps a mount path whole and shortens its name first', () => {
    const model = sampleModel();
    model.containers[0]!.mounts = [{ name: 'flux-sample-entrypoint-config', mountPath: '/flux_operator/', readOnly: true }];
    const [mount] = layoutCluster(clusterPicture(model), 360).template.containers[0]!.mounts;
    expect(mount?.text).toMatch(/^flux-.*→ \/flux_operator\/ \(ro\)$/);
  });
});

describe('fit and wrap', () => {
  it('shortens in the middle and wraps at separators', () => {
    expect(fit('flux-sample-node-0-12345', 12)).toBe('flux-…-12345');
    expect(fit('short', 12)).toBe('short');
    expect(wrap('ghcr.io/converged-computing/metric-lammps:latest', 20)).toEqual(['ghcr.io/converged-', 'computing/metric-', 'lammps:latest']);
  });
});
