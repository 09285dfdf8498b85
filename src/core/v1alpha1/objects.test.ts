/**
 * The v1alpha1 objects: the operator's defects fixed (Dn is row n of the README's table of v1alpha1
 * differences), and the features no example exercises.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import type { KObject } from '../common/kobject.ts';
import { validateAgainstKubernetes } from '../testing/kubernetesSchema.ts';
import { TEST_KEYS, testCertificate } from '../testing/testKeys.ts';
import { fixture } from '../testing/fixtures.ts';
import { cleanPath } from './objects.ts';
import { generateManifests } from './generate.ts';
import { dataOf, jobPod, manifestsOf, resolve, v1spec } from './testSpec.test-util.ts';

const mountNames = (container: KObject | undefined) => ((container?.['volumeMounts'] ?? []) as KObject[]).map((m) => m['name']);

describe('defects of the operator, fixed', () => {
  const twoContainers = `  volumes:
    data:
      path: /tmp/data
    logs:
      path: /tmp/logs
  containers:
    - image: a
      runFlux: true
      command: hostname
      securityContext:
        privileged: true
      volumes:
        data:
          path: /data
    - image: b
      name: side
      volumes:
        logs:
          path: /logs
          readOnly: true`;

  it('D2: each container gets its own privileged setting, not the last container one', () => {
    const [flux, side] = jobPod(manifestsOf(v1spec(twoContainers))).containers;
    expect((flux?.['securityContext'] as KObject)['privileged']).toBe(true);
    expect((side?.['securityContext'] as KObject)['privileged']).toBe(false);
  });

  it('D3: each container mounts the operator volumes and its own, not those of earlier containers', () => {
    const [flux, side] = jobPod(manifestsOf(v1spec(twoContainers))).containers;
    const base = ['flux-sample-curve-mount', 'flux-sample-flux-config', 'flux-sample-entrypoint'];
    expect(mountNames(flux)).toEqual([...base, 'data']);
    expect(mountNames(side)).toEqual([...base, 'logs']);
    expect((side?.['volumeMounts'] as KObject[]).at(-1)).toEqual({ name: 'logs', mountPath: '/logs', readOnly: true });
  });

  it('D3 on a spec with two containers that share the process space', () => {
    const mc = resolve(fixture('v1alpha1', 'shared-process-space'));
    const manifests = generateManifests(mc, { keys: TEST_KEYS });
    const containers = jobPod(manifests).containers;
    expect(containers).toHaveLength(2);
    for (const container of containers) {
      const paths = ((container['volumeMounts'] ?? []) as KObject[]).map((m) => m['mountPath']);
      expect(new Set(paths).size).toBe(paths.length);
    }
    for (const manifest of manifests) validateAgainstKubernetes(manifest);
  });

  it('D5: an existing ConfigMap volume is named by its key, so the mount finds it', () => {
    const body = `  containers:
    - image: a
      command: hostname
      existingVolumes:
        conf:
          path: /etc/app
          configMapName: app-config
          items:
            b.conf: b.conf
            a.conf: a.conf`;
    const pod = jobPod(manifestsOf(v1spec(body)));
    expect(pod.volumes.at(-1)).toEqual({ name: 'conf', configMap: { name: 'app-config', items: [{ key: 'a.conf', path: 'a.conf' }, { key: 'b.conf', path: 'b.conf' }] } });
    expect(mountNames(pod.containers[0]).at(-1)).toBe('conf');
  });

  it('D6: a lifecycle hook with several words runs through /bin/sh -c; one word stays a program', () => {
    const body = `  containers:
    - image: a
      command: hostname
      lifeCycle:
        postStartExec: echo started > /tmp/started
        preStopExec: /usr/local/bin/drain`;
    const lifecycle = jobPod(manifestsOf(v1spec(body))).containers[0]?.['lifecycle'];
    expect(lifecycle).toEqual({
      postStart: { exec: { command: ['/bin/sh', '-c', 'echo started > /tmp/started'] } },
      preStop: { exec: { command: ['/usr/local/bin/drain'] } },
    });
  });

  it('D7/D8: the claim is KEY-claim, as the pod mounts it, and the Job is batch/v1', () => {
    const manifests = manifestsOf(v1spec(`  volumes:\n    data:\n      path: /tmp/data//x/\n  containers:\n    - image: a\n      volumes:\n        data:\n          path: /data`));
    expect(manifests.map((m) => `${m.apiVersion} ${m.kind}/${m.metadata.name}`)).toEqual([
      'v1 ConfigMap/flux-sample-entrypoint',
      'v1 ConfigMap/flux-sample-flux-config',
      'v1 ConfigMap/flux-sample-curve-mount',
      'v1 PersistentVolume/data',
      'v1 PersistentVolumeClaim/data-claim',
      'v1 Service/flux-service',
      'batch/v1 Job/flux-sample',
    ]);
    expect(jobPod(manifests).volumes.at(-1)).toEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data-claim' } });
    expect((manifests[3]?.['spec'] as KObject)['hostPath']).toEqual({ path: '/tmp/data/x' });
  });
});

describe('features no example exercises', () => {
  it('curveCertSecret: no certificate ConfigMap; the pod mounts the Secret', () => {
    const manifests = manifestsOf(v1spec(`  flux:\n    curveCertSecret: my-cert\n  containers:\n    - image: a`), 'cj');
    expect(manifests.filter((m) => m.kind === 'ConfigMap').map((m) => m.metadata.name)).toEqual(['flux-sample-entrypoint', 'flux-sample-flux-config']);
    expect(jobPod(manifests).volumes[2]).toEqual({ name: 'flux-sample-curve-mount', secret: { secretName: 'my-cert', items: [{ key: 'curve.cert', path: 'curve.cert' }] } });
  });

  it('mungeSecret: a munge-key volume mounted read-only at /etc/munge', () => {
    const pod = jobPod(manifestsOf(v1spec(`  flux:\n    mungeSecret: munge\n  containers:\n    - image: a`), 'j'));
    expect(pod.volumes[3]).toEqual({ name: 'munge-key', secret: { secretName: 'munge', items: [{ key: 'munge', path: 'munge.key' }] } });
    expect((pod.containers[0]?.['volumeMounts'] as KObject[])[3]).toEqual({ name: 'munge-key', mountPath: '/etc/munge', readOnly: true });
  });

  it('users: broker.toml item mode 0644, given passwords kept, missing ones derived from the certificate', () => {
    const text = v1spec(`  users:\n    - name: alice\n      password: pw123\n    - name: bob\n  containers:\n    - image: a`);
    const manifests = manifestsOf(text);
    expect(jobPod(manifests).volumes[0]).toEqual({ name: 'flux-sample-flux-config', configMap: { name: 'flux-sample-flux-config', items: [{ key: 'hostfile', path: 'broker.toml', mode: 0o644 }] } });
    const script = dataOf(manifests, 'flux-sample-entrypoint')['wait-0'] ?? '';
    expect(script).toContain("openssl passwd pw123)\" alice");
    const bob = /openssl passwd ([0-9a-f]{8})\)" bob/.exec(script)?.[1];
    expect(bob).toBeDefined();
    // Same certificate, same password; another certificate, another one.
    expect(dataOf(manifestsOf(text), 'flux-sample-entrypoint')['wait-0']).toBe(script);
    const other = generateManifests(resolve(text), { keys: TEST_KEYS, certificate: testCertificate('other-0') });
    expect(dataOf(other, 'flux-sample-entrypoint')['wait-0']).not.toContain(`openssl passwd ${bob ?? ''})`);
  });

  it('pod labels, annotations, jobLabels, serviceAccountName, nodeSelector, overhead, pull secrets, pullAlways', () => {
    const body = `  jobLabels:
    kueue.x-k8s.io/queue-name: user-queue
  pod:
    labels:
      team: hpc
      namespace: ignored
    annotations:
      note: hello
    serviceAccountName: runner
    nodeSelector:
      node: big
    resources:
      cpu: "250m"
  containers:
    - image: a
      pullAlways: true
      imagePullSecret: regcred`;
    const manifests = manifestsOf(v1spec(body), 'j');
    const job = manifests[0] as unknown as KObject & { metadata: KObject; spec: { template: { metadata: KObject } } };
    expect(job.metadata['labels']).toEqual({ 'kueue.x-k8s.io/queue-name': 'user-queue' });
    expect(job.spec.template.metadata['labels']).toEqual({ team: 'hpc', namespace: 'hpc', 'app.kubernetes.io/name': 'flux-sample', 'hpa-selector': 'flux-sample' });
    expect(job.spec.template.metadata['annotations']).toEqual({ note: 'hello' });
    const pod = jobPod(manifests);
    expect(pod).toMatchObject({ serviceAccountName: 'runner', nodeSelector: { node: 'big' }, overhead: { cpu: '250m' }, imagePullSecrets: [{ name: 'regcred' }] });
    expect(pod.containers[0]?.['imagePullPolicy']).toBe('Always');
    validateAgainstKubernetes(manifests[0] as never);
  });

  it('a CSI volume: driver, handle, secret refs, attributes, claim annotations', () => {
    const body = `  volumes:
    data:
      path: /ignored
      storageClass: csi-gcs
      driver: gcs.csi.ofek.dev
      secret: csi-gcs-secret
      capacity: 25Gi
      attributes:
        bucket: my-bucket
      claimAnnotations:
        a: b
  containers:
    - image: a
      volumes:
        data:
          path: /data`;
    const [pv, pvc] = manifestsOf(v1spec(body), 'v');
    const ref = { name: 'csi-gcs-secret', namespace: 'default' };
    expect(pv?.['spec']).toEqual({
      accessModes: ['ReadWriteMany'],
      capacity: { storage: '25Gi' },
      csi: { driver: 'gcs.csi.ofek.dev', volumeHandle: 'csi-gcs', controllerPublishSecretRef: ref, nodeStageSecretRef: ref, nodePublishSecretRef: ref, volumeAttributes: { bucket: 'my-bucket' } },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'csi-gcs',
    });
    expect(pvc?.metadata).toEqual({ name: 'data-claim', namespace: 'hpc', annotations: { a: 'b' } });
    for (const m of [pv, pvc]) validateAgainstKubernetes(m as never);
  });

  it('capacities print in Kubernetes canonical form', () => {
    const [pv, pvc] = manifestsOf(v1spec(`  volumes:\n    data:\n      path: /x\n      capacity: 1024Mi\n  containers:\n    - image: a`), 'v');
    expect((pv?.['spec'] as KObject)['capacity']).toEqual({ storage: '1Gi' });
    expect(((pvc?.['spec'] as KObject)['resources'] as KObject)['requests']).toEqual({ storage: '1Gi' });
  });

  it('a bursted child: two hosts entries, the lead broker by address and port', () => {
    const text = v1spec(`  size: 2
  flux:
    bursting:
      leadBroker:
        address: 10.0.0.1
        name: parent
        size: 4
      clusters:
        - name: flux-sample
          size: 2
  containers:
    - image: a`);
    const toml = parseToml(dataOf(manifestsOf(text, 'c'), 'flux-sample-flux-config')['hostfile'] ?? '') as { bootstrap: { hosts: KObject[] } };
    expect(toml.bootstrap.hosts).toEqual([
      { host: '10.0.0.1', bind: 'tcp://eth0:8050', connect: 'tcp://10.0.0.1:8050' },
      { host: '10.0.0.1,parent-[1-3],flux-sample-[0-1]' },
    ]);
  });

  it('services: a NAME-services Pod running the image entrypoint; sidecar ports get a Service', () => {
    const body = `  containers:
    - image: a
      runFlux: true
    - image: registry
      name: registry
      ports: [5000]
  services:
    - image: mongo
      name: db
      command: ignored
      ports: [27017]`;
    const manifests = manifestsOf(v1spec(body), 'ps');
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['Pod/flux-sample-services', 'Service/flux-service', 'Service/registry']);
    const pod = manifests[0] as unknown as KObject & { spec: { containers: KObject[]; hostname: string } };
    expect(pod.spec.hostname).toBe('flux-sample-services');
    expect(pod.spec.containers[0]).not.toHaveProperty('command');
    expect(pod.spec.containers[0]?.['ports']).toEqual([{ containerPort: 27017, protocol: 'TCP' }]);
    expect(manifests[2]?.['spec']).toEqual({ selector: { 'app.kubernetes.io/name': 'flux-sample' }, ports: [{ port: 5000, targetPort: 5000, protocol: 'TCP' }] });
    for (const m of manifests) validateAgainstKubernetes(m);
  });

  it('cleans hostPath paths like Go path.Clean', () => {
    expect(['/tmp/data/', '/tmp//data', '/tmp/./a/../data', '/..', '', 'a/../..'].map(cleanPath)).toEqual(['/tmp/data', '/tmp/data', '/tmp/data', '/', '.', '..']);
  });
});
