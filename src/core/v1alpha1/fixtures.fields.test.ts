/**
 * The project's own v1alpha1 fixtures (src/core/testing/fixtures/v1alpha1), field by field.
 *
 * Every expected value is restated from what the operator created (with the fixes the README
 * lists; Dn is row n of its table of v1alpha1 differences) and from the fixture's own text; none
 * is a snapshot of what the generator prints today.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { readCurveCert } from '../curve/index.ts';
import type { KObject, Manifest } from '../common/kobject.ts';
import { fixture, fixtures } from '../testing/fixtures.ts';
import { expectValidRoundTrip } from '../testing/manifestChecks.ts';
import { shellFindings, writeScripts } from '../testing/shellScripts.ts';
import { TEST_KEYS, expectedTestCertificate } from '../testing/testKeys.ts';
import { dataOf, diagnosticsOf, jobPod, manifestsOf, only, resolve } from './testSpec.test-util.ts';

const NAME = 'flux-sample';
const NS = 'flux-operator';

// ---------------------------------------------------------------------------------------------
// What the operator creates, written out once.

/** The three operator mounts every container of the Job has first. */
const BASE_MOUNTS: KObject[] = [
  { name: `${NAME}-curve-mount`, mountPath: '/mnt/curve/', readOnly: true },
  { name: `${NAME}-flux-config`, mountPath: '/etc/flux/config', readOnly: true },
  { name: `${NAME}-entrypoint`, mountPath: '/flux_operator/', readOnly: true },
];

/** The munge key mount, after those three when flux.mungeSecret is set. */
const MUNGE_MOUNT: KObject = { name: 'munge-key', mountPath: '/etc/munge', readOnly: true };

/** The operator's own pod volumes, first in the pod. `scripts` are the entrypoint keys in item order. */
function operatorVolumes(scripts: string[], options: { users?: boolean; curveSecret?: string } = {}): KObject[] {
  const entrypoint: KObject = { name: `${NAME}-entrypoint` };
  if (scripts.length > 0) entrypoint['items'] = scripts.map((key) => ({ key, path: `${key}.sh`, mode: 0o777 }));
  return [
    { name: `${NAME}-flux-config`, configMap: { name: `${NAME}-flux-config`, items: [{ key: 'hostfile', path: 'broker.toml', ...(options.users ? { mode: 0o644 } : {}) }] } },
    { name: `${NAME}-entrypoint`, configMap: entrypoint },
    options.curveSecret
      ? { name: `${NAME}-curve-mount`, secret: { secretName: options.curveSecret, items: [{ key: 'curve.cert', path: 'curve.cert' }] } }
      : { name: `${NAME}-curve-mount`, configMap: { name: `${NAME}-curve-mount` } },
  ];
}

/** The pod volume of a spec.volumes entry: its claim. */
const claimVolume = (key: string): KObject => ({ name: key, persistentVolumeClaim: { claimName: `${key}-claim` } });

/** The operator's affinity: prefer one zone, and one pod per node. */
function spreadAffinity(): KObject {
  const term = (topologyKey: string) => [
    { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: [NAME] }] }, topologyKey } },
  ];
  return {
    podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: term('topology.kubernetes.io/zone') },
    podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: term('kubernetes.io/hostname') },
  };
}

/** The pod template labels, user labels first and the system keys winning. */
const podLabels = (user: Record<string, string> = {}) => ({ ...user, namespace: NS, 'app.kubernetes.io/name': NAME, 'hpa-selector': NAME });

/** The certificate made from TEST_KEYS, in the operator's ten-line template. */
const expectedCertificate = (hostname = `${NAME}-0`): string => expectedTestCertificate(hostname);

interface BrokerOptionInputs {
  interactive?: boolean;
  connectTimeout?: string;
  quorum?: string;
  zeromq?: boolean;
  logLevel?: number;
  quiet?: boolean;
}

/** The broker options of the wait script, in the operator's order. */
function expectedBrokerOptions(o: BrokerOptionInputs = {}): string[] {
  return [
    '-Scron.directory=/etc/flux/system/cron.d',
    '-Stbon.fanout=256',
    '-Srundir=/run/flux',
    ...(o.interactive ? ['-Sbroker.rc2_none'] : []),
    '-Sstatedir=/var/lib/flux',
    '-Slocal-uri=local:///run/flux/local',
    ...(o.connectTimeout ? [`-Stbon.connect_timeout=${o.connectTimeout}`] : []),
    ...(o.quorum ? [`-Sbroker.quorum=${o.quorum}`] : []),
    ...(o.zeromq ? ['-Stbon.zmqdebug=1'] : []),
    `-Slog-stderr-level=${o.quiet ? 0 : (o.logLevel ?? 6)}`,
    '-Slog-stderr-mode=local',
  ];
}

interface BrokerTomlInputs {
  hosts: string;
  headless?: string;
  installRoot?: string;
  queuePolicy?: string;
}

/** broker.toml (no lead broker), as TOML values. */
function expectedBrokerToml(o: BrokerTomlInputs): KObject {
  return {
    exec: { imp: `${o.installRoot ?? '/usr'}/libexec/flux/flux-imp` },
    access: { 'allow-guest-user': true, 'allow-root-owner': true },
    resource: { path: '/etc/flux/system/R' },
    bootstrap: {
      curve_cert: '/etc/curve/curve.cert',
      default_port: 8050,
      default_bind: 'tcp://eth0:%p',
      default_connect: `tcp://%h.${o.headless ?? 'flux-service'}.${NS}.svc.cluster.local:%p`,
      hosts: [{ host: o.hosts }],
    },
    archive: { dbpath: '/var/lib/flux/job-archive.sqlite', period: '1m', busytimeout: '50s' },
    'sched-fluxion-qmanager': { 'queue-policy': o.queuePolicy ?? 'fcfs' },
  };
}

