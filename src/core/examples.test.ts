/**
 * Every operator example spec goes through the whole pipeline: it generates objects that pass the
 * Kubernetes schema, or it is rejected with the reason the operator (or Kubernetes) would give.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';
import { analyzeSpec } from './spec/analyze.ts';
import { generateManifests } from './generate/index.ts';
import { brokerToml } from './generate/brokerToml.ts';
import { renderYaml } from './render/index.ts';
import { validateAgainstKubernetes } from './testing/kubernetesSchema.ts';
import { TEST_KEYS, v1alpha2Examples } from './testing/upstream.ts';

/** Examples the operator's pipeline cannot turn into a working cluster, with the reason. */
export const REJECTED: Record<string, string> = {
  'machine-learning/fireworks/minicluster.yaml': 'volume-source',
  'machine-learning/mnist/minicluster.yaml': 'volume-source',
  'machine-learning/pytorch/minicluster.yaml': 'volume-source',
  'machine-learning/ray/scikit-learn/minicluster.yaml': 'volume-source',
  'machine-learning/tensorflow/minicluster.yaml': 'volume-source',
  'tests/batch/minicluster.yaml': 'volume-source',
};

const examples = v1alpha2Examples();

describe('the 66 upstream v1alpha2 examples', () => {
  it('are all there', () => {
    expect(examples).toHaveLength(66);
  });

  for (const example of examples) {
    it(example.name, () => {
      const analysis = analyzeSpec(example.text);
      const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
      for (const d of analysis.diagnostics) {
        expect(d.line, `${d.code} at ${d.path}`).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.message.length).toBeGreaterThan(20);
      }
      const reason = REJECTED[example.name];
      if (reason) {
        expect(analysis.cluster).toBeUndefined();
        expect(errors.map((e) => e.code)).toContain(reason);
        return;
      }
      expect(errors).toEqual([]);
      const cluster = analysis.cluster;
      if (!cluster) throw new Error('no cluster');
      const manifests = generateManifests(cluster, { keys: TEST_KEYS });
      for (const manifest of manifests) validateAgainstKubernetes(manifest);
      const docs = parseAllDocuments(renderYaml(manifests));
      expect(Array.isArray(docs) ? docs.map((d) => d.toJS()) : []).toEqual(manifests);
      if (!cluster.spec.flux.brokerConfig) expect(() => parseToml(brokerToml(cluster))).not.toThrow();
    });
  }
});

describe('the entrypoint scripts of every example', () => {
  it('pass bash -n and shellcheck with no findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcs-scripts-'));
    const files: string[] = [];
    for (const example of examples) {
      const cluster = analyzeSpec(example.text).cluster;
      if (!cluster) continue;
      const [configMap] = generateManifests(cluster, { include: 'c', keys: TEST_KEYS });
      for (const [key, text] of Object.entries(configMap?.['data'] as Record<string, string>)) {
        if (key === 'curve.cert') continue;
        const file = join(dir, `${example.name.replace(/[/.]/g, '_')}-${key}.sh`);
        writeFileSync(file, text);
        files.push(file);
      }
    }
    expect(files.length).toBeGreaterThan(120);
    for (const file of files) {
      const result = spawnSync('bash', ['-n', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(result.stderr, file).toBe('');
      expect(result.status, file).toBe(0);
    }
    let findings = '';
    try {
      execFileSync('shellcheck', ['-s', 'bash', '-f', 'gcc', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      findings = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(findings).toBe('');
  }, 120_000);
});
