/** The version dispatch: one entry point for v1alpha1 and v1alpha2 documents. */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeSpec } from './v1alpha2/analyze.ts';
import { analyzeAnySpec, clusterSummary, generateAny, includeLettersFor } from './pipeline.ts';
import { TEST_KEYS } from './testing/testKeys.ts';
import { fixture } from './testing/fixtures.ts';
import { derivedUuid, hmacSha256, sha256 } from './v1alpha1/derivedSecrets.ts';

const V1 = fixture('v1alpha1', 'volumes');
const V2 = fixture('v1alpha2', 'hello-world');

describe('analyzeAnySpec', () => {
  it('routes a v1alpha1 document to the v1alpha1 analyzer', () => {
    const analysis = analyzeAnySpec(V1, { defaultNamespace: 'x' });
    expect(analysis.version).toBe('v1alpha1');
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.resolved?.version).toBe('v1alpha1');
    expect(analysis.diagnostics.some((d) => /supported/.test(d.message))).toBe(false);
  });

  it('gives the same result as analyzeSpec for a v1alpha2 document', () => {
    const analysis = analyzeAnySpec(V2);
    expect(analysis.version).toBe('v1alpha2');
    expect(analysis.resolved).toEqual({ version: 'v1alpha2', cluster: analyzeSpec(V2).cluster });
    expect(analysis.diagnostics).toEqual(analyzeSpec(V2).diagnostics);
  });

  it('names both versions for an unknown apiVersion, and neither for a missing one', () => {
    const unknown = analyzeAnySpec(V2.replace('flux-framework.org/v1alpha2', 'flux-framework.org/v2'));
    expect(unknown.version).toBeUndefined();
    expect(unknown.resolved).toBeUndefined();
    const error = unknown.diagnostics.find((d) => d.code === 'api-version');
    expect(error).toMatchObject({ severity: 'error', path: 'apiVersion', line: 1 });
    expect(error?.message).toMatch(/v1alpha2" or "flux-framework.org\/v1alpha1"/);
    expect(analyzeAnySpec('kind: MiniCluster\nmetadata: {name: a}\nspec: {containers: [{image: a}]}\n').diagnostics[0]?.code).toBe('api-version');
  });

  it('analyzeSpec alone still refuses v1alpha1 with a message', () => {
    const analysis = analyzeSpec(V1);
    expect(analysis.cluster).toBeUndefined();
    expect(analysis.diagnostics.find((d) => d.code === 'api-version')?.message).toMatch(/v1alpha1/);
  });

  it('asks for a name instead of generateName in either version', () => {
    for (const text of [V1, V2]) {
      const analysis = analyzeAnySpec(text.replace('name: flux-sample', 'generateName: flux-sample-'));
      expect(analysis.diagnostics.find((d) => d.code === 'generate-name')?.message).toMatch(/"name: flux-sample"/);
      expect(analysis.resolved).toBeUndefined();
    }
  });
});

describe('generateAny, clusterSummary, includeLettersFor', () => {
  it('generates the objects of each version', () => {
    const v1 = analyzeAnySpec(V1).resolved;
    const v2 = analyzeAnySpec(V2).resolved;
    if (!v1 || !v2) throw new Error('not resolved');
    expect(generateAny(v1, { keys: TEST_KEYS }).map((m) => m.kind)).toEqual(['ConfigMap', 'ConfigMap', 'ConfigMap', 'PersistentVolume', 'PersistentVolumeClaim', 'Service', 'Job']);
    expect(generateAny(v2, { keys: TEST_KEYS }).map((m) => m.kind)).toEqual(['ConfigMap', 'Service', 'Job']);
    expect(generateAny(v1, { keys: TEST_KEYS, include: 'v' }).map((m) => m.metadata.name)).toEqual(['data', 'data-claim']);
    expect(clusterSummary(v1)).toEqual({ name: 'flux-sample', namespace: 'flux-operator', pods: 2 });
    expect(clusterSummary(v2)).toEqual({ name: 'flux-sample', namespace: 'default', pods: 4 });
  });

  it('lists the include letters that select objects of each version', () => {
    expect([...includeLettersFor('v1alpha1')].sort().join('')).toBe('cjpsv');
    expect([...includeLettersFor('v1alpha2')].sort().join('')).toBe('cjps');
  });
});

describe('the derived defaults (REST token, secret key, passwords)', () => {
  it('use SHA-256 and HMAC-SHA-256 as Node computes them', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(200)]) {
      const bytes = new TextEncoder().encode(text);
      expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(text).digest('hex'));
      const key = 'k'.repeat(text.length % 97);
      expect(Buffer.from(hmacSha256(new TextEncoder().encode(key), bytes)).toString('hex')).toBe(createHmac('sha256', key).update(text).digest('hex'));
    }
  });

  it('are UUIDv4 text, stable per seed and purpose', () => {
    const a = derivedUuid('seed', 'token');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedUuid('seed', 'token')).toBe(a);
    expect(derivedUuid('seed', 'secret')).not.toBe(a);
    expect(derivedUuid('other seed', 'token')).not.toBe(a);
  });
});
