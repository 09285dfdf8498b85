/** Test helper: what every generated set of objects must satisfy, whichever API version made it. */
import { expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import type { Manifest } from '../common/kobject.ts';
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

/**
 * An upstream example's analysis: every diagnostic has a position and a message that says what
 * to do; an example listed as rejected fails with its reason and no cluster, any other has no
 * error. Returns the cluster of an accepted example.
 */
export function expectExampleOutcome<C>(analysis: { diagnostics: Diagnostic[]; cluster?: C | undefined }, rejectedReason: string | undefined): C | undefined {
  for (const d of analysis.diagnostics) {
    expect(d.line, `${d.code} at ${d.path}`).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(20);
  }
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (rejectedReason) {
    expect(analysis.cluster).toBeUndefined();
    expect(errors.map((e) => e.code)).toContain(rejectedReason);
    return undefined;
  }
  expect(errors).toEqual([]);
  if (!analysis.cluster) throw new Error('no cluster');
  return analysis.cluster;
}

/** A spec the schema accepted either resolves or gets an error; every diagnostic has a line. Returns the cluster. */
export function expectResolvedOrError<C>(analysis: { diagnostics: Diagnostic[]; cluster?: C | undefined }): C | undefined {
  for (const d of analysis.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
  if (!analysis.cluster) expect(analysis.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  return analysis.cluster;
}
