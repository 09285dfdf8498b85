import { describe, expect, it } from 'vitest';
import { analyzeSpec } from '../v1alpha2/analyze.ts';
import { migrateV1alpha1, nameFromGenerateName } from './index.ts';

const V2 = (metadata: string) =>
  `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n${metadata}spec:\n  containers:\n    - image: ubuntu\n      command: hostname\n`;

describe('nameFromGenerateName', () => {
  it('turns generateName: X- into name: X and changes nothing else', () => {
    const text = V2('  # invented by the API server\n  generateName: flux-sample-kueue-   # trailing dash\n  namespace: hpc\n');
    expect(nameFromGenerateName(text)).toBe(V2('  # invented by the API server\n  name: flux-sample-kueue   # trailing dash\n  namespace: hpc\n'));
  });

  it('makes a v1alpha2 spec that analyzeSpec rejected for its generateName valid', () => {
    const text = V2('  generateName: flux-sample-\n');
    expect(analyzeSpec(text).diagnostics.map((d) => d.code)).toContain('generate-name');
    const named = nameFromGenerateName(text) ?? '';
    expect(analyzeSpec(named).cluster?.metadata.name).toBe('flux-sample');
  });

  it('works on a v1alpha1 spec and after migration', () => {
    const v1 = 'apiVersion: flux-framework.org/v1alpha1\nkind: MiniCluster\nmetadata:\n  generateName: job-\nspec:\n  containers:\n    - image: ubuntu\n      command: hostname\n';
    expect(nameFromGenerateName(v1)).toContain('metadata:\n  name: job\nspec:');
    const migrated = migrateV1alpha1(v1).text ?? '';
    expect(analyzeSpec(nameFromGenerateName(migrated) ?? migrated).cluster?.metadata.name).toBe('job');
  });

  it('keeps quotes, flow mappings and quotes a name YAML 1.1 would read as a number', () => {
    expect(nameFromGenerateName(V2("  generateName: 'abc-'\n"))).toBe(V2("  name: 'abc'\n"));
    expect(nameFromGenerateName('apiVersion: v1\nmetadata: {generateName: "x-", labels: {a: b}}\n')).toBe('apiVersion: v1\nmetadata: {name: "x", labels: {a: b}}\n');
    expect(nameFromGenerateName(V2('  generateName: 123-\n'))).toBe(V2('  name: "123"\n'));
    expect(nameFromGenerateName(V2('  generateName: on-\n'))).toBe(V2('  name: "on"\n'));
  });

  it('returns undefined when there is nothing to turn into a name', () => {
    expect(nameFromGenerateName(V2('  name: a\n'))).toBeUndefined();
    expect(nameFromGenerateName(V2('  name: a\n  generateName: b-\n'))).toBeUndefined();
    expect(nameFromGenerateName(V2('  generateName: "-"\n'))).toBeUndefined();
    expect(nameFromGenerateName('metadata: [\n')).toBeUndefined();
    expect(nameFromGenerateName('- a\n')).toBeUndefined();
  });
});
