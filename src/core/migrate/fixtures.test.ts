/**
 * Every one of the project's own v1alpha1 fixtures migrates to a v1alpha2 spec that the
 * generator accepts without errors or warnings, keeps the comments of the fields that survive
 * and the values that mean the same in both versions, and generates objects Kubernetes accepts.
 * migration.yaml, written to touch every rule, has its notes checked one by one.
 */
import { describe, expect, it } from 'vitest';
import { generateManifests } from '../v1alpha2/generate.ts';
import { parseSpecText } from '../parse/index.ts';
import { clusterSummary, generateAny, analyzeAnySpec } from '../pipeline.ts';
import { analyzeSpec } from '../v1alpha2/analyze.ts';
import { fixture, fixtures } from '../testing/fixtures.ts';
import { expectValidRoundTrip } from '../testing/manifestChecks.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { migrateV1alpha1, type MigrationNote } from './index.ts';

type Plain = Record<string, unknown>;
const rec = (v: unknown): Plain => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Plain) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const pick = (o: Plain, keys: string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
const without = (o: unknown, drop: string[]) => Object.fromEntries(Object.entries(rec(o)).filter(([k]) => !drop.includes(k)));

/** Fields whose meaning is the same in both versions, so migration must leave their values alone. */
const SPEC_SAME = ['size', 'maxSize', 'tasks', 'interactive', 'deadlineSeconds', 'cleanup', 'jobLabels', 'archive', 'shareProcessNamespace', 'pod'];
const CONTAINER_SAME = ['name', 'image', 'command', 'workingDir', 'environment', 'secrets', 'ports', 'launcher', 'batch', 'batchRaw', 'logs', 'pullAlways', 'runFlux', 'resources', 'lifeCycle', 'imagePullSecret'];

/**
 * Comments written right above a field that v1alpha2 does not have go with that field; all the
 * others must survive. These are the ones that go, per fixture.
 */
const DROPPED_COMMENTS: Record<string, string[]> = {
  'existing-secret.yaml': [
    '# A Secret made beforehand whose key curve.cert holds the certificate,',
    '# e.g. kubectl create secret generic flux-curve-cert --from-file=curve.cert',
  ],
  'migration.yaml': ['# The built-in REST server, off because the runner has a command.', '# This image keeps Flux under /opt/flux.'],
  'rest-server.yaml': ['# No command and not interactive: rank 0 serves the Flux RESTful API.', "# Made in every pod, and added to the REST API's database."],
  'volumes-options.yaml': [
    '# A node directory with every setting written out. The path is',
    "# cleaned the way Go's path.Clean does it.",
    '# A bucket through a CSI driver; the driver reads its credentials',
    '# from the Secret named here.',
  ],
};

const all = fixtures('v1alpha1');

function migrated(text: string) {
  const result = migrateV1alpha1(text);
  expect(result.diagnostics).toEqual([]);
  if (result.text === undefined) throw new Error('not migrated');
  const analysis = analyzeSpec(result.text);
  return { ...result, text: result.text, analysis };
}

describe('every v1alpha1 fixture, migrated', () => {
  it('covers them all', () => {
    expect(all.map((f) => f.name)).toEqual(expect.arrayContaining(['hello-world.yaml', 'volumes.yaml', 'tree.yaml', 'existing-secret.yaml', 'shared-process-space.yaml', 'migration.yaml']));
    for (const name of Object.keys(DROPPED_COMMENTS)) expect(all.map((f) => f.name)).toContain(name);
  });

  for (const { name, text } of all) {
    describe(name, () => {
      it('becomes a v1alpha2 spec with no error or warning, whose objects pass the Kubernetes schema and read back the same', () => {
        const { text: out, analysis } = migrated(text);
        expect(out).toMatch(/^apiVersion: flux-framework\.org\/v1alpha2\n/);
        expect(analysis.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
        if (!analysis.cluster) throw new Error('no cluster');
        const manifests = generateManifests(analysis.cluster, { keys: TEST_KEYS });
        expect(manifests.map((m) => m.kind)).toContain('Job');
        expectValidRoundTrip(manifests, { yaml11: true });
      });

      it('keeps every comment except those of removed fields', () => {
        const { text: out } = migrated(text);
        const comments = text.match(/#.*$/gm) ?? [];
        const dropped = DROPPED_COMMENTS[name] ?? [];
        expect(comments.length).toBeGreaterThan(dropped.length);
        expect(comments.filter((c) => !out.includes(c))).toEqual(dropped);
      });

      it('keeps the values that mean the same in both versions', () => {
        const { text: out } = migrated(text);
        const before = rec(parseSpecText(text).value);
        const after = rec(parseSpecText(out).value);
        expect(after['metadata']).toEqual(before['metadata']);
        const [specBefore, specAfter] = [rec(before['spec']), rec(after['spec'])];
        expect(pick(specAfter, SPEC_SAME)).toEqual(pick(specBefore, SPEC_SAME));
        expect(without(specAfter['flux'], ['noWaitSocket'])).toEqual(without(specBefore['flux'], ['installRoot', 'curveCertSecret', 'mungeSecret']));
        expect(without(specAfter['logging'], ['strict'])).toEqual(without(specBefore['logging'], ['strict']));
        // v1alpha1's CRD turned strict mode on whenever logging was written.
        if (specBefore['logging'] !== undefined) expect(rec(specAfter['logging'])['strict']).toBe(rec(specBefore['logging'])['strict'] ?? true);
        for (const key of ['volumes', 'users', 'fluxRestful']) expect(specAfter).not.toHaveProperty(key);
        for (const listName of ['containers', 'services']) {
          expect(list(specAfter[listName]).map((c) => pick(rec(c), CONTAINER_SAME))).toEqual(list(specBefore[listName]).map((c) => pick(rec(c), CONTAINER_SAME)));
        }
      });

      it('places each note at the field it is about, with a message that says what to do', () => {
        const { notes } = migrated(text);
        const lines = text.split('\n');
        expect(notes.length).toBeGreaterThanOrEqual(1);
        for (const note of notes) {
          expect(note.message.length).toBeGreaterThan(40);
          const key = note.path.split('.').at(-1) ?? '';
          if (note.path === '' || key.includes('[')) continue;
          expect(lines[note.line - 1]?.slice(note.column - 1), `${note.path} at ${note.line}:${note.column}`).toMatch(new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`));
        }
      });
    });
  }
});

describe('tree.yaml, the spec of the browser test', () => {
  it('upgrades to one ConfigMap, the Service and the Job, four pods, with a note on spec.volumes', () => {
    const { text, notes, analysis } = migrated(fixture('v1alpha1', 'tree'));
    expect(notes.map((n) => n.path)).toContain('spec.volumes.data');
    expect(analysis.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const resolved = analyzeAnySpec(text).resolved;
    if (!resolved) throw new Error('not resolved');
    expect(generateAny(resolved, { keys: TEST_KEYS }).map((m) => m.kind)).toEqual(['ConfigMap', 'Service', 'Job']);
    expect(clusterSummary(resolved)).toEqual({ name: 'flux-sample', namespace: 'flux-operator', pods: 4 });
    expect(rec(list(rec(rec(parseSpecText(text).value)['spec'])['containers'])[0])['volumes']).toEqual({ data: { path: '/data', hostPath: '/var/tmp/tree-results' } });
  });
});

describe('migration.yaml', () => {
  const text = fixture('v1alpha1', 'migration');
  const lines = text.split('\n');

  /** The position of the key on the first line that starts with `start`, looking from the line that starts with `after`. */
  function keyAt(start: string, after?: string): { line: number; column: number } {
    const from = after === undefined ? 0 : lines.findIndex((l) => l.startsWith(after));
    const index = lines.findIndex((l, i) => i >= from && l.startsWith(start));
    expect(index, start).toBeGreaterThanOrEqual(0);
    const line = lines[index] ?? '';
    return { line: index + 1, column: line.length - line.replace(/^\s*(- )?/, '').length + 1 };
  }

  const note = (notes: MigrationNote[], path: string): MigrationNote => {
    const found = notes.filter((n) => n.path === path);
    expect(found, path).toHaveLength(1);
    return found[0] as MigrationNote;
  };

  /** [path, kind, where: the first line starting with this (after `after`), what the message says]. */
  const EXPECTED: Array<[string, MigrationNote['kind'], string, RegExp[], string?]> = [
    ['spec.fluxRestful', 'dropped', '  fluxRestful:', [/no built-in Flux RESTful API server/]],
    ['spec.users', 'dropped', '  users:', [/creates no Linux or REST API users \(here: alice\)/]],
    ['spec.flux.installRoot', 'dropped', '    installRoot:', [/view image/, /flux\.container\.disable: true/]],
    ['spec.flux.mungeSecret', 'dropped', '    mungeSecret:', [/Flux runs without munge/]],
    ['spec.logging', 'changed', '  logging:', [/strict: true was added/]],
    ['spec.volumes.data', 'moved', '    data:', [
      /^spec\.volumes\.data \(a hostpath PersistentVolume of \/mnt\/research-data\) became hostPath: \/mnt\/research-data in spec\.containers\[0\]\.volumes\.data\./,
      /Not carried over: labels \(speed=fast\); capacity 50Gi\./,
    ], '  volumes:'],
    ['spec.volumes.bucket', 'dropped', '    bucket:', [
      /storage class csi-gcs/,
      /a PersistentVolume "bucket" \(storageClassName csi-gcs, capacity 100Gi, ReadWriteMany, csi: driver gcs\.csi\.ofek\.dev, volumeHandle csi-gcs, secret gcs-secret in namespace default for the node-publish, controller-publish and node-stage secret refs, volumeAttributes bucket=research-results\)/,
      /a PersistentVolumeClaim "bucket-claim" in namespace research \(storageClassName csi-gcs, ReadWriteMany, requests\.storage 100Gi\)/,
      /spec\.containers\[2\]\.volumes\.bucket now mounts that claim with claimName: bucket-claim/,
    ], '  volumes:'],
    ['spec.volumes.scratch', 'dropped', '    scratch:', [/no container mounts it/, /"scratch-claim"/]],
    ['spec.containers[0].image', 'changed', '    - image: ghcr.io/example/simulation', [/init container that copies it from a view image/]],
    ['spec.containers[0].cores', 'dropped', '      cores: 8', [/--cores=0-7/, /8 cores, set resources\.limits\.cpu and resources\.requests\.cpu/]],
    ['spec.containers[0].diagnostics', 'dropped', '      diagnostics:', [/diagnostics is gone/]],
    ['spec.containers[0].fluxUser', 'dropped', '      fluxUser:', [/fluxUser \(name researcher, uid 2001\)/, /securityContext\.runAsUser: 2001/]],
    ['spec.containers[0].fluxOptionFlags', 'dropped', '      fluxOptionFlags:', [/already ignored/, /spec\.flux\.optionFlags/]],
    ['spec.containers[0].environment.COORDINATOR', 'changed', '        COORDINATOR:', [/network\.headlessName: flux-service was added/]],
    ['spec.containers[0].commands.runFluxAsRoot', 'dropped', '        runFluxAsRoot:', [/securityContext\.runAsUser/]],
    ['spec.containers[0].commands.prefix', 'changed', '        prefix:', [/only before the program the lead broker runs/]],
    ['spec.containers[0].securityContext.addCapabilities', 'renamed', '        addCapabilities:', [/securityContext\.capabilities\.add/]],
    ['spec.containers[0].existingVolumes', 'moved', '      existingVolumes:', [/^The existingVolumes entries were moved into volumes, where v1alpha2 declares every volume of a container\.$/]],
    ['spec.containers[1]', 'changed', '    - name: metrics', [/ran its image's own entrypoint/, /noWrapEntrypoint: true was added/]],
    ['spec.containers[2]', 'changed', '    - name: uploader', [/flux\.noWaitSocket: true was added/]],
    ['spec.containers[2].commands.brokerPre', 'moved', '        brokerPre:', [/ignore brokerPre, pre; they were joined, in the order v1alpha1 ran them, to commands\.servicePre/]],
    ['spec.containers[2].existingVolumes', 'moved', '      existingVolumes:', [/moved into volumes/], '    - name: uploader'],
    ['spec.services[0].cores', 'dropped', '      cores: 2', [/--cores=0-1/]],
  ];

  it('has one note per renamed, moved, dropped or changed field, in input order, each at its field', () => {
    const { notes } = migrated(text);
    expect(notes.map((n) => [n.path, n.kind])).toEqual(EXPECTED.map(([path, kind]) => [path, kind]));
    for (const [path, , start, messages, after] of EXPECTED) {
      const n = note(notes, path);
      expect({ line: n.line, column: n.column }, path).toEqual(keyAt(start, after));
      for (const message of messages) expect(n.message, path).toMatch(message);
    }
  });

  it('gives the v1alpha2 spec field by field', () => {
    const { text: out } = migrated(text);
    const spec = rec(rec(parseSpecText(out).value)['spec']);
    expect(Object.keys(spec)).toEqual(['size', 'maxSize', 'tasks', 'deadlineSeconds', 'jobLabels', 'pod', 'flux', 'logging', 'network', 'containers', 'services']);
    expect(spec['flux']).toEqual({ logLevel: 7, connectTimeout: '10s', optionFlags: '-o cpu-affinity=per-task', scheduler: { queuePolicy: 'easy' }, noWaitSocket: true });
    expect(spec['logging']).toEqual({ timed: true, strict: true });
    expect(spec['network']).toEqual({ headlessName: 'flux-service' });
    expect(list(spec['containers'])).toEqual([
      {
        image: 'ghcr.io/example/simulation:2023.09',
        runFlux: true,
        workingDir: '/work',
        command: 'simulate --steps 1000 --out /results',
        environment: { COORDINATOR: 'flux-sample-0.flux-service.research.svc.cluster.local' },
        commands: { prefix: '/usr/bin/env OMP_NUM_THREADS=4', pre: 'mkdir -p /work/output' },
        securityContext: { capabilities: { add: ['SYS_NICE'] } },
        volumes: {
          data: { path: '/data', hostPath: '/mnt/research-data', readOnly: true },
          results: { path: '/results', claimName: 'results-claim' },
        },
      },
      { name: 'metrics', image: 'prom/node-exporter:v1.6.1', noWrapEntrypoint: true, ports: [9100] },
      {
        name: 'uploader',
        image: 'google/cloud-sdk:slim',
        command: 'gcloud storage ls gs://research-results',
        commands: { servicePre: 'echo "uploader started"\ngcloud auth activate-service-account --key-file=/creds/key.json\n' },
        volumes: {
          bucket: { path: '/bucket', claimName: 'bucket-claim' },
          creds: { path: '/creds', secretName: 'uploader-key', readOnly: true },
        },
      },
    ]);
    expect(spec['services']).toEqual([{ name: 'cache', image: 'redis:7', ports: [6379] }]);
  });

  it('keeps the comments of surviving fields where they were', () => {
    const { text: out } = migrated(text);
    expect(out).toContain('metadata:\n  name: flux-sample\n  namespace: research # the team\'s namespace\n');
    expect(out).toContain('spec:\n  # Three brokers now, room for five.\n  size: 3\n');
    expect(out).toContain('  deadlineSeconds: 7200 # two hours at most\n');
    expect(out).toContain('  logging:\n    # Wall times of flux start and of the job.\n    timed: true\n    strict: true\n');
    expect(out).toContain('  containers:\n    # Rank 0 of this container submits the simulation.\n    - image: ghcr.io/example/simulation:2023.09 # application and Flux\n');
    expect(out).toContain("      environment:\n        # The lead broker's address, which tools outside Flux use.\n        COORDINATOR: ");
    expect(out).toContain('        # Runs on every pod before Flux starts.\n        pre: mkdir -p /work/output\n');
    expect(out).toContain('    # Exposes node metrics with the image\'s own entrypoint.\n    - name: metrics\n');
    expect(out).toContain('  # A cache in its own pod, reachable from every broker.\n  services:\n');
  });

  it('generates the services Pod, the Service named as before, the Job and the metrics Service', () => {
    const { analysis } = migrated(text);
    if (!analysis.cluster) throw new Error('no cluster');
    const manifests = generateManifests(analysis.cluster, { keys: TEST_KEYS });
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'ConfigMap/flux-sample-entrypoint',
      'Pod/flux-sample-services',
      'Service/flux-service',
      'Job/flux-sample',
      'Service/metrics',
    ]);
    for (const m of manifests) expect(m.metadata.namespace).toBe('research');
  });
});
