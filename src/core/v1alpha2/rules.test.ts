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

const withLeadBroker = (address: string) => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: child
spec:
  size: 2
  flux:
    bursting:
      leadBroker:
        address: ${address}
        name: parent
        size: 2
  containers:
    - image: ubuntu:noble
`;

describe('spec.flux.bursting.leadBroker.address', () => {
  it('refuses what is no host name or IPv4 address, at the field: it goes into the host list and the tcp:// address', () => {
    // A long value with spaces was once written three times into the entrypoint ConfigMap, past
    // the 1 MiB the API server takes.
    for (const address of ['parent host', "'p-[0-1]'", "'a,b'", '-parent', `${'a'.repeat(64)}.example`, `'${'a b '.repeat(100_000)}'`, '999.1.1.1', '10.0.0', '10.0.0.1.', "'[::1]'"]) {
      const analysis = analyzeSpec(withLeadBroker(address));
      expect(analysis.cluster, address.slice(0, 40)).toBeUndefined();
      const errors = analysis.diagnostics.filter((d) => d.code === 'lead-broker-address');
      expect(errors, address.slice(0, 40)).toHaveLength(1);
      expect(errors[0]).toMatchObject({ path: 'spec.flux.bursting.leadBroker.address', line: 10, column: 18 });
      expect(errors[0]!.message.length).toBeLessThan(400);
    }
  });

  it('takes host names and IPv4 addresses', () => {
    for (const address of ['10.0.0.5', '255.255.255.255', 'parent-0.flux-service.default.svc.cluster.local', 'parent.example.org.', 'login_01', 'Login01', `${'a'.repeat(63)}.b`, '10.0.0.5a']) {
      expect(analyzeSpec(withLeadBroker(address)).diagnostics.filter((d) => d.severity === 'error'), address).toEqual([]);
    }
  });
});
