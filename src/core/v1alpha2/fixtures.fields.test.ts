/**
 * Field-by-field checks of our own v1alpha2 fixtures (`src/core/testing/fixtures/v1alpha2/`),
 * which together exercise every generator path without the upstream corpus. Every expected
 * value below was worked out by hand from the operator's behaviour (docs/design.md summarises the
 * rules) for the fixture's spec; where this tool deliberately differs from the operator (README,
 * "Differences from the operator"), the comment next to the assertion says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { analyzeSpec } from './analyze.ts';
import type { ResolvedMiniCluster } from './defaults.ts';
import { fixture, fixtures } from '../testing/fixtures.ts';
import { expectValidRoundTrip } from '../testing/manifestChecks.ts';
import { shellFindings, writeScripts } from '../testing/shellScripts.ts';
import { TEST_KEYS, testCertificate, expectedTestCertificate } from '../testing/testKeys.ts';
import { brokerToml } from './brokerToml.ts';
import { hostlist } from '../common/hostlist.ts';
import { requiredRanks } from './scriptInputs.ts';
import { generateManifests } from './generate.ts';
import type { KObject, Manifest } from '../common/kobject.ts';
import { brokerOptions, submitFlags } from './scriptInputs.ts';

const NAMES = fixtures('v1alpha2').map((f) => f.name.replace(/\.yaml$/, ''));

function resolve(name: string): ResolvedMiniCluster {
  const analysis = analyzeSpec(fixture('v1alpha2', name));
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!analysis.cluster) throw new Error(`${name} did not resolve`);
  return analysis.cluster;
}

const generate = (name: string, include?: string): Manifest[] =>
  generateManifests(resolve(name), include ? { include, keys: TEST_KEYS } : { keys: TEST_KEYS });
const ids = (objects: Manifest[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`);
function only(objects: Manifest[], kind: string): Manifest {
  const found = objects.filter((o) => o.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Manifest;
}
const podSpec = (job: Manifest) => ((job['spec'] as KObject)['template'] as { spec: KObject }).spec;
const containersOf = (job: Manifest) => podSpec(job)['containers'] as KObject[];
const dataOf = (objects: Manifest[]) => only(objects, 'ConfigMap')['data'] as Record<string, string>;
const scriptOf = (name: string, key: string): string => {
  const script = dataOf(generate(name, 'c'))[key];
  if (script === undefined) throw new Error(`${name} has no ${key}`);
  return script;
};

// ---- Expected pieces of the Job's pod shared by many fixtures. ----

const VIEW_IMAGE = 'ghcr.io/converged-computing/flux-view-ubuntu:tag-noble';

const operatorMounts = (name: string, view = 'flux-view', mount = '/mnt/flux') => [
  { name: 'flux-operator-home', mountPath: '/home/flux-operator' },
  { name: view, mountPath: mount },
  { name: `${name}-entrypoint`, mountPath: '/flux_operator/', readOnly: true },
];
const appMounts = (name: string, view = 'flux-view', mount = '/mnt/flux') => [
  ...operatorMounts(name, view, mount),
  { name: 'spack-software', mountPath: '/opt/software' },
];
/** Pod volumes 1-4; `scripts` are the wait-i/start-i keys in container order. */
const operatorVolumes = (name: string, scripts: string[], view = 'flux-view') => [
  { name: 'spack-software', emptyDir: {} },
  { name: 'flux-operator-home', emptyDir: {} },
  { name: view, emptyDir: {} },
  {
    name: `${name}-entrypoint`,
    configMap: {
      name: `${name}-entrypoint`,
      items: [
        ...scripts.map((key) => ({ key, path: `${key}.sh`, mode: 511 })),
        { key: view, path: 'flux-init.sh', mode: 511 },
        { key: 'curve.cert', path: 'curve.cert' },
      ],
    },
  },
];
const viewInit = (name: string) => ({
  name: 'flux-view',
  image: VIEW_IMAGE,
  command: ['/bin/bash', '/flux_operator/flux-init.sh'],
  imagePullPolicy: 'IfNotPresent',
  resources: {},
  securityContext: {},
  stdin: true,
  tty: true,
  volumeMounts: operatorMounts(name),
});
const spreadTerm = (name: string, topologyKey: string) => [
  {
    weight: 100,
    podAffinityTerm: {
      labelSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: [name] }] },
      topologyKey,
    },
  },
];
const spread = (name: string) => ({
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: spreadTerm(name, 'topology.kubernetes.io/zone') },
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: spreadTerm(name, 'kubernetes.io/hostname') },
});
const podLabels = (name: string, namespace: string) => ({
  namespace,
  app: 'flux-operator',
  'app.kubernetes.io/name': name,
  'hpa-selector': name,
});
const wrapper = (key: string) => ['/bin/bash', `/flux_operator/${key}.sh`];
/** The fields every application container carries, for a container without extras. */
const appContainer = (name: string, image: string, extra: KObject, mounts: KObject[]) => ({
  name,
  image,
  imagePullPolicy: 'IfNotPresent',
  resources: {},
  securityContext: {},
  lifecycle: {},
  stdin: true,
  tty: true,
  volumeMounts: mounts,
  ...extra,
});

// The broker options the runner passes to flux start, with the default mount path.
const CRON = '-Scron.directory=/mnt/flux/config/etc/flux/system/cron.d';
const FANOUT = '-Stbon.fanout=256';
const RUNDIR = '-Srundir=/mnt/flux/config/run/flux';
const RC2_NONE = '-Sbroker.rc2_none';
const STATEDIR = '-Sstatedir=/mnt/flux/config/var/lib/flux';
const SOCKET = '-Slocal-uri=local:///mnt/flux/config/run/flux/local';
const TIMEOUT_5S = '-Stbon.connect_timeout=5s';
const LEVEL_0 = '-Slog-stderr-level=0';
const LEVEL_6 = '-Slog-stderr-level=6';
const MODE = '-Slog-stderr-mode=local';
const QUIET_NO_FLUX = [CRON, FANOUT, RUNDIR, STATEDIR, SOCKET, LEVEL_0, MODE];
const QUIET_WITH_FLUX = [CRON, FANOUT, RUNDIR, STATEDIR, SOCKET, TIMEOUT_5S, LEVEL_0, MODE];
const LOUD_NO_FLUX = [CRON, FANOUT, RUNDIR, STATEDIR, SOCKET, LEVEL_6, MODE];
const LOUD_WITH_FLUX = [CRON, FANOUT, RUNDIR, STATEDIR, SOCKET, TIMEOUT_5S, LEVEL_6, MODE];

