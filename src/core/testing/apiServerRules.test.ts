import { describe, expect, it } from 'vitest';
import type { Manifest } from '../common/kobject.ts';
import { analyzeFile } from '../fileAnalysis.ts';
import { generateAny } from '../pipeline.ts';
import { apiServerProblems } from './apiServerRules.ts';
import { describeCorpus } from './corpusSuite.ts';
import { fixture, fixtures, type FixtureVersion } from './fixtures.ts';
import { describeOutput, outputCombinations } from './outputOptions.ts';
import { TEST_KEYS } from './testKeys.ts';
import { v1alpha1Examples, v1alpha2Examples } from './upstream.ts';
import type { OutputOptions } from '../targets/options.ts';

/** Every object of every MiniCluster of the file that resolves under `output`. */
function generated(text: string, output: OutputOptions = {}): Manifest[] {
  return analyzeFile(text, { output }).specs.flatMap((spec) => (spec.analysis.resolved ? generateAny(spec.analysis.resolved, { keys: TEST_KEYS, output }) : []));
}

const VERSIONS: FixtureVersion[] = ['v1alpha2', 'v1alpha1'];

describe('the API server rules of generated objects', () => {
  for (const version of VERSIONS) {
    describe(`${version} fixtures, under every combination of output options`, () => {
      for (const example of fixtures(version)) {
        it(example.name, () => {
          for (const output of outputCombinations(version)) {
            expect(apiServerProblems(generated(example.text, output)), describeOutput(output)).toEqual([]);
          }
        });
      }
    });
  }

  const objects = () => generated(fixture('v1alpha2', 'sidecars'));
  const job = (manifests: Manifest[]) => manifests.find((m) => m.kind === 'Job') as Manifest & { spec: { template: { spec: { containers: Array<Record<string, unknown>>; initContainers: Array<Record<string, unknown>>; volumes: Array<Record<string, unknown>> } } } };
  const broken = (change: (manifests: Manifest[]) => void): string[] => {
    const manifests = structuredClone(objects());
    change(manifests);
    return apiServerProblems(manifests);
  };

  it('finds what the API server refuses in hand-made broken objects', () => {
    expect(apiServerProblems(objects())).toEqual([]);
    const containers = (m: Manifest[]) => job(m).spec.template.spec.containers;
    const cases: Array<[string, (m: Manifest[]) => void, RegExp]> = [
      ['namespace', (m) => { m[0]!.metadata.namespace = 'Team_A'; }, /metadata\.namespace/],
      ['env name', (m) => { containers(m)[0]!['env'] = [{ name: 'A=B', value: 'x' }]; }, /env\[0\]\.name/],
      ['env name with a space', (m) => { containers(m)[0]!['env'] = [{ name: '1 2', value: 'x' }]; }, /env\[0\]\.name/],
      ['blank image', (m) => { containers(m)[0]!['image'] = '  '; }, /image: no image/],
      ['duplicate container', (m) => { containers(m)[1]!['name'] = containers(m)[0]!['name']; }, /repeated in the pod/],
      ['container named like the init container', (m) => { containers(m)[1]!['name'] = job(m).spec.template.spec.initContainers[0]!['name']; }, /repeated in the pod/],
      ['empty mount path', (m) => { (containers(m)[0]!['volumeMounts'] as Array<Record<string, unknown>>)[0]!['mountPath'] = ''; }, /empty mount path/],
      ['repeated mount path', (m) => { const mounts = containers(m)[0]!['volumeMounts'] as Array<Record<string, unknown>>; mounts[1]!['mountPath'] = mounts[0]!['mountPath']; }, /used twice/],
      ['pull policy', (m) => { containers(m)[0]!['imagePullPolicy'] = 'always'; }, /imagePullPolicy/],
      ['dnsPolicy', (m) => { (job(m).spec.template.spec as Record<string, unknown>)['dnsPolicy'] = 'None'; }, /dnsConfig/],
      ['toleration', (m) => { (job(m).spec.template.spec as Record<string, unknown>)['tolerations'] = [{ key: 'a', operator: 'exists' }]; }, /tolerations\[0\]\.operator/],
      ['port', (m) => { containers(m)[0]!['ports'] = [{ containerPort: 70000, protocol: 'TCP' }]; }, /containerPort/],
      ['request above limit', (m) => { containers(m)[0]!['resources'] = { limits: { cpu: '1' }, requests: { cpu: '2' } }; }, /request above its limit/],
      ['label', (m) => { m[0]!.metadata['labels'] = { 'bad key!': 'x' }; }, /label key/],
      ['volume name', (m) => { job(m).spec.template.spec.volumes[0]!['name'] = 'Bad_Name'; }, /volumes\[0\]\.name/],
      ['duplicate objects', (m) => { m.push(structuredClone(m[0]!)); }, /same kind, namespace and name/],
      ['unnamed ports of a Service', (m) => { const service = m.find((x) => x.kind === 'Service' && ((x['spec'] as { ports?: unknown[] }).ports?.length ?? 0) > 1) as Manifest; for (const port of (service['spec'] as { ports: Array<Record<string, unknown>> }).ports) delete port['name']; }, /needs port names/],
      ['deadline', (m) => { (job(m)['spec'] as Record<string, unknown>)['activeDeadlineSeconds'] = -1; }, /activeDeadlineSeconds/],
    ];
    for (const [what, change, expected] of cases) {
      const problems = broken(change);
      expect(problems.some((p) => expected.test(p)), `${what}: ${JSON.stringify(problems)}`).toBe(true);
    }
  });

  it('checks a JobSet’s pod names and its Job template', () => {
    const jobSet = generated(fixture('v1alpha2', 'sidecars'), { workload: 'jobset' });
    expect(apiServerProblems(jobSet)).toEqual([]);
    const long = structuredClone(jobSet);
    const set = long.find((m) => m.kind === 'JobSet') as Manifest;
    set.metadata.name = `a${'b'.repeat(55)}`;
    expect(apiServerProblems(long).join('\n')).toContain('longer than 63 characters');
  });

  it('checks a PodGroup’s name, sizes, queue and resources', () => {
    const made = generated(fixture('v1alpha2', 'view-settings'), { gang: 'volcano', gangQueue: 'hpc' });
    expect(apiServerProblems(made)).toEqual([]);
    const cases: Array<[(spec: Record<string, unknown>, m: Manifest) => void, RegExp]> = [
      [(spec) => { spec['minMember'] = 0; }, /spec\.minMember: 0 is not an int32 of at least 1/],
      [(spec) => { spec['scheduleTimeoutSeconds'] = 2 ** 31; }, /spec\.scheduleTimeoutSeconds/],
      [(spec) => { spec['queue'] = 'Bad_Queue'; }, /spec\.queue/],
      [(spec) => { spec['minResources'] = { cpu: 'lots' }; }, /minResources\.cpu/],
      [(_, m) => { m.metadata.name = 'Bad_Name'; }, /PodGroup\/Bad_Name\.metadata\.name/],
    ];
    for (const [change, expected] of cases) {
      const copy = structuredClone(made);
      const group = copy.find((m) => m.kind === 'PodGroup') as Manifest;
      change(group['spec'] as Record<string, unknown>, group);
      expect(apiServerProblems(copy).join('\n')).toMatch(expected);
    }
  });
});

describeCorpus('the API server rules of the upstream examples’ objects', () => {
  for (const [version, examples] of [['v1alpha2', v1alpha2Examples()], ['v1alpha1', v1alpha1Examples()]] as const) {
    it(`${version}: every example that generates gives objects the API server takes`, () => {
      const found: string[] = [];
      for (const example of examples) {
        for (const problem of apiServerProblems(generated(example.text))) found.push(`${example.name}: ${problem}`);
      }
      expect(found).toEqual([]);
    });
  }
});
