/** The cluster model of fixtures: hosts, tree, containers and their mounts, Services and wrappers. */
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../common/kobject.ts';
import { analyzeAnySpec, generateAny } from '../pipeline.ts';
import type { OutputOptions } from '../targets/options.ts';
import { fixture } from '../testing/fixtures.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { clusterModel } from './build.ts';
import { modelOf, v1alpha2Spec } from './modelOf.test-util.ts';

describe('clusterModel', () => {
  it('names the hosts after the Job, one rank per pod up to maxSize, the ranks from size on offline', () => {
    const model = modelOf(fixture('v1alpha2', 'elastic'));
    expect(model).toMatchObject({ name: 'elastic', namespace: 'default', size: 2, maxSize: 5 });
    expect(model.ranks).toEqual([
      { rank: 0, host: 'elastic-0', parent: null, offline: false },
      { rank: 1, host: 'elastic-1', parent: 0, offline: false },
      { rank: 2, host: 'elastic-2', parent: 0, offline: true },
      { rank: 3, host: 'elastic-3', parent: 0, offline: true },
      { rank: 4, host: 'elastic-4', parent: 0, offline: true },
    ]);
    expect(model.headlessService?.hostPattern).toBe('elastic-{0..4}.elastic.default.svc.cluster.local');
    expect(model.topology).toEqual({ topology: { kind: 'kary', k: 256 }, text: 'kary:256', from: 'operator' });
    expect(model.wrappers).toEqual([]);
  });

  it('takes the spec topology, with the tree spanning maxSize', () => {
    const model = modelOf(v1alpha2Spec('  size: 3\n  maxSize: 8\n  flux:\n    topology: binomial'));
    expect(model.topology).toEqual({ topology: { kind: 'binomial' }, text: 'binomial', from: 'spec' });
    expect(model.ranks.map((r) => r.parent)).toEqual([null, 0, 0, 2, 0, 4, 4, 6]);
    expect(model.ranks.map((r) => r.offline)).toEqual([false, false, false, true, true, true, true, true]);
  });

  it('under a JobSet uses the JobSet host names and Service, and lists the wrappers that are on', () => {
    const model = modelOf(fixture('v1alpha2', 'services-pod'), { workload: 'jobset', queue: 'research-queue', priorityClass: 'high', certSecret: true });
    expect(model.ranks.map((r) => r.host)).toEqual(['queue-demo-node-0-0', 'queue-demo-node-0-1', 'queue-demo-node-0-2']);
    expect(model.headlessService).toEqual({
      name: 'queue-demo',
      hostPattern: 'queue-demo-node-0-{0..2}.queue-demo.research.svc.cluster.local',
      ports: [],
      field: ['spec', 'network', 'headlessName'],
    });
    expect(model.wrappers.map((w) => [w.kind, w.name])).toEqual([
      ['JobSet', 'queue-demo'],
      ['Kueue queue', 'research-queue'],
      ['Certificate Secret', 'queue-demo-curve'],
    ]);
    expect(model.wrappers[1]?.detail).toMatch(/JobSet.*priority class high/);
    expect(model.wrappers[2]?.detail).toMatch(/mounted read-only at \/curve/);
  });

  it('has the services Pod with its containers, their volumes and fields', () => {
    const model = modelOf(fixture('v1alpha2', 'services-pod'));
    expect(model.servicesPod).toEqual({
      name: 'queue-demo-services',
      containers: [
        {
          name: 'redis',
          image: 'redis:7',
          fluxRunner: false,
          mounts: [{ name: 'redis-conf', mountPath: '/usr/local/etc/redis', readOnly: false, field: ['spec', 'services', 0, 'volumes', 'redis-conf'] }],
          field: ['spec', 'services', 0],
        },
      ],
      services: [],
    });
  });

  it('lists a Service in front of the services Pod', () => {
    const model = modelOf(fixture('v1alpha1', 'services'));
    expect(model.servicesPod?.name).toBe('flux-sample-services');
    // The registry container's port Service selects every pod of the MiniCluster, the services Pod too.
    expect(model.servicesPod?.services).toEqual([{ name: 'registry', ports: [5000] }]);
    expect(model.headlessService?.name).toBe('flux-service');
  });

  it('marks the Flux runner and links each user volume mount to its field (v1alpha2)', () => {
    const model = modelOf(fixture('v1alpha2', 'volumes'));
    expect(model.containers.map((c) => [c.name, c.fluxRunner, c.field])).toEqual([
      ['storage-demo', true, ['spec', 'containers', 0]],
      ['stager', false, ['spec', 'containers', 1]],
    ]);
    const runner = model.containers[0];
    expect(runner?.mounts.find((m) => m.name === 'data')).toEqual({ name: 'data', mountPath: '/data', readOnly: true, field: ['spec', 'containers', 0, 'volumes', 'data'] });
    expect(runner?.mounts.find((m) => m.name === 'shm')).toMatchObject({ mountPath: '/dev/shm', field: ['spec', 'containers', 0, 'volumes', 'shm'] });
    // The operator's own mounts come from no field.
    expect(runner?.mounts.find((m) => m.name === 'flux-view')?.field).toBeUndefined();
    expect(model.containers[1]?.mounts.find((m) => m.name === 'tokens')?.field).toEqual(['spec', 'containers', 1, 'volumes', 'tokens']);
  });

  it('links v1alpha1 existingVolumes and volumes to their fields', () => {
    const existing = modelOf(fixture('v1alpha1', 'existing-volumes'));
    expect(existing.topology.from).toBe('operator');
    expect(existing.containers[0]?.mounts.find((m) => m.name === 'results')?.field).toEqual(['spec', 'containers', 0, 'existingVolumes', 'results']);
    const claimed = modelOf(fixture('v1alpha1', 'tree'));
    expect(claimed.containers[0]?.mounts.find((m) => m.name === 'data')).toEqual({ name: 'data', mountPath: '/data', readOnly: false, field: ['spec', 'containers', 0, 'volumes', 'data'] });
  });

  it('finds a PodGroup of either gang scheduler among the objects, and no other kind of PodGroup', () => {
    const analysis = analyzeAnySpec(v1alpha2Spec('  size: 4', 'gang'));
    const resolved = analysis.resolved;
    if (!resolved) throw new Error('spec has errors');
    const objects = generateAny(resolved, { keys: TEST_KEYS }).map((m): Manifest => {
      if (m.kind !== 'Job') return m;
      const job = structuredClone(m) as Manifest & { spec: { template: { spec: Record<string, unknown> } } };
      job.spec.template.spec['schedulerName'] = 'volcano';
      return job;
    });
    const podGroup = (apiVersion: string, spec: Record<string, unknown>): Manifest => ({ apiVersion, kind: 'PodGroup', metadata: { name: 'gang', namespace: 'default' }, spec });
    const model = clusterModel(resolved, [
      podGroup('scheduling.volcano.sh/v1beta1', { minMember: 4, queue: 'batch' }),
      podGroup('scheduling.x-k8s.io/v1alpha1', { minMember: 4 }),
      // Kubernetes' own alpha PodGroup is not an output of this tool.
      podGroup('scheduling.k8s.io/v1alpha2', { schedulingPolicy: { gang: { minCount: 4 } } }),
      ...objects,
    ]);
    expect(model.wrappers).toEqual([
      { kind: 'PodGroup', name: 'gang', detail: 'Volcano: minMember 4, scheduler volcano, queue batch' },
      { kind: 'PodGroup', name: 'gang', detail: 'coscheduling: minMember 4, scheduler volcano' },
    ]);
  });

  it('draws the PodGroup the gang options make, with its minMember, scheduler and queue', () => {
    const text = v1alpha2Spec('  size: 4');
    const wrappersUnder = (output: OutputOptions) => {
      const resolved = analyzeAnySpec(text, { output }).resolved;
      if (!resolved) throw new Error('spec has errors');
      return clusterModel(resolved, generateAny(resolved, { keys: TEST_KEYS, output }), output).wrappers;
    };
    expect(wrappersUnder({ gang: 'coscheduling' })).toEqual([{ kind: 'PodGroup', name: 'flux-sample', detail: 'coscheduling: minMember 4, scheduler scheduler-plugins-scheduler' }]);
    expect(wrappersUnder({ gang: 'volcano', gangQueue: 'hpc' })).toEqual([{ kind: 'PodGroup', name: 'flux-sample', detail: 'Volcano: minMember 4, scheduler volcano, queue hpc' }]);
    expect(wrappersUnder({ gang: 'volcano', gangQueue: 'hpc', schedulerName: 'volcano-hpc' })).toEqual([
      { kind: 'PodGroup', name: 'flux-sample', detail: 'Volcano: minMember 4, scheduler volcano-hpc, queue hpc' },
    ]);
  });

  it('takes a PodGroup for a gang scheduler\'s only at its exact apiVersion, not at another version of its group', () => {
    const resolved = analyzeAnySpec(v1alpha2Spec('  size: 4')).resolved;
    if (!resolved) throw new Error('spec has errors');
    const podGroup = (apiVersion: string): Manifest => ({ apiVersion, kind: 'PodGroup', metadata: { name: 'gang', namespace: 'default' }, spec: { minMember: 4 } });
    const objects = [podGroup('scheduling.x-k8s.io/v1alpha2'), podGroup('scheduling.volcano.sh/v1alpha1'), ...generateAny(resolved, { keys: TEST_KEYS })];
    expect(clusterModel(resolved, objects).wrappers).toEqual([]);
  });

  it('makes every rank of a 10,000-rank cluster', () => {
    const model = modelOf(v1alpha2Spec('  size: 10000\n  flux:\n    topology: mincrit'));
    expect(model.ranks).toHaveLength(10_000);
    // 9,999 ranks below rank 0: mincrit takes 10 routers of at most 999 leaves.
    expect(model.ranks.filter((r) => r.parent === 0)).toHaveLength(10);
    expect(model.ranks[9999]).toEqual({ rank: 9999, host: 'flux-sample-9999', parent: ((9999 - 10 - 1) % 10) + 1, offline: false });
  });
});