/** The generated broker.toml as data. */
const expectedToml = (o: { mount?: string; service: string; namespace: string; hosts: KObject[]; policy?: string }) => {
  const mount = o.mount ?? '/mnt/flux';
  return {
    access: { 'allow-guest-user': true, 'allow-root-owner': true },
    resource: { path: `${mount}/config/etc/flux/system/R` },
    bootstrap: {
      curve_cert: `${mount}/config/curve/curve.cert`,
      default_port: 8050,
      default_bind: 'tcp://eth0:%p',
      default_connect: `tcp://%h.${o.service}.${o.namespace}.svc.cluster.local:%p`,
      hosts: o.hosts,
    },
    archive: { dbpath: `${mount}/config/var/lib/flux/job-archive.sqlite`, period: '1m', busytimeout: '50s' },
    'sched-fluxion-qmanager': { 'queue-policy': o.policy ?? 'fcfs' },
  };
};

/** The body of the first quoted here-document fed to `commandLine` in `script`. */
function hereDocBody(script: string, commandLine: string): string {
  const start = script.indexOf(`${commandLine} <<'`);
  expect(start, commandLine).toBeGreaterThanOrEqual(0);
  const header = script.slice(start).split('\n', 1)[0] as string;
  const delimiter = /<<'([A-Z_0-9]+)'/.exec(header)?.[1] as string;
  const bodyStart = start + header.length + 1;
  return script.slice(bodyStart, script.indexOf(`\n${delimiter}\n`, bodyStart));
}

