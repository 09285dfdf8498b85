import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../parse/index.ts';
import { analyzeSpec } from '../v1alpha2/analyze.ts';
import { migrateV1alpha1, type MigrationNote } from './index.ts';

type Plain = Record<string, unknown>;

/** A v1alpha1 MiniCluster with `body` (already indented by two spaces) as its spec. */
function v1(body: string, metadata = '  name: flux-sample\n'): string {
  return `apiVersion: flux-framework.org/v1alpha1\nkind: MiniCluster\nmetadata:\n${metadata}spec:\n${body}`;
}

function migrate(text: string) {
  const result = migrateV1alpha1(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (result.text === undefined) throw new Error('not migrated');
  const value = parseSpecText(result.text).value as { apiVersion: string; metadata: Plain; spec: Plain & { containers: Plain[]; services?: Plain[] } };
  return { text: result.text, value, spec: value.spec, notes: result.notes, note: (path: string) => noteAt(result.notes, path) };
}

function noteAt(notes: MigrationNote[], path: string): MigrationNote {
  const found = notes.find((n) => n.path === path);
  if (!found) throw new Error(`no note at ${path}; notes at ${notes.map((n) => n.path).join(', ')}`);
  return found;
}

function expectValid(text: string): void {
  const analysis = analyzeSpec(text);
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

const ONE = '  size: 2\n  containers:\n    - image: ubuntu\n      command: hostname\n';

describe('what is not a v1alpha1 MiniCluster', () => {
  it('says so for a v1alpha2 spec', () => {
    const r = migrateV1alpha1('apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: a\nspec:\n  containers: [{image: ubuntu}]\n');
    expect(r.text).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ severity: 'error', code: 'migrate-already-v1alpha2', path: 'apiVersion', line: 1, column: 13 }]);
    expect(r.diagnostics[0]?.message).toMatch(/already flux-framework.org\/v1alpha2/);
  });

  it('gives the position of a YAML syntax error', () => {
    const r = migrateV1alpha1(v1('  size: 2\n  containers:\n    - image: "ubuntu\n'));
    expect(r.text).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml-syntax', line: 8 });
  });

  it('rejects another kind, another apiVersion, no apiVersion and a missing spec', () => {
    const kind = migrateV1alpha1('apiVersion: flux-framework.org/v1alpha1\nkind: Job\nmetadata: {name: a}\nspec: {}\n');
    expect(kind.diagnostics.map((d) => [d.code, d.line])).toEqual([['migrate-kind', 2]]);
    const other = migrateV1alpha1('apiVersion: batch/v1\nkind: MiniCluster\nspec: {}\n');
    expect(other.diagnostics.map((d) => d.code)).toEqual(['migrate-api-version']);
    expect(migrateV1alpha1('kind: MiniCluster\nspec: {}\n').diagnostics.map((d) => d.code)).toEqual(['migrate-api-version']);
    const noSpec = migrateV1alpha1('apiVersion: flux-framework.org/v1alpha1\nkind: MiniCluster\nmetadata: {name: a}\n');
    expect(noSpec.text).toBeUndefined();
    expect(noSpec.diagnostics.map((d) => d.code)).toEqual(['migrate-spec']);
  });

  it('rejects a document that is not a mapping', () => {
    const r = migrateV1alpha1('- a\n- b\n');
    expect(r.text).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['not-a-mapping']);
  });
});

