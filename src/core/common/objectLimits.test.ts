import { describe, expect, it } from 'vitest';
import { analyzeSpec } from '../v1alpha2/analyze.ts';
import { generateAny } from '../pipeline.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { manyContainers } from '../testing/manyContainers.ts';
import { DATA_LIMIT_BYTES, ObjectTooLarge, checkObjectSizes } from './objectLimits.ts';

const configMap = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'm' }, data });

describe('the size of what generation makes', () => {
  it('refuses a ConfigMap whose keys and values pass 1 MiB in UTF-8 bytes, naming its largest entry', () => {
    const key = 'script.sh';
    const fits = 'a'.repeat(DATA_LIMIT_BYTES - key.length);
    expect(() => checkObjectSizes([configMap({ [key]: fits })])).not.toThrow();
    // One character of two bytes in place of one of one: a byte over.
    const over = `é${fits.slice(1)}`;
    let thrown: unknown;
    try {
      checkObjectSizes([configMap({ small: 'x', [key]: over })]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ObjectTooLarge);
    expect(thrown).toMatchObject({ kind: 'ConfigMap', objectName: 'm', bytes: DATA_LIMIT_BYTES + 1 + 'small'.length + 1, largest: { key, bytes: DATA_LIMIT_BYTES + 1 } });
    expect((thrown as Error).message).toMatch(/^The ConfigMap "m" would hold 1\.0 MiB \(1,048,583 bytes\) of data, more than the 1 MiB the Kubernetes API server accepts; its largest entry is "script\.sh", /);
  });

  it('is checked by every generation: a spec of many containers under 1 MiB is refused, a smaller one is made', () => {
    const text = manyContainers(120, 6000);
    expect(text.length).toBeLessThan(1024 * 1024);
    const resolved = analyzeSpec(text).cluster;
    expect(resolved).toBeDefined();
    expect(() => generateAny({ version: 'v1alpha2', cluster: resolved! }, { keys: TEST_KEYS })).toThrow(/^The ConfigMap "wide-entrypoint" would hold 1\.\d MiB \([\d,]+ bytes\) of data/);
    const fits = analyzeSpec(manyContainers(20, 6000)).cluster;
    expect(generateAny({ version: 'v1alpha2', cluster: fits! }, { keys: TEST_KEYS }).some((o) => o.kind === 'ConfigMap')).toBe(true);
  });
});