function bash(program: string, env: Record<string, string> = {}): string {
  // No rc files (bash reads ~/.bashrc when stdin looks like a network socket) and no stdin.
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

// ---------------------------------------------------------------------------------------------

describe('every v1alpha2 fixture', () => {
  it('has the fixtures other tests rely on', () => {
    for (const name of ['hello-world', 'sidecar-ports', 'services-pod', 'minimal-service', 'bursting', 'volumes', 'logging-broker', 'batch', 'env-special', 'user-certificate']) {
      expect(NAMES).toContain(name);
    }
  });

  it.each(NAMES)('%s: analyzes without errors or warnings', (name) => {
    const analysis = analyzeSpec(fixture('v1alpha2', name));
    expect(analysis.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(analysis.apiVersion).toBe('flux-framework.org/v1alpha2');
    expect(analysis.cluster).toBeDefined();
  });

  it.each(NAMES)('%s: every object is valid Kubernetes and survives rendering (YAML 1.2 and 1.1)', (name) => {
    expectValidRoundTrip(generate(name), { yaml11: true });
  });

  it('every generated script passes bash -n and shellcheck', () => {
    const scripts = NAMES.flatMap((name) =>
      Object.entries(dataOf(generate(name, 'c')))
        .filter(([key]) => key !== 'curve.cert')
        .map(([key, text]) => ({ name: `${name}-${key}`, text })),
    );
    // An init script and a runner per fixture, plus the wrapped sidecars.
    expect(scripts.length).toBeGreaterThanOrEqual(2 * NAMES.length);
    for (const { name, text } of scripts) expect(text.startsWith('#!/bin/bash\n'), name).toBe(true);
    expect(shellFindings(writeScripts('mcs-v1alpha2-fixtures-', scripts))).toBe('');
  });

  // Hostlist, quorum and submit flags, by hand for each spec (docs/design.md, "Hostlist, ranks and quorum").
  it.each([
    ['batch-jobs', 'nightly-jobs-[0-2]', '', '-N 3 -n3'],
    ['batch', 'nightly-[0-1]', '', '-N 2'],
    ['broker-config', 'flux-sample-[0-1],edge-[01-03]', '', '-n1'],
    ['bursting', '10.20.30.40,onprem-[1-3],child-[0-2],burst-1-[0-2]', '', '-n1'],
    ['elastic', 'elastic-[0-4],cloud-a-[0-2]', '2', '-n1'],
    ['env-special', 'quoting-[0-1]', '', '-n1'],
    ['hello-world', 'flux-sample-[0-3]', '', '-n1'],
    ['logging-broker', 'tuned-[0-5]', '3', '-N 4 -n8 --exclusive -vvv'],
    ['minimal-service', 'lead-only-[0-2]', '', '-N 3 -n3'],
    ['pod-settings', 'scheduled-[0-2]', '', '-n2'],
    ['services-pod', 'queue-demo-[0-2]', '', '-n1'],
    ['sidecar-ports', 'flux-sample-[0-1]', '', '-n1'],
    ['sidecars', 'pipeline-[0-1]', '', '-n1'],
    ['user-certificate', 'flux-sample-[0-1]', '', '-n1'],
    ['view-disabled', 'own-flux-[0-1]', '', '-n1'],
    ['view-settings', 'rocky-[0-1]', '', '-n1'],
    ['volumes', 'storage-demo-[0-1]', '', '-n1'],
  ])('%s: hostlist %s, quorum "%s", flags "%s"', (name, hosts, quorum, flags) => {
    const cluster = resolve(name);
    expect(hostlist(cluster)).toBe(hosts);
    expect(requiredRanks(cluster)).toBe(quorum);
    expect(submitFlags(cluster)).toBe(flags);
    // The init script writes the same hostlist to the hostlist file.
    expect(scriptOf(name, cluster.spec.flux.container.name)).toContain(`printf '%s\\n' '${hosts}' > "\${installroot}/etc/flux/system/hostlist"\n`);
  });

  // Broker options: a `flux:` key turns on the 5s connect timeout (a CRD default); quiet means level 0.
  it.each([
    ['batch-jobs', LOUD_NO_FLUX],
    ['batch', QUIET_NO_FLUX],
    ['broker-config', QUIET_WITH_FLUX],
    ['bursting', [CRON, FANOUT, RUNDIR, RC2_NONE, STATEDIR, SOCKET, TIMEOUT_5S, LEVEL_6, MODE]],
    ['elastic', [CRON, FANOUT, RUNDIR, RC2_NONE, STATEDIR, SOCKET, TIMEOUT_5S, '-Sbroker.quorum=2', LEVEL_6, MODE]],
    ['env-special', LOUD_WITH_FLUX],
    ['hello-world', QUIET_NO_FLUX],
    ['logging-broker', [CRON, FANOUT, RUNDIR, STATEDIR, '-Stbon.connect_timeout=30s', '-Stbon.topo=kary:4', '-Sbroker.quorum=3', '-Stbon.zmqdebug=1', '-Slog-stderr-level=7', MODE]],
    ['minimal-service', QUIET_WITH_FLUX],
    ['pod-settings', LOUD_NO_FLUX],
    ['services-pod', LOUD_NO_FLUX],
    ['sidecar-ports', QUIET_NO_FLUX],
    ['sidecars', LOUD_NO_FLUX],
    ['user-certificate', QUIET_WITH_FLUX],
    ['view-disabled', QUIET_WITH_FLUX],
    [
      'view-settings',
      [
        '-Scron.directory=/opt/flux-share/config/etc/flux/system/cron.d',
        FANOUT,
        '-Srundir=/opt/flux-share/config/run/flux',
        '-Sstatedir=/opt/flux-share/config/var/lib/flux',
        '-Slocal-uri=local:///opt/flux-share/config/run/flux/local',
        TIMEOUT_5S,
        LEVEL_0,
        MODE,
      ],
    ],
    ['volumes', QUIET_NO_FLUX],
  ])('%s: broker options', (name, options) => {
    const cluster = resolve(name);
    expect(brokerOptions(cluster)).toEqual(options);
    // Each becomes one element of the runner's brokerOptions array.
    const runnerKey = `wait-${cluster.spec.containers.findIndex((c) => c.runFlux)}`;
    expect(scriptOf(name, runnerKey)).toContain(`brokerOptions=(\n${(options as string[]).map((o) => `  ${o}\n`).join('')})\n`);
  });

  it.each([
    ['batch-jobs', 'ConfigMap/nightly-jobs-entrypoint Service/nightly-jobs Job/nightly-jobs'],
    ['batch', 'ConfigMap/nightly-entrypoint Service/nightly Job/nightly'],
    ['broker-config', 'ConfigMap/flux-sample-entrypoint Service/flux-sample Job/flux-sample'],
    ['bursting', 'ConfigMap/child-entrypoint Service/child Job/child'],
    ['elastic', 'ConfigMap/elastic-entrypoint Service/elastic Job/elastic'],
    ['env-special', 'ConfigMap/quoting-entrypoint Service/quoting Job/quoting'],
    ['hello-world', 'ConfigMap/flux-sample-entrypoint Service/flux-sample Job/flux-sample'],
    ['logging-broker', 'ConfigMap/tuned-entrypoint Service/tuned Job/tuned'],
    ['minimal-service', 'ConfigMap/lead-only-entrypoint Service/lead-only Job/lead-only'],
    ['pod-settings', 'ConfigMap/scheduled-entrypoint Service/brokers Job/scheduled'],
    ['services-pod', 'ConfigMap/queue-demo-entrypoint Pod/queue-demo-services Service/queue-demo Job/queue-demo'],
    ['sidecar-ports', 'ConfigMap/flux-sample-entrypoint Service/flux-sample Job/flux-sample Service/nginx'],
    ['sidecars', 'ConfigMap/pipeline-entrypoint Service/pipeline Job/pipeline Service/metrics Service/registry'],
    ['user-certificate', 'ConfigMap/flux-sample-entrypoint Service/flux-sample Job/flux-sample'],
    ['view-disabled', 'ConfigMap/own-flux-entrypoint Service/own-flux Job/own-flux'],
    ['view-settings', 'ConfigMap/rocky-entrypoint Service/rocky Job/rocky'],
    ['volumes', 'ConfigMap/storage-demo-entrypoint Service/storage-demo Job/storage-demo'],
  ])('%s: objects in the order the operator creates them', (name, expected) => {
    expect(ids(generate(name)).join(' ')).toBe(expected);
  });

  it.each([
    ['batch-jobs', 'nightly-jobs', 'default', 'nightly-jobs-[0-2]', 'fcfs'],
    ['batch', 'nightly', 'default', 'nightly-[0-1]', 'fcfs'],
    ['elastic', 'elastic', 'default', 'elastic-[0-4],cloud-a-[0-2]', 'fcfs'],
    ['env-special', 'quoting', 'default', 'quoting-[0-1]', 'fcfs'],
    ['logging-broker', 'tuned', 'default', 'tuned-[0-5]', 'easy'],
    ['minimal-service', 'lead-only', 'default', 'lead-only-[0-2]', 'fcfs'],
    ['pod-settings', 'brokers', 'batch-jobs', 'scheduled-[0-2]', 'fcfs'],
    ['services-pod', 'queue-demo', 'research', 'queue-demo-[0-2]', 'fcfs'],
    ['sidecar-ports', 'flux-sample', 'default', 'flux-sample-[0-1]', 'fcfs'],
    ['sidecars', 'pipeline', 'default', 'pipeline-[0-1]', 'fcfs'],
    ['user-certificate', 'flux-sample', 'default', 'flux-sample-[0-1]', 'fcfs'],
    ['view-disabled', 'own-flux', 'default', 'own-flux-[0-1]', 'fcfs'],
    ['volumes', 'storage-demo', 'lab', 'storage-demo-[0-1]', 'fcfs'],
  ])('%s: broker.toml connects through %s.%s and lists %s', (name, service, namespace, hosts, policy) => {
    const toml = brokerToml(resolve(name));
    expect(parseToml(toml)).toEqual(expectedToml({ service, namespace, hosts: [{ host: hosts }], policy }));
    // The tables in the operator's order.
    const lines = toml.split('\n');
    const tables = ['[access]', '[resource]', '[bootstrap]', '[archive]', '[sched-fluxion-qmanager]'].map((t) => lines.indexOf(t));
    expect(tables.every((i) => i >= 0)).toBe(true);
    expect([...tables].sort((a, b) => a - b)).toEqual(tables);
  });
});

// ---------------------------------------------------------------------------------------------

describe('sidecar-ports: a runner and an nginx sidecar with a port', () => {
  const objects = generate('sidecar-ports');

  it('runs nginx with its own entrypoint beside the runner, in the Job', () => {
    const job = only(objects, 'Job');
    expect(job['spec']).toMatchObject({ completions: 2, parallelism: 2, completionMode: 'Indexed', backoffLimit: 100, activeDeadlineSeconds: 31500000 });
    expect(containersOf(job)).toEqual([
      appContainer('flux-sample', 'ubuntu:noble', {
        command: wrapper('wait-0'),
        workingDir: '/srv/check',
        env: [
          { name: 'PAGE_HOST', value: 'nginx' },
          { name: 'PAGE_PORT', value: '80' },
        ],
      }, appMounts('flux-sample')),
      // noWrapEntrypoint: no command, so the image entrypoint runs.
      appContainer('nginx', 'nginx', { ports: [{ containerPort: 80, protocol: 'TCP' }] }, appMounts('flux-sample')),
    ]);
    expect(podSpec(job)['initContainers']).toEqual([viewInit('flux-sample')]);
    expect(podSpec(job)['volumes']).toEqual(operatorVolumes('flux-sample', ['wait-0']));
    expect(podSpec(job)['affinity']).toEqual(spread('flux-sample'));
  });

  it('gives only the runner a script', () => {
    expect(Object.keys(dataOf(objects)).sort()).toEqual(['curve.cert', 'flux-view', 'wait-0']);
  });

  it('adds the headless Service and a ClusterIP Service named after the sidecar', () => {
    const [broker, nginx] = objects.filter((o) => o.kind === 'Service');
    expect(broker).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'flux-sample', namespace: 'default' },
      spec: { clusterIP: 'None', selector: { 'job-name': 'flux-sample' } },
    });
    expect(nginx).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'nginx', namespace: 'default' },
      spec: { selector: { 'app.kubernetes.io/name': 'flux-sample' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
    });
  });

  it('submits the command on rank 0 with the computed flags', () => {
    const script = scriptOf('sidecar-ports', 'wait-0');
    expect(script).toContain("command='printenv PAGE_HOST PAGE_PORT'\n");
    expect(script).toContain("submit='flux submit'\n");
    expect(script).toContain('flags=-n1\n');
    expect(script).toContain('mainHost=flux-sample-0\n');
    expect(script).toContain('--quiet --watch "${command_words[@]}"');
  });
});

