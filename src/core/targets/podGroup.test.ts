/**
 * The gang options' output: every fixture and every upstream v1alpha2 example under each gang
 * option alone, as a JobSet and with a Kueue queue makes a PodGroup first, valid against its
 * scheduler's CRD, and pods that carry the label or annotation and the scheduler name.
 */
import { describe, expect, it } from 'vitest';
import type { KObject, Manifest } from '../common/kobject.ts';
import { analyzeAnySpec, generateAny, generateFiled } from '../pipeline.ts';
import { corpus } from '../testing/corpus.ts';
import { describeCorpus, describePodGroupCrds } from '../testing/corpusSuite.ts';
import { fixture, fixtures } from '../testing/fixtures.ts';
import { crdValidator } from '../testing/jobSetSchema.ts';
import { validatePodGroup } from '../testing/podGroupSchema.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { v1alpha2Examples } from '../testing/upstream.ts';
import type { Example } from '../testing/fixtures.ts';
import type { Gang, OutputOptions } from './options.ts';
import { podGroupMinResources } from './podGroup.ts';

const obj = (value: unknown): KObject => (value && typeof value === 'object' && !Array.isArray(value) ? (value as KObject) : {});

/** The pod template of the workload, whichever it is (a Job, or the JobSet's replicated Job). */
function podTemplate(manifests: Manifest[]): KObject {
  const workload = manifests.find((m) => m.kind === 'Job' || m.kind === 'JobSet');
  if (!workload) throw new Error('no workload');
  const spec = obj(workload['spec']);
  const jobSpec = workload.kind === 'JobSet' ? obj(obj(obj((spec['replicatedJobs'] as unknown[])[0])['template'])['spec']) : spec;
  return obj(jobSpec['template']);
}

const EXPECTED: Record<Gang, { apiVersion: string; where: 'labels' | 'annotations'; key: string; scheduler: string }> = {
  coscheduling: { apiVersion: 'scheduling.x-k8s.io/v1alpha1', where: 'labels', key: 'scheduling.x-k8s.io/pod-group', scheduler: 'scheduler-plugins-scheduler' },
  volcano: { apiVersion: 'scheduling.volcano.sh/v1beta1', where: 'annotations', key: 'scheduling.k8s.io/group-name', scheduler: 'volcano' },
};

/** Each gang alone, as a JobSet (v1alpha2), and with a queue of each kind the gang has. */
function gangCases(v1alpha2: boolean): Array<{ title: string; gang: Gang; output: OutputOptions }> {
  return (['coscheduling', 'volcano'] as const).flatMap((gang) => [
    { title: `${gang} alone`, gang, output: { gang } },
    ...(v1alpha2 ? [{ title: `${gang} as a JobSet`, gang, output: { gang, workload: 'jobset' as const } }] : []),
    { title: `${gang} with a Kueue queue and its own settings`, gang, output: { gang, queue: 'team-a', ...(gang === 'volcano' ? { gangQueue: 'hpc' } : { gangTimeout: 300 }) } },
  ]);
}

/** Runs one spec under one case: undefined when it made the gang's objects, else the refusal as `NAME: CODES`. */
function expectGang(example: Example, gang: Gang, output: OutputOptions): string | undefined {
  const analysis = analyzeAnySpec(example.text, { output });
  if (!analysis.resolved) {
    const codes = analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    return `${example.name}: ${codes.join(',')}`;
  }
  const { name, namespace } = analysis.resolved.cluster.metadata;
  const size = analysis.resolved.cluster.spec.size;
  const manifests = generateAny(analysis.resolved, { keys: TEST_KEYS, output });
  const first = manifests[0] as Manifest;
  expect(`${first.apiVersion} ${first.kind}`).toBe(`${EXPECTED[gang].apiVersion} PodGroup`);
  expect(manifests.filter((m) => m.kind === 'PodGroup')).toHaveLength(1);
  expect(first.metadata).toEqual({ name, namespace });
  const spec = obj(first['spec']);
  expect(spec['minMember']).toBe(size);
  expect(spec['queue']).toBe(output.gangQueue);
  expect(spec['scheduleTimeoutSeconds']).toBe(output.gangTimeout);
  validatePodGroup(first);
  const template = podTemplate(manifests);
  expect(obj(obj(template['metadata'])[EXPECTED[gang].where])[EXPECTED[gang].key]).toBe(name);
  expect(obj(template['spec'])['schedulerName']).toBe(output.schedulerName ?? EXPECTED[gang].scheduler);
  // The services Pod (if any) is not one of the gang: it would count towards minMember.
  for (const pod of manifests.filter((m) => m.kind === 'Pod')) expect(obj(pod['spec'])['schedulerName']).not.toBe(EXPECTED[gang].scheduler);
  return undefined;
}

