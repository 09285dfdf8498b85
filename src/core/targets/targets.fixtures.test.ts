/**
 * Every fixture of ours under every combination of output options: it generates, each object
 * passes the Kubernetes schema, and the fields the options touch say the same thing everywhere
 * (labels on the top-level object only, one set of host names, the certificate where the pods read it).
 */
import { describe, expect, it } from 'vitest';
import { readCurveCert } from '../curve/index.ts';
import type { KObject, Manifest } from '../common/kobject.ts';
import { letterOfKind } from '../kinds.ts';
import { analyzeAnySpec, generateAny, type MiniClusterVersion, type ResolvedAny } from '../pipeline.ts';
import { fixtures } from '../testing/fixtures.ts';
import { expectValidRoundTrip } from '../testing/manifestChecks.ts';
import { describeOutput, outputCombinations } from '../testing/outputOptions.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { LEAD_SUCCESS_POLICY } from './apply.ts';
import { CURVE_SECRET_DIR } from './curveSecret.ts';
import { hostPrefix } from './hosts.ts';
import { PRIORITY_CLASS_LABEL, QUEUE_LABEL, type OutputOptions } from './options.ts';

const obj = (value: unknown): KObject => (value && typeof value === 'object' ? (value as KObject) : {});
const list = (value: unknown): KObject[] => (Array.isArray(value) ? value.map(obj) : []);

/** Every mapping key anywhere below `value`, with the path to it. */
function keysBelow(value: unknown, path = ''): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((item, i) => keysBelow(item, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [[`${path}.${key}`, key] as [string, string], ...keysBelow(child, `${path}.${key}`)]);
}

/** The workload object and the Job spec inside it, whichever it is. */
function workload(manifests: Manifest[]): { object: Manifest; jobSpec: KObject; podSpec: KObject } {
  const object = manifests.find((m) => m.kind === 'Job' || m.kind === 'JobSet');
  if (!object) throw new Error('no workload');
  const jobSpec = object.kind === 'JobSet' ? obj(obj(list(obj(object['spec'])['replicatedJobs'])[0])['template'])['spec'] : object['spec'];
  return { object, jobSpec: obj(jobSpec), podSpec: obj(obj(obj(jobSpec)['template'])['spec']) };
}

const data = (m: Manifest | undefined): Record<string, string> => (obj(m?.['data'] ?? m?.['stringData']) as Record<string, string>);

interface Case {
  fixture: string;
  output: OutputOptions;
  resolved: ResolvedAny;
  manifests: Manifest[];
}

function casesOf(version: MiniClusterVersion): { cases: Case[]; refused: Array<{ fixture: string; output: OutputOptions; codes: string[] }> } {
  const cases: Case[] = [];
  const refused: Array<{ fixture: string; output: OutputOptions; codes: string[] }> = [];
  for (const { name, text } of fixtures(version)) {
    if (!analyzeAnySpec(text).resolved) continue;
    for (const output of outputCombinations(version)) {
      const analysis = analyzeAnySpec(text, { output });
      if (!analysis.resolved) {
        refused.push({ fixture: name, output, codes: analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code) });
        continue;
      }
      cases.push({ fixture: name, output, resolved: analysis.resolved, manifests: generateAny(analysis.resolved, { keys: TEST_KEYS, output }) });
    }
  }
  return { cases, refused };
}