describe('services-pod: spec.services become the NAME-services Pod', () => {
  const objects = generate('services-pod');

  it('builds the services Pod with the service container and its ConfigMap volume', () => {
    expect(only(objects, 'Pod')).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'queue-demo-services',
        namespace: 'research',
        labels: { namespace: 'research', app: 'flux-operator', 'app.kubernetes.io/name': 'queue-demo', 'job-name': 'queue-demo' },
      },
      spec: {
        hostname: 'queue-demo-services',
        subdomain: 'queue-demo',
        setHostnameAsFQDN: false,
        // The operator takes these from spec.containers ([lab-registry]); this tool takes them from
        // the services, whose images this pod pulls. The README lists this difference only in its
        // v1alpha1 table.
        imagePullSecrets: [{ name: 'cache-registry' }],
        automountServiceAccountToken: false,
        restartPolicy: 'OnFailure',
        containers: [
          {
            name: 'redis',
            image: 'redis:7',
            imagePullPolicy: 'IfNotPresent',
            env: [{ name: 'REDIS_ARGS', value: '--appendonly yes' }],
            ports: [{ containerPort: 6379, protocol: 'TCP' }],
            resources: {},
            securityContext: {},
            lifecycle: {},
            stdin: true,
            tty: true,
            // Only the services' own mounts: no operator volumes in this pod.
            volumeMounts: [{ name: 'redis-conf', mountPath: '/usr/local/etc/redis' }],
          },
        ],
        // Named as mounted (README: the operator names it after the ConfigMap, so the pod is invalid).
        volumes: [{ name: 'redis-conf', configMap: { name: 'redis-settings', items: [{ key: 'redis.conf', path: 'redis.conf' }] } }],
      },
    });
  });

  it('keeps the services out of the Job and makes no Service for their ports', () => {
    const job = only(objects, 'Job');
    expect(containersOf(job)).toEqual([
      appContainer('queue-demo', 'ubuntu:noble', {
        command: wrapper('wait-0'),
        env: [{ name: 'REDIS_HOST', value: 'queue-demo-services.queue-demo.research.svc.cluster.local' }],
      }, appMounts('queue-demo')),
    ]);
    expect(podSpec(job)['imagePullSecrets']).toEqual([{ name: 'lab-registry' }]);
    expect((job['spec'] as { template: { metadata: KObject } }).template.metadata).toEqual({
      name: 'queue-demo',
      namespace: 'research',
      labels: podLabels('queue-demo', 'research'),
    });
    expect(objects.filter((o) => o.kind === 'Service').map((s) => s.metadata.name)).toEqual(['queue-demo']);
    expect(Object.keys(dataOf(objects)).sort()).toEqual(['curve.cert', 'flux-view', 'wait-0']);
  });
});

describe('minimal-service: flux.minimalService', () => {
  it('selects only rank 0 on the broker port and stays headless (README: the operator\'s Service is not headless)', () => {
    const [service] = generate('minimal-service', 's');
    expect(service).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'lead-only', namespace: 'default' },
      spec: {
        clusterIP: 'None',
        selector: { 'job-name': 'lead-only', 'batch.kubernetes.io/job-completion-index': '0' },
        ports: [{ port: 8050, protocol: 'TCP' }],
      },
    });
  });

  it('leaves the Job as without it', () => {
    const job = only(generate('minimal-service'), 'Job');
    expect(podSpec(job)['subdomain']).toBe('lead-only');
    expect(containersOf(job)).toEqual([appContainer('lead-only', 'ubuntu:noble', { command: wrapper('wait-0') }, appMounts('lead-only'))]);
  });
});

describe('bursting: a bursted child with a lead broker and clusters', () => {
  const cluster = resolve('bursting');

  it('names and sizes the second cluster by its index and spec.size (the operator meant to, but left it empty)', () => {
    expect(cluster.spec.flux.bursting?.clusters).toEqual([
      { name: 'child', size: 3 },
      { name: 'burst-1', size: 3 },
    ]);
    expect(cluster.spec.flux.bursting?.leadBroker).toEqual({ address: '10.20.30.40', name: 'onprem', size: 4, port: 9050 });
  });

  it('reaches the parent rank 0 by address on the given port in broker.toml (the operator\'s entry is corrupt)', () => {
    expect(parseToml(brokerToml(cluster))).toEqual(
      expectedToml({
        service: 'child',
        namespace: 'cloud',
        hosts: [
          { host: '10.20.30.40', bind: 'tcp://eth0:9050', connect: 'tcp://10.20.30.40:9050' },
          { host: '10.20.30.40,onprem-[1-3],child-[0-2],burst-1-[0-2]' },
        ],
      }),
    );
  });

  it('keeps the lead broker up without a program (interactive, no command)', () => {
    const script = scriptOf('bursting', 'wait-0');
    expect(script).toContain('  flux broker --config-path "${cfg}" "${brokerOptions[@]}" || flux_status=$?\n');
    expect(script).not.toContain('command_words');
    expect(script).toContain('mainHost=child-0\n');
  });
});

describe('elastic: maxSize above size and a cluster to burst to (root case)', () => {
  it('lists all possible brokers and asks for a quorum of size', () => {
    const cluster = resolve('elastic');
    expect(cluster.spec.maxSize).toBe(5);
    expect(parseToml(brokerToml(cluster))).toEqual(
      expectedToml({ service: 'elastic', namespace: 'default', hosts: [{ host: 'elastic-[0-4],cloud-a-[0-2]' }] }),
    );
  });

  it('starts two pods that run in the working directory', () => {
    const job = only(generate('elastic'), 'Job');
    expect(job['spec']).toMatchObject({ completions: 2, parallelism: 2 });
    expect(containersOf(job)[0]).toEqual(appContainer('elastic', 'ubuntu:noble', { command: wrapper('wait-0'), workingDir: '/home/flux' }, appMounts('elastic')));
  });
});

