/** Rules of validateCluster checked through the whole analysis, with the position each problem gets. */
import { describe, expect, it } from 'vitest';
import { analyzeSpec } from './analyze.ts';

const withTopology = (value: string) => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: flux-sample
spec:
  size: 4
  flux:
    topology: ${value}
  containers:
    - image: ubuntu:noble
      command: hostname
`;

describe('spec.flux.topology', () => {
  it('refuses a topology flux-core does not know, at the field, naming the values that work', () => {
    const analysis = analyzeSpec(withTopology('ring'));
    expect(analysis.cluster).toBeUndefined();
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'topology', path: 'spec.flux.topology', line: 8, column: 15 });
    expect(errors[0]?.message).toMatch(/"ring" would stop every broker at start: flux-core has no topology named "ring"/);
    expect(errors[0]?.message).toMatch(/kary:K .*binomial, mincrit, mincrit:K or custom/);
  });

  it('refuses a K that is not a whole number, and an argument binomial does not take', () => {
    for (const [value, why] of [['kary:two', /whole number/], ['kary', /needs its K/], ['mincrit:-1', /whole number/], ['binomial:3', /takes nothing after the colon/]] as const) {
      const errors = analyzeSpec(withTopology(value)).diagnostics.filter((d) => d.code === 'topology');
      expect(errors, value).toHaveLength(1);
      expect(errors[0]?.message, value).toMatch(why);
    }
  });

  it('takes every topology flux-core runs', () => {
    for (const value of ['kary:0', 'kary:2', 'kary:256', 'binomial', 'mincrit', 'mincrit:3', 'custom']) {
      const analysis = analyzeSpec(withTopology(value));
      expect(analysis.diagnostics.filter((d) => d.code === 'topology'), value).toEqual([]);
      expect(analysis.cluster, value).toBeDefined();
    }
  });
});