describe.each(['v1alpha2', 'v1alpha1'] as const)('%s fixtures under every combination of output options', (version) => {
  const { cases, refused } = casesOf(version);
  const title = (c: Case) => `${c.fixture} (${describeOutput(c.output)})`;

  it('generate under each combination, or are refused only for a reason the options give', () => {
    expect(cases.length).toBeGreaterThan(fixtures(version).length * outputCombinations(version).length * 0.6);
    for (const r of refused) expect(r.codes, `${r.fixture} (${describeOutput(r.output)})`).toEqual(expect.arrayContaining([expect.stringMatching(/^(jobset|kueue|cert-secret|gang)/)]));
  });

  it('make only registered kinds, each passing the Kubernetes schema and printing back to itself', () => {
    for (const c of cases) {
      for (const m of c.manifests) expect(() => letterOfKind(version, m), title(c)).not.toThrow();
      expectValidRoundTrip(c.manifests);
    }
  });

  it('put Kueue labels on the top-level workload object only, and never suspend it', () => {
    for (const c of cases) {
      const { object } = workload(c.manifests);
      const labels = obj(object.metadata.labels);
      expect(labels[QUEUE_LABEL], title(c)).toBe(c.output.queue ?? obj(c.resolved.cluster.spec.jobLabels)[QUEUE_LABEL]);
      expect(labels[PRIORITY_CLASS_LABEL], title(c)).toBe(c.output.priorityClass ?? obj(c.resolved.cluster.spec.jobLabels)[PRIORITY_CLASS_LABEL]);
      for (const m of c.manifests) {
        const below = keysBelow(m).filter(([path, key]) => key.startsWith('kueue.x-k8s.io/') && path !== `.metadata.labels.${key}`);
        expect(below, `${title(c)} ${m.kind}`).toEqual([]);
        if (m !== object) expect(obj(m.metadata.labels)[QUEUE_LABEL], `${title(c)} ${m.kind}`).toBeUndefined();
        expect(keysBelow(m).some(([, key]) => key === 'suspend'), title(c)).toBe(false);
      }
    }
  });

  it('end the Job with the lead broker only when asked', () => {
    for (const c of cases) {
      const { jobSpec } = workload(c.manifests);
      if (c.output.succeedOnLead) expect(jobSpec['successPolicy'], title(c)).toEqual(LEAD_SUCCESS_POLICY);
      else expect(jobSpec['successPolicy'], title(c)).toBeUndefined();
      expect(jobSpec['completionMode']).toBe('Indexed');
    }
  });

  it('keep the certificate in one place, valid there, and mount it where the scripts read it', () => {
    for (const c of cases) {
      const name = c.resolved.cluster.metadata.name;
      const secret = c.manifests.find((m) => m.kind === 'Secret');
      const ownSecret = version === 'v1alpha1' && Boolean(obj(c.resolved.cluster.spec.flux)['curveCertSecret']);
      const holders = c.manifests.filter((m) => (m.kind === 'ConfigMap' || m.kind === 'Secret') && data(m)['curve.cert'] !== undefined);
      if (ownSecret) {
        expect(holders, title(c)).toEqual([]);
        continue;
      }
      expect(holders.map((m) => m.kind), title(c)).toEqual([c.output.certSecret ? 'Secret' : 'ConfigMap']);
      const read = readCurveCert(data(holders[0])['curve.cert'] ?? '');
      expect(read.ok, title(c)).toBe(true);
      const { podSpec } = workload(c.manifests);
      const volumes = list(podSpec['volumes']);
      if (!c.output.certSecret) {
        expect(secret, title(c)).toBeUndefined();
        continue;
      }
      expect(secret?.metadata.name).toBe(`${name}-curve`);
      expect(secret?.['type']).toBe('Opaque');
      const volume = volumes.find((v) => obj(v['secret'])['secretName'] === `${name}-curve`);
      expect(obj(volume?.['secret'])['defaultMode'], title(c)).toBe(0o400);
      const containers = [...list(podSpec['initContainers']), ...list(podSpec['containers'])];
      const mounting = containers.filter((container) => list(container['volumeMounts']).some((mount) => mount['name'] === volume?.['name']));
      expect(mounting.length, title(c)).toBeGreaterThan(0);
      for (const container of mounting) {
        const mount = list(container['volumeMounts']).find((m) => m['name'] === volume?.['name']);
        expect(mount?.['readOnly'], title(c)).toBe(true);
      }
      if (version === 'v1alpha2') {
        // The init container and the Flux runner read it; sidecars never get the secret key.
        const runner = list(podSpec['containers']).find((container) => container['name'] === name);
        expect(mounting.map((m) => m['name']).sort(), title(c)).toEqual([String(runner?.['name'] ?? ''), String(obj(obj(c.resolved.cluster.spec.flux)['container'])['name'])].sort());
        expect(list(runner?.['volumeMounts']).find((m) => m['name'] === volume?.['name'])?.['mountPath']).toBe(CURVE_SECRET_DIR);
        const scripts = data(c.manifests.find((m) => m.kind === 'ConfigMap'));
        const runnerScript = Object.entries(scripts).find(([key]) => key.startsWith('wait-'))?.[1] ?? '';
        expect(runnerScript, title(c)).toContain(`cp ${CURVE_SECRET_DIR}/curve.cert "\${configroot}/curve/curve.cert"`);
        expect(runnerScript).toContain('chmod go-r "${configroot}/curve/curve.cert"');
        expect(Object.values(scripts).join('\n')).not.toContain('/flux_operator/curve.cert');
      }
    }
  });
});

