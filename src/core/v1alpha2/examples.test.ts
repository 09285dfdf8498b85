/**
 * Every operator example spec goes through the whole pipeline: it generates objects that pass the
 * Kubernetes schema, or it is rejected with the reason the operator (or Kubernetes) would give.
 */
import { expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { analyzeSpec } from './analyze.ts';
import { generateManifests } from './generate.ts';
import { brokerToml } from './brokerToml.ts';
import { expectExampleOutcome, expectValidRoundTrip } from '../testing/manifestChecks.ts';
import { shellFindings, writeScripts, type NamedScript } from '../testing/shellScripts.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { v1alpha2Examples } from '../testing/upstream.ts';
import { describeCorpus } from '../testing/corpusSuite.ts';

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

describeCorpus('the 66 upstream v1alpha2 examples', () => {
  it('are all there', () => {
    expect(examples).toHaveLength(66);
  });

  for (const example of examples) {
    it(example.name, () => {
      const cluster = expectExampleOutcome(analyzeSpec(example.text), REJECTED[example.name]);
      if (!cluster) return;
      const manifests = generateManifests(cluster, { keys: TEST_KEYS });
      expectValidRoundTrip(manifests);
      if (!cluster.spec.flux.brokerConfig) expect(() => parseToml(brokerToml(cluster))).not.toThrow();
    });
  }
});

describeCorpus('the entrypoint scripts of every example', () => {
  it('pass bash -n and shellcheck with no findings', () => {
    const scripts: NamedScript[] = [];
    for (const example of examples) {
      const cluster = analyzeSpec(example.text).cluster;
      if (!cluster) continue;
      const [configMap] = generateManifests(cluster, { include: 'c', keys: TEST_KEYS });
      for (const [key, text] of Object.entries(configMap?.['data'] as Record<string, string>)) {
        if (key !== 'curve.cert') scripts.push({ name: `${example.name}-${key}`, text });
      }
    }
    expect(scripts.length).toBeGreaterThan(120);
    expect(shellFindings(writeScripts('mcs-scripts-', scripts))).toBe('');
  }, 120_000);
});
