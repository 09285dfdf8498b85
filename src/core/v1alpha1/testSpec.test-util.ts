/** Small v1alpha1 specs for tests: a header plus the lines of `spec:` (indented by two). */
import { expect } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import type { KObject, Manifest } from '../common/kobject.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { analyzeSpec } from './analyze.ts';
import type { ResolvedV1alpha1MiniCluster } from './defaults.ts';
import { generateManifests } from './generate.ts';

export function v1spec(body: string, metadata = 'name: flux-sample\n  namespace: hpc'): string {
  return `apiVersion: flux-framework.org/v1alpha1\nkind: MiniCluster\nmetadata:\n  ${metadata}\nspec:\n${body}`;
}

export function resolve(text: string): ResolvedV1alpha1MiniCluster {
  const analysis = analyzeSpec(text);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
  if (!analysis.cluster) throw new Error('no cluster');
  return analysis.cluster;
}

export function manifestsOf(text: string, include?: string): Manifest[] {
  return generateManifests(resolve(text), { keys: TEST_KEYS, ...(include ? { include } : {}) });
}

export function diagnosticsOf(text: string): Diagnostic[] {
  return analyzeSpec(text).diagnostics;
}

/** The one diagnostic with this code (fails when there are none or several). */
export function only(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
  return found[0] as Diagnostic;
}

export function jobPod(manifests: Manifest[]): { containers: KObject[]; volumes: KObject[]; [key: string]: unknown } {
  const job = manifests.find((m) => m.kind === 'Job');
  return ((job?.['spec'] as KObject)['template'] as KObject)['spec'] as { containers: KObject[]; volumes: KObject[] };
}

export function dataOf(manifests: Manifest[], name: string): Record<string, string> {
  return (manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === name)?.['data'] ?? {}) as Record<string, string>;
}