describe('broker-config: a whole broker.toml and a custom hostlist', () => {
  const cluster = resolve('broker-config');
  const custom = [
    '# Hand-written configuration; $HOME is not expanded here.',
    '[access]',
    'allow-guest-user = true',
    'allow-root-owner = true',
    '',
    '[resource]',
    'path = "/mnt/flux/config/etc/flux/system/R"',
    '',
    '[bootstrap]',
    'curve_cert = "/mnt/flux/config/curve/curve.cert"',
    'default_port = 8050',
    'default_bind = "tcp://eth0:%p"',
    'default_connect = "tcp://%h.flux-sample.default.svc.cluster.local:%p"',
    'hosts = [{ host = "flux-sample-[0-1],edge-[01-03]" }]',
    '',
  ].join('\n');

  it('uses the text verbatim and writes it without shell expansion', () => {
    expect(brokerToml(cluster)).toBe(custom);
    expect(hereDocBody(scriptOf('broker-config', 'flux-view'), 'cat > "${installroot}/etc/flux/config/broker.toml"')).toBe(custom);
  });

  it('drops the affinity rules (network.disableAffinity)', () => {
    const job = only(generate('broker-config'), 'Job');
    expect(podSpec(job)).not.toHaveProperty('affinity');
    expect(podSpec(job)['subdomain']).toBe('flux-sample');
  });
});

describe('volumes: every volume source of the schema', () => {
  const job = only(generate('volumes'), 'Job');

  it('adds one pod volume per name, sorted, in the shape of its source', () => {
    expect(podSpec(job)['volumes']).toEqual([
      ...operatorVolumes('storage-demo', ['wait-0', 'start-1']),
      { name: 'bucket', csi: { driver: 's3.csi.example.com', volumeAttributes: { bucketName: 'lab-bucket', mounter: 'rclone' } } },
      // emptyDirMedium other than "memory": the default medium.
      { name: 'cache', emptyDir: {} },
      { name: 'credentials', secret: { secretName: 'lab-token' } },
      { name: 'data', hostPath: { path: '/mnt/lab-data', type: 'Directory' } },
      { name: 'results', persistentVolumeClaim: { claimName: 'lab-results' } },
      // Named as mounted (README: the operator names it after the ConfigMap, so the pod is invalid).
      { name: 'settings', configMap: { name: 'lab-settings', items: [{ key: 'hosts.txt', path: 'extra-hosts' }, { key: 'tuning.ini', path: 'tuning.ini' }] } },
      { name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: '2Gi' } },
      // secretName comes before claimName in the operator's precedence (volumeSource.ts).
      { name: 'tokens', secret: { secretName: 'stager-token' } },
    ]);
  });

  it('mounts each container its own volumes, readOnly only when true, emptyDir at /dev/shm', () => {
    const [runner, stager] = containersOf(job);
    expect(runner).toEqual(
      appContainer('storage-demo', 'ubuntu:noble', { command: wrapper('wait-0') }, [
        ...appMounts('storage-demo'),
        { name: 'bucket', mountPath: '/bucket' },
        { name: 'credentials', mountPath: '/var/run/lab', readOnly: true },
        { name: 'data', mountPath: '/data', readOnly: true },
        { name: 'results', mountPath: '/results' },
        { name: 'settings', mountPath: '/etc/lab' },
        { name: 'shm', mountPath: '/dev/shm' },
      ]),
    );
    // README: the operator would also mount the runner's volumes here, which would put
    // both shm and cache at /dev/shm.
    expect(stager).toEqual(
      appContainer('stager', 'ubuntu:noble', { command: wrapper('start-1') }, [
        ...appMounts('storage-demo'),
        { name: 'cache', mountPath: '/dev/shm' },
        { name: 'tokens', mountPath: '/tokens' },
      ]),
    );
  });

  it('puts the Job in the spec namespace', () => {
    expect(job.metadata).toEqual({ name: 'storage-demo', namespace: 'lab' });
    expect((job['spec'] as { template: { metadata: KObject } }).template.metadata['labels']).toEqual(podLabels('storage-demo', 'lab'));
  });
});

describe('logging-broker: logging options and broker settings', () => {
  const script = scriptOf('logging-broker', 'wait-0');

  it('turns strict mode on before anything runs, then checks for /usr/bin/time and exits without it', () => {
    const body = script.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(body.slice(0, 5)).toEqual(['set -eEu -o pipefail', 'if [[ ! -x /usr/bin/time ]]; then', expect.stringContaining('/usr/bin/time is required'), '  exit 1', 'fi']);
  });

  it('wraps rank 0 in the timers, with --wrap, the prefix and the submit command', () => {
    expect(script).toContain(
      [
        "    /usr/bin/time -f 'FLUXTIME fluxstart wall time %E' \\",
        '        flux start \\',
        '        --wrap=strace,-f \\',
        '        -o --config "${cfg}" "${brokerOptions[@]}" \\',
        "        /usr/bin/time -f 'FLUXTIME fluxsubmit wall time %E' \\",
        '        ${prefix_words[@]+"${prefix_words[@]}"} \\',
        '        ${submit_words[@]+"${submit_words[@]}"} \\',
        '        ${flags_words[@]+"${flags_words[@]}"} \\',
        '        --quiet --watch "${command_words[@]}" || flux_status=$?',
      ].join('\n'),
    );
    expect(script).toContain("  prefix='nice -n 5'\n");
    expect(script).toContain("    submit='flux submit --job-name=tuned-run'\n");
    expect(script).toContain("    flags='-N 4 -n8 --exclusive -vvv'\n");
    expect(script).toContain("command='stress-ng --cpu 1 --timeout 10s'\n");
  });

  it('places init, pre, brokerPre (rank 0), workerPre (followers) and post in that order, init after the user lookup, pre after the broker options', () => {
    const at = (code: string) => script.indexOf(`\n${code}\n`);
    const order = ['echo "init on $(hostname)"', 'ulimit -n 4096', 'echo "lead broker is getting ready"', 'sleep 2', 'echo "done on $(hostname)"'].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(at('echo "init on $(hostname)"')).toBeGreaterThan(script.indexOf('fluxuser=$(whoami)'));
    expect(at('ulimit -n 4096')).toBeGreaterThan(script.indexOf('brokerOptions=('));
  });

  it('runs followers once (completeWorkers) instead of in a retry loop', () => {
    expect(script).not.toContain('while true');
    expect(script.match(/flux start -o --config "\$\{cfg\}" "\$\{brokerOptions\[@\]\}" \|\| flux_status=\$\?/g)).toHaveLength(1);
  });

  it('writes the queue policy to broker.toml', () => {
    expect(parseToml(brokerToml(resolve('logging-broker')))).toMatchObject({ 'sched-fluxion-qmanager': { 'queue-policy': 'easy' } });
  });
});

