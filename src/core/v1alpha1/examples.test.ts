/**
 * Every v1alpha1 example spec of the operator goes through the whole pipeline: it generates
 * objects that pass the Kubernetes schema, or it is rejected with the reason the operator gave.
 */
import { expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { readCurveCert } from '../curve/index.ts';
import type { Manifest } from '../common/kobject.ts';
import { expectExampleOutcome, expectValidRoundTrip } from '../testing/manifestChecks.ts';
import { shellFindings, writeScripts } from '../testing/shellScripts.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { v1alpha1Examples } from '../testing/upstream.ts';
import { describeCorpus } from '../testing/corpusSuite.ts';
import { analyzeSpec } from './analyze.ts';
import { generateManifests } from './generate.ts';

/**
 * Examples the operator refused, with its reason. None is refused here: the only one the
 * operator could not run, tests/batch (batch mode without batchRaw, where its script template
 * failed: README, v1alpha1 differences D1), gets the batch script the operator meant (see
 * OPERATOR_FAILED).
 */
export const REJECTED: Record<string, string> = {};

/** Examples the operator failed on and that generate here because the defect is fixed. */
const OPERATOR_FAILED: Record<string, string> = {
  'tests/batch/minicluster.yaml': 'D1: the batch template could not render a line without batchRaw',
};

const examples = v1alpha1Examples();

interface Generated {
  name: string;
  raw: Record<string, unknown>;
  manifests: Manifest[];
}

const generated: Generated[] = [];
for (const example of examples) {
  const analysis = analyzeSpec(example.text);
  if (analysis.cluster) {
    generated.push({
      name: example.name,
      raw: parseYaml(example.text, { version: '1.1', uniqueKeys: false }) as Record<string, unknown>,
      manifests: generateManifests(analysis.cluster, { keys: TEST_KEYS }),
    });
  }
}

const configMap = (g: Generated, suffix: string) => g.manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === `flux-sample-${suffix}`);
const dataOf = (m: Manifest | undefined) => (m?.['data'] ?? {}) as Record<string, string>;

/** The hostlist worked out again from the raw spec, to check the generated broker.toml against. */
function expectedHostlist(raw: Record<string, unknown>): string {
  const spec = raw['spec'] as { size?: number; maxSize?: number; flux?: { bursting?: { hostlist?: string; clusters?: Array<{ name?: string; size?: number }> } } };
  const size = spec.size ?? 1;
  const range = (count: number) => (count === 1 ? '0' : `0-${count - 1}`);
  const bursting = spec.flux?.bursting;
  if (bursting?.hostlist) return bursting.hostlist;
  const own = `flux-sample-[${range(spec.maxSize || size)}]`;
  const clusters = (bursting?.clusters ?? []).map((c, i) => `,${c.name || `burst-${i}`}-[${range(c.size || size)}]`);
  return own + clusters.join('');
}

describeCorpus('the 69 upstream v1alpha1 examples', () => {
  it('are all there and all are analysed', () => {
    expect(examples).toHaveLength(69);
    expect(generated.length + Object.keys(REJECTED).length).toBe(69);
  });

  for (const example of examples) {
    it(example.name, () => {
      if (!expectExampleOutcome(analyzeSpec(example.text), REJECTED[example.name])) return;
      const g = generated.find((x) => x.name === example.name);
      if (!g) throw new Error('not generated');
      expectValidRoundTrip(g.manifests);
      expect(g.manifests.filter((m) => m.kind === 'ConfigMap').map((m) => m.metadata.name)).toEqual([
        'flux-sample-entrypoint',
        'flux-sample-flux-config',
        'flux-sample-curve-mount',
      ]);
    });
  }

  it('the example the operator failed on generates its batch jobs', () => {
    for (const name of Object.keys(OPERATOR_FAILED)) {
      const g = generated.find((x) => x.name === name);
      const script = dataOf(g && configMap(g, 'entrypoint'))['wait-0'] ?? '';
      expect(script).toMatch(/^flux submit --flags waitable --error=\/tmp\/fluxout\/job-0\.err --output=\/tmp\/fluxout\/job-0\.out /m);
      expect(script).toContain("sh -c 'flux batch -n 1 --flags waitable ./flux-job.batch && flux job wait --all'");
    }
  });
});

describeCorpus('the three ConfigMaps of every example', () => {
  it('carry only their own data', () => {
    for (const g of generated) {
      const scripts = Object.keys(dataOf(configMap(g, 'entrypoint')));
      expect(scripts.length, g.name).toBeGreaterThan(0);
      for (const key of scripts) expect(key, g.name).toMatch(/^(wait|start)-\d+$/);
      expect(Object.keys(dataOf(configMap(g, 'flux-config'))), g.name).toEqual(['hostfile']);
      expect(Object.keys(dataOf(configMap(g, 'curve-mount'))), g.name).toEqual(['curve.cert']);
    }
  });

  it('hold a broker.toml that is TOML, with the expected hostlist and the headless Service address', () => {
    let checked = 0;
    for (const g of generated) {
      const text = dataOf(configMap(g, 'flux-config'))['hostfile'] ?? '';
      const spec = g.raw['spec'] as { flux?: { brokerConfig?: string } };
      if (spec.flux?.brokerConfig) {
        expect(text).toBe(spec.flux.brokerConfig);
        continue;
      }
      const toml = parseToml(text) as { bootstrap: { hosts: Array<{ host: string }>; default_connect: string }; exec: { imp: string } };
      expect(toml.bootstrap.hosts.map((h) => h.host), g.name).toEqual([expectedHostlist(g.raw)]);
      expect(toml.bootstrap.default_connect).toBe('tcp://%h.flux-service.flux-operator.svc.cluster.local:%p');
      expect(toml.exec.imp).toBe('/usr/libexec/flux/flux-imp');
      checked += 1;
    }
    expect(checked).toBe(68);
  });

  it('hold a certificate the strict reader accepts', () => {
    for (const g of generated) {
      const cert = dataOf(configMap(g, 'curve-mount'))['curve.cert'] ?? '';
      const result = readCurveCert(cert);
      expect(result.ok ? [] : result.problems, g.name).toEqual([]);
    }
  });
});

describeCorpus('the entrypoint scripts of every example', () => {
  it('pass bash -n and shellcheck with no findings', () => {
    const scripts = generated.flatMap((g) =>
      Object.entries(dataOf(configMap(g, 'entrypoint'))).map(([key, text]) => ({ name: `${g.name}-${key}`, text })),
    );
    // 69 wait scripts, two extra for the sidecar examples' second containers.
    expect(scripts.length).toBeGreaterThanOrEqual(70);
    expect(shellFindings(writeScripts('mcs-v1a1-scripts-', scripts))).toBe('');
  }, 120_000);
});