/**
 * The fixtures each case refuses, with their error codes: pod-settings names the volcano scheduler
 * of its own and labels a Kueue queue of its own (as v1alpha1's pod-resources does). Every other
 * fixture makes its gang: one more refusal is a regression.
 */
const REFUSED_FIXTURES: Record<'v1alpha2' | 'v1alpha1', Record<string, readonly string[]>> = {
  v1alpha2: {
    'coscheduling alone': ['pod-settings.yaml: gang-scheduler-name'],
    'coscheduling as a JobSet': ['pod-settings.yaml: gang-scheduler-name'],
    'coscheduling with a Kueue queue and its own settings': ['pod-settings.yaml: kueue-label-conflict,gang-scheduler-name'],
    'volcano alone': [],
    'volcano as a JobSet': [],
    'volcano with a Kueue queue and its own settings': ['pod-settings.yaml: kueue-label-conflict'],
  },
  v1alpha1: {
    'coscheduling alone': [],
    'coscheduling with a Kueue queue and its own settings': ['pod-resources.yaml: kueue-label-conflict'],
    'volcano alone': [],
    'volcano with a Kueue queue and its own settings': ['pod-resources.yaml: kueue-label-conflict'],
  },
};

describe.each(['v1alpha2', 'v1alpha1'] as const)('the %s fixtures under each gang option', (version) => {
  it('are the cases the refusals are listed for', () => {
    expect(gangCases(version === 'v1alpha2').map((c) => c.title)).toEqual(Object.keys(REFUSED_FIXTURES[version]));
  });
  for (const { title, gang, output } of gangCases(version === 'v1alpha2')) {
    it(`${title}: the PodGroup first, valid, and every pod in it; only the listed fixtures refused`, () => {
      const valid = fixtures(version).filter((f) => analyzeAnySpec(f.text).resolved);
      expect(valid.length).toBeGreaterThan(10);
      const refused = valid.map((f) => expectGang(f, gang, output)).filter((r) => r !== undefined);
      expect(refused).toEqual(REFUSED_FIXTURES[version][title]);
    });
  }
});

describeCorpus('the upstream v1alpha2 examples under each gang option', () => {
  const examples = v1alpha2Examples();
  for (const { title, gang, output } of gangCases(true)) {
    it(`${title}: the PodGroup first, valid, and every pod in it; none refused`, () => {
      const valid = examples.filter((e) => analyzeAnySpec(e.text).resolved);
      expect(valid.length).toBeGreaterThan(50);
      // None of the operator's examples sets a scheduler or a Kueue label of its own: each takes every gang case.
      expect(valid.map((e) => expectGang(e, gang, output)).filter((r) => r !== undefined)).toEqual([]);
    });
  }
});

describePodGroupCrds('the PodGroup CRDs the tests validate against', () => {
  it('are read from the corpus and refuse what the API server would', () => {
    const crds = corpus?.podGroupCrds;
    if (!crds) throw new Error('no PodGroup CRDs');
    const coscheduling = crdValidator(crds.coscheduling, 'v1alpha1');
    const volcano = crdValidator(crds.volcano, 'v1beta1');
    const group = (spec: KObject) => ({ apiVersion: 'x', kind: 'PodGroup', metadata: { name: 'a' }, spec });
    expect(coscheduling(group({ minMember: 4, scheduleTimeoutSeconds: 60, minResources: { cpu: '2' } }))).toBe(true);
    // No queue in the coscheduling PodGroup, no timeout in Volcano's: the options refuse them too.
    expect(coscheduling(group({ minMember: 4, queue: 'hpc' }))).toBe(false);
    expect(coscheduling(group({ minMember: 2 ** 31 }))).toBe(false);
    expect(volcano(group({ minMember: 4, queue: 'hpc', minResources: { memory: '1Gi' } }))).toBe(true);
    expect(volcano(group({ minMember: 4, scheduleTimeoutSeconds: 60 }))).toBe(false);
    expect(volcano(group({ minMember: '4' }))).toBe(false);
  });
});