describe('batch: a raw batch script', () => {
  const script = scriptOf('batch', 'wait-0');

  it('writes the lines as they are, empty ones included (batchRaw)', () => {
    expect(hereDocBody(script, '  cat > ./flux-job.batch')).toBe(
      [
        '#!/bin/bash',
        'flux submit -N2 --output=/work/out/hosts.txt hostname',
        'flux submit --dependency=afterany:$(flux job last) sleep 5',
        '',
        'flux queue drain',
        '',
      ].join('\n'),
    );
  });

  it('runs it with flux batch, silenced because quiet', () => {
    expect(script).toContain(
      [
        '  flux start \\',
        '      -o --config "${cfg}" "${brokerOptions[@]}" \\',
        "      sh -c 'flux batch -N 2 --flags waitable ./flux-job.batch && flux job wait --all' >/dev/null 2>&1 || flux_status=$?",
      ].join('\n'),
    );
    expect(script).toContain('export FLUX_OUTPUT_DIR=/work/out\n');
    expect(containersOf(only(generate('batch'), 'Job'))[0]?.['workingDir']).toBe('/work');
  });
});

describe('batch-jobs: a batch script of submitted jobs', () => {
  const script = scriptOf('batch-jobs', 'wait-0');

  it('submits each non-empty line with numbered output files, then waits', () => {
    const submit = (k: number, line: string) => `flux submit --flags waitable --error=/tmp/fluxout/job-${k}.err --output=/tmp/fluxout/job-${k}.out ${line}`;
    expect(hereDocBody(script, '  cat > ./flux-job.batch')).toBe(
      ['#!/bin/bash', submit(0, 'echo first'), submit(1, 'echo "second on $HOSTNAME"'), '', submit(3, 'hostname'), '', 'flux queue idle', 'flux jobs -a'].join('\n'),
    );
    expect(script).toContain("sh -c 'flux batch -N 3 -n3 --flags waitable ./flux-job.batch && flux job wait --all' || flux_status=$?");
  });
});

describe('env-special: values with shell-special characters', () => {
  const VALUES: Record<string, string> = {
    BACKSLASH: 'C:\\temp\\new\\',
    BACKTICKS: '`date` and $(id -u)',
    BANG_SEMI: 'wow!; echo oops',
    NEWLINE: 'first line\nsecond line',
    PRICE: '$5 and ${HOME}',
    QUOTES: 'it\'s "quoted"',
    SPACES: '  two leading, two trailing  ',
  };
  const objects = generate('env-special');
  const data = dataOf(objects);

  it('passes container environment to the pod as data, sorted, EMPTY without value', () => {
    const [runner, echoer] = containersOf(only(objects, 'Job'));
    expect(runner?.['env']).toEqual([
      { name: 'BACKSLASH', value: VALUES['BACKSLASH'] },
      { name: 'BACKTICKS', value: VALUES['BACKTICKS'] },
      { name: 'BANG_SEMI', value: VALUES['BANG_SEMI'] },
      { name: 'EMPTY' },
      { name: 'NEWLINE', value: VALUES['NEWLINE'] },
      { name: 'PRICE', value: VALUES['PRICE'] },
      { name: 'QUOTES', value: VALUES['QUOTES'] },
      { name: 'SPACES', value: VALUES['SPACES'] },
    ]);
    expect(echoer?.['env']).toEqual([{ name: 'BANG_SEMI', value: VALUES['BANG_SEMI'] }]);
    expect(echoer?.['command']).toEqual(wrapper('start-1'));
  });

  it.each(['wait-0', 'start-1'])('%s: writes flux.environment single-quoted into flux-view.sh, invalid names left out', (key) => {
    const body = hereDocBody(data[key] as string, '  cat');
    expect(body.split('\n').filter((l) => !l.startsWith('#'))).toEqual([
      "export BACKSLASH='C:\\temp\\new\\'",
      "export BACKTICKS='`date` and $(id -u)'",
      "export BANG_SEMI='wow!; echo oops'",
      "export NEWLINE='first line",
      "second line'",
      "export PRICE='$5 and ${HOME}'",
      "export QUOTES='it'\\''s \"quoted\"'",
      "export SPACES='  two leading, two trailing  '",
    ]);
    expect(body).not.toContain('not-a-name');
  });

  it('gives every value back byte for byte when the exports are sourced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcs-env-'));
    const file = join(dir, 'exports.sh');
    writeFileSync(file, `${hereDocBody(data['wait-0'] as string, '  cat')}\n`);
    const names = Object.keys(VALUES);
    const out = bash(`set -u; . '${file}'; for v in ${names.join(' ')}; do printf '%s\\0' "\${!v}"; done`);
    expect(out.split('\0').slice(0, -1)).toEqual(names.map((n) => VALUES[n]));
  });

  it('keeps the runner command as shell words whose variables expand once, at run time', () => {
    const script = data['wait-0'] as string;
    const assignment = ["IFS= read -r -d '' command <<'MCS_EOF' || true", 'printf \'%s|%s\\n\' "$PRICE" "$QUOTES"', 'MCS_EOF', "command=${command%$'\\n'}"].join('\n');
    expect(script).toContain(`${assignment}\n`);
    const split = /\nmcs_split\(\) \{\n[^\n]*\n\}\n/.exec(script)?.[0] ?? '';
    expect(split).not.toBe('');
    const out = bash(`${assignment}\n${split}\ncommand_words=()\nmcs_split command_words "\${command}"\nprintf '%s\\0' "\${command_words[@]}"`, {
      PRICE: VALUES['PRICE'] as string,
      QUOTES: VALUES['QUOTES'] as string,
    });
    expect(out.split('\0').slice(0, -1)).toEqual(['printf', '%s|%s\\n', VALUES['PRICE'], VALUES['QUOTES']]);
  });

  it('runs the sidecar command as shell code', () => {
    const script = data['start-1'] as string;
    const start = script.indexOf("IFS= read -r -d '' command <<'MCS_EOF' || true\n");
    const end = script.indexOf('eval "${command}"\n');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const out = bash(script.slice(start, end + 'eval "${command}"\n'.length), { BANG_SEMI: VALUES['BANG_SEMI'] as string });
    expect(out).toBe('sidecar sees wow!; echo oops\nsingle $quoted `tick`\n');
  });
});

