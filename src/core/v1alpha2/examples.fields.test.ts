/**
 * Field-by-field checks of upstream examples that exercise bursting, sidecars, minimal service,
 * volumes, services and logging options, against the operator's behaviour (docs/design.md).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSpec } from './analyze.ts';
import type { ResolvedMiniCluster } from './defaults.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { v1alpha2Example } from '../testing/upstream.ts';
import { describeCorpus } from '../testing/corpusSuite.ts';
import { brokerToml } from './brokerToml.ts';
import { hostlist } from '../common/hostlist.ts';
import { requiredRanks } from './scriptInputs.ts';
import { generateManifests } from './generate.ts';
import type { KObject, Manifest } from '../common/kobject.ts';
import { brokerOptions, submitFlags } from './scriptInputs.ts';

function resolve(name: string): ResolvedMiniCluster {
  const analysis = analyzeSpec(v1alpha2Example(name));
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!analysis.cluster) throw new Error(`${name} did not resolve`);
  return analysis.cluster;
}

const byKind = (objects: Manifest[], kind: string) => objects.filter((o) => o.kind === kind);
const podSpec = (job: Manifest) => ((job['spec'] as KObject)['template'] as { spec: KObject }).spec;
const containersOf = (job: Manifest) => podSpec(job)['containers'] as KObject[];

describeCorpus('bursting: experimental/bursting/broker-eks/minicluster-env.yaml', () => {
  const cluster = resolve('experimental/bursting/broker-eks/minicluster-env.yaml');
  it('appends the bursted cluster to the hostlist and asks for a quorum of size', () => {
    expect(hostlist(cluster)).toBe('flux-sample-[0-3],burst-0-[0-3]');
    expect(requiredRanks(cluster)).toBe('2');
    expect(brokerToml(cluster)).toContain('{ host = "flux-sample-[0-3],burst-0-[0-3]" }');
  });
  it('passes interactive, zeromq, log level 7 and the connect timeout to the broker', () => {
    expect(brokerOptions(cluster)).toEqual([
      '-Scron.directory=/mnt/flux/config/etc/flux/system/cron.d',
      '-Stbon.fanout=256',
      '-Srundir=/mnt/flux/config/run/flux',
      '-Sbroker.rc2_none',
      '-Sstatedir=/mnt/flux/config/var/lib/flux',
      '-Slocal-uri=local:///mnt/flux/config/run/flux/local',
      '-Stbon.connect_timeout=5s',
      '-Sbroker.quorum=2',
      '-Stbon.zmqdebug=1',
      '-Slog-stderr-level=7',
      '-Slog-stderr-mode=local',
    ]);
  });
  it('turns secrets into secretKeyRef env entries, sorted, and canonical quantities', () => {
    const [job] = generateManifests(cluster, { include: 'j', keys: TEST_KEYS });
    const [runner] = containersOf(job as Manifest);
    expect(runner?.['env']).toEqual([
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'flux-operator-burst', key: 'AWS_ACCESS_KEY_ID' } } },
      { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'flux-operator-burst', key: 'AWS_SECRET_ACCESS_KEY' } } },
    ]);
    expect(runner?.['resources']).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1' } });
    expect(runner?.['workingDir']).toBe('/tmp/workflow');
  });
  it('warns once about the repeated interactive key', () => {
    const analysis = analyzeSpec(v1alpha2Example('experimental/bursting/broker-eks/minicluster-env.yaml'));
    expect(analysis.diagnostics.filter((d) => d.code === 'duplicate-key')).toHaveLength(1);
  });
});

describe('bursted child with a lead broker (hand-written; no example sets one)', () => {
  const text = `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata: {name: burst-0, namespace: hpc}
spec:
  size: 4
  flux:
    bursting:
      leadBroker: {address: 10.0.0.5, name: flux-sample, size: 2}
      clusters: [{}]
  containers: [{image: ubuntu:noble}]
`;
  it('points the hostlist and broker.toml at the parent and defaults the bursted cluster', () => {
    const cluster = analyzeSpec(text).cluster as ResolvedMiniCluster;
    expect(hostlist(cluster)).toBe('10.0.0.5,flux-sample-[1],burst-0-[0-3]');
    const toml = brokerToml(cluster);
    expect(toml).toContain('{ host = "10.0.0.5", bind = "tcp://eth0:8050", connect = "tcp://10.0.0.5:8050" },');
    expect(toml).toContain('default_connect = "tcp://%h.burst-0.hpc.svc.cluster.local:%p"');
  });
});

describeCorpus('sidecar: tests/nginx-sidecar-service/minicluster.yaml', () => {
  const objects = generateManifests(resolve('tests/nginx-sidecar-service/minicluster.yaml'), { keys: TEST_KEYS });
  it('keeps the nginx entrypoint (no start script) and gives the runner wait-0', () => {
    const [runner, nginx] = containersOf(byKind(objects, 'Job')[0] as Manifest);
    expect(runner?.['name']).toBe('flux-sample');
    expect(runner?.['command']).toEqual(['/bin/bash', '/flux_operator/wait-0.sh']);
    expect(nginx?.['name']).toBe('nginx');
    expect(nginx).not.toHaveProperty('command');
    expect(nginx?.['ports']).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    const data = byKind(objects, 'ConfigMap')[0]?.['data'] as Record<string, string>;
    expect(Object.keys(data).sort()).toEqual(['curve.cert', 'flux-view', 'wait-0']);
  });
  it('adds the per-container Service the operator makes for a sidecar with ports', () => {
    const services = byKind(objects, 'Service');
    expect(services.map((s) => s.metadata.name)).toEqual(['flux-sample', 'nginx']);
    expect(services[1]?.['spec']).toEqual({
      selector: { 'app.kubernetes.io/name': 'flux-sample' },
      ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
    });
  });
});

describeCorpus('wrapped sidecar: experimental/metrics-api/minicluster.yaml', () => {
  it('gives the sidecar a start-1 script and lists both scripts in the volume items', () => {
    const [job] = generateManifests(resolve('experimental/metrics-api/minicluster.yaml'), { include: 'j', keys: TEST_KEYS });
    const [, sidecar] = containersOf(job as Manifest);
    expect(sidecar?.['command']).toEqual(['/bin/bash', '/flux_operator/start-1.sh']);
    const volume = (podSpec(job as Manifest)['volumes'] as KObject[])[3] as { configMap: { items: KObject[] } };
    expect(volume.configMap.items.map((i) => i['key'])).toEqual(['wait-0', 'start-1', 'flux-view', 'curve.cert']);
  });
});

describeCorpus('minimal service: tests/minimal-service/minicluster.yaml', () => {
  it('makes a headless broker Service selecting only rank 0 on port 8050', () => {
    const [service] = generateManifests(resolve('tests/minimal-service/minicluster.yaml'), { include: 's', keys: TEST_KEYS });
    expect(service?.['spec']).toEqual({
      clusterIP: 'None',
      selector: { 'job-name': 'flux-sample', 'batch.kubernetes.io/job-completion-index': '0' },
      ports: [{ port: 8050, protocol: 'TCP' }],
    });
  });
});

describeCorpus('volumes', () => {
  it('mounts an emptyDir with medium Memory at /dev/shm (tests/emptydir)', () => {
    const [job] = generateManifests(resolve('tests/emptydir/minicluster.yaml'), { include: 'j', keys: TEST_KEYS });
    const volumes = podSpec(job as Manifest)['volumes'] as KObject[];
    expect(volumes[4]).toEqual({ name: 'my-empty-dir', emptyDir: { medium: 'Memory' } });
    const mounts = containersOf(job as Manifest)[0]?.['volumeMounts'] as KObject[];
    expect(mounts.at(-1)).toEqual({ name: 'my-empty-dir', mountPath: '/dev/shm' });
  });
  it('mounts a hostPath of type Directory (tests/volumes)', () => {
    const [job] = generateManifests(resolve('tests/volumes/minicluster.yaml'), { include: 'j', keys: TEST_KEYS });
    expect((podSpec(job as Manifest)['volumes'] as KObject[])[4]).toEqual({ name: 'data', hostPath: { path: '/data', type: 'Directory' } });
    expect((containersOf(job as Manifest)[0]?.['volumeMounts'] as KObject[]).at(-1)).toEqual({ name: 'data', mountPath: '/data' });
  });
  it('uses an existing claim (tests/existing-volumes) and a secret (s3fs-fuse)', () => {
    const [claimJob] = generateManifests(resolve('tests/existing-volumes/minicluster.yaml'), { include: 'j', keys: TEST_KEYS });
    expect((podSpec(claimJob as Manifest)['volumes'] as KObject[])[4]).toEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data' } });
    const [secretJob] = generateManifests(resolve('storage/aws/somospie/s3fs-fuse/minicluster.yaml'), { include: 'j', keys: TEST_KEYS });
    expect((podSpec(secretJob as Manifest)['volumes'] as KObject[])[4]).toEqual({ name: 'data', secret: { secretName: 's3secret' } });
  });
  it('rejects a volume with only a path instead of emitting an empty claimName (tests/batch)', () => {
    const analysis = analyzeSpec(v1alpha2Example('tests/batch/minicluster.yaml'));
    const error = analysis.diagnostics.find((d) => d.code === 'volume-source');
    expect(error?.message).toMatch(/claimName, hostPath/);
    expect(error?.path).toMatch(/^spec\.containers\[0\]\.volumes\./);
  });
});

describeCorpus('services pod: experimental/bursting/nginx/minicluster.yaml', () => {
  it('creates NAME-services with the nginx container and its ConfigMap volume named as mounted', () => {
    const objects = generateManifests(resolve('experimental/bursting/nginx/minicluster.yaml'), { keys: TEST_KEYS });
    const [pod] = byKind(objects, 'Pod');
    expect(pod?.metadata.name).toBe('flux-sample-services');
    expect((pod?.metadata['labels'] as Record<string, string>)['job-name']).toBe('flux-sample');
    const spec = pod?.['spec'] as KObject;
    expect(spec['hostname']).toBe('flux-sample-services');
    expect(spec['subdomain']).toBe('flux-sample');
    const [container] = spec['containers'] as KObject[];
    expect(container?.['name']).toBe('nginx');
    expect(container).not.toHaveProperty('command');
    const volume = (spec['volumes'] as KObject[])[0] as KObject;
    const mount = (container?.['volumeMounts'] as KObject[])[0] as KObject;
    expect(volume['name']).toBe(mount['name']);
    expect(volume['configMap']).toMatchObject({ items: [expect.objectContaining({ key: expect.any(String) })] });
  });
});

describeCorpus('logging options', () => {
  it('debug adds -vvv and quiet sets log level 0 (tests/debug)', () => {
    const cluster = resolve('tests/debug/minicluster.yaml');
    expect(submitFlags(cluster)).toMatch(/ -vvv$/);
    expect(brokerOptions(cluster)).toContain('-Slog-stderr-level=0');
  });
  it('timed wraps flux start with /usr/bin/time (tests/timed)', () => {
    const [configMap] = generateManifests(resolve('tests/timed/minicluster.yaml'), { include: 'c', keys: TEST_KEYS });
    const script = (configMap?.['data'] as Record<string, string>)['wait-0'] ?? '';
    expect(script).toContain('FLUXTIME fluxstart wall time %E');
    expect(script).toContain('FLUXTIME fluxsubmit wall time %E');
  });
  it('optionFlags join the task flags (tests/osu-benchmarks)', () => {
    expect(submitFlags(resolve('tests/osu-benchmarks/minicluster.yaml'))).toBe('-N 2 -n2 -ompi=openmpi@5');
  });
  it('a custom certificate and broker config are used verbatim (tests/custom-config)', () => {
    const cluster = resolve('tests/custom-config/minicluster.yaml');
    const [configMap] = generateManifests(cluster, { include: 'c', keys: TEST_KEYS });
    expect((configMap?.['data'] as Record<string, string>)['curve.cert']).toBe(cluster.spec.flux.curveCert);
    expect(brokerToml(cluster)).toBe(cluster.spec.flux.brokerConfig);
  });
});
