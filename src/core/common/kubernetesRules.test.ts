/**
 * Specs whose objects the Kubernetes API server would refuse are refused by the analysis, at the
 * field, in both API versions where the field exists (docs/api-server-rules.md).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import { analyzeAnySpec, generateAny } from '../pipeline.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';

type Version = 'v1alpha2' | 'v1alpha1';
const BOTH: Version[] = ['v1alpha2', 'v1alpha1'];

interface Parts {
  name?: string;
  namespace?: string;
  /** Lines under spec:, indented by two. */
  spec?: string;
  /** Lines of the first container, indented by six. */
  container?: string;
  /** More list items of containers, each starting with "    - ". */
  more?: string;
}

const text = (version: Version, p: Parts = {}) => `apiVersion: flux-framework.org/${version}
kind: MiniCluster
metadata:
  name: ${p.name ?? 'flux-sample'}
  namespace: ${p.namespace ?? 'team'}
spec:
  size: 2
${p.spec ?? ''}  containers:
    - image: ubuntu:noble
      command: app
${p.container ?? ''}${p.more ?? ''}`;

const analyze = (version: Version, p: Parts = {}) => analyzeAnySpec(text(version, p));
const errors = (version: Version, p: Parts, code: string): Diagnostic[] => analyze(version, p).diagnostics.filter((d) => d.severity === 'error' && d.code === code);
const lineOf = (t: string, needle: string) => t.slice(0, t.indexOf(needle)).split('\n').length;

