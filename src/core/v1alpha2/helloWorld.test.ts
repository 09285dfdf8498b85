/**
 * Field-by-field check of the reference case, the operator's objects for its tests/hello-world
 * example, on our own fixture `fixtures/v1alpha2/hello-world.yaml`, which has the same spec as
 * the operator's tests/hello-world: the Job in namespace default, and the broker settings.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyzeSpec } from './analyze.ts';
import { fixture } from '../testing/fixtures.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { brokerToml } from './brokerToml.ts';
import { hostlist } from '../common/hostlist.ts';
import { requiredRanks } from './scriptInputs.ts';
import { generateManifests } from './generate.ts';
import { brokerOptions, submitFlags } from './scriptInputs.ts';

const expectedJob = parse(`
apiVersion: batch/v1
kind: Job
metadata:
  name: flux-sample
  namespace: default
spec:
  activeDeadlineSeconds: 31500000
  backoffLimit: 100
  completionMode: Indexed
  completions: 4
  parallelism: 4
  template:
    metadata:
      labels:
        app: flux-operator
        app.kubernetes.io/name: flux-sample
        hpa-selector: flux-sample
        namespace: default
      name: flux-sample
      namespace: default
    spec:
      affinity:
        podAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchExpressions:
                - key: app.kubernetes.io/name
                  operator: In
                  values: [flux-sample]
              topologyKey: topology.kubernetes.io/zone
            weight: 100
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchExpressions:
                - key: app.kubernetes.io/name
                  operator: In
                  values: [flux-sample]
              topologyKey: kubernetes.io/hostname
            weight: 100
      automountServiceAccountToken: false
      containers:
      - command: [/bin/bash, /flux_operator/wait-0.sh]
        image: ubuntu:noble
        imagePullPolicy: IfNotPresent
        lifecycle: {}
        name: flux-sample
        resources: {}
        securityContext: {}
        stdin: true
        tty: true
        volumeMounts:
        - {mountPath: /home/flux-operator, name: flux-operator-home}
        - {mountPath: /mnt/flux, name: flux-view}
        - {mountPath: /flux_operator/, name: flux-sample-entrypoint, readOnly: true}
        - {mountPath: /opt/software, name: spack-software}
      initContainers:
      - command: [/bin/bash, /flux_operator/flux-init.sh]
        image: ghcr.io/converged-computing/flux-view-ubuntu:tag-noble
        imagePullPolicy: IfNotPresent
        name: flux-view
        resources: {}
        securityContext: {}
        stdin: true
        tty: true
        volumeMounts:
        - {mountPath: /home/flux-operator, name: flux-operator-home}
        - {mountPath: /mnt/flux, name: flux-view}
        - {mountPath: /flux_operator/, name: flux-sample-entrypoint, readOnly: true}
      restartPolicy: OnFailure
      setHostnameAsFQDN: false
      shareProcessNamespace: false
      subdomain: flux-sample
      volumes:
      - {emptyDir: {}, name: spack-software}
      - {emptyDir: {}, name: flux-operator-home}
      - {emptyDir: {}, name: flux-view}
      - configMap:
          items:
          - {key: wait-0, mode: 511, path: wait-0.sh}
          - {key: flux-view, mode: 511, path: flux-init.sh}
          - {key: curve.cert, path: curve.cert}
          name: flux-sample-entrypoint
        name: flux-sample-entrypoint
`);

function helloWorld() {
  const analysis = analyzeSpec(fixture('v1alpha2', 'hello-world'));
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!analysis.cluster) throw new Error('hello world did not resolve');
  return analysis.cluster;
}

describe('hello-world fixture (the reference case)', () => {
  it('generates the operator Job field by field', () => {
    const [job] = generateManifests(helloWorld(), { include: 'j', keys: TEST_KEYS });
    expect(job).toEqual(expectedJob);
  });

  it('generates ConfigMap, Service and Job in the operator order', () => {
    const objects = generateManifests(helloWorld(), { keys: TEST_KEYS });
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ConfigMap/flux-sample-entrypoint',
      'Service/flux-sample',
      'Job/flux-sample',
    ]);
    const [configMap, service] = objects;
    expect(Object.keys(configMap?.['data'] as object).sort()).toEqual(['curve.cert', 'flux-view', 'wait-0']);
    expect(service).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'flux-sample', namespace: 'default' },
      spec: { clusterIP: 'None', selector: { 'job-name': 'flux-sample' } },
    });
  });

  it('computes hostlist, quorum (none: maxSize = size), broker options (quiet, no flux: key) and flags (tasks 1 < size 4)', () => {
    const cluster = helloWorld();
    expect(hostlist(cluster)).toBe('flux-sample-[0-3]');
    expect(requiredRanks(cluster)).toBe('');
    expect(brokerOptions(cluster)).toEqual([
      '-Scron.directory=/mnt/flux/config/etc/flux/system/cron.d',
      '-Stbon.fanout=256',
      '-Srundir=/mnt/flux/config/run/flux',
      '-Sstatedir=/mnt/flux/config/var/lib/flux',
      '-Slocal-uri=local:///mnt/flux/config/run/flux/local',
      '-Slog-stderr-level=0',
      '-Slog-stderr-mode=local',
    ]);
    expect(submitFlags(cluster)).toBe('-n1');
    const toml = brokerToml(cluster);
    expect(toml).toContain('default_connect = "tcp://%h.flux-sample.default.svc.cluster.local:%p"');
    expect(toml).toContain('{ host = "flux-sample-[0-3]" }');
    expect(toml).toContain('queue-policy = "fcfs"');
  });

  it('puts a certificate for flux-sample-0 made from the given keys', () => {
    const [configMap] = generateManifests(helloWorld(), { include: 'c', keys: TEST_KEYS });
    const cert = (configMap?.['data'] as Record<string, string>)['curve.cert'];
    expect(cert).toContain('    keygen.hostname = "flux-sample-0"\n');
    expect(cert).toContain(`    public-key = "${TEST_KEYS.publicKey}"\n`);
    expect(cert).toContain(`    secret-key = "${TEST_KEYS.secretKey}"\n`);
  });
});