describe('minResources', () => {
  const pod = (...resources: Array<KObject | undefined>) => ({ containers: resources.map((r) => (r ? { name: 'c', resources: r } : { name: 'c' })) });

  it('is minMember times the sum of every container’s requests, exactly', () => {
    expect(podGroupMinResources(pod({ requests: { cpu: '500m', memory: '512Mi' } }, { requests: { cpu: '1.5', memory: '1Gi' } }), 4)).toEqual({ cpu: '8', memory: '6Gi' });
    expect(podGroupMinResources(pod({ requests: { cpu: '100m' } }, { requests: { cpu: '200m', 'nvidia.com/gpu': '1' } }), 3)).toEqual({ cpu: '900m', 'nvidia.com/gpu': '3' });
  });

  it('takes a limit as the request where only the limit is set, as the API server does', () => {
    expect(podGroupMinResources(pod({ limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '1' } }), 2)).toEqual({ cpu: '2', memory: '2Gi' });
  });

  it('is left out when a container requests nothing', () => {
    expect(podGroupMinResources(pod({ requests: { cpu: '1' } }, undefined), 2)).toBeUndefined();
    expect(podGroupMinResources(pod({ requests: { cpu: '1' } }, {}), 2)).toBeUndefined();
    expect(podGroupMinResources({ containers: [] }, 2)).toBeUndefined();
  });

  it('comes from the containers of the pods the gang holds, not the init container', () => {
    // view-settings: 2 pods; the app container requests cpu 2 and is limited to 2000M of memory;
    // the Flux view's init container (cpu 0.5) is not counted.
    const made = generateAny(analyzeAnySpec(fixture('v1alpha2', 'view-settings')).resolved!, { keys: TEST_KEYS, output: { gang: 'volcano' } });
    expect(obj(made[0]?.['spec'])['minResources']).toEqual({ cpu: '4', memory: '4G' });
    // v1alpha1 pod-resources: 2 pods of cpu 0.5, memory 512000000 and one GPU by its limit.
    const v1 = generateAny(analyzeAnySpec(fixture('v1alpha1', 'pod-resources')).resolved!, { keys: TEST_KEYS, output: { gang: 'coscheduling' } });
    expect(obj(v1[0]?.['spec'])['minResources']).toEqual({ cpu: '1', memory: '1024M', 'nvidia.com/gpu': '2' });
    const hello = generateAny(analyzeAnySpec(fixture('v1alpha2', 'hello-world')).resolved!, { keys: TEST_KEYS, output: { gang: 'coscheduling' } });
    expect(obj(hello[0]?.['spec'])['minResources']).toBeUndefined();
  });
});

describe('the PodGroup in the bundle', () => {
  const resolved = analyzeAnySpec(fixture('v1alpha2', 'hello-world'), { output: { gang: 'coscheduling' } }).resolved!;
  const kinds = (include: string, output: OutputOptions) => generateFiled(resolved, { keys: TEST_KEYS, include, output }).map(({ letter, manifest }) => `${letter} ${manifest.kind}`);

  it('comes first, before the ConfigMaps, and is filed with the workload (j)', () => {
    expect(kinds('', { gang: 'coscheduling' })).toEqual(['j PodGroup', 'c ConfigMap', 's Service', 'j Job']);
    expect(kinds('', { gang: 'coscheduling', workload: 'jobset', certSecret: true })).toEqual(['j PodGroup', 'c ConfigMap', 'c Secret', 'j JobSet']);
    expect(kinds('c', { gang: 'coscheduling' })).toEqual(['c ConfigMap']);
    expect(kinds('j', { gang: 'volcano' })).toEqual(['j PodGroup', 'j Job']);
  });

  it('is absent without a gang option, and the pods keep the scheduler of the spec', () => {
    const plain = generateAny(resolved, { keys: TEST_KEYS });
    expect(plain.some((m) => m.kind === 'PodGroup')).toBe(false);
    expect(obj(podTemplate(plain)['spec'])['schedulerName']).toBeUndefined();
  });

  it('puts the scheduler name where the spec’s own spec.pod.schedulerName goes, not after the volumes', () => {
    const written = fixture('v1alpha2', 'hello-world').replace('spec:\n', 'spec:\n  pod:\n    schedulerName: scheduler-plugins-scheduler\n');
    const own = generateAny(analyzeAnySpec(written).resolved!, { keys: TEST_KEYS });
    const gang = generateAny(resolved, { keys: TEST_KEYS, output: { gang: 'coscheduling' } });
    expect(Object.keys(obj(podTemplate(gang)['spec']))).toEqual(Object.keys(obj(podTemplate(own)['spec'])));
    expect(podTemplate(gang)['spec']).toEqual(podTemplate(own)['spec']);
  });

  it('takes the scheduler name given, and a spec that names the same scheduler is fine', () => {
    const text = fixture('v1alpha2', 'hello-world').replace('spec:\n', 'spec:\n  pod:\n    schedulerName: fluence\n');
    const output: OutputOptions = { gang: 'coscheduling', schedulerName: 'fluence' };
    const analysis = analyzeAnySpec(text, { output });
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const made = generateAny(analysis.resolved!, { keys: TEST_KEYS, output });
    expect(obj(podTemplate(made)['spec'])['schedulerName']).toBe('fluence');
    expect(obj(obj(podTemplate(made)['metadata'])['labels'])['scheduling.x-k8s.io/pod-group']).toBe('flux-sample');
  });
});