describe('v1alpha2 host names under each workload', () => {
  const { cases } = casesOf('v1alpha2');
  const title = (c: Case) => `${c.fixture} (${describeOutput(c.output)})`;

  it('agree between broker.toml, the R encode list, the runner’s lead test and the certificate', () => {
    let checked = 0;
    for (const c of cases) {
      if (c.resolved.version !== 'v1alpha2') continue;
      const cluster = c.resolved.cluster;
      const name = cluster.metadata.name;
      const prefix = c.output.workload === 'jobset' ? `${name}-node-0-` : `${name}-`;
      expect(hostPrefix(name, c.output.workload)).toBe(prefix);
      const scripts = data(c.manifests.find((m) => m.kind === 'ConfigMap'));
      const init = scripts[cluster.spec.flux.container.name] ?? '';
      const hostlist = /printf '%s\\n' '?([^'\s]+)'? > "\$\{installroot\}\/etc\/flux\/system\/hostlist"/.exec(init)?.[1];
      const bursting = cluster.spec.flux.bursting;
      if (!bursting?.hostlist && !bursting?.leadBroker) {
        const max = cluster.spec.maxSize;
        expect(hostlist, title(c)).toBe(`${prefix}${max === 1 ? '0' : `[0-${max - 1}]`}${(bursting?.clusters ?? []).map((b) => `,${b.name === name ? prefix : `${b.name}-`}[${b.size === 1 ? '0' : `0-${(b.size ?? 0) - 1}`}]`).join('')}`);
      }
      if (!cluster.spec.flux.brokerConfig) expect(init, title(c)).toContain(`{ host = ${JSON.stringify(hostlist)} }`);
      // The runner encodes R from the hostlist file the init script wrote, and tests rank 0 by name.
      const runnerScript = Object.entries(scripts).find(([key]) => key.startsWith('wait-'))?.[1] ?? '';
      expect(runnerScript, title(c)).toContain('flux R encode --hosts="${hosts}"');
      expect(runnerScript, title(c)).toContain(`mainHost=${prefix}0\n`);
      const certText = data(c.manifests.find((m) => m.kind === 'Secret') ?? c.manifests.find((m) => m.kind === 'ConfigMap'))['curve.cert'] ?? '';
      if (!cluster.spec.flux.curveCert) expect(certText, title(c)).toContain(`keygen.hostname = "${prefix}0"`);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a JobSet names its Service by network.subdomain, the MiniCluster’s Service name, and no second one is made', () => {
    const jobSets = cases.filter((c) => c.output.workload === 'jobset');
    expect(jobSets.length).toBeGreaterThan(50);
    for (const c of jobSets) {
      if (c.resolved.version !== 'v1alpha2') continue;
      const { object, podSpec } = workload(c.manifests);
      const network = obj(obj(object['spec'])['network']);
      const service = c.resolved.cluster.spec.network.headlessName;
      expect(network, title(c)).toEqual({ enableDNSHostnames: true, subdomain: service, publishNotReadyAddresses: true });
      expect(podSpec['subdomain']).toBe(service);
      expect(c.manifests.filter((m) => m.kind === 'Service' && m.metadata.name === service), title(c)).toEqual([]);
      const asJob = generateAny(c.resolved, { keys: TEST_KEYS, output: { ...c.output, workload: 'job' } });
      // Per-container Services and the services Pod stay.
      expect(c.manifests.filter((m) => m.kind === 'Service').length).toBe(asJob.filter((m) => m.kind === 'Service').length - 1);
      const pod = c.manifests.find((m) => m.kind === 'Pod');
      if (pod) expect(obj(pod.metadata.labels)['jobset.sigs.k8s.io/jobset-name']).toBe(c.resolved.cluster.metadata.name);
      // The Job inside is the one the operator would make.
      expect(workload(asJob).jobSpec).toEqual(workload(c.manifests).jobSpec);
    }
  });
});