describe('the document', () => {
  it('gets the v1alpha2 apiVersion and keeps comments, key order and blank lines', () => {
    const input = v1(
      '  # How many pods\n  size: 2 # brokers\n\n  # The work\n  containers:\n    - image: ubuntu # base image\n      cores: 4\n      command: hostname\n',
      '  name: flux-sample # the name\n  namespace: hpc\n',
    );
    const { text, value } = migrate(input);
    expect(value.apiVersion).toBe('flux-framework.org/v1alpha2');
    expect(text).toBe(
      'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: flux-sample # the name\n  namespace: hpc\nspec:\n' +
        '  # How many pods\n  size: 2 # brokers\n\n  # The work\n  containers:\n    - image: ubuntu # base image\n      command: hostname\n',
    );
    expectValid(text);
  });

  it('drops the comment written right above a removed field, and keeps the others', () => {
    const { text } = migrate(v1('  size: 2\n  containers:\n    - image: ubuntu\n      commands:\n        # needed by the driver\n        runFluxAsRoot: true\n        # say hello\n        pre: echo hi\n'));
    expect(text).not.toContain('needed by the driver');
    expect(text).toContain('      commands:\n        # say hello\n        pre: echo hi\n');
  });

  it('keeps a comment after the apiVersion and its quotes', () => {
    const input = v1(ONE).replace('apiVersion: flux-framework.org/v1alpha1', "apiVersion: 'flux-framework.org/v1alpha1' # the old API");
    expect(migrate(input).text).toMatch(/^apiVersion: 'flux-framework.org\/v1alpha2' # the old API\n/);
  });

  it('keeps the layout of unindented lists, and of four-space indentation', () => {
    const flush = 'apiVersion: flux-framework.org/v1alpha1\nkind: MiniCluster\nmetadata:\n  name: a\nspec:\n  containers:\n  - image: ubuntu\n    fluxUser: {name: x}\n    command: hostname\n';
    expect(migrate(flush).text).toBe('apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: a\nspec:\n  containers:\n  - image: ubuntu\n    command: hostname\n');
    const four = 'apiVersion: flux-framework.org/v1alpha1\nkind: MiniCluster\nmetadata:\n    name: a\nspec:\n    containers:\n        - image: ubuntu\n          cores: 2\n';
    expect(migrate(four).text).toBe('apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n    name: a\nspec:\n    containers:\n        - image: ubuntu\n');
  });

  it('removes an earlier repeated key, which v1alpha1 ignored, with a note at it', () => {
    const r = migrateV1alpha1(v1('  interactive: false\n  interactive: true\n' + ONE));
    expect(parseSpecText(r.text ?? '').value).toMatchObject({ spec: { interactive: true } });
    expect(r.text).not.toContain('interactive: false');
    expect(noteAt(r.notes, 'spec.interactive')).toMatchObject({ kind: 'dropped', line: 6 });
    expect(r.diagnostics).toEqual([]);
  });

  it('of a key repeated with the same value, keeps the first one and its comment', () => {
    const { text, note } = migrate(v1('  # keep the broker up\n  interactive: true\n  size: 2\n  interactive: true\n  containers:\n    - image: ubuntu\n'));
    expect(text).toContain('spec:\n  # keep the broker up\n  interactive: true\n  size: 2\n  containers:');
    expect(note('spec.interactive')).toMatchObject({ kind: 'dropped', line: 9 });
  });

  it('reads only the first document, and says so', () => {
    const { text, notes } = migrate(`${v1(ONE)}---\nkind: Other\n`);
    expect(text).not.toContain('Other');
    expect(notes.find((n) => n.path === '' && n.kind === 'dropped')?.message).toMatch(/first YAML document/);
  });

  it('writes out anchors and aliases, since one edit would otherwise change several places', () => {
    const { spec, notes } = migrate(v1('  size: 2\n  containers:\n    - &c\n      image: ubuntu\n      command: hostname\n      fluxUser: {name: x}\n  services:\n    - <<: *c\n      name: db\n'));
    expect(spec.services?.[0]).toEqual({ image: 'ubuntu', command: 'hostname', name: 'db' });
    expect(spec.containers[0]).toEqual({ image: 'ubuntu', command: 'hostname' });
    expect(notes.some((n) => /anchors/.test(n.message))).toBe(true);
  });

  it('writes out a merge key that merges a mapping written in place, too', () => {
    const { text, spec, notes } = migrate(v1('  size: 2\n  containers:\n    - <<: {image: ubuntu, fluxUser: {name: x}}\n      command: hostname\n'));
    expect(spec.containers[0]).toEqual({ image: 'ubuntu', command: 'hostname' });
    expect(notes.some((n) => /merge keys/.test(n.message))).toBe(true);
    expectValid(text);
  });

  it('keeps generateName, with a note saying to replace it by a name', () => {
    const { value, note } = migrate(v1(ONE, '  generateName: flux-sample-kueue-\n'));
    expect(value.metadata).toEqual({ generateName: 'flux-sample-kueue-' });
    expect(note('metadata.generateName')).toMatchObject({ kind: 'changed', line: 4 });
    expect(note('metadata.generateName').message).toContain('name: flux-sample-kueue');
  });

  it('says that a spec without a name needs one', () => {
    const { note } = migrate(v1(ONE, '  namespace: hpc\n'));
    expect(note('metadata')).toMatchObject({ kind: 'changed', line: 3 });
  });

  it('places every note at the v1alpha1 field it is about', () => {
    const input = v1('  size: 2\n  fluxRestful:\n    port: 5000\n  containers:\n    - image: ubuntu\n      command: hostname\n      diagnostics: true\n');
    const { note } = migrate(input);
    expect(note('spec.fluxRestful')).toMatchObject({ line: 7, column: 3 });
    expect(note('spec.containers[0].diagnostics')).toMatchObject({ line: 12, column: 7 });
  });
});

describe('spec.volumes', () => {
  const withVolume = (volume: string, mount = '          path: /data\n') =>
    v1(`  size: 2\n  volumes:\n    data:\n${volume}  containers:\n    - image: ubuntu\n      command: ls /data\n      volumes:\n        data:\n${mount}`);

  it('a hostpath volume becomes a hostPath volume of the container', () => {
    const { spec, note, text } = migrate(withVolume('      storageClass: hostpath\n      path: /tmp/data\n      labels:\n        type: local\n', '          path: /data\n          readOnly: true\n'));
    expect(spec['volumes']).toBeUndefined();
    expect(spec.containers[0]?.['volumes']).toEqual({ data: { path: '/data', hostPath: '/tmp/data', readOnly: true } });
    const n = note('spec.volumes.data');
    expect(n).toMatchObject({ kind: 'moved', line: 8 });
    expect(n.message).toMatch(/hostPath: \/tmp\/data/);
    expect(n.message).toMatch(/Not carried over: labels \(type=local\)/);
    expectValid(text);
  });

  it('a volume without storageClass is a hostpath volume (the v1alpha1 default)', () => {
    const { spec } = migrate(withVolume('      path: /tmp/data\n'));
    expect(spec.containers[0]?.['volumes']).toEqual({ data: { path: '/data', hostPath: '/tmp/data' } });
  });

  it('another storage class needs a PersistentVolume and claim created by hand, mounted by claimName', () => {
    const { spec, note, text } = migrate(
      withVolume('      storageClass: csi-gcs\n      driver: gcs.csi.ofek.dev\n      path: /tmp/data\n      secret: s\n      capacity: 25Gi\n      claimAnnotations:\n        a/b: c\n'),
    );
    expect(spec.containers[0]?.['volumes']).toEqual({ data: { path: '/data', claimName: 'data-claim' } });
    const n = note('spec.volumes.data');
    expect(n.kind).toBe('dropped');
    expect(n.message).toMatch(/PersistentVolumeClaim "data-claim" in namespace default/);
    expect(n.message).toMatch(/driver gcs\.csi\.ofek\.dev/);
    expect(n.message).toMatch(/requests\.storage 25Gi/);
    expect(n.message).toMatch(/claimName: data-claim/);
    expectValid(text);
  });

  it('a volume no container mounts is dropped with a note', () => {
    const { spec, note } = migrate(v1(`  volumes:\n    unused:\n      path: /x\n${ONE}`));
    expect(spec['volumes']).toBeUndefined();
    expect(note('spec.volumes.unused')).toMatchObject({ kind: 'dropped' });
    expect(note('spec.volumes.unused').message).toMatch(/no container mounts it/);
  });

  it('a mount of a volume that spec.volumes lacks gets a note asking for a source', () => {
    const { note } = migrate(v1('  containers:\n    - image: ubuntu\n      volumes:\n        ghost:\n          path: /g\n'));
    expect(note('spec.containers[0].volumes.ghost').message).toMatch(/does not exist/);
  });
});

describe('container fields', () => {
  const container = (fields: string) => v1(`  size: 2\n  containers:\n    - image: ubuntu\n      command: hostname\n${fields}`);

  it('existingVolumes is renamed to volumes', () => {
    const { spec, note, text } = migrate(container('      existingVolumes:\n        data:\n          path: /workflow\n          claimName: data\n        certs:\n          path: /etc/certs\n          secretName: certs\n'));
    expect(spec.containers[0]?.['volumes']).toEqual({ data: { path: '/workflow', claimName: 'data' }, certs: { path: '/etc/certs', secretName: 'certs' } });
    expect(spec.containers[0]?.['existingVolumes']).toBeUndefined();
    expect(note('spec.containers[0].existingVolumes').kind).toBe('renamed');
    expectValid(text);
  });

  it('existingVolumes entries join the volumes from spec.volumes; a clash keeps the spec volume', () => {
    const { spec, note } = migrate(
      v1('  volumes:\n    data:\n      path: /tmp/d\n  containers:\n    - image: ubuntu\n      volumes:\n        data:\n          path: /data\n      existingVolumes:\n        data:\n          path: /other\n          claimName: c\n        conf:\n          path: /conf\n          configMapName: conf\n          items:\n            a: a.conf\n'),
    );
    expect(spec.containers[0]?.['volumes']).toEqual({
      data: { path: '/data', hostPath: '/tmp/d' },
      conf: { path: '/conf', configMapName: 'conf', items: { a: 'a.conf' } },
    });
    const n = note('spec.containers[0].existingVolumes');
    expect(n.kind).toBe('moved');
    expect(n.message).toMatch(/data is also the name of a volume from spec\.volumes/);
  });

  it('cores is dropped, with advice on CPU resources when it asked for more than one', () => {
    const many = migrate(container('      cores: 4\n'));
    expect(many.spec.containers[0]?.['cores']).toBeUndefined();
    expect(many.note('spec.containers[0].cores')).toMatchObject({ kind: 'dropped' });
    expect(many.note('spec.containers[0].cores').message).toMatch(/--cores=0-3.*resources\.limits\.cpu/);
    expect(migrate(container('      cores: 1\n')).note('spec.containers[0].cores').message).toMatch(/nothing changes/);
  });

  it('diagnostics is dropped', () => {
    const { spec, note } = migrate(container('      diagnostics: true\n'));
    expect(spec.containers[0]?.['diagnostics']).toBeUndefined();
    expect(note('spec.containers[0].diagnostics')).toMatchObject({ kind: 'dropped' });
  });

  it('fluxUser is dropped, pointing at securityContext.runAsUser', () => {
    const { spec, note } = migrate(container('      fluxUser:\n        name: fluxuser\n        uid: 1004\n'));
    expect(spec.containers[0]?.['fluxUser']).toBeUndefined();
    expect(note('spec.containers[0].fluxUser').message).toMatch(/name fluxuser, uid 1004.*runAsUser: 1004/);
  });

  it('the old keys fluxOptionFlags and preCommand, which v1alpha1 ignored, are dropped', () => {
    const { spec, note } = migrate(container('      fluxOptionFlags: -ompi=openmpi@5\n      preCommand: source /etc/profile\n'));
    expect(Object.keys(spec.containers[0] ?? {})).toEqual(['image', 'command']);
    expect(note('spec.containers[0].fluxOptionFlags').message).toMatch(/spec\.flux\.optionFlags/);
    expect(note('spec.containers[0].preCommand').message).toMatch(/commands\.pre/);
  });

  it('commands.runFluxAsRoot is dropped; an emptied commands goes too', () => {
    const alone = migrate(container('      commands:\n        runFluxAsRoot: true\n'));
    expect(alone.spec.containers[0]?.['commands']).toBeUndefined();
    expect(alone.note('spec.containers[0].commands.runFluxAsRoot').message).toMatch(/which is what this asked for/);
    const withPre = migrate(container('      commands:\n        runFluxAsRoot: false\n        pre: echo hi\n'));
    expect(withPre.spec.containers[0]?.['commands']).toEqual({ pre: 'echo hi' });
    expect(withPre.note('spec.containers[0].commands.runFluxAsRoot').message).toMatch(/runAsUser/);
  });

  it('commands.prefix stays, with a note that workers no longer get it', () => {
    const { spec, note } = migrate(container('      commands:\n        prefix: time\n'));
    expect(spec.containers[0]?.['commands']).toEqual({ prefix: 'time' });
    expect(note('spec.containers[0].commands.prefix')).toMatchObject({ kind: 'changed' });
  });

  it('securityContext.addCapabilities becomes capabilities.add', () => {
    const { spec, note, text } = migrate(container('      securityContext:\n        privileged: true\n        addCapabilities: [SYS_PTRACE]\n'));
    expect(spec.containers[0]?.['securityContext']).toEqual({ privileged: true, capabilities: { add: ['SYS_PTRACE'] } });
    expect(note('spec.containers[0].securityContext.addCapabilities').kind).toBe('renamed');
    expectValid(text);
  });

  it('batch without batchRaw gets a note (v1alpha1 could not render it)', () => {
    const { note } = migrate(container('      batch: true\n'));
    expect(note('spec.containers[0].batch')).toMatchObject({ kind: 'changed' });
  });

  it('fields that mean the same stay as written', () => {
    const fields = '      workingDir: /w\n      environment:\n        A: b\n      ports: [80]\n      launcher: true\n      pullAlways: true\n      resources:\n        limits:\n          cpu: 2\n      lifeCycle:\n        postStartExec: echo\n      imagePullSecret: pull\n';
    const { spec } = migrate(container(fields));
    expect(spec.containers[0]).toEqual({
      image: 'ubuntu', command: 'hostname', workingDir: '/w', environment: { A: 'b' }, ports: [80], launcher: true,
      pullAlways: true, resources: { limits: { cpu: 2 } }, lifeCycle: { postStartExec: 'echo' }, imagePullSecret: 'pull',
    });
  });
});

describe('sidecar containers', () => {
  const two = (sidecar: string) => v1(`  size: 2\n  containers:\n    - image: ubuntu\n      runFlux: true\n      command: hostname\n    - name: side\n      image: nginx\n${sidecar}`);

  it('a sidecar without commands keeps its image entrypoint (noWrapEntrypoint: true)', () => {
    const { spec, note, text } = migrate(two('      ports: [80]\n'));
    expect(spec.containers[1]).toEqual({ name: 'side', image: 'nginx', noWrapEntrypoint: true, ports: [80] });
    expect(note('spec.containers[1]')).toMatchObject({ kind: 'changed' });
    expect(spec['flux']).toBeUndefined();
    expectValid(text);
    expect(analyzeSpec(text).diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
  });

  it('a sidecar with a command and pre keeps its start script: pre becomes servicePre, and it does not wait for Flux', () => {
    const { spec, note, text } = migrate(two('      command: nginx -g daemon off;\n      commands:\n        pre: echo pre\n'));
    expect(spec.containers[1]?.['commands']).toEqual({ servicePre: 'echo pre' });
    expect(spec.containers[1]?.['noWrapEntrypoint']).toBeUndefined();
    expect(spec['flux']).toEqual({ noWaitSocket: true });
    expect(note('spec.containers[1].commands.pre').kind).toBe('moved');
    expect(note('spec.containers[1]').message).toMatch(/noWaitSocket/);
    expectValid(text);
  });

  it('brokerPre, workerPre and pre of a sidecar are joined into servicePre in the order v1alpha1 ran them', () => {
    const { spec } = migrate(two('      command: run\n      commands:\n        pre: echo 3\n        brokerPre: echo 1\n        workerPre: echo 2\n        post: echo 4\n'));
    expect(spec.containers[1]?.['commands']).toEqual({ servicePre: 'echo 1\necho 2\necho 3\n', post: 'echo 4' });
  });
});

describe('spec fields', () => {
  it('fluxRestful is dropped; a runner without command and not interactive gets the REST-mode note', () => {
    const { spec, note } = migrate(v1('  fluxRestful:\n    branch: main\n  containers:\n    - image: ubuntu\n'));
    expect(spec['fluxRestful']).toBeUndefined();
    expect(note('spec.fluxRestful').message).toMatch(/flux-restful-api/);
    expect(note('spec.containers[0]').message).toMatch(/RESTful API server/);
  });

  it('an interactive runner without a command gets no REST-mode note', () => {
    const { notes } = migrate(v1('  interactive: true\n  containers:\n    - image: ubuntu\n'));
    expect(notes.some((n) => /RESTful/.test(n.message))).toBe(false);
  });

  it('users is dropped with the names in the note', () => {
    const { spec, note } = migrate(v1(`  users:\n    - name: alice\n    - name: bob\n${ONE}`));
    expect(spec['users']).toBeUndefined();
    expect(note('spec.users').message).toMatch(/alice, bob/);
  });

  it('flux.installRoot, curveCertSecret and mungeSecret are dropped; the rest of flux stays', () => {
    const { spec, note, text } = migrate(v1(`  flux:\n    installRoot: /opt\n    curveCertSecret: cert\n    mungeSecret: munge\n    logLevel: 7\n    optionFlags: -x\n${ONE}`));
    expect(spec['flux']).toEqual({ logLevel: 7, optionFlags: '-x' });
    expect(note('spec.flux.installRoot').message).toMatch(/flux\.container\.disable/);
    expect(note('spec.flux.curveCertSecret').message).toMatch(/flux\.curveCert/);
    expect(note('spec.flux.mungeSecret').kind).toBe('dropped');
    expectValid(text);
  });

  it('a custom brokerConfig stays, with a note about the v1alpha2 paths', () => {
    const { spec, note } = migrate(v1(`  flux:\n    brokerConfig: |\n      [exec]\n${ONE}`));
    expect((spec['flux'] as Plain)['brokerConfig']).toBe('[exec]\n');
    expect(note('spec.flux.brokerConfig').message).toMatch(/MOUNT\/config\/etc\/flux\/system\/R/);
  });

  it('logging gets strict: true (v1alpha1 CRD default) unless strict is given; no logging stays absent', () => {
    const added = migrate(v1(`  logging:\n    quiet: true\n${ONE}`));
    expect(added.spec['logging']).toEqual({ quiet: true, strict: true });
    expect(added.note('spec.logging').kind).toBe('changed');
    expect(migrate(v1(`  logging:\n    strict: false\n${ONE}`)).spec['logging']).toEqual({ strict: false });
    expect(migrate(v1(ONE)).spec['logging']).toBeUndefined();
  });

  it('a spec that uses flux-service host names gets network.headlessName: flux-service', () => {
    const { spec, note, text } = migrate(v1('  size: 2\n  containers:\n    - image: ubuntu\n      command: curl flux-sample-services.flux-service.default.svc.cluster.local\n'));
    expect(spec['network']).toEqual({ headlessName: 'flux-service' });
    expect(Object.keys(spec)).toEqual(['size', 'network', 'containers']);
    expect(note('spec.containers[0].command').message).toMatch(/headlessName: flux-service was added/);
    expect(analyzeSpec(text).diagnostics.filter((d) => d.code === 'flux-service-name')).toEqual([]);
  });

  it('an explicit headlessName is kept; otherwise only a note says the Service name changed', () => {
    const explicit = migrate(v1(`  network:\n    headlessName: mine\n${ONE}`));
    expect(explicit.spec['network']).toEqual({ headlessName: 'mine' });
    expect(explicit.notes.some((n) => /headless/.test(n.message))).toBe(false);
    const implicit = migrate(v1(ONE));
    expect(implicit.spec['network']).toBeUndefined();
    expect(implicit.note('spec').message).toMatch(/named "flux-sample".*instead of flux-service/);
  });

  it('services lose v1alpha1-only fields and rename existingVolumes', () => {
    const { spec, note, text } = migrate(v1(`${ONE}  services:\n    - name: web\n      image: nginx\n      cores: 2\n      existingVolumes:\n        conf:\n          path: /etc/nginx/conf.d\n          configMapName: conf\n`));
    expect(spec.services?.[0]).toEqual({ name: 'web', image: 'nginx', volumes: { conf: { path: '/etc/nginx/conf.d', configMapName: 'conf' } } });
    expect(note('spec.services[0].cores').kind).toBe('dropped');
    expectValid(text);
  });
});