describe('user-certificate: flux.curveCert', () => {
  const LIBZMQ_CLIENT = { publicKey: 'Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID', secretKey: 'D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs' };
  const expected = expectedTestCertificate('flux-sample-0');

  it('holds the TEST_KEYS certificate for flux-sample-0 in the operator template', () => {
    expect(resolve('user-certificate').spec.flux.curveCert).toBe(expected);
    expect(testCertificate('flux-sample-0')).toBe(expected);
    expect(analyzeSpec(fixture('v1alpha2', 'user-certificate')).diagnostics.filter((d) => d.code === 'curve-cert')).toEqual([]);
  });

  it('places a problem on an indented certificate line at its character in the file', () => {
    const text = fixture('v1alpha2', 'user-certificate');
    for (const [find, bad] of [
      [/(name = "[^"\n]{3})/, '\u0001'],
      [/(public-key = "[^"\n]{5})[^"\n]/, '~'],
    ] as const) {
      const damaged = text.replace(find, `$1${bad}`);
      expect(damaged).not.toBe(text);
      const problems = analyzeSpec(damaged).diagnostics.filter((d) => d.code === 'curve-cert');
      expect(problems.length).toBeGreaterThan(0);
      const lines = damaged.split('\n');
      for (const d of problems) {
        expect(lines[d.line - 1]?.charAt(d.column - 1), d.message).toBe(bad);
        expect(d.endColumn).toBe(d.column + 1);
      }
    }
  });

  it('places a problem of a certificate written as a folded block at the field, whose lines it does not keep', () => {
    const text = fixture('v1alpha2', 'user-certificate').replace(/curveCert: \|/, 'curveCert: >').replace(/(public-key = "[^"\n]{5})[^"\n]/, '$1~');
    const problems = analyzeSpec(text).diagnostics.filter((d) => d.code === 'curve-cert');
    expect(problems.length).toBeGreaterThan(0);
    const field = text.split('\n').findIndex((line) => line.includes('curveCert: >')) + 1;
    for (const d of problems) expect(d.line, d.message).toBe(field);
  });

  it('uses it verbatim, whatever keys or certificate the generator is given', () => {
    const cluster = resolve('user-certificate');
    const fromKeys = generateManifests(cluster, { include: 'c', keys: LIBZMQ_CLIENT });
    expect(dataOf(fromKeys)['curve.cert']).toBe(expected);
    const fromCertificate = generateManifests(cluster, { include: 'c', keys: LIBZMQ_CLIENT, certificate: 'another certificate\n' });
    expect(dataOf(fromCertificate)['curve.cert']).toBe(expected);
  });

  it('mounts it without a mode and copies it owner-readable only', () => {
    const volumes = podSpec(only(generate('user-certificate'), 'Job'))['volumes'] as KObject[];
    expect(volumes[3]).toEqual(operatorVolumes('flux-sample', ['wait-0'])[3]);
    const script = scriptOf('user-certificate', 'wait-0');
    expect(script).toContain('cp /flux_operator/curve.cert "${configroot}/curve/curve.cert"\nchmod go-r "${configroot}/curve/curve.cert"\n');
  });
});

describe('view-settings: a customised flux view, launcher mode and an archive', () => {
  const objects = generate('view-settings');
  const job = only(objects, 'Job');

  it('builds the init container from flux.container', () => {
    expect(podSpec(job)['initContainers']).toEqual([
      {
        name: 'flux-tools',
        image: 'ghcr.io/converged-computing/flux-view-rocky:tag-9',
        command: ['/bin/bash', '/flux_operator/flux-init.sh'],
        imagePullPolicy: 'Always',
        workingDir: '/scratch',
        resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
        securityContext: { runAsUser: 0 },
        stdin: true,
        tty: true,
        volumeMounts: operatorMounts('rocky', 'flux-tools', '/opt/flux-share'),
      },
    ]);
    expect(podSpec(job)['volumes']).toEqual(operatorVolumes('rocky', ['wait-0'], 'flux-tools'));
    expect(Object.keys(dataOf(objects)).sort()).toEqual(['curve.cert', 'flux-tools', 'wait-0']);
  });

  it('passes the container fields through', () => {
    expect(containersOf(job)).toEqual([
      {
        name: 'rocky',
        image: 'ghcr.io/example/rocky-app:9',
        command: wrapper('wait-0'),
        imagePullPolicy: 'Never',
        env: [
          { name: 'APP_MODE', value: 'demo' },
          { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'app-secrets', key: 'token' } } },
        ],
        ports: [{ containerPort: 5000, protocol: 'TCP' }],
        resources: { limits: { memory: '2G' }, requests: { cpu: '2' } },
        securityContext: { privileged: true },
        // One-element commands holding the whole string, as the operator builds them.
        lifecycle: {
          postStart: { exec: { command: ['/usr/local/bin/warm-cache'] } },
          preStop: { exec: { command: ['flux shutdown --quiet'] } },
        },
        stdin: true,
        tty: true,
        volumeMounts: appMounts('rocky', 'flux-tools', '/opt/flux-share'),
      },
    ]);
    expect(podSpec(job)['imagePullSecrets']).toEqual([{ name: 'app-pull' }]);
    // The runner has a port, but only sidecars get a Service for theirs.
    expect(objects.filter((o) => o.kind === 'Service').map((s) => s.metadata.name)).toEqual(['rocky']);
  });

  it('puts config, view and socket under the mount path, in the init script too', () => {
    const cluster = resolve('view-settings');
    expect(parseToml(brokerToml(cluster))).toEqual(
      expectedToml({ mount: '/opt/flux-share', service: 'rocky', namespace: 'default', hosts: [{ host: 'rocky-[0-1]' }], policy: 'conservative' }),
    );
    expect(scriptOf('view-settings', 'flux-tools')).toContain('viewbase=/opt/flux-share\ninstallroot="${viewbase}/config"\n');
    expect(scriptOf('view-settings', 'wait-0')).toContain('viewbase=/opt/flux-share\n');
  });

  it('uses pythonPath, skips FLUX_RC_EXTRA (simple scheduler) and exports flux.environment', () => {
    const script = scriptOf('view-settings', 'wait-0');
    expect(script).toContain('export PYTHONPATH="${PYTHONPATH:-}:"/opt/flux-share/view/lib/python3.11/site-packages\n');
    expect(script).not.toContain('FLUX_RC_EXTRA');
    expect(hereDocBody(script, '  cat')).toBe("export FLUX_URI_RESOLVE_LOCAL='t'");
    expect(script).toContain(". '/opt/flux-share/flux-view.sh'\n");
  });

  it('restores the archive when present and, as a launcher, gives the command to flux start itself', () => {
    const script = scriptOf('view-settings', 'wait-0');
    expect(script).toContain('if [[ -e /state/flux-archive.tar.gz ]]; then\n  brokerOptions+=(-Scontent.restore=/state/flux-archive.tar.gz)\nfi\n');
    expect(script).toContain('    flux start \\\n        -o --config "${cfg}" "${brokerOptions[@]}" \\\n        "${command_words[@]}" || flux_status=$?\n');
    expect(script).not.toContain('--watch');
  });
});