/** A Job container that sets nothing beyond what is given. */
function container(fields: KObject, mounts: KObject[]): KObject {
  return {
    imagePullPolicy: 'IfNotPresent',
    resources: {},
    securityContext: { privileged: false, capabilities: {} },
    lifecycle: {},
    stdin: true,
    tty: true,
    ...fields,
    volumeMounts: mounts,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the generated objects.

const generated = new Map<string, Manifest[]>();
/** The objects of a fixture, with the test keys and every include letter. */
function objectsOf(name: string): Manifest[] {
  let out = generated.get(name);
  if (!out) {
    out = manifestsOf(fixture('v1alpha1', name));
    generated.set(name, out);
  }
  return out;
}

const ids = (manifests: Manifest[]) => manifests.map((m) => `${m.kind}/${m.metadata.name}`);

function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in ${ids(manifests).join(', ')}`);
  return found;
}

const job = (manifests: Manifest[]) => find(manifests, 'Job', NAME) as Manifest & { spec: KObject & { template: { metadata: KObject; spec: KObject } } };
const containersOf = (manifests: Manifest[]) => jobPod(manifests).containers;
const scriptOf = (manifests: Manifest[], key: string) => dataOf(manifests, `${NAME}-entrypoint`)[key] ?? '';
const brokerTomlOf = (manifests: Manifest[]) => parseToml(dataOf(manifests, `${NAME}-flux-config`)['hostfile'] ?? '') as KObject;

/** A shell word as the scripts write it: bare, or in single quotes. */
const unquote = (word: string) => (/^'.*'$/s.test(word) ? word.slice(1, -1).replace(/'\\''/g, "'") : word);

/** The tokens of the script's `brokerOptions=( ... )` array. */
function scriptBrokerOptions(script: string): string[] {
  const block = /^brokerOptions=\(\n([\s\S]*?)\n\)$/m.exec(script)?.[1];
  if (block === undefined) throw new Error('no brokerOptions array');
  return block.split('\n').map((line) => unquote(line.trim()));
}

/** The hostlist and cores flag of the `flux R encode` line. */
function rEncode(script: string): { hosts: string; cores: string } {
  const match = /^flux R encode --hosts=(\S+) (\S+) > \/etc\/flux\/system\/R$/m.exec(script);
  if (!match) throw new Error('no flux R encode line');
  return { hosts: unquote(match[1] ?? ''), cores: match[2] ?? '' };
}

/** The value of a one-line `name=value` assignment in a script. */
function assigned(script: string, name: string): string | undefined {
  const match = new RegExp(`^\\s*${name}=(.*)$`, 'm').exec(script);
  return match ? unquote(match[1] ?? '') : undefined;
}

/** The text between the rank-0 test and the follower branch. */
function rankZeroPart(script: string): string {
  const start = script.indexOf('if [[ "$(hostname)" == "${mainHost}" ]]; then');
  const end = script.indexOf('\nelse\n', start);
  expect(start).toBeGreaterThan(0);
  return script.slice(start, end);
}

/** The lines of the here-document that writes the batch file. */
function batchFile(script: string): string[] {
  const match = /cat > \.\/flux-job\.batch <<'MCS_EOF'\n([\s\S]*?)\nMCS_EOF/.exec(script);
  if (!match) throw new Error('no batch file');
  return (match[1] ?? '').split('\n');
}

const STRICT = /^set -eEu -o pipefail$/m;

// ---------------------------------------------------------------------------------------------

const all = fixtures('v1alpha1');

describe('every v1alpha1 fixture', () => {
  it('is a MiniCluster of flux-framework.org/v1alpha1 named flux-sample in flux-operator (except migration.yaml)', () => {
    expect(all.length).toBeGreaterThanOrEqual(19);
    for (const { name, text } of all) {
      const doc = parseYaml(text) as { apiVersion: string; kind: string; metadata: { name: string; namespace: string } };
      expect([doc.apiVersion, doc.kind, doc.metadata.name], name).toEqual(['flux-framework.org/v1alpha1', 'MiniCluster', NAME]);
      expect(doc.metadata.namespace, name).toBe(name === 'migration.yaml' ? 'research' : NS);
    }
  });

  for (const { name, text } of all) {
    it(`${name}: resolves with no error; its objects pass the Kubernetes schema and read back the same`, () => {
      resolve(text);
      expectValidRoundTrip(manifestsOf(text), { yaml11: true });
    });
  }

  it('give each ConfigMap only its own data, and the curve-mount one the certificate', () => {
    for (const { name, text } of all) {
      const manifests = manifestsOf(text);
      const spec = (parseYaml(text) as { spec: { flux?: { curveCert?: string; curveCertSecret?: string } } }).spec;
      const configMaps = manifests.filter((m) => m.kind === 'ConfigMap').map((m) => m.metadata.name);
      const withCurve = !spec.flux?.curveCertSecret;
      expect(configMaps, name).toEqual([`${NAME}-entrypoint`, `${NAME}-flux-config`, ...(withCurve ? [`${NAME}-curve-mount`] : [])]);
      for (const key of Object.keys(dataOf(manifests, `${NAME}-entrypoint`))) expect(key, name).toMatch(/^(wait|start)-\d+$/);
      expect(Object.keys(dataOf(manifests, `${NAME}-flux-config`)), name).toEqual(['hostfile']);
      if (!withCurve) continue;
      const cert = dataOf(manifests, `${NAME}-curve-mount`);
      expect(Object.keys(cert), name).toEqual(['curve.cert']);
      expect(cert['curve.cert'], name).toBe(spec.flux?.curveCert ?? expectedCertificate());
      const read = readCurveCert(cert['curve.cert'] ?? '');
      expect(read.ok ? read.publicKey : read.problems, name).toBe(TEST_KEYS.publicKey);
    }
  });

  it('give every container its own mounts after the operator ones, with no mount path twice (D3)', () => {
    for (const { name, text } of all) {
      const spec = (parseYaml(text) as { spec: { containers: Array<{ volumes?: object; existingVolumes?: object }>; flux?: { mungeSecret?: string } } }).spec;
      const base = [...BASE_MOUNTS, ...(spec.flux?.mungeSecret ? [MUNGE_MOUNT] : [])];
      containersOf(manifestsOf(text)).forEach((c, i) => {
        const mounts = c['volumeMounts'] as KObject[];
        const own = [...Object.keys(spec.containers[i]?.volumes ?? {}).sort(), ...Object.keys(spec.containers[i]?.existingVolumes ?? {}).sort()];
        expect(mounts.slice(0, base.length), `${name} container ${i}`).toEqual(base);
        expect(mounts.slice(base.length).map((m) => m['name']), `${name} container ${i}`).toEqual(own);
        const paths = mounts.map((m) => m['mountPath']);
        expect(new Set(paths).size, name).toBe(paths.length);
      });
    }
  });

  it('have entrypoint scripts that pass bash -n and shellcheck', () => {
    const scripts = all.flatMap(({ name, text }) =>
      Object.entries(dataOf(manifestsOf(text), `${NAME}-entrypoint`)).map(([key, script]) => ({ name: `${name}-${key}`, text: script })),
    );
    expect(scripts.length).toBeGreaterThanOrEqual(all.length + 2);
    expect(shellFindings(writeScripts('mcs-v1a1-fixtures-', scripts))).toBe('');
  }, 120_000);
});

describe('hello-world.yaml', () => {
  const m = () => objectsOf('hello-world');

  it('makes the three ConfigMaps, the headless Service and the Job, in this order', () => {
    expect(m().map((x) => `${x.apiVersion} ${x.kind}/${x.metadata.name}`)).toEqual([
      `v1 ConfigMap/${NAME}-entrypoint`,
      `v1 ConfigMap/${NAME}-flux-config`,
      `v1 ConfigMap/${NAME}-curve-mount`,
      'v1 Service/flux-service',
      `batch/v1 Job/${NAME}`,
    ]);
    for (const cm of m().filter((x) => x.kind === 'ConfigMap')) expect(cm.metadata).toEqual({ name: cm.metadata.name, namespace: NS });
  });

  it('entrypoint: one wait script (the lone container runs Flux), quiet and strict', () => {
    expect(Object.keys(dataOf(m(), `${NAME}-entrypoint`))).toEqual(['wait-0']);
    const script = scriptOf(m(), 'wait-0');
    // logging: is written, so the CRD default strict: true applies.
    expect(script).toMatch(STRICT);
    expect(assigned(script, 'fluxuser')).toBe('flux');
    expect(assigned(script, 'fluxroot')).toBe('/usr');
    expect(script).toContain('--uid 1000 ');
    expect(assigned(script, 'export FLUX_OUTPUT_DIR')).toBe('/tmp/fluxout');
    // No flux: key, so no connect timeout; maxSize defaults to size, so no quorum; quiet gives level 0.
    expect(scriptBrokerOptions(script)).toEqual(expectedBrokerOptions({ quiet: true }));
    expect(rEncode(script)).toEqual({ hosts: `${NAME}-[0-3]`, cores: '--local' });
    expect(assigned(script, 'mainHost')).toBe(`${NAME}-0`);
    // tasks 1 < size 4: no -N.
    expect(assigned(script, 'submit')).toBe('flux submit -n 1 --quiet --watch');
    expect(assigned(script, 'command')).toBe('echo hello world');
    // Quiet: none of the optional messages.
    for (const chatter of ['Flux user:', 'Hello, I am', 'Running: ', 'cat /etc/flux/system/R', 'Submit command: ', 'Follower broker: ']) expect(script).not.toContain(chatter);
  });

  it('flux-config: broker.toml under the key hostfile, for four hosts behind flux-service', () => {
    expect(brokerTomlOf(m())).toEqual(expectedBrokerToml({ hosts: `${NAME}-[0-3]` }));
  });

  it('curve-mount: the certificate for host flux-sample-0', () => {
    expect(dataOf(m(), `${NAME}-curve-mount`)).toEqual({ 'curve.cert': expectedCertificate() });
  });

  it('the headless Service selects the Job pods', () => {
    expect(find(m(), 'Service', 'flux-service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'flux-service', namespace: NS },
      spec: { clusterIP: 'None', selector: { 'job-name': NAME } },
    });
  });

  it('the Job: Indexed, size 4, the default deadline, the operator\'s pod template', () => {
    const j = job(m());
    expect(j.metadata).toEqual({ name: NAME, namespace: NS });
    expect(j.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 4, backoffLimit: 100, activeDeadlineSeconds: 31_500_000 });
    expect(Object.keys(j.spec).sort()).toEqual(['activeDeadlineSeconds', 'backoffLimit', 'completionMode', 'completions', 'parallelism', 'template']);
    expect(j.spec.template.metadata).toEqual({ name: NAME, namespace: NS, labels: podLabels() });
    const pod = jobPod(m());
    expect(pod).toMatchObject({ subdomain: 'flux-service', setHostnameAsFQDN: false, shareProcessNamespace: false, restartPolicy: 'OnFailure', affinity: spreadAffinity() });
    for (const absent of ['imagePullSecrets', 'nodeSelector', 'overhead', 'serviceAccountName', 'hostname']) expect(pod).not.toHaveProperty(absent);
    expect(pod.containers).toEqual([
      container(
        {
          name: NAME,
          image: 'ghcr.io/flux-framework/flux-restful-api:latest',
          command: ['/bin/bash', '/flux_operator/wait-0.sh', 'echo hello world'],
          ports: [{ containerPort: 5000, protocol: 'TCP' }],
        },
        BASE_MOUNTS,
      ),
    ]);
    expect(pod.volumes).toEqual(operatorVolumes(['wait-0']));
  });
});

/** What a spec with one volume named `data` makes, in this order (volumes.yaml and tree.yaml). */
const ONE_VOLUME_OBJECTS = [
  `ConfigMap/${NAME}-entrypoint`,
  `ConfigMap/${NAME}-flux-config`,
  `ConfigMap/${NAME}-curve-mount`,
  'PersistentVolume/data',
  'PersistentVolumeClaim/data-claim',
  'Service/flux-service',
  `Job/${NAME}`,
];

describe('volumes.yaml', () => {
  const m = () => objectsOf('volumes');

  it('makes the ConfigMaps, the volume and its claim, the Service and the Job, in this order', () => {
    expect(ids(m())).toEqual(ONE_VOLUME_OBJECTS);
  });

  it('the PersistentVolume: a hostPath of the node directory, with its labels and the 5Gi default', () => {
    expect(find(m(), 'PersistentVolume', 'data')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'data', namespace: NS, labels: { purpose: 'shared-input' } },
      spec: {
        accessModes: ['ReadWriteMany'],
        capacity: { storage: '5Gi' },
        hostPath: { path: '/tmp/workflow-data' },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'hostpath',
      },
    });
  });

  it('the claim is data-claim, the name the pod uses (D7)', () => {
    expect(find(m(), 'PersistentVolumeClaim', 'data-claim')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data-claim', namespace: NS },
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '5Gi' } }, storageClassName: 'hostpath', volumeMode: 'Filesystem' },
    });
  });

  it('the pod mounts the claim at /data, writable; the Job has two pods', () => {
    expect(job(m()).spec).toMatchObject({ completions: 2, parallelism: 2 });
    expect(jobPod(m()).volumes).toEqual([...operatorVolumes(['wait-0']), claimVolume('data')]);
    expect(containersOf(m())[0]?.['volumeMounts']).toEqual([...BASE_MOUNTS, { name: 'data', mountPath: '/data' }]);
    expect(assigned(scriptOf(m(), 'wait-0'), 'command')).toBe('ls -l /data');
    expect(brokerTomlOf(m())).toEqual(expectedBrokerToml({ hosts: `${NAME}-[0-1]` }));
  });
});

describe('tree.yaml (the browser test: "3 ConfigMaps, 1 PersistentVolume, 1 PersistentVolumeClaim, 1 Service, 1 Job: 4 pods")', () => {
  const m = () => objectsOf('tree');

  it('has exactly those objects, and four pods', () => {
    expect(ids(m())).toEqual(ONE_VOLUME_OBJECTS);
    expect(job(m()).spec).toMatchObject({ completions: 4, parallelism: 4 });
  });

  it('submits four tasks on four nodes, not quiet, from the working directory', () => {
    const script = scriptOf(m(), 'wait-0');
    expect(script).toMatch(STRICT);
    expect(scriptBrokerOptions(script)).toEqual(expectedBrokerOptions());
    // tasks 4 >= size 4 adds -N 4.
    expect(assigned(script, 'submit')).toBe('flux submit -N 4 -n 4 --quiet --watch');
    expect(script).toContain('Submit command: ');
    expect(containersOf(m())[0]).toMatchObject({ workingDir: '/data', command: ['/bin/bash', '/flux_operator/wait-0.sh', 'find /data -maxdepth 2'] });
    expect(find(m(), 'PersistentVolume', 'data')['spec']).toMatchObject({ hostPath: { path: '/var/tmp/tree-results' }, storageClassName: 'hostpath' });
  });
});

describe('existing-secret.yaml (flux.curveCertSecret)', () => {
  const m = () => objectsOf('existing-secret');

  it('makes no curve-mount ConfigMap (as the operator; gen made one), and no certificate anywhere', () => {
    expect(ids(m())).toEqual([`ConfigMap/${NAME}-entrypoint`, `ConfigMap/${NAME}-flux-config`, 'Service/flux-service', `Job/${NAME}`]);
    for (const cm of m().filter((x) => x.kind === 'ConfigMap')) expect(JSON.stringify(cm)).not.toContain(TEST_KEYS.secretKey);
  });

  it('the pod volume of that name reads the Secret, key curve.cert, and is mounted where the ConfigMap would be', () => {
    expect(jobPod(m()).volumes).toEqual(operatorVolumes(['wait-0'], { curveSecret: 'flux-curve-cert' }));
    expect(containersOf(m())[0]?.['volumeMounts']).toEqual(BASE_MOUNTS);
    // The wait script copies it from the same place, and broker.toml reads the copy.
    expect(scriptOf(m(), 'wait-0')).toContain('cp /mnt/curve/curve.cert /etc/curve/curve.cert');
    expect((brokerTomlOf(m())['bootstrap'] as KObject)['curve_cert']).toBe('/etc/curve/curve.cert');
  });

  it('flux: is written, so the CRD default connectTimeout 5s applies; logLevel 5', () => {
    expect(scriptBrokerOptions(scriptOf(m(), 'wait-0'))).toEqual(expectedBrokerOptions({ connectTimeout: '5s', logLevel: 5 }));
    // No logging: key, so no strict mode.
    expect(scriptOf(m(), 'wait-0')).not.toMatch(STRICT);
  });
});

describe('shared-process-space.yaml (a Flux container and a sidecar)', () => {
  const m = () => objectsOf('shared-process-space');

  it('makes a PersistentVolume and claim per volume, between the ConfigMaps and the Service', () => {
    const list = ids(m());
    expect(list.slice(0, 3)).toEqual([`ConfigMap/${NAME}-entrypoint`, `ConfigMap/${NAME}-flux-config`, `ConfigMap/${NAME}-curve-mount`]);
    expect(list.slice(3, 7).sort()).toEqual(['PersistentVolume/cache', 'PersistentVolume/data', 'PersistentVolumeClaim/cache-claim', 'PersistentVolumeClaim/data-claim']);
    expect(list.slice(7)).toEqual(['Service/flux-service', `Job/${NAME}`]);
  });

  it('entrypoint: wait-0 for the Flux container, start-1 for the sidecar (it has commands and a command)', () => {
    expect(Object.keys(dataOf(m(), `${NAME}-entrypoint`))).toEqual(['wait-0', 'start-1']);
    const start = scriptOf(m(), 'start-1');
    expect(start).not.toMatch(STRICT);
    const pre = start.indexOf('mkdir -p /cache/www');
    const command = start.indexOf("command='python3 -m http.server 8080 --directory /cache/www'");
    expect(pre).toBeGreaterThan(0);
    expect(command).toBeGreaterThan(pre);
    expect(start).not.toContain('flux start');
  });

  it('each container mounts the operator volumes and its own, not the other one', () => {
    const [flux, server] = containersOf(m());
    expect(flux).toEqual(
      container(
        {
          name: NAME,
          image: 'ghcr.io/flux-framework/flux-restful-api:latest',
          command: ['/bin/bash', '/flux_operator/wait-0.sh', 'ps -e -o pid,comm'],
          ports: [{ containerPort: 5000, protocol: 'TCP' }],
          securityContext: { privileged: false, capabilities: { add: ['SYS_PTRACE'] } },
        },
        [...BASE_MOUNTS, { name: 'data', mountPath: '/data' }],
      ),
    );
    expect(server).toEqual(
      container(
        { name: 'server', image: 'python:3.11-slim', command: ['/bin/bash', '/flux_operator/start-1.sh', 'python3 -m http.server 8080 --directory /cache/www'] },
        [...BASE_MOUNTS, { name: 'cache', mountPath: '/cache' }, { name: 'server-config', mountPath: '/etc/server', readOnly: true }],
      ),
    );
  });

  it('the pod shares its process namespace; its volumes are the operator ones, the existing ConfigMap, then the claims', () => {
    const pod = jobPod(m());
    expect(pod['shareProcessNamespace']).toBe(true);
    expect(pod.volumes).toEqual([
      ...operatorVolumes(['wait-0', 'start-1']),
      { name: 'server-config', configMap: { name: 'server-config' } },
      claimVolume('cache'),
      claimVolume('data'),
    ]);
  });
});

describe('volumes-options.yaml (every volume setting)', () => {
  const m = () => objectsOf('volumes-options');

  it('a hostpath volume: cleaned path, canonical capacity, labels and annotations; delete: false leaves the policy Delete', () => {
    expect(find(m(), 'PersistentVolume', 'archive')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'archive', namespace: NS, annotations: { owner: 'storage-team' }, labels: { purpose: 'archive' } },
      spec: {
        accessModes: ['ReadWriteMany'],
        capacity: { storage: '2Gi' },
        hostPath: { path: '/mnt/disks/archive' },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'hostpath',
      },
    });
    expect(find(m(), 'PersistentVolumeClaim', 'archive-claim')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'archive-claim', namespace: NS, annotations: { backup: 'nightly' } },
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '2Gi' } }, storageClassName: 'hostpath', volumeMode: 'Filesystem' },
    });
  });

  it('a CSI volume: driver, handle, the three secret refs in secretNamespace, attributes; the path is not used', () => {
    const ref = { name: 'gcs-credentials', namespace: 'storage' };
    expect(find(m(), 'PersistentVolume', 'bucket')['spec']).toEqual({
      accessModes: ['ReadWriteMany'],
      capacity: { storage: '25Gi' },
      csi: {
        driver: 'gcs.csi.ofek.dev',
        volumeHandle: 'results-handle',
        controllerPublishSecretRef: ref,
        nodeStageSecretRef: ref,
        nodePublishSecretRef: ref,
        volumeAttributes: { bucket: 'results', dirMode: '0775' },
      },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'csi-gcs',
    });
    expect(JSON.stringify(find(m(), 'PersistentVolume', 'bucket'))).not.toContain('/ignored-for-csi');
    expect(find(m(), 'PersistentVolumeClaim', 'bucket-claim')['spec']).toEqual({
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: '25Gi' } },
      storageClassName: 'csi-gcs',
      volumeMode: 'Filesystem',
    });
  });

  it('the container mounts both, one read-only', () => {
    expect(containersOf(m())[0]?.['volumeMounts']).toEqual([...BASE_MOUNTS, { name: 'archive', mountPath: '/archive', readOnly: true }, { name: 'bucket', mountPath: '/bucket' }]);
    expect(jobPod(m()).volumes.slice(3)).toEqual([claimVolume('archive'), claimVolume('bucket')]);
  });
});

describe('existing-volumes.yaml (a ConfigMap, a Secret and a claim that exist already)', () => {
  it('one pod volume per kind, the ConfigMap one named by its key (D5), items sorted', () => {
    const m = objectsOf('existing-volumes');
    expect(ids(m)).not.toContain('PersistentVolume/results');
    expect(jobPod(m).volumes).toEqual([
      ...operatorVolumes(['wait-0']),
      { name: 'app-settings', configMap: { name: 'app-config', items: [{ key: 'logging.conf', path: 'conf/logging.conf' }, { key: 'settings.ini', path: 'settings.ini' }] } },
      { name: 'credentials', secret: { secretName: 'cloud-credentials' } },
      { name: 'results', persistentVolumeClaim: { claimName: 'results-pvc' } },
    ]);
    expect(containersOf(m)[0]?.['volumeMounts']).toEqual([
      ...BASE_MOUNTS,
      { name: 'app-settings', mountPath: '/etc/app', readOnly: true },
      { name: 'credentials', mountPath: '/etc/credentials', readOnly: true },
      { name: 'results', mountPath: '/results' },
    ]);
  });
});

describe('services.yaml (spec.services and a sidecar with a port)', () => {
  const m = () => objectsOf('services');

  it('adds the NAME-services Pod and a Service for the sidecar port, as the operator did', () => {
    const list = ids(m());
    expect(list.slice(0, 5)).toEqual([`ConfigMap/${NAME}-entrypoint`, `ConfigMap/${NAME}-flux-config`, `ConfigMap/${NAME}-curve-mount`, 'PersistentVolume/dbdata', 'PersistentVolumeClaim/dbdata-claim']);
    expect(list.slice(5).sort()).toEqual([`Job/${NAME}`, `Pod/${NAME}-services`, 'Service/flux-service', 'Service/registry']);
    expect(list.indexOf('Service/flux-service')).toBeLessThan(list.indexOf(`Job/${NAME}`));
  });

  it('the services Pod: reachable as NAME-services under the headless Service, with its own mounts only', () => {
    const pod = find(m(), 'Pod', `${NAME}-services`) as Manifest & { spec: { containers: KObject[] } & KObject };
    expect(pod.metadata).toEqual({ name: `${NAME}-services`, namespace: NS, labels: { namespace: NS, 'app.kubernetes.io/name': NAME, 'job-name': NAME } });
    expect(pod.spec).toMatchObject({ hostname: `${NAME}-services`, subdomain: 'flux-service', setHostnameAsFQDN: false, restartPolicy: 'OnFailure' });
    expect(pod.spec).not.toHaveProperty('affinity');
    expect(pod.spec.containers).toEqual([
      container(
        { name: 'mongo', image: 'mongo:6', env: [{ name: 'MONGO_INITDB_DATABASE', value: 'workflows' }], ports: [{ containerPort: 27017, protocol: 'TCP' }] },
        [{ name: 'dbdata', mountPath: '/data/db' }, { name: 'mongo-init', mountPath: '/docker-entrypoint-initdb.d' }],
      ),
    ]);
    expect(pod.spec['volumes']).toEqual([{ name: 'mongo-init', configMap: { name: 'mongo-init' } }, claimVolume('dbdata')]);
  });

  it('the sidecar port Service selects the MiniCluster pods on that port', () => {
    expect(find(m(), 'Service', 'registry')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'registry', namespace: NS },
      spec: { selector: { 'app.kubernetes.io/name': NAME }, ports: [{ port: 5000, targetPort: 5000, protocol: 'TCP' }] },
    });
  });

  it('the Job: the registry runs its image entrypoint (no commands); interactive with no command', () => {
    const [flux, registry] = containersOf(m());
    expect(flux?.['command']).toEqual(['/bin/bash', '/flux_operator/wait-0.sh', '']);
    expect(registry).toEqual(container({ name: 'registry', image: 'registry:2', ports: [{ containerPort: 5000, protocol: 'TCP' }] }, BASE_MOUNTS));
    expect(Object.keys(dataOf(m(), `${NAME}-entrypoint`))).toEqual(['wait-0']);
    const script = scriptOf(m(), 'wait-0');
    expect(scriptBrokerOptions(script)).toEqual(expectedBrokerOptions({ interactive: true }));
    expect(rankZeroPart(script)).toContain('"${as_flux[@]}" flux broker --config-path /etc/flux/config "${brokerOptions[@]}" || flux_status=$?');
    expect(rankZeroPart(script)).not.toContain('uvicorn');
  });
});

describe('pod-resources.yaml (pod and container settings)', () => {
  const m = () => objectsOf('pod-resources');

  it('Job labels, deadline; pod labels, annotations, service account, node selector, overhead, pull secret', () => {
    const j = job(m());
    expect(j.metadata).toEqual({ name: NAME, namespace: NS, labels: { 'kueue.x-k8s.io/queue-name': 'gpu-queue' } });
    expect(j.spec['activeDeadlineSeconds']).toBe(3600);
    expect(j.spec.template.metadata).toEqual({ name: NAME, namespace: NS, labels: podLabels({ team: 'ml' }), annotations: { 'example.com/owner': 'ml-platform' } });
    expect(jobPod(m())).toMatchObject({
      serviceAccountName: 'trainer',
      nodeSelector: { 'cloud.google.com/gke-accelerator': 'nvidia-tesla-t4' },
      overhead: { memory: '64Mi' },
      imagePullSecrets: [{ name: 'registry-login' }],
    });
  });

  it('the container: pull policy, env then secrets sorted, the REST port then its own, canonical quantities, hooks, privileged', () => {
    expect(containersOf(m())[0]).toEqual(
      container(
        {
          name: NAME,
          image: 'ghcr.io/example/trainer:1.2',
          command: ['/bin/bash', '/flux_operator/wait-0.sh', 'python3 train.py --epochs 3'],
          imagePullPolicy: 'Always',
          workingDir: '/workspace',
          env: [
            { name: 'EPOCHS', value: '3' },
            { name: 'TOKENIZERS_PARALLELISM', value: 'false' },
            { name: 'WANDB_API_KEY', valueFrom: { secretKeyRef: { name: 'wandb', key: 'api-key' } } },
          ],
          ports: [{ containerPort: 5000, protocol: 'TCP' }, { containerPort: 6006, protocol: 'TCP' }],
          // Canonical quantities: 4 -> "4", "1.5Gi" -> 1536Mi, "0.5" -> 500m, 512000000 -> 512M.
          resources: { limits: { cpu: '4', memory: '1536Mi', 'nvidia.com/gpu': '1' }, requests: { cpu: '500m', memory: '512M' } },
          securityContext: { privileged: true, capabilities: {} },
          // D6: one word stays a program path; several words run through /bin/sh -c.
          lifecycle: {
            postStart: { exec: { command: ['/usr/local/bin/warm-cache'] } },
            preStop: { exec: { command: ['/bin/sh', '-c', 'sh /usr/local/bin/save-checkpoint.sh'] } },
          },
        },
        BASE_MOUNTS,
      ),
    );
  });

  it('warns that pod.resources is the pod overhead (D11)', () => {
    expect(only(diagnosticsOf(fixture('v1alpha1', 'pod-resources')), 'pod-overhead')).toMatchObject({ severity: 'warning', path: 'spec.pod.resources' });
  });
});

describe('flux-options.yaml (spec.flux, network, logging, maxSize)', () => {
  const m = () => objectsOf('flux-options');

  it('the headless Service and pod subdomain take network.headlessName', () => {
    expect(ids(m())).toContain('Service/flux-net');
    expect(jobPod(m())['subdomain']).toBe('flux-net');
  });

  it('broker.toml: install root, the hostlist sized by maxSize, the headless name, the queue policy', () => {
    expect(brokerTomlOf(m())).toEqual(expectedBrokerToml({ hosts: `${NAME}-[0-3]`, headless: 'flux-net', installRoot: '/opt/flux', queuePolicy: 'easy' }));
  });

  it('the munge Secret: a volume whose item key is the Secret name, mounted read-only at /etc/munge (D10)', () => {
    expect(jobPod(m()).volumes).toEqual([...operatorVolumes(['wait-0']), { name: 'munge-key', secret: { secretName: 'munge-key', items: [{ key: 'munge-key', path: 'munge.key' }] } }]);
    expect(containersOf(m())[0]?.['volumeMounts']).toEqual([...BASE_MOUNTS, MUNGE_MOUNT]);
  });

  it('the wait script: options in order, quorum 0-1, wrap, timing, submit command and flags, no strict mode', () => {
    const script = scriptOf(m(), 'wait-0');
    expect(scriptBrokerOptions(script)).toEqual(expectedBrokerOptions({ connectTimeout: '10s', quorum: '0-1', zeromq: true, logLevel: 7 }));
    expect(script).not.toMatch(STRICT);
    expect(assigned(script, 'fluxroot')).toBe('/opt/flux');
    expect(assigned(script, 'export FLUX_OUTPUT_DIR')).toBe('/var/log/flux-jobs');
    expect(rEncode(script).hosts).toBe(`${NAME}-[0-3]`);
    expect(script).toContain("export FLUX_OPTION_FLAGS=\"${FLUX_OPTION_FLAGS:+${FLUX_OPTION_FLAGS} }\"'-o cpu-affinity=per-task'");
    // -N 2 because tasks 2 >= size 2; the option flags; -vvv for debug.
    expect(assigned(script, 'submit')).toBe('flux mini submit -N 2 -n 2 --quiet -o cpu-affinity=per-task --watch -vvv');
    const run = rankZeroPart(script).split('\n').filter((l) => l.trim().endsWith('\\') || l.includes('flux_status=$?')).map((l) => l.trim().replace(/ \\$/, ''));
    expect(run.slice(-9)).toEqual([
      "/usr/bin/time -f 'FLUXTIME fluxstart wall time %E'",
      '"${as_flux[@]}"',
      'flux start',
      '--wrap=strace,-f',
      '-o --config /etc/flux/config',
      '"${brokerOptions[@]}"',
      "/usr/bin/time -f 'FLUXTIME fluxsubmit wall time %E'",
      '"${submit_words[@]}"',
      '"${command_words[@]}" || flux_status=$?',
    ]);
    expect(script).toContain('[[ ! -x /usr/bin/time ]]');
    // imp.toml: the IMP may run the shell of this install root.
    expect(script).toContain('allowed-shells = [ \\"${fluxroot}/libexec/flux/flux-shell\\" ]');
  });
});

describe('rest-server.yaml (no command, not interactive: the Flux RESTful API)', () => {
  const m = () => objectsOf('rest-server');

  it('the Flux container listens on fluxRestful.port; broker.toml gets mode 0644 because there are users', () => {
    expect(containersOf(m())[0]).toMatchObject({ command: ['/bin/bash', '/flux_operator/wait-0.sh', ''], ports: [{ containerPort: 5050, protocol: 'TCP' }] });
    expect(jobPod(m()).volumes).toEqual(operatorVolumes(['wait-0'], { users: true }));
  });

  it('rank 0 clones the branch, exports the given user, token and secret key, adds the users, and runs uvicorn on the port', () => {
    const script = scriptOf(m(), 'wait-0');
    const rank0 = rankZeroPart(script);
    expect(rank0).toContain('git clone -q -b stable --depth 1 https://github.com/flux-framework/flux-restful-api /flux-restful-api');
    expect(assigned(rank0, 'export FLUX_USER')).toBe('operator');
    expect(assigned(rank0, 'export FLUX_TOKEN')).toBe('00000000-1111-2222-3333-444444444444');
    expect(assigned(rank0, 'export FLUX_SECRET_KEY')).toBe('55555555-6666-7777-8888-999999999999');
    expect(assigned(rank0, 'export FLUX_NUMBER_NODES')).toBe('2');
    expect(assigned(rank0, 'export FLUX_REQUIRE_AUTH')).toBe('true');
    expect(rank0).toContain('flux broker --config-path /etc/flux/config "${brokerOptions[@]}" uvicorn app.main:app --host=0.0.0.0 --port=5050');
    // alice keeps her password; bob gets eight lowercase hex characters (derived from the certificate).
    expect(script).toContain('sudo useradd -m -p "$(openssl passwd rabbit1)" alice');
    const bob = /openssl passwd ([0-9a-f]{8})\)" bob$/m.exec(script)?.[1];
    expect(bob).toMatch(/^[0-9a-f]{8}$/);
    expect(rank0).toContain('./app/db/init_db.py add-user alice rabbit1');
    expect(rank0).toContain(`./app/db/init_db.py add-user bob ${bob ?? ''}`);
  });
});

describe('batch.yaml (batch without batchRaw, D1)', () => {
  it('writes one job per non-empty line, numbered by line, with the submit command; then runs flux batch', () => {
    const script = scriptOf(objectsOf('batch'), 'wait-0');
    const submit = 'flux submit --setattr=user.study=batch --flags waitable';
    const job = (k: number, line: string) => `${submit} --error=/tmp/batch-out/job-${k}.err --output=/tmp/batch-out/job-${k}.out ${line}`;
    // The block scalar ends in a newline, so the split has an empty last element (a blank line).
    expect(batchFile(script)).toEqual(['#!/bin/bash', job(0, 'echo first'), job(1, 'hostname'), '', job(3, 'sleep 2'), '', 'flux queue idle', 'flux jobs -a']);
    expect(rankZeroPart(script)).toContain("sh -c 'flux batch -N 2 -n 2 --flags waitable ./flux-job.batch && flux job wait --all'");
    expect(assigned(script, 'export FLUX_OUTPUT_DIR')).toBe('/tmp/batch-out');
    // commands.post runs after both branches.
    expect(script.indexOf('ls -l /tmp/batch-out')).toBeGreaterThan(script.lastIndexOf('\nfi\n'));
  });
});

describe('launcher.yaml (launcher mode and every command hook)', () => {
  const script = () => scriptOf(objectsOf('launcher'), 'wait-0');

  it('hooks in the operator\'s order: init before strict mode, pre, brokerPre on rank 0, workerPre on the others, post last', () => {
    const s = script();
    const at = (text: string) => s.indexOf(text);
    expect(at('init runs before strict mode')).toBeGreaterThan(0);
    expect(at('init runs before strict mode')).toBeLessThan(s.search(STRICT));
    expect(at('echo "every pod"')).toBeGreaterThan(s.search(STRICT));
    expect(rankZeroPart(s)).toContain('echo "only rank 0"');
    expect(rankZeroPart(s)).not.toContain('echo "only the other ranks"');
    expect(at('echo "only the other ranks"')).toBeGreaterThan(at('\nelse\n'));
    expect(at('echo "after Flux"')).toBeGreaterThan(s.lastIndexOf('\nfi\n'));
  });

  it('the Flux user, cores, hostlist of three, output directory; the command and prefix go to flux start with no submit', () => {
    const s = script();
    expect(assigned(s, 'fluxuser')).toBe('runner');
    expect(s).toContain('--uid 1500 ');
    expect(rEncode(s)).toEqual({ hosts: `${NAME}-[0-2]`, cores: '--cores=0-3' });
    expect(assigned(s, 'export FLUX_OUTPUT_DIR')).toBe('/workspace/logs');
    expect(assigned(s, 'prefix')).toBe('nice -n 5');
    expect(assigned(s, 'command')).toBe('workflow-run --config /workspace/plan.yaml');
    expect(rankZeroPart(s)).not.toContain('submit');
    expect(rankZeroPart(s)).toMatch(/"\$\{brokerOptions\[@\]\}" \\\n\s+\$\{prefix_words\[@\]\+"\$\{prefix_words\[@\]\}"\} \\\n\s+"\$\{command_words\[@\]\}"/);
    // Workers put the prefix before flux start.
    expect(s).toContain('"${as_flux[@]}" ${prefix_words[@]+"${prefix_words[@]}"} flux start');
    expect(containersOf(objectsOf('launcher'))[0]).toMatchObject({ workingDir: '/workspace' });
  });
});

describe('diagnostics.yaml', () => {
  it('every rank runs the three checks as root and then sleeps; no Flux user is made', () => {
    const s = scriptOf(objectsOf('diagnostics'), 'wait-0');
    const checks = [...s.matchAll(/^"\$\{as_flux\[@\]\}" flux start -o --config \/etc\/flux\/config "\$\{brokerOptions\[@\]\}" (.+?)( \|\| true)?$/gm)].map((x) => x[1]);
    expect(checks).toEqual(['flux overlay status', 'flux lsattr -v', 'flux dmesg']);
    expect(s).toContain('sleep infinity');
    expect(s).not.toContain('mainHost=');
    expect(s).not.toContain('/etc/sudoers');
    expect(s).toContain('allowed-users = [ \\"root\\" ]');
    expect(s).not.toContain('sudo -u');
  });
});

describe('interactive.yaml (interactive, archive, option flags)', () => {
  it('rank 0 runs a broker with no initial program; the archive is restored when the file exists', () => {
    const m = objectsOf('interactive');
    const s = scriptOf(m, 'wait-0');
    expect(scriptBrokerOptions(s)).toEqual(expectedBrokerOptions({ interactive: true, connectTimeout: '5s' }));
    expect(s).toContain("if [[ -e /state/flux-archive.sqlite ]]; then");
    expect(s).toContain("brokerOptions+=(-Scontent.restore=/state/flux-archive.sqlite)");
    expect(rankZeroPart(s)).toContain('"${as_flux[@]}" flux broker --config-path /etc/flux/config "${brokerOptions[@]}" || flux_status=$?');
    expect(s).toMatch(/^export FLUX_OPTION_FLAGS="\$\{FLUX_OPTION_FLAGS:\+\$\{FLUX_OPTION_FLAGS\} \}"'?--setattr=user\.session=interactive'?$/m);
    expect(containersOf(m)[0]?.['command']).toEqual(['/bin/bash', '/flux_operator/wait-0.sh', '']);
    expect(containersOf(m)[0]?.['volumeMounts']).toEqual([...BASE_MOUNTS, { name: 'state', mountPath: '/state' }]);
  });
});

describe('bursting.yaml (bursting.clusters, D4)', () => {
  it('the hostlist lists this cluster, then burst-0 of size 3, then eks-burst of spec.size', () => {
    const m = objectsOf('bursting');
    const hosts = `${NAME}-[0-1],burst-0-[0-2],eks-burst-[0-1]`;
    expect(brokerTomlOf(m)).toEqual(expectedBrokerToml({ hosts }));
    expect(rEncode(scriptOf(m, 'wait-0')).hosts).toBe(hosts);
  });
});

describe('custom-config.yaml (flux.curveCert and flux.brokerConfig)', () => {
  it('both are used as written', () => {
    const spec = (parseYaml(fixture('v1alpha1', 'custom-config')) as { spec: { flux: { curveCert: string; brokerConfig: string } } }).spec;
    const m = objectsOf('custom-config');
    expect(dataOf(m, `${NAME}-flux-config`)).toEqual({ hostfile: spec.flux.brokerConfig });
    expect(dataOf(m, `${NAME}-curve-mount`)).toEqual({ 'curve.cert': spec.flux.curveCert });
  });
});

describe('minimal-service.yaml', () => {
  it('the Service selects rank 0 on the broker port and stays headless (README, other v1alpha1 differences)', () => {
    expect(find(objectsOf('minimal-service'), 'Service', 'flux-service')['spec']).toEqual({
      clusterIP: 'None',
      selector: { 'job-name': NAME, 'batch.kubernetes.io/job-completion-index': '0' },
      ports: [{ port: 8050, protocol: 'TCP' }],
    });
  });
});

describe('migration.yaml, generated as v1alpha1', () => {
  const m = () => objectsOf('migration');

  it('makes a PV and claim per volume, the services Pod, the Service, the Job and the metrics Service', () => {
    const list = ids(m());
    expect(list.slice(0, 3)).toEqual([`ConfigMap/${NAME}-entrypoint`, `ConfigMap/${NAME}-flux-config`, `ConfigMap/${NAME}-curve-mount`]);
    expect(list.slice(3, 9).sort()).toEqual([
      'PersistentVolume/bucket', 'PersistentVolume/data', 'PersistentVolume/scratch',
      'PersistentVolumeClaim/bucket-claim', 'PersistentVolumeClaim/data-claim', 'PersistentVolumeClaim/scratch-claim',
    ]);
    expect(list.slice(9).sort()).toEqual([`Job/${NAME}`, `Pod/${NAME}-services`, 'Service/flux-service', 'Service/metrics']);
    for (const x of m()) expect(x.metadata.namespace).toBe('research');
  });

  it('an unset secretNamespace is default on the CSI refs; the unset storage class is hostpath', () => {
    const ref = { name: 'gcs-secret', namespace: 'default' };
    expect((find(m(), 'PersistentVolume', 'bucket')['spec'] as KObject)['csi']).toEqual({
      driver: 'gcs.csi.ofek.dev', volumeHandle: 'csi-gcs', controllerPublishSecretRef: ref, nodeStageSecretRef: ref, nodePublishSecretRef: ref, volumeAttributes: { bucket: 'research-results' },
    });
    expect(find(m(), 'PersistentVolume', 'scratch')['spec']).toMatchObject({ hostPath: { path: '/tmp/scratch' }, storageClassName: 'hostpath', capacity: { storage: '5Gi' } });
  });

  it('the containers: the Flux one on the REST port 5001, the metrics sidecar on its image entrypoint, the uploader through start-2', () => {
    expect(Object.keys(dataOf(m(), `${NAME}-entrypoint`))).toEqual(['wait-0', 'start-2']);
    const [flux, metrics, uploader] = containersOf(m());
    expect(flux).toMatchObject({ name: NAME, workingDir: '/work', ports: [{ containerPort: 5001, protocol: 'TCP' }], securityContext: { privileged: false, capabilities: { add: ['SYS_NICE'] } } });
    expect(flux?.['env']).toEqual([{ name: 'COORDINATOR', value: 'flux-sample-0.flux-service.research.svc.cluster.local' }]);
    expect(metrics).toEqual(container({ name: 'metrics', image: 'prom/node-exporter:v1.6.1', ports: [{ containerPort: 9100, protocol: 'TCP' }] }, [...BASE_MOUNTS, MUNGE_MOUNT]));
    expect(uploader?.['command']).toEqual(['/bin/bash', '/flux_operator/start-2.sh', 'gcloud storage ls gs://research-results']);
    expect(uploader?.['volumeMounts']).toEqual([...BASE_MOUNTS, MUNGE_MOUNT, { name: 'bucket', mountPath: '/bucket' }, { name: 'creds', mountPath: '/creds', readOnly: true }]);
    expect(jobPod(m()).volumes.slice(0, 3)).toEqual(operatorVolumes(['wait-0', 'start-2'], { users: true }));
  });

  it('the wait script: the Flux user, prefix, timing, the quorum of size 3 out of 5, the user alice', () => {
    const s = scriptOf(m(), 'wait-0');
    expect(scriptBrokerOptions(s)).toEqual(expectedBrokerOptions({ connectTimeout: '10s', quorum: '0-2', logLevel: 7 }));
    expect(rEncode(s)).toEqual({ hosts: `${NAME}-[0-4]`, cores: '--cores=0-7' });
    expect(assigned(s, 'fluxuser')).toBe('researcher');
    expect(s).toMatch(STRICT);
    expect(s).toContain('sudo useradd -m -p "$(openssl passwd wonder1)" alice');
    expect(assigned(s, 'submit')).toBe('flux submit -N 3 -n 3 --quiet -o cpu-affinity=per-task --watch');
    // The start script of a sidecar has no ranks: brokerPre, then pre, on every pod.
    const start = scriptOf(m(), 'start-2');
    expect(start.indexOf('echo "uploader started"')).toBeLessThan(start.indexOf('gcloud auth activate-service-account'));
    expect(brokerTomlOf(m())).toEqual({
      ...expectedBrokerToml({ hosts: `${NAME}-[0-4]`, installRoot: '/opt/flux', queuePolicy: 'easy' }),
      bootstrap: { ...(expectedBrokerToml({ hosts: `${NAME}-[0-4]` })['bootstrap'] as KObject), default_connect: 'tcp://%h.flux-service.research.svc.cluster.local:%p' },
    });
  });
});
