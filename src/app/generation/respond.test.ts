import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/main.ts';
import { TEST_KEYS, testCertificate } from '../../core/testing/testKeys.ts';
import { fixture } from '../../core/testing/fixtures.ts';
import { manyContainers } from '../../core/testing/manyContainers.ts';
import { respond, wholeFileManifests } from './respond.ts';

describe('one generation step (in the worker or on the main thread)', () => {
  it('returns one rendered document per object with its include letter', () => {
    const response = respond({ id: 7, text: fixture('v1alpha2', 'sidecar-ports'), keys: TEST_KEYS, defaultNamespace: 'hpc' });
    expect(response.id).toBe(7);
    expect(response.manifests?.map((m) => `${m.letter} ${m.kind}/${m.name}`)).toEqual([
      'c ConfigMap/flux-sample-entrypoint',
      's Service/flux-sample',
      'j Job/flux-sample',
      's Service/nginx',
    ]);
    for (const manifest of response.manifests ?? []) {
      const docs = parseAllDocuments(manifest.yaml);
      expect(Array.isArray(docs) && docs.length).toBe(1);
      expect(manifest.yaml).toContain('namespace: hpc');
    }
    expect(response.name).toBe('flux-sample');
    expect(response.pods).toBe(2);
  });

  it('gives no objects, and an error at the MiniCluster, when one would be larger than the API server takes', () => {
    const text = manyContainers(120, 6000);
    const response = respond({ id: 8, text, keys: TEST_KEYS, defaultNamespace: 'default' });
    expect(response.manifests).toBeUndefined();
    const problem = response.diagnostics.find((d) => d.code === 'object-too-large');
    expect(problem).toMatchObject({ severity: 'error', path: 'spec', line: 1, column: 1 });
    expect(problem?.message).toMatch(/^The ConfigMap "wide-entrypoint" would hold 1\.\d MiB/);
    // A file of two: the other MiniCluster is made, and the whole file is not.
    const two = `${fixture('v1alpha2', 'hello-world')}---\n${text}`;
    const second = respond({ id: 9, text: two, keys: TEST_KEYS, moreKeys: [TEST_KEYS], defaultNamespace: 'default', cursor: two.length - 1 });
    expect(second.diagnostics.find((d) => d.code === 'object-too-large')).toMatchObject({ line: two.split('\n').indexOf('---') + 2 });
    const first = respond({ id: 10, text: two, keys: TEST_KEYS, moreKeys: [TEST_KEYS], defaultNamespace: 'default', cursor: 0 });
    expect(first.manifests?.length).toBeGreaterThan(0);
    expect(wholeFileManifests({ text: two, defaultNamespace: 'default', keys: [TEST_KEYS, TEST_KEYS] })).toBeUndefined();
  });

  it('sends the cluster picture with the objects: the tree folded, its text, and no list of every rank', () => {
    const spec = (size: number, topology = '') =>
      `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata: {name: big}\nspec:\n  size: ${size}\n  containers: [{image: busybox}]\n${topology}`;
    const small = respond({ id: 1, text: spec(3), keys: TEST_KEYS, defaultNamespace: 'default' }).cluster;
    expect(small?.text).toBe('0 big-0\n├─ 1 big-1\n└─ 2 big-2');
    expect(small?.textFolded).toBe(false);
    expect(small?.model).not.toHaveProperty('ranks');
    const large = respond({ id: 2, text: spec(10_000, '  flux: {topology: binomial}\n'), keys: TEST_KEYS, defaultNamespace: 'default' }).cluster;
    expect(large?.textFolded).toBe(true);
    expect(large?.tree.ranks).toBe(10_000);
    expect(large?.text.split('\n').length).toBe(large?.tree.nodes.length);
    expect(large?.text).toContain('9999 big-9999');
    expect(large?.model.topology.text).toBe('binomial');
    const none = respond({ id: 3, text: spec(0), keys: TEST_KEYS, defaultNamespace: 'default' });
    expect(none.cluster).toBeUndefined();
  });

  it('returns only diagnostics for a spec with errors', () => {
    const response = respond({ id: 1, text: 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata: {name: x}\nspec: {size: 0, containers: [{image: a}]}\n', keys: TEST_KEYS, defaultNamespace: 'default' });
    expect(response.manifests).toBeUndefined();
    expect(response.diagnostics.some((d) => d.severity === 'error' && d.path === 'spec.size')).toBe(true);
  });

  it('uses a given certificate instead of one made from the keys', () => {
    const certificate = 'custom certificate text\n';
    const response = respond({ id: 2, text: fixture('v1alpha2', 'hello-world'), keys: TEST_KEYS, certificate, defaultNamespace: 'default' });
    expect(response.manifests?.[0]?.yaml).toContain('curve.cert: |\n    custom certificate text\n');
  });

  it('generates a v1alpha1 spec, with the version, the volumes under v and the summary', () => {
    const response = respond({ id: 3, text: fixture('v1alpha1', 'volumes'), keys: TEST_KEYS, defaultNamespace: 'default' });
    expect(response.version).toBe('v1alpha1');
    expect(response.manifests?.map((m) => `${m.letter} ${m.kind}/${m.name}`)).toEqual([
      'c ConfigMap/flux-sample-entrypoint',
      'c ConfigMap/flux-sample-flux-config',
      'c ConfigMap/flux-sample-curve-mount',
      'v PersistentVolume/data',
      'v PersistentVolumeClaim/data-claim',
      's Service/flux-service',
      'j Job/flux-sample',
    ]);
    expect(response.name).toBe('flux-sample');
    expect(response.pods).toBe(2);
    expect(respond({ id: 4, text: fixture('v1alpha2', 'hello-world'), keys: TEST_KEYS, defaultNamespace: 'default' }).version).toBe('v1alpha2');
  });

  describe('hasCurveCert, from the parsed spec', () => {
    const v2 = (flux: string) =>
      `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: flux-sample\nspec:\n  flux:\n${flux}  containers:\n    - image: ubuntu:noble\n      command: |\n        echo curveCert: not a key\n`;
    const run = (text: string) => respond({ id: 5, text, keys: TEST_KEYS, defaultNamespace: 'default' });

    it('is false for a commented-out curveCert line and for the words inside a block scalar', () => {
      const response = run(v2('    # curveCert: |\n    #   the certificate would go here\n    logLevel: 7\n'));
      expect(response.manifests).toBeDefined();
      expect(response.hasCurveCert).toBe(false);
    });

    it('is true when spec.flux.curveCert holds a certificate', () => {
      const response = run(fixture('v1alpha2', 'user-certificate'));
      expect(response.manifests).toBeDefined();
      expect(response.hasCurveCert).toBe(true);
    });

    it('reads the same field of a v1alpha1 spec', () => {
      expect(run(fixture('v1alpha1', 'custom-config')).hasCurveCert).toBe(true);
      expect(run(fixture('v1alpha1', 'hello-world')).hasCurveCert).toBe(false);
    });

    it('is false when the spec has errors (nothing was resolved)', () => {
      const response = run(fixture('v1alpha2', 'user-certificate').replace('size: 2', 'size: 0'));
      expect(response.manifests).toBeUndefined();
      expect(response.hasCurveCert).toBe(false);
    });
  });
});

describe('the worker generation step on a file of several documents', () => {
  const cluster = (name: string, size: number) =>
    `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: ${size}\n  containers:\n    - image: ubuntu:noble\n`;
  const text = `${cluster('first', 2)}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n${cluster('second', 0)}`;

  it('generates the MiniCluster the cursor is in, and reports every problem of the file', () => {
    const inFirst = respond({ id: 1, text, keys: TEST_KEYS, defaultNamespace: 'default', cursor: 5 });
    expect(inFirst.name).toBe('first');
    expect(inFirst.inFile).toMatchObject({ index: 0, count: 2, name: 'first', start: 0, firstLine: 1, lastLine: 8 });
    expect(inFirst.manifests?.map((m) => m.name)).toEqual(['first-entrypoint', 'first', 'first']);
    // The second MiniCluster's error and the Service's note are shown while the first is previewed.
    expect(inFirst.diagnostics.find((d) => d.path === 'spec.size')?.line).toBe(19);
    expect(inFirst.diagnostics.find((d) => d.code === 'other-object')?.line).toBe(10);

    const inSecond = respond({ id: 2, text, keys: TEST_KEYS, defaultNamespace: 'default', cursor: text.indexOf('name: second') });
    expect(inSecond.inFile).toMatchObject({ index: 1, count: 2, name: 'second', firstLine: 13 });
    expect(inSecond.manifests).toBeUndefined();
  });

  it('sends what the Commands panel needs of every MiniCluster of the file without errors, with the objects', () => {
    const both = `${cluster('first', 2)}---\n${cluster('second', 3).replace('  name: second\n', '  name: second\n  namespace: lab\n')}`;
    const response = respond({ id: 4, text: both, keys: TEST_KEYS, defaultNamespace: 'default', cursor: 0, output: { queue: 'q', workload: 'jobset' } });
    expect(response.commandTargets?.map((t) => `${t.namespace}/${t.name} ${t.workload} ${t.queue} ${t.fluxContainer}`)).toEqual([
      'default/first jobset q first',
      'lab/second jobset q second',
    ]);
    // The file above has an error in its second MiniCluster: only the first has commands.
    expect(respond({ id: 5, text, keys: TEST_KEYS, defaultNamespace: 'default', cursor: 5 }).commandTargets?.map((t) => t.name)).toEqual(['first']);
    // No objects, no commands.
    expect(respond({ id: 6, text, keys: TEST_KEYS, defaultNamespace: 'default', cursor: text.indexOf('name: second') }).commandTargets).toBeUndefined();
  });

  it("names the bundle after the file's first MiniCluster wherever the cursor is", () => {
    const both = `${cluster('first', 2)}---\n${cluster('second', 3)}`;
    const inSecond = respond({ id: 7, text: both, keys: TEST_KEYS, moreKeys: [OTHER_KEYS], defaultNamespace: 'default', cursor: both.indexOf('name: second') });
    expect(inSecond.name).toBe('second');
    expect(inSecond.bundleName).toBe('first');
  });

  it('says nothing about documents for a file of one', () => {
    const only = respond({ id: 3, text: cluster('only', 1), keys: TEST_KEYS, defaultNamespace: 'default' });
    expect(only.inFile).toBeUndefined();
    expect(only.wholeFile).toBeUndefined();
  });

  it('has no whole file to bundle while one of its MiniClusters has errors', () => {
    const inFirst = respond({ id: 1, text, keys: TEST_KEYS, moreKeys: [OTHER_KEYS], defaultNamespace: 'default', cursor: 5 });
    expect(inFirst.manifests).toBeDefined();
    expect(inFirst.wholeFile).toBeUndefined();
  });
});

/** A second keypair (libzmq's documented test client pair). */
const OTHER_KEYS = { publicKey: 'Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID', secretKey: 'D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs' };

describe('the bundle of a file of several MiniClusters', () => {
  const cluster = (name: string, size: number, image: string) =>
    `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: ${size}\n  containers:\n    - image: ${image}\n`;
  const text = `${cluster('first', 2, 'ubuntu:noble')}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n${cluster('second', 3, 'rockylinux:9')}`;
  const base = { text, defaultNamespace: 'default', keys: TEST_KEYS, moreKeys: [OTHER_KEYS] };
  const publicKeysIn = (yaml: string) => [...yaml.matchAll(/public-key = "([^"]+)"/g)].map((m) => m[1]);

  it('previews each MiniCluster with its own keypair, and says how to make them all', () => {
    const inFirst = respond({ id: 1, ...base, cursor: 0 });
    const inSecond = respond({ id: 2, ...base, cursor: text.indexOf('second') });
    expect(inFirst.keys).toBe(TEST_KEYS);
    expect(inSecond.keys).toBe(OTHER_KEYS);
    expect(publicKeysIn(inSecond.manifests?.[0]?.yaml ?? '')).toEqual([OTHER_KEYS.publicKey]);
    expect(inFirst.wholeFile).toEqual({ text, defaultNamespace: 'default', keys: [TEST_KEYS, OTHER_KEYS] });
    expect(inSecond.wholeFile).toEqual(inFirst.wholeFile);
  });

  it('holds every MiniCluster\'s objects in file order, each made as its own preview makes it', () => {
    const whole = respond({ id: 1, ...base, cursor: 0 }).wholeFile;
    const all = wholeFileManifests(whole!);
    expect(all?.map((m) => `${m.kind}/${m.name}`)).toEqual([
      'ConfigMap/first-entrypoint',
      'Service/first',
      'Job/first',
      'ConfigMap/second-entrypoint',
      'Service/second',
      'Job/second',
    ]);
    const first = respond({ id: 2, ...base, cursor: 0 }).manifests;
    const second = respond({ id: 3, ...base, cursor: text.indexOf('second') }).manifests;
    expect(all).toEqual([...first!, ...second!]);
  });

  it('keeps the bundle back until every MiniCluster has a keypair of its own', () => {
    const short = respond({ id: 1, text, defaultNamespace: 'default', keys: TEST_KEYS, cursor: 0 });
    expect(short.manifests).toBeDefined();
    expect(short.wholeFile).toBeUndefined();
  });

  it('uses the output options for every MiniCluster', () => {
    const whole = respond({ id: 1, ...base, cursor: 0, output: { workload: 'jobset' } }).wholeFile;
    expect(wholeFileManifests(whole!)?.filter((m) => m.kind === 'JobSet').map((m) => m.name)).toEqual(['first', 'second']);
  });

  it('is what the CLI writes for the file, byte for byte, with one certificate for all', async () => {
    const certificate = testCertificate('first-0');
    const whole = respond({ id: 1, ...base, certificate, cursor: 0 }).wholeFile;
    const dir = mkdtempSync(join(tmpdir(), 'mcs-bundle-'));
    writeFileSync(join(dir, 'file.yaml'), text);
    writeFileSync(join(dir, 'curve.cert'), certificate);
    let stdout = '';
    const code = await runCli(['-f', join(dir, 'file.yaml'), '--curve-cert', join(dir, 'curve.cert')], { stdout: (t) => (stdout += t), stderr: () => undefined, readStdin: () => '' });
    expect(code).toBe(0);
    expect(wholeFileManifests(whole!)?.map((m) => m.yaml).join('')).toBe(stdout);
  });
});

describe('generation with output options', () => {
  const hello = fixture('v1alpha2', 'hello-world');
  const kinds = (response: ReturnType<typeof respond>) => response.manifests?.map((m) => `${m.letter} ${m.kind}/${m.name}`);

  it('makes a JobSet and the certificate Secret, and says which object holds the certificate', () => {
    const plain = respond({ id: 1, text: hello, keys: TEST_KEYS, defaultNamespace: 'default' });
    expect(plain.certificateIn).toEqual({ kind: 'ConfigMap', name: 'flux-sample-entrypoint' });
    const output = { workload: 'jobset', queue: 'team-a', certSecret: true, succeedOnLead: true } as const;
    const response = respond({ id: 2, text: hello, keys: TEST_KEYS, defaultNamespace: 'default', output });
    expect(kinds(response)).toEqual(['c ConfigMap/flux-sample-entrypoint', 'c Secret/flux-sample-curve', 'j JobSet/flux-sample']);
    expect(response.certificateIn).toEqual({ kind: 'Secret', name: 'flux-sample-curve' });
    expect(response.manifests?.[2]?.yaml).toContain('kueue.x-k8s.io/queue-name: team-a');
    expect(response.manifests?.[2]?.yaml).toContain('successPolicy:');
    expect(response.manifests?.[0]?.yaml).not.toMatch(/^  curve\.cert:/m);
    expect(response.optionProblems).toBeUndefined();
  });

  it('adds how the options fit the spec to its diagnostics; an error withholds the objects', () => {
    const warned = respond({ id: 3, text: hello, keys: TEST_KEYS, defaultNamespace: 'default', output: { queue: 'team-a' } });
    expect(warned.manifests).toBeDefined();
    expect(warned.diagnostics.some((d) => d.severity === 'warning' && d.path === 'spec.containers[0]' && d.message.includes('Kueue'))).toBe(true);
    const conflicting = hello.replace('spec:\n', 'spec:\n  jobLabels:\n    kueue.x-k8s.io/queue-name: other\n');
    const refused = respond({ id: 4, text: conflicting, keys: TEST_KEYS, defaultNamespace: 'default', output: { queue: 'team-a' } });
    expect(refused.manifests).toBeUndefined();
    expect(refused.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ path: 'spec.jobLabels["kueue.x-k8s.io/queue-name"]', line: expect.any(Number) });
  });

  it('withholds the objects for an option whose value is not valid, rather than leave it off', () => {
    const response = respond({ id: 5, text: hello, keys: TEST_KEYS, defaultNamespace: 'default', output: { queue: 'Team A', workload: 'jobset' } });
    expect(response.manifests).toBeUndefined();
    expect(response.optionProblems).toEqual([{ option: 'queue', message: expect.stringContaining('"Team A" is not a valid LocalQueue name') }]);
    // The spec itself is still analysed with the valid options.
    expect(response.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(response.version).toBe('v1alpha2');
  });

  it('finds the certificate where v1alpha1 keeps it, and names no holder for a spec with its own Secret', () => {
    const volumes = fixture('v1alpha1', 'volumes');
    expect(respond({ id: 6, text: volumes, keys: TEST_KEYS, defaultNamespace: 'default' }).certificateIn).toMatchObject({ kind: 'ConfigMap', name: expect.stringMatching(/-curve-mount$/) });
    expect(respond({ id: 7, text: volumes, keys: TEST_KEYS, defaultNamespace: 'default', output: { certSecret: true } }).certificateIn).toMatchObject({ kind: 'Secret', name: expect.stringMatching(/-curve$/) });
    const own = respond({ id: 8, text: fixture('v1alpha1', 'existing-secret'), keys: TEST_KEYS, defaultNamespace: 'default', output: { certSecret: true } });
    expect(own.manifests).toBeDefined();
    expect(own.certificateIn).toBeUndefined();
  });
});
