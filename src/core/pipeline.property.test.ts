/**
 * Property tests over random MiniCluster specs: analysis never throws, a spec the schema accepts
 * either resolves or gets errors with positions, and what resolves generates objects that render
 * to YAML and parse back to the same objects (and pass the Kubernetes schema).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateManifests } from './v1alpha2/generate.ts';
import { renderYaml } from './render/index.ts';
import { analyzeSpec } from './v1alpha2/analyze.ts';
import { miniClusterSchema } from './v1alpha2/schema.ts';
import { expectResolvedOrError, expectValidRoundTrip } from './testing/manifestChecks.ts';
import { TEST_KEYS } from './testing/testKeys.ts';

const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$/);
// Text users put in commands and values, including what YAML 1.1 or a shell would misread.
const trickyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('yes', 'no', 'on', 'off', 'y', '~', 'null', '0777', '1:20', '8050', '1e3', '', ' lead', 'a: b', '# x', 'echo "$HOME" `id` \\', 'line1\nline2\n', '\ttab', 'emoji 🚀'),
);
const quantity = fc.oneof(fc.constantFrom('500m', '1', '2Gi', '200M', '1.5', '0.5Gi', '1e3'), fc.integer({ min: 0, max: 64 }));
const stringMap = (key: fc.Arbitrary<string>) => fc.dictionary(key, trickyText, { maxKeys: 3 });
const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/);

const volume = fc.oneof(
  fc.record({ path: fc.constantFrom('/data', '/mnt/x y'), hostPath: fc.constant('/host'), readOnly: fc.boolean() }),
  fc.record({ path: fc.constant('/claim'), claimName: dnsLabel }),
  fc.record({ emptyDir: fc.constant(true), emptyDirMedium: fc.constantFrom('memory', 'disk'), emptyDirSizeLimit: fc.constantFrom('64Mi', '1Gi') }, { requiredKeys: ['emptyDir'] }),
  fc.record({ path: fc.constant('/cm'), configMapName: dnsLabel, items: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 2 }) }, { requiredKeys: ['path', 'configMapName'] }),
  fc.record({ path: fc.constant('/secret'), secretName: dnsLabel }),
  fc.record({ path: fc.constant('/csi'), csiDriver: fc.constant('csi.example.com'), csiDriverAttributes: fc.dictionary(dnsLabel, trickyText, { maxKeys: 2 }) }, { requiredKeys: ['path', 'csiDriver'] }),
);

const commands = fc.record(
  { init: trickyText, pre: trickyText, brokerPre: trickyText, workerPre: trickyText, post: trickyText, prefix: fc.constantFrom('', 'time', 'env A=1') },
  { requiredKeys: [] },
);

const container = fc.record(
  {
    name: dnsLabel,
    image: fc.constantFrom('ubuntu:noble', 'rockylinux:9', 'ghcr.io/x/y:1.0'),
    command: trickyText,
    workingDir: fc.constantFrom('/tmp', '/opt/work dir'),
    pullAlways: fc.boolean(),
    imagePullPolicy: fc.constantFrom('Always', 'IfNotPresent', 'Never'),
    imagePullSecret: dnsLabel,
    ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 3 }),
    environment: stringMap(envName),
    secrets: fc.dictionary(envName, fc.record({ name: dnsLabel, key: dnsLabel }), { maxKeys: 2 }),
    launcher: fc.boolean(),
    batchRaw: fc.boolean(),
    logs: fc.constant('/tmp/out'),
    noWrapEntrypoint: fc.boolean(),
    volumes: fc.dictionary(dnsLabel.map((n) => `v-${n}`), volume, { maxKeys: 3 }),
    lifeCycle: fc.record({ postStartExec: trickyText, preStopExec: trickyText }, { requiredKeys: [] }),
    // Limits above every request the quantity arbitrary makes: Kubernetes refuses a request above its limit.
    resources: fc.record({ limits: fc.dictionary(fc.constantFrom('cpu', 'memory'), fc.constantFrom('1Pi', '2Pi')), requests: fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity) }, { requiredKeys: [] }),
    commands,
    securityContext: fc.record({ privileged: fc.boolean(), runAsUser: fc.integer({ min: 0, max: 65535 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['image'] },
);

const spec = fc
  .record(
    {
      size: fc.integer({ min: 1, max: 12 }),
      extraMax: fc.integer({ min: 0, max: 8 }),
      tasks: fc.integer({ min: 0, max: 16 }),
      interactive: fc.boolean(),
      deadlineSeconds: fc.integer({ min: 1, max: 10_000_000 }),
      backoffLimit: fc.integer({ min: 0, max: 10 }),
      jobLabels: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 2 }),
      shareProcessNamespace: fc.boolean(),
      containers: fc.array(container, { minLength: 1, maxLength: 3 }),
      logging: fc.record({ quiet: fc.boolean(), strict: fc.boolean(), debug: fc.boolean(), zeromq: fc.boolean(), timed: fc.boolean() }, { requiredKeys: [] }),
      flux: fc.record(
        {
          connectTimeout: fc.constantFrom('', '5s', '30s'),
          logLevel: fc.integer({ min: 0, max: 7 }),
          minimalService: fc.boolean(),
          disableSocket: fc.boolean(),
          topology: fc.constantFrom('', 'kary:2', 'binomial'),
          optionFlags: trickyText,
          wrap: trickyText,
          submitCommand: fc.constantFrom('flux submit', 'flux run'),
          environment: stringMap(envName),
          scheduler: fc.record({ simple: fc.boolean(), queuePolicy: fc.constantFrom('fcfs', 'easy', 'hybrid') }, { requiredKeys: [] }),
          container: fc.record({ disable: fc.boolean(), name: dnsLabel, mountPath: fc.constantFrom('/mnt/flux', '/opt/flux view'), pythonPath: trickyText }, { requiredKeys: [] }),
          bursting: fc.record({ clusters: fc.array(fc.record({ name: dnsLabel, size: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: [] }), { maxLength: 2 }) }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      network: fc.record({ headlessName: dnsLabel, disableAffinity: fc.boolean() }, { requiredKeys: [] }),
      pod: fc.record(
        {
          labels: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 2 }),
          annotations: stringMap(dnsLabel),
          nodeSelector: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 2 }),
          nodeAffinity: fc.dictionary(dnsLabel, fc.array(dnsLabel, { minLength: 1, maxLength: 2 }), { maxKeys: 2 }),
          tolerations: fc.array(fc.record({ key: dnsLabel, operator: fc.constantFrom('Exists', 'Equal'), effect: fc.constantFrom('NoSchedule') }, { requiredKeys: ['key'] }), { maxLength: 2 }),
          restartPolicy: fc.constantFrom('OnFailure', 'Never'),
          serviceAccountName: dnsLabel,
          resources: fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity),
          securityContext: fc.record({ fsGroup: fc.integer({ min: 0, max: 65535 }), runAsUser: fc.integer({ min: 0, max: 1000 }) }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['size', 'extraMax', 'containers'] },
  )
  .map(({ extraMax, ...rest }) => {
    const specBody: Record<string, unknown> = { ...rest };
    if (extraMax > 0) specBody['maxSize'] = (rest.size ?? 1) + extraMax;
    // One runner; others get distinct names so most specs resolve.
    // One mount path per volume, and one memory emptyDir (mounted at /dev/shm) per container: Kubernetes refuses a repeated mount path.
    const ownPaths = (volumes: Record<string, Record<string, unknown>>) => {
      let shm = false;
      return Object.fromEntries(Object.entries(volumes).map(([name, v]) => {
        const memory = v['emptyDirMedium'] === 'memory';
        const own = { ...v, ...(typeof v['path'] === 'string' ? { path: `${v['path']}/${name}` } : {}), ...(memory && shm ? { emptyDirMedium: 'disk' } : {}) };
        shm ||= memory;
        return [name, own];
      }));
    };
    const containers = rest.containers.map((c, i) => ({ ...c, volumes: ownPaths(c.volumes ?? {}), name: `${c.name ?? 'c'}-${i}`, runFlux: i === 0 }));
    specBody['containers'] = containers;
    return { apiVersion: 'flux-framework.org/v1alpha2', kind: 'MiniCluster', metadata: { name: 'mc-prop' }, spec: specBody };
  });

describe('any spec the schema accepts', () => {
  it('analyzes without throwing, and what resolves renders and parses back to the same objects', () => {
    let resolved = 0;
    fc.assert(
      fc.property(spec, (input) => {
        expect(miniClusterSchema.safeParse(input).success).toBe(true);
        // Written as a user would for Kubernetes: strings YAML 1.1 would misread are quoted.
        const cluster = expectResolvedOrError(analyzeSpec(renderYaml([input])));
        if (!cluster) return;
        resolved += 1;
        const manifests = generateManifests(cluster, { keys: TEST_KEYS });
        expectValidRoundTrip(manifests, { yaml11: true });
      }),
      { numRuns: 150 },
    );
    // Most random specs should be valid, or the property says little.
    expect(resolved).toBeGreaterThan(50);
  });
});