describe('view-disabled: the application image brings Flux', () => {
  it('only writes the configuration in the init container (no view to copy)', () => {
    const init = scriptOf('view-disabled', 'flux-view');
    expect(init).toContain('cp -R "${fluxroot}"/* "${viewbase}/view/" 2>/dev/null || true\n');
    expect(init).not.toContain('/opt/views/._view');
    const job = only(generate('view-disabled'), 'Job');
    expect((podSpec(job)['initContainers'] as KObject[])[0]).toMatchObject({ name: 'flux-view', image: 'ubuntu:noble' });
  });

  it('skips the view paths in the runner and sidecar scripts', () => {
    for (const key of ['wait-0', 'start-1']) {
      const script = scriptOf('view-disabled', key);
      expect(script).toContain('viewbase=/mnt/flux\n');
      expect(script).not.toContain('viewbin');
      expect(script).not.toContain('flux-view.sh"');
    }
  });

  it('runs flux broker without a command, and the sidecar without waiting (noWaitSocket)', () => {
    expect(scriptOf('view-disabled', 'wait-0')).toContain('  flux broker --config-path "${cfg}" "${brokerOptions[@]}" || flux_status=$?\n');
    const sidecar = scriptOf('view-disabled', 'start-1');
    expect(sidecar).not.toContain('mcs_waited');
    expect(sidecar).toContain('export fluxsocket="local://${socket_path}"\n');
    expect(sidecar).toContain('flux proxy "$fluxsocket" flux jobs -a\n');
  });
});

describe('sidecars: several containers, the runner not first', () => {
  const objects = generate('sidecars');
  const job = only(objects, 'Job');

  it('numbers the scripts by container index and skips the unwrapped one', () => {
    expect(Object.keys(dataOf(objects))).toEqual(['start-0', 'wait-1', 'start-2', 'flux-view', 'curve.cert']);
    expect(podSpec(job)['volumes']).toEqual(operatorVolumes('pipeline', ['start-0', 'wait-1', 'start-2']));
  });

  it('gives each container its name, command and pull policy', () => {
    const mounts = appMounts('pipeline');
    expect(containersOf(job)).toEqual([
      appContainer('metrics', 'ubuntu:noble', { command: wrapper('start-0'), ports: [{ containerPort: 8080, protocol: 'TCP' }] }, mounts),
      appContainer('pipeline', 'ubuntu:noble', { command: wrapper('wait-1') }, mounts),
      appContainer('reporter', 'ubuntu:noble', { command: wrapper('start-2') }, mounts),
      appContainer('registry', 'registry:2', {
        imagePullPolicy: 'Always',
        ports: [
          { containerPort: 5000, protocol: 'TCP' },
          { containerPort: 5001, protocol: 'TCP' },
        ],
      }, mounts),
    ]);
    // README: each secret once (the operator repeats shared-pull).
    expect(podSpec(job)['imagePullSecrets']).toEqual([{ name: 'shared-pull' }, { name: 'registry-pull' }]);
  });

  it('adds a Service per sidecar with ports, in container order', () => {
    const services = objects.filter((o) => o.kind === 'Service').slice(1);
    expect(services.map((s) => [s.metadata.name, s['spec']])).toEqual([
      ['metrics', { selector: { 'app.kubernetes.io/name': 'pipeline' }, ports: [{ port: 8080, targetPort: 8080, protocol: 'TCP' }] }],
      [
        'registry',
        {
          selector: { 'app.kubernetes.io/name': 'pipeline' },
          ports: [
            // Kubernetes refuses a Service of several ports without their names.
            { name: 'port-5000', port: 5000, targetPort: 5000, protocol: 'TCP' },
            { name: 'port-5001', port: 5001, targetPort: 5001, protocol: 'TCP' },
          ],
        },
      ],
    ]);
  });

  it('runs the sidecar steps in the operator\'s order: init, strict, view, servicePre, wait, command, post', () => {
    const script = scriptOf('sidecars', 'start-0');
    const order = ['\nmkdir -p /tmp/metrics\n', '\nset -eEu -o pipefail\n', '\nviewbase=/mnt/flux\n', '\necho "metrics waits for Flux"\n', '\nsocket_path="${configroot}/run/flux/local"\n', "\ncommand='python3 -m http.server 8080'\n", '\necho "metrics stopped"\n'].map((s) =>
      script.indexOf(s),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Strict: a broker that never comes up stops the sidecar.
    expect(script).toContain('stopping (logging.strict)." >&2\n    exit 1\n');
  });

  it('writes commands.script with \\$ unescaped and runs it (the operator wrote it but never ran it)', () => {
    const script = scriptOf('sidecars', 'start-2');
    expect(hereDocBody(script, 'cat > /tmp/custom-entrypoint.sh')).toBe('#!/bin/bash\n. /mnt/flux/flux-view.sh\nflux proxy "$fluxsocket" flux jobs -a > $HOME/jobs.txt\n');
    expect(script).toContain("command='/bin/bash /tmp/custom-entrypoint.sh'\neval \"${command}\"\n");
  });
});

describe('pod-settings: pod, network, Job and label settings', () => {
  it('builds the Job field by field', () => {
    const job = only(generate('pod-settings'), 'Job');
    expect(job).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'scheduled', namespace: 'batch-jobs', labels: { 'kueue.x-k8s.io/queue-name': 'research' } },
      spec: {
        completionMode: 'Indexed',
        completions: 3,
        parallelism: 3,
        backoffLimit: 3,
        activeDeadlineSeconds: 7200,
        template: {
          metadata: {
            name: 'scheduled',
            namespace: 'batch-jobs',
            // app: mine is overwritten by the operator label.
            labels: { team: 'hpc', ...podLabels('scheduled', 'batch-jobs') },
            annotations: { 'example.com/owner': 'team-hpc' },
          },
          spec: {
            subdomain: 'brokers',
            setHostnameAsFQDN: false,
            shareProcessNamespace: true,
            serviceAccountName: 'flux-runner',
            automountServiceAccountToken: true,
            restartPolicy: 'Never',
            nodeSelector: { 'example.com/gpu': 'false', 'node.kubernetes.io/instance-type': 'c5.xlarge' },
            dnsPolicy: 'ClusterFirstWithHostNet',
            runtimeClassName: 'gvisor',
            tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'hpc', effect: 'NoSchedule' }, { operator: 'Exists' }],
            schedulerName: 'volcano',
            hostPID: true,
            hostIPC: true,
            // README: passed whole; the operator keeps only fsGroup.
            securityContext: { fsGroup: 1000, runAsUser: 1000 },
            affinity: {
              ...spread('scheduled'),
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [
                    {
                      matchExpressions: [
                        { key: 'example.com/pool', operator: 'In', values: ['compute'] },
                        { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1a', 'us-east-1b'] },
                      ],
                    },
                  ],
                },
              },
            },
            overhead: { cpu: '250m', memory: '64Mi' },
            initContainers: [viewInit('scheduled')],
            containers: [appContainer('scheduled', 'ubuntu:noble', { command: wrapper('wait-0') }, appMounts('scheduled'))],
            volumes: operatorVolumes('scheduled', ['wait-0']),
          },
        },
      },
    });
  });

  it('names the Service after network.headlessName and selects the Job pods', () => {
    expect(only(generate('pod-settings', 's'), 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'brokers', namespace: 'batch-jobs' },
      spec: { clusterIP: 'None', selector: { 'job-name': 'scheduled' } },
    });
  });
});
