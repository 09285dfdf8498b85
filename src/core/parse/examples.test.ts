import { expect, it } from 'vitest';
import { v1alpha2Example, v1alpha2Examples } from '../testing/upstream.ts';
import { describeCorpus } from '../testing/corpusSuite.ts';
import { parseSpecText } from './index.ts';

const files = v1alpha2Examples().map((e) => e.name);

describeCorpus('upstream v1alpha2 examples', () => {
  it('finds all 66 example files', () => {
    expect(files).toHaveLength(66);
  });

  it.each(files)('%s parses without errors into a MiniCluster mapping', (file) => {
    const r = parseSpecText(v1alpha2Example(file));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.value).toMatchObject({ apiVersion: 'flux-framework.org/v1alpha2', kind: 'MiniCluster' });
  });

  it.each(['experimental/bursting/broker-eks/minicluster.yaml', 'experimental/bursting/broker-eks/minicluster-env.yaml'])(
    '%s repeats interactive: exactly one duplicate-key warning',
    (file) => {
      const r = parseSpecText(v1alpha2Example(file));
      const dups = r.diagnostics.filter((d) => d.code === 'duplicate-key');
      expect(dups).toHaveLength(1);
      expect(dups[0]).toMatchObject({ severity: 'warning', path: 'spec.interactive', line: 10, column: 3, endLine: 10, endColumn: 14 });
      expect(dups[0]!.message).toContain('line 24');
      expect((r.value as { spec: { interactive: unknown } }).spec.interactive).toBe(true);
    },
  );

  it('the other examples have no warnings at all', () => {
    const noisy = files.filter((f) => {
      if (f.startsWith('experimental/bursting/broker-eks/minicluster')) return false;
      return parseSpecText(v1alpha2Example(f)).diagnostics.length > 0;
    });
    expect(noisy).toEqual([]);
  });
});
