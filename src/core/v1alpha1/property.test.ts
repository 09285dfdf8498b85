/**
 * Property tests over random v1alpha1 specs: analysis never throws; what the schema accepts
 * either resolves or gets positioned errors; what resolves generates objects that pass the
 * Kubernetes schema, render to YAML and parse back the same, with scripts bash can parse.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderYaml } from '../render/index.ts';
import { expectResolvedOrError, expectValidRoundTrip } from '../testing/manifestChecks.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { analyzeSpec } from './analyze.ts';
import { generateManifests } from './generate.ts';
import { miniClusterSchema } from './schema.ts';

const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,8}[a-z0-9])?$/);
const trickyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('yes', 'no', '~', '0777', '1:20', '', ' lead', 'a: b', '# x', 'echo "$HOME" `id` \\', "it's", 'line1\nline2\n', '\ttab', 'emoji 🚀'),
);
const quantity = fc.oneof(fc.constantFrom('500m', '1', '2Gi', '200M', '1.5', '0.5Gi'), fc.integer({ min: 0, max: 64 }));
const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/);

const existingVolume = fc.oneof(
  fc.record({ path: fc.constantFrom('/claim', '/x y'), claimName: dnsLabel, readOnly: fc.boolean() }),
  fc.record({ path: fc.constant('/cm'), configMapName: dnsLabel, items: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 2 }) }),
  fc.record({ path: fc.constant('/secret'), secretName: dnsLabel }),
);

const container = fc.record(
  {
    name: dnsLabel,
    image: fc.constantFrom('ghcr.io/rse-ops/lammps:app-latest', 'ubuntu:noble'),
    command: trickyText,
    workingDir: fc.constantFrom('/tmp', '/opt/work dir'),
    cores: fc.integer({ min: 0, max: 8 }),
    diagnostics: fc.boolean(),
    fluxUser: fc.record({ name: fc.constantFrom('flux', 'fluxuser'), uid: fc.integer({ min: 1000, max: 2000 }) }, { requiredKeys: [] }),
    pullAlways: fc.boolean(),
    imagePullSecret: dnsLabel,
    ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 2 }),
    environment: fc.dictionary(envName, trickyText, { maxKeys: 3 }),
    secrets: fc.dictionary(envName, fc.record({ name: dnsLabel, key: dnsLabel }), { maxKeys: 2 }),
    launcher: fc.boolean(),
    batchRaw: fc.boolean(),
    logs: fc.constantFrom('/tmp/out', '/tmp/o u t'),
    existingVolumes: fc.dictionary(dnsLabel.map((n) => `e-${n}`), existingVolume, { maxKeys: 2 }),
    lifeCycle: fc.record({ postStartExec: trickyText, preStopExec: trickyText }, { requiredKeys: [] }),
    // A request above its limit is refused (a rule of its own); where both are set they are equal here.
    resources: fc
      .record({ limits: fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity), requests: fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity) }, { requiredKeys: [] })
      .map((r) => (r.requests ? { ...r, requests: Object.fromEntries(Object.entries(r.requests).map(([k, v]) => [k, r.limits?.[k] ?? v])) } : r)),
    commands: fc.record(
      { init: trickyText, pre: trickyText, brokerPre: trickyText, workerPre: trickyText, post: trickyText, prefix: fc.constantFrom('', 'time', 'env A=1'), runFluxAsRoot: fc.boolean() },
      { requiredKeys: [] },
    ),
    securityContext: fc.record({ privileged: fc.boolean(), addCapabilities: fc.constantFrom([], ['SYS_PTRACE']) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['image'] },
);

const spec = fc
  .record(
    {
      size: fc.integer({ min: 1, max: 8 }),
      extraMax: fc.integer({ min: 0, max: 4 }),
      tasks: fc.integer({ min: 1, max: 8 }),
      interactive: fc.boolean(),
      deadlineSeconds: fc.integer({ min: 1, max: 10_000_000 }),
      jobLabels: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 2 }),
      shareProcessNamespace: fc.boolean(),
      containers: fc.array(container, { minLength: 1, maxLength: 3 }),
      users: fc.array(fc.record({ name: dnsLabel, password: fc.stringMatching(/^[a-z0-9'$ ]{0,8}$/) }, { requiredKeys: ['name'] }), { maxLength: 2 }),
      volumes: fc.dictionary(dnsLabel.map((n) => `v-${n}`), fc.record({ path: fc.constantFrom('/tmp/a', '/tmp/b/'), capacity: fc.constantFrom('1Gi', '512Mi', '10G'), labels: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 1 }) }, { requiredKeys: ['path'] }), { maxKeys: 2 }),
      logging: fc.record({ quiet: fc.boolean(), strict: fc.boolean(), debug: fc.boolean(), zeromq: fc.boolean(), timed: fc.boolean() }, { requiredKeys: [] }),
      fluxRestful: fc.record({ branch: fc.constantFrom('main', 'dev'), port: fc.integer({ min: 1024, max: 9000 }), token: trickyText, username: trickyText }, { requiredKeys: [] }),
      archive: fc.record({ path: trickyText }, { requiredKeys: [] }),
      flux: fc.record(
        {
          connectTimeout: fc.constantFrom('', '5s'),
          logLevel: fc.integer({ min: 0, max: 7 }),
          minimalService: fc.boolean(),
          optionFlags: trickyText,
          wrap: trickyText,
          submitCommand: fc.constantFrom('flux submit', 'flux run'),
          mungeSecret: dnsLabel,
          curveCertSecret: dnsLabel,
          scheduler: fc.record({ queuePolicy: fc.constantFrom('fcfs', 'easy') }, { requiredKeys: [] }),
          bursting: fc.record({ clusters: fc.array(fc.record({ name: dnsLabel, size: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: [] }), { maxLength: 2 }) }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      pod: fc.record(
        {
          labels: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 2 }),
          annotations: fc.dictionary(dnsLabel, trickyText, { maxKeys: 2 }),
          nodeSelector: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 2 }),
          serviceAccountName: dnsLabel,
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['size', 'extraMax', 'containers'] },
  )
  .map(({ extraMax, ...rest }) => {
    const body: Record<string, unknown> = { ...rest };
    if (extraMax > 0) body['maxSize'] = (rest.size ?? 1) + extraMax;
    const volumeNames = Object.keys(rest.volumes ?? {});
    // One Flux container; the others get distinct names and a command so most specs resolve.
    body['containers'] = rest.containers.map((c, i) => ({
      ...c,
      name: `${c.name ?? 'c'}-${i}`,
      runFlux: i === 0,
      command: i === 0 ? c.command : `echo ${i}`,
      volumes: Object.fromEntries(volumeNames.filter((_, k) => k % (i + 1) === 0).map((v) => [v, { path: `/mnt/${v}` }])),
    }));
    return { apiVersion: 'flux-framework.org/v1alpha1', kind: 'MiniCluster', metadata: { name: 'mc-prop', namespace: 'ns' }, spec: body };
  });

describe('any v1alpha1 spec the schema accepts', () => {
  it('analyzes without throwing, and what resolves generates valid objects and scripts', () => {
    let resolved = 0;
    fc.assert(
      fc.property(spec, (input) => {
        expect(miniClusterSchema.safeParse(input).success).toBe(true);
        const cluster = expectResolvedOrError(analyzeSpec(renderYaml([input])));
        if (!cluster) return;
        resolved += 1;
        const manifests = generateManifests(cluster, { keys: TEST_KEYS });
        expectValidRoundTrip(manifests);
        const entrypoint = manifests.find((m) => m.metadata.name === 'mc-prop-entrypoint');
        for (const script of Object.values((entrypoint?.['data'] ?? {}) as Record<string, string>)) {
          const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
          expect(r.stderr).toBe('');
        }
      }),
      { numRuns: 50 },
    );
    // Most random specs should be valid, or the property says little.
    expect(resolved).toBeGreaterThan(25);
  }, 120_000);
});
