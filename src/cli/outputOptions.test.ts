/** The CLI's output options: flags, what they change, and how a bad value or a bad fit is reported. */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readCurveCert } from '../core/curve/index.ts';
import { fixturePath } from '../core/testing/fixtures.ts';
import { parseArgs } from './args.ts';
import { runInProcess as run } from './runInProcess.test-util.ts';

const HELLO = fixturePath('v1alpha2', 'hello-world');
const V1_HELLO = fixturePath('v1alpha1', 'hello-world');

type Doc = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: Record<string, unknown>; stringData?: Record<string, string>; data?: Record<string, string> };
const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Doc);

describe('minicluster-gen output options', () => {
  it('parses each flag, in both spellings, into the output options', () => {
    expect(parseArgs(['--queue', 'team-a', '--priority-class=high', '--succeed-on-lead', '--cert-secret', '--workload', 'jobset', '-f', 'x']).output).toEqual({
      queue: 'team-a',
      priorityClass: 'high',
      succeedOnLead: true,
      certSecret: true,
      workload: 'jobset',
    });
    expect(parseArgs(['-f', 'x']).output).toEqual({});
    expect(parseArgs(['--cert-secret=false', '-f', 'x']).output).toEqual({ certSecret: false });
  });

  it('makes one bundle of all of them: Secret with the ConfigMap, a labelled JobSet that ends with the lead broker', async () => {
    const { code, stdout, stderr } = await run(['-f', HELLO, '--queue', 'team-a', '--priority-class', 'high', '--succeed-on-lead', '--cert-secret', '--workload', 'jobset']);
    expect(code).toBe(0);
    expect(stderr).toContain('warning: Kueue counts this container');
    const docs = docsOf(stdout);
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['ConfigMap/flux-sample-entrypoint', 'Secret/flux-sample-curve', 'JobSet/flux-sample']);
    expect(docs[0]?.data?.['curve.cert']).toBeUndefined();
    const cert = readCurveCert(docs[1]?.stringData?.['curve.cert'] ?? '');
    expect(cert.ok).toBe(true);
    expect(docs[1]?.stringData?.['curve.cert']).toContain('keygen.hostname = "flux-sample-node-0-0"');
    expect(docs[2]?.metadata.labels).toEqual({ 'kueue.x-k8s.io/priority-class': 'high', 'kueue.x-k8s.io/queue-name': 'team-a' });
    expect(JSON.stringify(docs[2]?.spec)).toContain('"successPolicy":{"rules":[{"succeededIndexes":"0"}]}');
  });

  it('files the Secret under -i c and the JobSet under -i j', async () => {
    expect(docsOf((await run(['-f', HELLO, '-i', 'c', '--cert-secret'])).stdout).map((d) => d.kind)).toEqual(['ConfigMap', 'Secret']);
    expect(docsOf((await run(['-f', HELLO, '-i', 'sj', '--workload', 'jobset'])).stdout).map((d) => d.kind)).toEqual(['JobSet']);
  });

  it('refuses a bad value as wrong usage (exit 2), saying what is wrong', async () => {
    const queue = await run(['-f', HELLO, '--queue', 'Team_A']);
    expect(queue.code).toBe(2);
    expect(queue.stderr).toContain('minicluster-gen: --queue: The Kueue queue "Team_A" is not a valid LocalQueue name');
    const workload = await run(['-f', HELLO, '--workload', 'deployment']);
    expect(workload.code).toBe(2);
    expect(workload.stderr).toContain('--workload: The workload "deployment" is not one of job or jobset');
    expect((await run(['-f', HELLO, '--priority-class', '-x'])).code).toBe(2);
  });

  it('reports an option that does not fit the spec at its place in the file (exit 1)', async () => {
    const { code, stdout, stderr } = await run(['-f', V1_HELLO, '--workload', 'jobset']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^${V1_HELLO.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1:\\d+: apiVersion: A JobSet is made from v1alpha2 specs only`, 'm'));
  });

  it('lists the options with what they need in --help', async () => {
    const { stdout } = await run(['--help']);
    for (const flag of ['--workload job|jobset', '--queue NAME', '--priority-class NAME', '--succeed-on-lead', '--cert-secret']) expect(stdout).toContain(flag);
    expect(stdout).toContain('Kubernetes 1.31');
  });
});