/** The spec is refused with `code` at `path`, on the line of `needle`; the same spec with `fixed` resolves. */
function expectRefused(version: Version, broken: Parts, code: string, path: string, needle: string, fixed: Parts): Diagnostic {
  const analysis = analyze(version, broken);
  expect(analysis.resolved, `${version}: ${code}`).toBeUndefined();
  const found = analysis.diagnostics.find((d) => d.code === code && d.path === path);
  expect(found, `${version}: ${code} at ${path} in ${JSON.stringify(analysis.diagnostics.map((d) => [d.code, d.path]))}`).toMatchObject({ severity: 'error', line: lineOf(text(version, broken), needle) });
  expect(analyze(version, fixed).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return found as Diagnostic;
}

describe('names the API server checks', () => {
  it.each(BOTH)('%s: a namespace that is not a DNS-1123 label', (version) => {
    const problem = expectRefused(version, { namespace: 'Team_A' }, 'namespace', 'metadata.namespace', 'namespace: Team_A', { namespace: 'team-a' });
    expect(problem.message).toContain('lowercase letters, digits');
    expect(errors(version, { namespace: 'a'.repeat(64) }, 'namespace')).toHaveLength(1);
  });

  it.each(BOTH)('%s: environment variable names Kubernetes refuses', (version) => {
    for (const name of ['""', 'A=B', '"1 2"', 'é']) {
      const key = name.replace(/"/g, '');
      const problem = expectRefused(version, { container: `      environment:\n        ${name}: x\n` }, 'env-name', `spec.containers[0].environment${key === '' ? '[""]' : `[${JSON.stringify(key)}]`}`.replace('environment[', 'environment['), `${name}: x`, { container: '      environment:\n        MY.VAR_1: x\n' });
      expect(problem.message).toMatch(/Rename it|give it a name/);
    }
    expect(errors(version, { container: '      secrets:\n        A=B:\n          name: s\n          key: k\n' }, 'env-name')).toHaveLength(1);
    const secret = (name: string, key: string) => ({ container: `      secrets:\n        TOKEN:\n          name: ${name}\n          key: ${key}\n` });
    expectRefused(version, secret('creds', 'api token'), 'env-secret', 'spec.containers[0].secrets.TOKEN.key', 'key: api token', secret('creds', 'api-token'));
    expectRefused(version, secret('""', 'token'), 'env-secret', 'spec.containers[0].secrets.TOKEN.name', 'name: ""', secret('creds', 'token'));
  });

  it.each(BOTH)('%s: two services of one name give the services pod duplicate container names', (version) => {
    const services = (second: string) => `  services:\n    - name: db\n      image: postgres\n    - name: ${second}\n      image: redis\n`;
    expectRefused(version, { spec: services('db') }, 'container-name-duplicate', 'spec.services[1].name', 'name: db\n      image: redis', { spec: services('cache') });
  });

  it('v1alpha2: a container, or the Flux runner, named like the init container that copies Flux', () => {
    const sidecar = (name: string) => `    - name: ${name}\n      image: ubuntu:noble\n      command: sleep infinity\n`;
    const runner = '      runFlux: true\n';
    expectRefused('v1alpha2', { container: runner, more: sidecar('flux-view') }, 'container-name-duplicate', 'spec.containers[1].name', 'name: flux-view', { container: runner, more: sidecar('helper') });
    const problem = expectRefused('v1alpha2', { name: 'flux-view' }, 'container-name-duplicate', 'metadata.name', 'name: flux-view', { name: 'flux-view', spec: '  flux:\n    container:\n      name: view\n' });
    expect(problem.message).toContain('set flux.container.name');
  });

  it.each(BOTH)('%s: a sidecar with ports gets a Service, whose name is a DNS-1035 label and whose ports differ', (version) => {
    const sidecar = (name: string, ports: string) => `    - name: ${name}\n      image: nginx\n      command: nginx\n      ports: [${ports}]\n`;
    const runner = '      runFlux: true\n';
    expectRefused(version, { container: runner, more: sidecar('1web', '80') }, 'container-service-name', 'spec.containers[1].name', 'name: 1web', { container: runner, more: sidecar('web', '80') });
    expectRefused(version, { container: runner, more: sidecar('web', '80, 80') }, 'port-duplicate', 'spec.containers[1].ports[1]', 'ports: [80, 80]', { container: runner, more: sidecar('web', '80, 81') });
    // A Service of several ports needs their names, which the generator gives.
    const analysis = analyze(version, { container: runner, more: sidecar('web', '80, 81') });
    const service = generateAny(analysis.resolved!, { keys: TEST_KEYS }).find((m) => m.kind === 'Service' && m.metadata.name === 'web');
    expect((service?.['spec'] as { ports: unknown[] }).ports).toEqual([
      { name: 'port-80', port: 80, targetPort: 80, protocol: 'TCP' },
      { name: 'port-81', port: 81, targetPort: 81, protocol: 'TCP' },
    ]);
  });

  it.each(BOTH)('%s: service accounts and annotation keys', (version) => {
    expectRefused(version, { spec: '  pod:\n    serviceAccountName: Runner_SA\n' }, 'pod-name-field', 'spec.pod.serviceAccountName', 'Runner_SA', { spec: '  pod:\n    serviceAccountName: runner-sa\n' });
    expectRefused(version, { spec: '  pod:\n    annotations:\n      "bad key!": x\n' }, 'annotation-key', 'spec.pod.annotations["bad key!"]', 'bad key!', { spec: '  pod:\n    annotations:\n      example.com/good-key: x\n' });
    expectRefused(version, { spec: `  pod:\n    annotations:\n      big: "${'x'.repeat(262_144)}"\n` }, 'annotation-size', 'spec.pod.annotations', 'big:', { spec: '  pod:\n    annotations:\n      big: x\n' });
  });
});

describe('values the API server checks', () => {
  it.each(BOTH)('%s: a blank image', (version) => {
    expect(analyze(version).resolved).toBeDefined();
    const blank = text(version).replace('image: ubuntu:noble', 'image: "  "');
    const analysis = analyzeAnySpec(blank);
    expect(analysis.resolved).toBeUndefined();
    expect(analysis.diagnostics.find((d) => d.code === 'image')).toMatchObject({ severity: 'error', path: 'spec.containers[0].image', line: 9 });
    const padded = analyzeAnySpec(text(version).replace('image: ubuntu:noble', 'image: " ubuntu:noble"'));
    expect(padded.diagnostics.find((d) => d.code === 'image')?.message).toContain('spaces around it');
  });

  it('v1alpha2: an empty image, and a blank view image', () => {
    const empty = analyzeAnySpec(text('v1alpha2').replace('image: ubuntu:noble', 'image: ""'));
    expect(empty.diagnostics.find((d) => d.code === 'image')).toMatchObject({ severity: 'error', path: 'spec.containers[0].image', line: 9 });
    expect(empty.diagnostics.find((d) => d.code === 'image')?.message).toContain('remove the key for the default');
    expectRefused('v1alpha2', { spec: '  flux:\n    container:\n      image: " "\n' }, 'image', 'spec.flux.container.image', 'image: " "', { spec: '  flux:\n    container:\n      image: ghcr.io/converged-computing/flux-view-rocky:tag-9\n' });
  });

  it('v1alpha1: a container volume with an empty path would be mounted at ""', () => {
    const volumes = '  volumes:\n    data:\n      path: /tmp/data\n';
    expectRefused('v1alpha1', { spec: volumes, container: '      volumes:\n        data:\n          path: ""\n' }, 'mount-path', 'spec.containers[0].volumes.data.path', 'path: ""', { spec: volumes, container: '      volumes:\n        data:\n          path: /data\n' });
  });

  it('v1alpha2: mount paths are unique in a container (two emptyDirs both at /dev/shm, a volume on the Flux view)', () => {
    const two = '      volumes:\n        a:\n          emptyDir: true\n        b: {emptyDir: true}\n';
    expectRefused('v1alpha2', { container: two }, 'mount-path', 'spec.containers[0].volumes.b.emptyDir', 'b: {', { container: two.replace('        b: {emptyDir: true}\n', '') });
    const onView = (path: string) => `      volumes:\n        data:\n          hostPath: /data\n          path: ${path}\n`;
    expectRefused('v1alpha2', { container: onView('/mnt/flux/') }, 'mount-path', 'spec.containers[0].volumes.data.path', 'path: /mnt/flux/', { container: onView('/data') });
    expectRefused('v1alpha2', { spec: '  flux:\n    container:\n      mountPath: /opt/software\n' }, 'mount-path', 'spec.flux.container.mountPath', 'mountPath:', { spec: '  flux:\n    container:\n      mountPath: /opt/flux\n' });
  });

  it('v1alpha2: enums copied into the pod are checked, not passed through', () => {
    const pod = (lines: string) => ({ spec: `  pod:\n${lines}` });
    expectRefused('v1alpha2', pod('    dnsPolicy: clusterfirst\n'), 'dns-policy', 'spec.pod.dnsPolicy', 'dnsPolicy', pod('    dnsPolicy: ClusterFirstWithHostNet\n'));
    expect(errors('v1alpha2', pod('    dnsPolicy: None\n'), 'dns-policy')[0]?.message).toContain('dnsConfig');
    const toleration = (operator: string, effect: string) => pod(`    tolerations:\n      - key: gpu\n        operator: ${operator}\n        effect: ${effect}\n`);
    expectRefused('v1alpha2', toleration('exists', 'NoSchedule'), 'toleration', 'spec.pod.tolerations[0].operator', 'operator', toleration('Exists', 'NoSchedule'));
    expectRefused('v1alpha2', toleration('Exists', 'NoSchedul'), 'toleration', 'spec.pod.tolerations[0].effect', 'effect', toleration('Exists', 'NoExecute'));
    expectRefused('v1alpha2', pod('    tolerations:\n      - operator: Equal\n        value: x\n'), 'toleration', 'spec.pod.tolerations[0].operator', 'operator', pod('    tolerations:\n      - operator: Exists\n'));
    expectRefused('v1alpha2', pod('    restartPolicy: Always\n'), 'restart-policy', 'spec.pod.restartPolicy', 'restartPolicy', pod('    restartPolicy: Never\n'));
    expectRefused('v1alpha2', pod('    securityContext:\n      fsGroupChangePolicy: always\n'), 'security-context', 'spec.pod.securityContext.fsGroupChangePolicy', 'fsGroupChangePolicy', pod('    securityContext:\n      fsGroupChangePolicy: Always\n'));
    expectRefused('v1alpha2', pod('    securityContext:\n      runAsUser: -1\n'), 'security-context', 'spec.pod.securityContext.runAsUser', 'runAsUser', pod('    securityContext:\n      runAsUser: 0\n'));
    expectRefused('v1alpha2', pod('    nodeAffinity:\n      zone: []\n'), 'node-affinity', 'spec.pod.nodeAffinity.zone', 'zone', pod('    nodeAffinity:\n      zone: [a]\n'));
    const seccomp = (type: string) => ({ container: `      securityContext:\n        seccompProfile:\n          type: ${type}\n` });
    expectRefused('v1alpha2', seccomp('runtimedefault'), 'security-context', 'spec.containers[0].securityContext.seccompProfile.type', 'type:', seccomp('RuntimeDefault'));
    expectRefused('v1alpha2', seccomp('Localhost'), 'security-context', 'spec.containers[0].securityContext.seccompProfile.localhostProfile', 'seccompProfile', { container: `${seccomp('Localhost').container}          localhostProfile: p.json\n` });
    expectRefused('v1alpha2', { container: '      securityContext:\n        privileged: true\n        allowPrivilegeEscalation: false\n' }, 'security-context', 'spec.containers[0].securityContext.allowPrivilegeEscalation', 'allowPrivilegeEscalation', { container: '      securityContext:\n        privileged: true\n' });
    const service = (policy: string) => ({ spec: `  services:\n    - name: db\n      image: postgres\n      imagePullPolicy: ${policy}\n` });
    expectRefused('v1alpha2', service('always'), 'pull-policy', 'spec.services[0].imagePullPolicy', 'imagePullPolicy', service('Always'));
  });

  it.each(BOTH)('%s: resources: known names, not negative, requests within limits', (version) => {
    const resources = (lines: string) => ({ container: `      resources:\n${lines}` });
    expectRefused(version, resources('        limits:\n          cpus: 2\n'), 'resource-name', 'spec.containers[0].resources.limits.cpus', 'cpus', resources('        limits:\n          cpu: 2\n          example.com/fpga: 1\n        requests:\n          example.com/fpga: 1\n'));
    expectRefused(version, resources('        limits:\n          memory: "-1Gi"\n'), 'resource-quantity', 'spec.containers[0].resources.limits.memory', 'memory', resources('        limits:\n          memory: "1Gi"\n'));
    const over = expectRefused(version, resources('        limits:\n          cpu: "500m"\n        requests:\n          cpu: 2\n'), 'resource-request', 'spec.containers[0].resources.requests.cpu', 'cpu: 2', resources('        limits:\n          cpu: 2\n        requests:\n          cpu: "500m"\n'));
    expect(over.message).toContain('more than its limit');
  });

  it.each(BOTH)('%s: size: -2 is one error, with nothing said about maxSize or minSize', (version) => {
    const analysis = analyzeAnySpec(text(version).replace('size: 2', 'size: -2'));
    expect(analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['size']);
    expect(analysis.diagnostics.some((d) => /maxSize|minSize/.test(d.message))).toBe(false);
    // A maxSize the user wrote is still checked.
    expect(errors(version, { spec: '  maxSize: -3\n' }, 'max-size')).toHaveLength(1);
  });

  it.each(BOTH)('%s: an Indexed Job of more than 100000 pods', (version) => {
    const analysis = analyzeAnySpec(text(version, { name: 'a' }).replace('size: 2', 'size: 100001'));
    expect(analysis.diagnostics.find((d) => d.code === 'size')).toMatchObject({ severity: 'error', path: 'spec.size' });
  });

  it.each(BOTH)('%s: a maxSize past 100000 pods, which the Indexed Job can never grow to', (version) => {
    const grown = (maxSize: number) => analyzeAnySpec(text(version, { name: 'a', spec: `  maxSize: ${maxSize}\n` }));
    expect(grown(2147483647).diagnostics.filter((d) => d.severity === 'error')).toMatchObject([{ code: 'max-size', path: 'spec.maxSize' }]);
    expect(grown(100001).diagnostics.find((d) => d.code === 'max-size')?.message).toContain('set maxSize to at most 100000');
    expect(grown(100000).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(grown(100000).resolved).toBeDefined();
  });

  it('v1alpha1: a CSI volume needs a driver, and its StorageClass a valid name', () => {
    const volume = (lines: string) => ({ spec: `  volumes:\n    data:\n      path: /tmp/data\n${lines}` });
    expectRefused('v1alpha1', volume('      storageClass: csi-gcs\n      secret: creds\n'), 'volume-driver', 'spec.volumes.data.storageClass', 'storageClass', volume('      storageClass: csi-gcs\n      secret: creds\n      driver: gcs.csi.ofek.dev\n'));
    expectRefused('v1alpha1', volume('      storageClass: Fast_SSD\n      secret: creds\n      driver: pd.csi.storage.gke.io\n'), 'storage-class', 'spec.volumes.data.storageClass', 'storageClass', volume('      storageClass: fast-ssd\n      secret: creds\n      driver: pd.csi.storage.gke.io\n'));
  });

  it('v1alpha2: ConfigMap items are keys with relative file names', () => {
    const items = (file: string) => ({ container: `      volumes:\n        cfg:\n          configMapName: settings\n          path: /etc/app\n          items:\n            app.conf: ${file}\n` });
    expectRefused('v1alpha2', items('../app.conf'), 'volume-items', 'spec.containers[0].volumes.cfg.items["app.conf"]', 'app.conf:', items('conf/app.conf'));
  });
});

describe('where an unknown key is underlined', () => {
  it.each(BOTH)('%s: at the key, not at its value', (version) => {
    const t = text(version, { container: '      bogus: 1234\n' });
    const [unknown] = analyzeAnySpec(t).diagnostics.filter((d) => d.code === 'unknown-field');
    expect(unknown).toMatchObject({ path: 'spec.containers[0].bogus', line: lineOf(t, 'bogus'), column: 7, endLine: lineOf(t, 'bogus'), endColumn: 12 });
  });
});

describe('user text in the rules messages', () => {
  it.each(BOTH)('%s: an environment variable name or an image with invisible characters is shown escaped', (version) => {
    const messages = [
      ...analyze(version, { container: '      environment:\n        "A\\u2028B": x\n' }).diagnostics,
      ...analyzeAnySpec(text(version).replace('image: ubuntu:noble', 'image: "\\u202eubuntu:noble "')).diagnostics,
    ].map((d) => d.message);
    expect(messages.some((m) => m.includes('Environment variable name "A\\u2028B"'))).toBe(true);
    expect(messages.some((m) => m.includes('The image "\\u202eubuntu:noble "'))).toBe(true);
    for (const m of messages) expect(m).not.toMatch(/[\u2028\u202e]/);
  });
});

describe('v1alpha1 volume capacity', () => {
  it('shows a capacity that is not a size with its invisible characters escaped', () => {
    const t = text('v1alpha1', { spec: '  volumes:\n    data:\n      storageClass: hostpath\n      path: /data\n      capacity: "25\\x85Gi"\n' });
    const problem = analyzeAnySpec(t).diagnostics.find((d) => d.code === 'volume-capacity');
    expect(problem?.message).toContain('capacity "25\\u0085Gi" is not a size');
  });
});

describe('v1alpha1 flux.mungeSecret', () => {
  it('names a Secret and the key in it, so it must be a DNS-1123 subdomain', () => {
    const long = 'm'.repeat(254);
    expectRefused('v1alpha1', { spec: `  flux:\n    mungeSecret: ${long}\n` }, 'munge-secret-name', 'spec.flux.mungeSecret', 'mungeSecret:', { spec: '  flux:\n    mungeSecret: munge-key\n' });
    expect(errors('v1alpha1', { spec: '  flux:\n    mungeSecret: Munge_Key\n' }, 'munge-secret-name')).toHaveLength(1);
  });
});

describe('user text written into a message as it is', () => {
  it('is escaped too (a volume name in the field path a message suggests)', () => {
    const t = text('v1alpha1', { container: '      volumes:\n        "\\u0000data":\n          path: /data\n' });
    const problem = analyzeAnySpec(t).diagnostics.find((d) => d.code === 'volume-missing');
    expect(problem?.message).toContain('add spec.volumes.\\u0000data');
    expect(problem?.message).not.toMatch(/\u0000/);
  });
});
