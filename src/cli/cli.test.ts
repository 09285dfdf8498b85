/** The CLI's contract: flags, output, exit codes, error format. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readCurveCert } from '../core/curve/index.ts';
import { fixturePath } from '../core/testing/fixtures.ts';
import { manyContainers } from '../core/testing/manyContainers.ts';
import { BIN, runInProcess as run } from './runInProcess.test-util.ts';

const HELLO = fixturePath('v1alpha2', 'hello-world');
const V1_VOLUMES = fixturePath('v1alpha1', 'volumes');
const USER_CERT = fixturePath('v1alpha2', 'user-certificate');

const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as { kind: string; metadata: { name: string } });

describe('minicluster-gen', () => {
  it('prints ConfigMap, Service and Job as a --- separated stream', async () => {
    const { code, stdout } = await run(['-f', HELLO]);
    expect(code).toBe(0);
    expect(stdout.startsWith('---\n') || stdout.startsWith('apiVersion')).toBe(true);
    expect(docsOf(stdout).map((d) => d.kind)).toEqual(['ConfigMap', 'Service', 'Job']);
  });

  it('honours -i letters in any order and -i=value', async () => {
    expect(docsOf((await run(['-i', 'js', '-f', HELLO])).stdout).map((d) => d.kind)).toEqual(['Service', 'Job']);
    expect(docsOf((await run(['-i=c', '--f', HELLO])).stdout).map((d) => d.kind)).toEqual(['ConfigMap']);
    // A letter only the other version has: a note while other letters select objects, a usage fault when none does.
    const cv = await run(['-f', HELLO, '-i', 'cv']);
    expect(cv.code).toBe(0);
    expect(docsOf(cv.stdout).map((d) => d.kind)).toEqual(['ConfigMap']);
    expect(cv.stderr).toBe('minicluster-gen: note: -i cv: v1alpha2 has no objects for v (its volumes are part of the Job); its letters are csjp.\n');
    const v = await run(['-f', HELLO, '-i', 'v']);
    expect(v.code).toBe(2);
    expect(v.stdout).toBe('');
    expect(v.stderr.split('\n')[0]).toBe('minicluster-gen: -i v: v1alpha2 has no objects for v (its volumes are part of the Job); its letters are csjp.');
  });

  it('reads standard input with -f - and applies --namespace', async () => {
    const { code, stdout } = await run(['-f', '-', '--namespace', 'hpc'], readFileSync(HELLO, 'utf8'));
    expect(code).toBe(0);
    expect(stdout).toContain('namespace: hpc');
    expect(stdout).toContain('flux-sample.hpc.svc.cluster.local');
  });

  it('prints spec problems as FILE:LINE:COL: path: message and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: x\nspec:\n  size: 4\n  maxSize: 2\n  containers: []\n');
    const { code, stdout, stderr } = await run(['-f', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}:7:12: spec.maxSize: maxSize 2 is smaller than size 4`);
    expect(stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8:\\d+: spec.containers: `));
  });

  it('matches fluxoperator-gen layout on request (--sort-keys --server-fields --legacy-separator)', async () => {
    const { stdout } = await run(['-f', HELLO, '-i', 'js', '--sort-keys', '--server-fields', '--legacy-separator']);
    expect(stdout.startsWith('----\napiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  name: flux-sample\n')).toBe(true);
    expect(stdout).toContain('status:\n  loadBalancer: {}\n');
    expect(stdout).toMatch(/\n----\napiVersion: batch\/v1\nkind: Job\n/);
    expect(stdout).toContain('\nstatus: {}\n');
    const plain = (await run(['-f', HELLO])).stdout;
    expect(plain).not.toContain('creationTimestamp');
    expect(plain).not.toMatch(/^status:/m);
  });

  it('exits 2 for usage errors', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
    expect((await run(['-f', '/nonexistent/file.yaml'])).code).toBe(2);
    expect((await run(['-f', HELLO, '--format', 'xml'])).code).toBe(2);
    const help = await run(['-h']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: minicluster-gen/);
  });

  it('writes one file per object with --output-dir and JSON with --format json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-out-'));
    expect((await run(['-f', HELLO, '--output-dir', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['01-configmap-flux-sample-entrypoint.yaml', '02-service-flux-sample.yaml', '03-job-flux-sample.yaml']);
    const json = JSON.parse((await run(['-f', HELLO, '--format', 'json'])).stdout) as { kind: string; items: unknown[] };
    expect(json.kind).toBe('List');
    expect(json.items).toHaveLength(3);
  });

  it('generates a fresh valid certificate each run, or reuses --curve-cert', async () => {
    const certOf = (out: string) => (docsOf(out)[0] as unknown as { data: Record<string, string> }).data['curve.cert'] ?? '';
    const first = certOf((await run(['-f', HELLO, '-i', 'c'])).stdout);
    const second = certOf((await run(['-f', HELLO, '-i', 'c'])).stdout);
    expect(readCurveCert(first).ok).toBe(true);
    expect(first).not.toBe(second);
    const dir = mkdtempSync(join(tmpdir(), 'mcg-cert-'));
    writeFileSync(join(dir, 'curve.cert'), first);
    expect(certOf((await run(['-f', HELLO, '-i', 'c', '--curve-cert', join(dir, 'curve.cert')])).stdout)).toBe(first);
    writeFileSync(join(dir, 'bad.cert'), first.replace(/secret-key = "./, 'secret-key = " '));
    const bad = await run(['-f', HELLO, '--curve-cert', join(dir, 'bad.cert')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.cert:10:\d+: curve certificate: /);
  });

  it('--curve-cert wins over the spec\'s flux.curveCert, and says so once on stderr', async () => {
    const certOf = (out: string) => (docsOf(out)[0] as unknown as { data: Record<string, string> }).data['curve.cert'] ?? '';
    const specCert = certOf((await run(['-f', USER_CERT, '-i', 'c'])).stdout);
    const specSecret = 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6';
    expect(specCert).toContain(specSecret);
    const dir = mkdtempSync(join(tmpdir(), 'mcg-cert-'));
    const flagCert = join(dir, 'curve.cert');
    writeFileSync(flagCert, certOf((await run(['-f', HELLO, '-i', 'c'])).stdout));

    const { code, stdout, stderr } = await run(['-f', USER_CERT, '--curve-cert', flagCert]);
    expect(code).toBe(0);
    expect(certOf(stdout)).toBe(readFileSync(flagCert, 'utf8'));
    expect(stdout).not.toContain(specSecret);
    expect(stderr).toBe(
      `minicluster-gen: note: using the CURVE certificate from --curve-cert ${flagCert}, not spec.flux.curveCert in ${USER_CERT}: ` +
        'a flag on the command line overrides the spec.\n',
    );
    // Without the flag, or without a certificate in the spec, nothing to say.
    expect((await run(['-f', USER_CERT])).stderr).toBe('');
    expect((await run(['-f', HELLO, '--curve-cert', flagCert])).stderr).toBe('');
    expect((await run(['-h'])).stdout).toMatch(/--curve-cert FILE .*\n.*replaces the spec's own flux\.curveCert/);
  });

  it('runs as a command after the build (bin/minicluster-gen.js)', () => {
    const out = execFileSync(process.execPath, [BIN, '-f', HELLO, '-i', 's'], { encoding: 'utf8' });
    expect(docsOf(out).map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['Service/flux-sample']);
    const bad = spawnSync(process.execPath, [BIN, '-f', HELLO, '--nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });

  it('generates a v1alpha1 spec: -i csjv and -i v', async () => {
    const all = await run(['-f', V1_VOLUMES, '-i', 'csjv']);
    expect(all.code).toBe(0);
    expect(docsOf(all.stdout).map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'ConfigMap/flux-sample-entrypoint',
      'ConfigMap/flux-sample-flux-config',
      'ConfigMap/flux-sample-curve-mount',
      'PersistentVolume/data',
      'PersistentVolumeClaim/data-claim',
      'Service/flux-service',
      'Job/flux-sample',
    ]);
    const volumes = await run(['-f', V1_VOLUMES, '-i', 'v', '--server-fields']);
    expect(volumes.code).toBe(0);
    expect(volumes.stderr).toBe('');
    expect(docsOf(volumes.stdout).map((d) => d.kind)).toEqual(['PersistentVolume', 'PersistentVolumeClaim']);
        expect(volumes.stdout).toContain('status: {}');
  });
});

describe('minicluster-gen and an object larger than the API server takes', () => {
  it('writes no objects of that input, says which object at the MiniCluster, and exits 1; the other inputs are made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-wide-'));
    const wide = join(dir, 'wide.yaml');
    writeFileSync(wide, manyContainers(120, 6000));
    const alone = await run(['-f', wide]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toBe('');
    expect(alone.stderr).toMatch(new RegExp(`^${wide.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: spec: The ConfigMap "wide-entrypoint" would hold 1\\.\\d MiB`));
    expect(alone.stderr).toContain('wide.yaml: 1 problem; nothing generated.');
    for (const mode of [['--tree'], ['--output-dir', join(dir, 'out')]]) expect((await run([...mode, '-f', wide])).code, mode.join(' ')).toBe(1);
    const both = await run(['-f', fixturePath('v1alpha2', 'hello-world'), '-f', wide]);
    expect(both.code).toBe(1);
    expect(both.stdout.match(/^kind: Job$/gm)).toHaveLength(1);
  });
});

describe('minicluster-gen on a file of several objects', () => {
  const cluster = (name: string, size: number) =>
    `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: ${size}\n  containers:\n    - image: ubuntu:noble\n`;
  const podGroup = 'apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: PodGroup\nmetadata:\n  name: first\nspec:\n  minMember: 2\n';
  const file = `${podGroup}---\n${cluster('first', 2)}---\n${cluster('second', 3)}`;

  it('generates every MiniCluster in file order, in one stream, and names the other objects', async () => {
    const { code, stdout, stderr } = await run(['-f', '-', '-i', 'j'], file);
    expect(code).toBe(0);
    expect(docsOf(stdout).map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['Job/first', 'Job/second']);
    expect(stderr).toBe('<stdin>:1:1: (document): note: Line 1: PodGroup first (scheduling.x-k8s.io/v1alpha1) is not a MiniCluster; it is left as it is and not part of the generated objects.\n');
  });

  it('keeps the objects of each MiniCluster apart with --output-dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-multi-'));
    expect((await run(['-f', '-', '--output-dir', dir], file)).code).toBe(0);
    const names = readdirSync(dir).sort();
    expect(names).toEqual([
      '01-configmap-first-entrypoint.yaml',
      '02-service-first.yaml',
      '03-job-first.yaml',
      '04-configmap-second-entrypoint.yaml',
      '05-service-second.yaml',
      '06-job-second.yaml',
    ]);
  });

  it('generates nothing when one MiniCluster has an error, and says where', async () => {
    const broken = `${cluster('first', 2)}---\n${cluster('second', 0)}`;
    const { code, stdout, stderr } = await run(['-f', '-'], broken);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('<stdin>:15:9: spec.size: size is 0');
    expect(stderr).toContain('nothing generated');
  });

  it('says a file of other objects has no MiniCluster', async () => {
    const { code, stderr } = await run(['-f', '-'], `${podGroup}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n`);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^<stdin>:1:1: \(document\): This file holds no MiniCluster, only PodGroup first/);
  });
});
