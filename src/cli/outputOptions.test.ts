/** The CLI's output options: flags, what they change, and how a bad value or a bad fit is reported. */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readCurveCert } from '../core/curve/index.ts';
import { fixturePath } from '../core/testing/fixtures.ts';
import { decodeOutputParams, draftProblems, OUTPUT_OFF } from '../app/output/outputOptions.ts';
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
    for (const flag of ['--workload job|jobset', '--queue NAME', '--priority-class NAME', '--succeed-on-lead', '--cert-secret', '--gang coscheduling|volcano', '--scheduler-name NAME', '--gang-timeout SECONDS', '--gang-queue NAME']) expect(stdout).toContain(flag);
    expect(stdout).toContain('Kubernetes 1.31');
  });

  it('parses the gang flags, a number for the timeout', () => {
    expect(parseArgs(['--gang', 'coscheduling', '--scheduler-name=fluence', '--gang-timeout', '90', '-f', 'x']).output).toEqual({ gang: 'coscheduling', schedulerName: 'fluence', gangTimeout: 90 });
    expect(parseArgs(['--gang=volcano', '--gang-queue', 'hpc', '-f', 'x']).output).toEqual({ gang: 'volcano', gangQueue: 'hpc' });
  });

  it('puts the PodGroup first in the stream and in --output-dir, and files it with the workload (-i j)', async () => {
    const { code, stdout } = await run(['-f', HELLO, '--gang', 'volcano', '--gang-queue', 'hpc', '--workload', 'jobset']);
    expect(code).toBe(0);
    const docs = docsOf(stdout);
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['PodGroup/flux-sample', 'ConfigMap/flux-sample-entrypoint', 'JobSet/flux-sample']);
    expect(docs[0]).toMatchObject({ apiVersion: 'scheduling.volcano.sh/v1beta1', spec: { minMember: 4, queue: 'hpc' } });
    expect(JSON.stringify(docs[2]?.spec)).toContain('"annotations":{"scheduling.k8s.io/group-name":"flux-sample"}');
    expect(docsOf((await run(['-f', HELLO, '-i', 'c', '--gang', 'coscheduling'])).stdout).map((d) => d.kind)).toEqual(['ConfigMap']);
    expect(docsOf((await run(['-f', HELLO, '-i', 'j', '--gang', 'coscheduling'])).stdout).map((d) => d.kind)).toEqual(['PodGroup', 'Job']);
  });

  it('refuses gang flags that do not go together as wrong usage (exit 2), saying what to do', async () => {
    const cases: Array<[string[], string]> = [
      [['--gang', 'volcano', '--gang-timeout', '60'], '--gang-timeout: A Volcano PodGroup has no timeout'],
      [['--gang', 'coscheduling', '--gang-queue', 'hpc'], '--gang-queue: A coscheduling PodGroup has no queue'],
      [['--scheduler-name', 'fluence'], '--scheduler-name: The scheduler name is for the gang option only'],
      [['--gang-timeout', '60'], 'add --gang coscheduling'],
      [['--gang', 'coscheduling', '--gang-timeout', 'soon'], '--gang-timeout: The gang timeout "soon" is not a whole number of seconds from 1 to 2147483647.'],
      [['--gang', 'coscheduling', '--gang-timeout', '2147483648'], 'is not a whole number of seconds from 1 to 2147483647'],
      [['--gang', 'slurm'], '--gang: The gang scheduler "slurm" is not one of coscheduling or volcano'],
      [['--gang', 'volcano', '--gang-queue', 'Bad_Queue'], 'The Volcano queue "Bad_Queue" is not a valid queue name'],
    ];
    for (const [flags, message] of cases) {
      const result = await run(['-f', HELLO, ...flags]);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it('reports a spec scheduler that disagrees with the gang at its place (exit 1), and the gang notes with -v', async () => {
    const refused = await run(['-f', fixturePath('v1alpha2', 'pod-settings'), '--gang', 'coscheduling']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/pod-settings\.yaml:27:20: spec\.pod\.schedulerName: The pods' scheduler is "volcano" here/);
    const notes = await run(['-f', HELLO, '--gang', 'coscheduling', '-v']);
    expect(notes.code).toBe(0);
    expect(notes.stderr).toContain('note: The coscheduling PodGroup flux-sample serves one run');
    expect(notes.stderr).toContain('note: Kubernetes 1.36 can gang-schedule this Job by itself');
  });
});

describe('a gang timeout that is not decimal digits from 1 to 2147483647', () => {
  // The CLI, the share link and the app's panel read it with the core's one reader, so they refuse the same texts alike.
  it.each(['1e3', '0x10', ' 5', '5.0', '-1', '2147483648'])('%j is refused by the CLI, the share link and the panel with the same message', (text) => {
    const message = `The gang timeout ${JSON.stringify(text)} is not a whole number of seconds from 1 to 2147483647.`;
    expect(() => parseArgs(['--gang', 'coscheduling', '--gang-timeout', text, '-f', 'x'])).toThrow(`--gang-timeout: ${message}`);
    expect(() => parseArgs(['--gang', 'coscheduling', `--gang-timeout=${text}`, '-f', 'x'])).toThrow(`--gang-timeout: ${message}`);
    expect(decodeOutputParams(`#gang=coscheduling&gang-timeout=${encodeURIComponent(text)}`)).toEqual({ options: { gang: 'coscheduling' }, problems: [`${message} It was left out.`] });
    expect(draftProblems({ ...OUTPUT_OFF, gang: 'coscheduling', gangTimeout: text }).map((p) => p.message)).toEqual([message]);
  });
});

describe('--help and --version', () => {
  it('are answered whatever else is given: the options are not checked against each other then', async () => {
    expect(parseArgs(['--scheduler-name', 'x', '--help']).help).toBe(true);
    expect(parseArgs(['--gang-timeout', '60', '--version']).version).toBe(true);
    expect(parseArgs(['--check', '--migrate', '-h', 'spec.yaml']).help).toBe(true);
    expect(() => parseArgs(['--scheduler-name', 'x'])).toThrow('The scheduler name is for the gang option only');
    const help = await run(['--scheduler-name', 'x', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: minicluster-gen');
  });
});
