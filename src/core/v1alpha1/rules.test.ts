/** The operator's v1alpha1 validation and defaults, each as a positioned diagnostic that says what to do. */
import { describe, expect, it } from 'vitest';
import { diagnosticsOf, only, resolve, v1spec } from './testSpec.test-util.ts';

const ONE = `  containers:
    - image: ghcr.io/rse-ops/lammps:app-latest
      command: lmp -in in.reaxc.hns`;

const errorsOf = (text: string) => diagnosticsOf(text).filter((d) => d.severity === 'error');

describe('v1alpha1 decoding', () => {
  it('says to remove quotes around a number', () => {
    const error = only(errorsOf(v1spec(`  size: "2"\n${ONE}`)), 'schema');
    expect(error).toMatchObject({ path: 'spec.size', line: 7, column: 9 });
    expect(error.message).toMatch(/Remove the quotes/);
  });

  it('refuses an unquoted fraction in a resource map (int-or-string)', () => {
    const error = only(errorsOf(v1spec(`${ONE}\n      resources:\n        limits:\n          cpu: 0.5`)), 'schema');
    expect(error.path).toBe('spec.containers[0].resources.limits.cpu');
    expect(error.message).toMatch(/quantity/);
  });

  it('warns about fields the operator drops, with what was meant', () => {
    const warning = only(diagnosticsOf(v1spec(`${ONE}\n      preCommand: source /etc/profile`)), 'unknown-field');
    expect(warning).toMatchObject({ severity: 'warning', path: 'spec.containers[0].preCommand', line: 10 });
    expect(warning.message).toMatch(/commands\.pre/);
  });

  it('reads YAML as Kubernetes does: 2.0 is 2, a tab after the colon is fine, Size is not size', () => {
    expect(resolve(v1spec(`  size: 2.0\n  maxSize:\t4\n${ONE}`)).spec).toMatchObject({ size: 2, maxSize: 4 });
    const warning = only(diagnosticsOf(v1spec(`  Size: 3\n${ONE}`)), 'unknown-field');
    expect(warning.path).toBe('spec.Size');
    expect(resolve(v1spec(`  Size: 3\n${ONE}`)).spec.size).toBe(1);
  });

  it('says to quote a YAML 1.1 boolean in a string map', () => {
    const error = only(errorsOf(v1spec(`  pod:\n    annotations: {x: y}\n${ONE}`)), 'schema');
    expect(error.path).toBe('spec.pod.annotations.x');
    expect(error.message).toMatch(/quotes/);
  });

  it('reports empty and null parts without throwing', () => {
    for (const body of ['', '  containers:', '  containers: null', `  volumes:\n    data:\n${ONE}`, `  volumes:\n    data: {}\n${ONE}`, '  containers: [null]']) {
      const errors = errorsOf(v1spec(body));
      expect(errors.length, body).toBeGreaterThan(0);
      for (const e of errors) expect(e.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('asks for a name instead of metadata.generateName, suggesting one', () => {
    const error = only(errorsOf(v1spec(ONE, 'generateName: flux-sample-')), 'generate-name');
    expect(error).toMatchObject({ path: 'metadata.generateName', line: 4 });
    expect(error.message).toMatch(/name: flux-sample"/);
  });
});

describe('CRD defaults apply only where the parent is written', () => {
  it('logging: strict defaults to true only with a logging key', () => {
    expect(resolve(v1spec(ONE)).spec.logging.strict).toBe(false);
    expect(resolve(v1spec(`  logging:\n    quiet: true\n${ONE}`)).spec.logging.strict).toBe(true);
  });

  it('flux: connectTimeout 5s and logLevel 6 only with a flux key; installRoot always /usr', () => {
    const bare = resolve(v1spec(ONE)).spec.flux;
    expect(bare).toMatchObject({ connectTimeout: '', logLevel: 0, installRoot: '/usr' });
    expect(resolve(v1spec(`  flux:\n    optionFlags: -x\n${ONE}`)).spec.flux).toMatchObject({ connectTimeout: '5s', logLevel: 6 });
  });

  it('volumes: storageClass hostpath, capacity 5Gi, secretNamespace default', () => {
    const volume = resolve(v1spec(`  volumes:\n    data:\n      path: /tmp/data\n${ONE}`)).spec.volumes['data'];
    expect(volume).toMatchObject({ storageClass: 'hostpath', capacity: '5Gi', secretNamespace: 'default', delete: true });
  });

  it('operator defaults: headless name, REST port, maxSize, the only container runs Flux', () => {
    const mc = resolve(v1spec(`  size: 3\n${ONE}`));
    expect(mc.spec.network.headlessName).toBe('flux-service');
    expect(mc.spec.fluxRestful.port).toBe(5000);
    expect(mc.spec.maxSize).toBe(3);
    expect(mc.spec.containers[0]?.runFlux).toBe(true);
    expect(mc.spec.deadlineSeconds).toBe(31_500_000);
  });

  it('bursted clusters get the names and sizes the operator meant (README, v1alpha1 differences D4)', () => {
    const mc = resolve(v1spec(`  size: 2\n  flux:\n    bursting:\n      clusters:\n        - {}\n        - name: b\n${ONE}`));
    expect(mc.spec.flux.bursting?.clusters).toEqual([{ name: 'burst-0', size: 2 }, { name: 'b', size: 2 }]);
  });
});

describe("the operator's validation, and what Kubernetes or Flux would reject", () => {
  const cases: Array<[string, string, string, string]> = [
    ['size 0', `  size: 0\n${ONE}`, 'size', 'spec.size'],
    ['an empty image', `  containers:\n    - image: ""`, 'image', 'spec.containers[0].image'],
    ['a headless name that is not a DNS label', `  network:\n    headlessName: Flux_Service\n${ONE}`, 'headless-name', 'spec.network.headlessName'],
    ['a lead broker cluster of one pod', `  flux:\n    bursting:\n      leadBroker:\n        address: 10.0.0.1\n        name: parent\n        size: 1\n      clusters: [{name: flux-sample, size: 1}]\n${ONE}`, 'lead-broker-size', 'spec.flux.bursting.leadBroker.size'],
    ['a lead broker address with spaces', `  flux:\n    bursting:\n      leadBroker:\n        address: parent host\n        name: parent\n        size: 2\n      clusters: [{name: flux-sample, size: 1}]\n${ONE}`, 'lead-broker-address', 'spec.flux.bursting.leadBroker.address'],
    ['a lead broker address of a host list', `  flux:\n    bursting:\n      leadBroker:\n        address: 'p-[0-1]'\n        name: parent\n        size: 2\n      clusters: [{name: flux-sample, size: 1}]\n${ONE}`, 'lead-broker-address', 'spec.flux.bursting.leadBroker.address'],
    ['two mounts at one path', `  volumes:\n    data:\n      path: /x\n${ONE}\n      volumes:\n        data:\n          path: /mnt/curve`, 'mount-path', 'spec.containers[0].volumes.data.path'],
    ['maxSize below size', `  size: 4\n  maxSize: 2\n${ONE}`, 'max-size', 'spec.maxSize'],
    ['a service without a name', `${ONE}\n  services:\n    - image: nginx`, 'service-name', 'spec.services[0].name'],
    ['a service with commands.pre', `${ONE}\n  services:\n    - image: nginx\n      name: web\n      commands:\n        pre: echo`, 'service-commands', 'spec.services[0].commands'],
    ['hostlist together with clusters', `  flux:\n    bursting:\n      hostlist: a-[0-1]\n      clusters: [{name: b, size: 2}]\n${ONE}`, 'bursting', 'spec.flux.bursting'],
    ['a password longer than 8', `  users:\n    - name: alice\n      password: supersecret\n${ONE}`, 'user-password', 'spec.users[0].password'],
    ['launcher and batch', `${ONE}\n      launcher: true\n      batch: true`, 'launcher-batch', 'spec.containers[0]'],
    ['a volume not in spec.volumes', `${ONE}\n      volumes:\n        data:\n          path: /data`, 'volume-missing', 'spec.containers[0].volumes.data'],
    ['a CSI volume without secret', `  volumes:\n    data:\n      path: /x\n      storageClass: csi-gcs\n${ONE}`, 'volume-secret', 'spec.volumes.data.secret'],
    ['an existing claim without path', `${ONE}\n      existingVolumes:\n        data:\n          claimName: data`, 'existing-volume', 'spec.containers[0].existingVolumes.data.path'],
    ['an existing volume path without claim', `${ONE}\n      existingVolumes:\n        data:\n          path: /data`, 'existing-volume', 'spec.containers[0].existingVolumes.data.claimName'],
    ['a capacity that is not a size', `  volumes:\n    data:\n      path: /x\n      capacity: lots\n${ONE}`, 'volume-capacity', 'spec.volumes.data.capacity'],
  ];
  for (const [what, body, code, path] of cases) {
    it(`rejects ${what}`, () => {
      const error = only(errorsOf(v1spec(body)), code);
      expect(error.path).toBe(path);
      expect(error.line).toBeGreaterThan(5);
      expect(error.message.length).toBeGreaterThan(30);
    });
  }

  it('rejects a service volume not in spec.volumes', () => {
    expect(only(errorsOf(v1spec(`${ONE}\n  services:\n    - image: nginx\n      name: web\n      volumes:\n        data:\n          path: /d`)), 'volume-missing').path).toBe('spec.services[0].volumes.data');
  });

  it('rejects a container with ports whose Service name would be invalid or taken', () => {
    const body = (name: string) => `  containers:\n    - image: a\n      runFlux: true\n    - image: b\n      name: ${name}\n      ports: [80]`;
    expect(only(errorsOf(v1spec(body('9web'))), 'container-service-name').message).toMatch(/start with a letter/);
    expect(only(errorsOf(v1spec(body('flux-service'))), 'container-service-name').message).toMatch(/headless Service/);
    expect(errorsOf(v1spec(body('web')))).toEqual([]);
  });

  it('limits the name so that NAME-curve-mount is a valid volume name', () => {
    const name = 'a'.repeat(52);
    const error = only(errorsOf(v1spec(ONE, `name: ${name}`)), 'name-length');
    expect(error).toMatchObject({ path: 'metadata.name', line: 4 });
    expect(error.message).toMatch(/at most 51/);
    expect(errorsOf(v1spec(ONE, `name: ${'a'.repeat(51)}`))).toEqual([]);
  });

  it('needs exactly one Flux container among several', () => {
    const two = `  containers:\n    - image: a\n      name: one\n    - image: b\n      name: two`;
    expect(only(errorsOf(v1spec(two)), 'runners').message).toMatch(/0 containers have runFlux/);
  });

  it('needs a command in a container with commands that does not run Flux', () => {
    const body = `  containers:\n    - image: a\n      runFlux: true\n    - image: b\n      name: side\n      commands:\n        pre: echo hi`;
    expect(only(errorsOf(v1spec(body)), 'start-command').path).toBe('spec.containers[1].command');
  });

  it('warns that a command without commands in a container that does not run Flux is not used', () => {
    const body = `  containers:\n    - image: a\n      runFlux: true\n    - image: b\n      name: side\n      command: sleep 10`;
    expect(only(diagnosticsOf(v1spec(body)), 'command-ignored').severity).toBe('warning');
  });

  it('warns about pod.resources becoming overhead and explains the munge key layout (README, v1alpha1 differences D11, D10)', () => {
    const text = v1spec(`  pod:\n    resources:\n      cpu: 1\n  flux:\n    mungeSecret: munge\n${ONE}`);
    expect(only(diagnosticsOf(text), 'pod-overhead').severity).toBe('warning');
    expect(only(diagnosticsOf(text), 'munge-secret').message).toMatch(/key named "munge"/);
  });

  it('warns when a bursted child does not list its own pods (README, v1alpha1 differences D9)', () => {
    const text = v1spec(`  flux:\n    bursting:\n      leadBroker:\n        address: 10.0.0.1\n        name: parent\n        size: 4\n${ONE}`);
    expect(only(diagnosticsOf(text), 'lead-broker-hosts').message).toMatch(/named "flux-sample"/);
  });
});
