/** The gang options' checks: their own values, how they fit the spec (at the field), and their notes. */
import { describe, expect, it } from 'vitest';
import { analyzeAnySpec } from '../pipeline.ts';
import { fixture } from '../testing/fixtures.ts';
import { optionValueProblems, type OutputOptions } from './options.ts';
import { targetRules } from './rules.ts';

const spec = (pod = '', name = 'flux-sample') => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: ${name}
spec:
  size: 4
${pod}  containers:
    - image: ghcr.io/example/app:1
      command: app
`;

const analyze = (text: string, output: OutputOptions) => analyzeAnySpec(text, { output });
const byCode = (text: string, output: OutputOptions, code: string) => analyze(text, output).diagnostics.filter((d) => d.code === code);
const messages = (output: OutputOptions) => optionValueProblems(output).map((p) => `${p.option}: ${p.message}`);

describe('the gang options’ own values', () => {
  it('accept what the schedulers take', () => {
    expect(optionValueProblems({ gang: 'coscheduling', schedulerName: 'fluence', gangTimeout: 120 })).toEqual([]);
    expect(optionValueProblems({ gang: 'volcano', schedulerName: 'volcano', gangQueue: 'research.gpu' })).toEqual([]);
    expect(optionValueProblems({ gang: 'coscheduling', gangTimeout: 2147483647 })).toEqual([]);
  });

  it('refuse a gang that is none of the two', () => {
    expect(messages({ gang: 'kueue' as never })).toEqual(['gang: The gang scheduler "kueue" is not one of coscheduling or volcano.']);
  });

  it('refuse a timeout that is not a positive int32, and a timeout or queue of the other scheduler, saying what to do', () => {
    for (const timeout of [0, -5, 1.5, 2147483648, Number.NaN]) expect(messages({ gang: 'coscheduling', gangTimeout: timeout })[0]).toContain('is not a whole number of seconds from 1 to 2147483647');
    expect(messages({ gang: 'volcano', gangTimeout: 60 })).toEqual(['gangTimeout: A Volcano PodGroup has no timeout (scheduleTimeoutSeconds is coscheduling\'s): leave the gang timeout out, or use --gang coscheduling.']);
    expect(messages({ gang: 'coscheduling', gangQueue: 'hpc' })[0]).toContain('A coscheduling PodGroup has no queue (a Kueue queue is --queue): leave the Volcano queue out, or use --gang volcano.');
  });

  it('refuse a Volcano queue that is not a DNS-1123 subdomain', () => {
    expect(messages({ gang: 'volcano', gangQueue: 'Team_A' })[0]).toContain('gangQueue: The Volcano queue "Team_A" is not a valid queue name: use lowercase letters');
    expect(messages({ gang: 'volcano', gangQueue: '' })[0]).toContain('it is empty');
    expect(messages({ gang: 'volcano', gangQueue: 'q'.repeat(254) })[0]).toContain('254 characters');
  });

  it('refuse a scheduler name that is not a name, and any of the three without a gang', () => {
    expect(messages({ gang: 'coscheduling', schedulerName: 'My Scheduler' })[0]).toContain('The scheduler name "My Scheduler" is not a valid scheduler name');
    expect(messages({ schedulerName: 'fluence' })).toEqual(['schedulerName: The scheduler name is for the gang option only: choose coscheduling or volcano (--gang), or leave the scheduler name out.']);
    expect(messages({ gangTimeout: 60 })[0]).toContain('add --gang coscheduling');
    expect(messages({ gangQueue: 'hpc' })[0]).toContain('add --gang volcano');
  });

  it('reach the analysis as an error, whoever calls it', () => {
    const analysis = analyze(spec(), { gang: 'volcano', gangTimeout: 60 });
    expect(analysis.resolved).toBeUndefined();
    expect(analysis.diagnostics.find((d) => d.code === 'output-option')?.message).toContain('Fix the gang-timeout output option');
  });
});

describe('the gang option against the spec', () => {
  it('refuses a spec.pod.schedulerName that is not the gang scheduler, at that field', () => {
    const text = spec('  pod:\n    schedulerName: default-scheduler\n');
    const [problem] = byCode(text, { gang: 'coscheduling' }, 'gang-scheduler-name');
    expect(problem).toMatchObject({ severity: 'error', path: 'spec.pod.schedulerName', line: 8, column: 20 });
    expect(problem?.message).toContain('"scheduler-plugins-scheduler"');
    expect(problem?.message).toContain('pass --scheduler-name default-scheduler');
    expect(byCode(text, { gang: 'volcano', schedulerName: 'my-volcano' }, 'gang-scheduler-name')[0]?.message).toContain('(--gang volcano --scheduler-name my-volcano) gives them "my-volcano"');
    // The same name on both sides is no conflict.
    expect(analyze(text, { gang: 'coscheduling', schedulerName: 'default-scheduler' }).resolved).toBeDefined();
    expect(analyze(spec('  pod:\n    schedulerName: volcano\n'), { gang: 'volcano' }).resolved).toBeDefined();
  });

  it('refuses a pod label or annotation that names another PodGroup, at that key', () => {
    const labelled = spec('  pod:\n    labels:\n      scheduling.x-k8s.io/pod-group: my-group\n');
    const [label] = byCode(labelled, { gang: 'coscheduling' }, 'gang-group-conflict');
    expect(label).toMatchObject({ severity: 'error', path: 'spec.pod.labels["scheduling.x-k8s.io/pod-group"]', line: 9, column: 38 });
    expect(label?.message).toContain('PodGroup "my-group", but the gang option makes the PodGroup "flux-sample"');
    const annotated = spec('  pod:\n    annotations:\n      scheduling.k8s.io/group-name: my-group\n');
    expect(byCode(annotated, { gang: 'volcano' }, 'gang-group-conflict')[0]).toMatchObject({ severity: 'error', path: 'spec.pod.annotations["scheduling.k8s.io/group-name"]', line: 9 });
    // The other scheduler's key does not stop the gang, but it is said.
    expect(byCode(annotated, { gang: 'coscheduling' }, 'gang-other-group')[0]).toMatchObject({ severity: 'warning', line: 9 });
    expect(analyze(annotated, { gang: 'coscheduling' }).resolved).toBeDefined();
    // Naming the MiniCluster's own PodGroup is what the option does anyway.
    expect(analyze(spec('  pod:\n    labels:\n      scheduling.x-k8s.io/pod-group: flux-sample\n'), { gang: 'coscheduling' }).resolved).toBeDefined();
  });

  it('refuses a name that cannot be a label value, which the analysis alone never lets through', () => {
    const long = 'a'.repeat(70);
    const cluster = { metadata: { name: long, namespace: 'default' }, spec: { size: 2, containers: [] } };
    const problem = targetRules('v1alpha2', cluster, { gang: 'coscheduling' }).find((p) => p.code === 'gang-name-label');
    expect(problem).toMatchObject({ severity: 'error', path: ['metadata', 'name'] });
    expect(problem?.message).toContain('70 characters, 7 more than the 63 a label value allows');
    // Volcano names the group in an annotation, which has no such limit.
    expect(targetRules('v1alpha2', cluster, { gang: 'volcano' }).some((p) => p.code === 'gang-name-label')).toBe(false);
  });

  it('notes that every run needs a fresh PodGroup, Kubernetes’ own gang for a Job, and the order with Kueue', () => {
    const notes = (output: OutputOptions) => analyze(spec(), output).diagnostics.filter((d) => d.code.startsWith('gang-')).map((d) => `${d.severity} ${d.code} ${d.path}`);
    expect(notes({ gang: 'coscheduling' })).toEqual(['info gang-fresh-group metadata.name', 'info gang-native metadata.name']);
    expect(notes({ gang: 'volcano', workload: 'jobset' })).toEqual(['info gang-fresh-group metadata.name']);
    expect(notes({ gang: 'volcano', queue: 'team-a' })).toContain('info gang-kueue metadata.name');
    expect(notes({})).toEqual([]);
    const texts = analyze(spec(), { gang: 'coscheduling', queue: 'team-a' }).diagnostics.map((d) => d.message).join('\n');
    expect(texts).toContain('Delete the whole bundle, PodGroup included');
    expect(texts).toContain('Kubernetes 1.36 can gang-schedule this Job by itself');
    expect(texts).toContain('Kueue admits the Job first');
    expect(texts).toContain('then the coscheduling scheduler places its pods together');
  });

  it('works the same for a v1alpha1 spec, whose pods have labels and annotations but no scheduler name', () => {
    const analysis = analyze(fixture('v1alpha1', 'hello-world'), { gang: 'volcano', gangQueue: 'hpc' });
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.resolved).toBeDefined();
  });
});
