/** Test helper: what every generated set of objects must satisfy, whichever API version made it. */
import { expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Manifest } from '../generate/kobject.ts';
import { renderYaml } from '../render/index.ts';
import { validateAgainstKubernetes } from './kubernetesSchema.ts';

/**
 * Each object passes the Kubernetes schema, and the YAML we print parses back to the same
 * objects (also as YAML 1.1, as older tools read it, when `yaml11` is set).
 */
export function expectValidRoundTrip(manifests: readonly Manifest[], options: { yaml11?: boolean } = {}): void {
  for (const manifest of manifests) validateAgainstKubernetes(manifest);
  const text = renderYaml(manifests);
  const back = parseAllDocuments(text);
  expect(Array.isArray(back) ? back.map((d) => d.toJS()) : []).toEqual(manifests);
  if (options.yaml11) {
    const back11 = parseAllDocuments(text, { version: '1.1' });
    expect(Array.isArray(back11) ? back11.map((d) => d.toJS()) : []).toEqual(manifests);
  }
}
