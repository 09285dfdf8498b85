/** A hand-written PodGroup beside its MiniCluster in one file: understood, and checked against it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFile, fileDiagnostics } from './fileAnalysis.ts';
import type { OutputOptions } from './targets/options.ts';
import { fixtureFilePath } from './testing/fixtures.ts';

const coschedulingGroup = (name: string, minMember: number, namespace?: string) => `apiVersion: scheduling.x-k8s.io/v1alpha1
kind: PodGroup
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  minMember: ${minMember}
`;
const volcanoGroup = (name: string, minMember: number) => `apiVersion: scheduling.volcano.sh/v1beta1
kind: PodGroup
metadata:
  name: ${name}
spec:
  minMember: ${minMember}
  queue: default
`;
const miniCluster = (pod: string, size = 4, version = 'v1alpha2') => `apiVersion: flux-framework.org/${version}
kind: MiniCluster
metadata:
  name: flux-sample
spec:
  size: ${size}
  pod:
${pod}  containers:
    - image: ubuntu:noble
      command: hostname
`;
const LABEL = '    labels:\n      scheduling.x-k8s.io/pod-group: flux-sample\n';
const ANNOTATION = '    annotations:\n      scheduling.k8s.io/group-name: flux-sample\n';
const FLUENCE = '    schedulerName: fluence\n';

const file = (...documents: string[]) => documents.join('---\n');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const problems = (text: string, output: OutputOptions = {}) => fileDiagnostics(analyzeFile(text, { output })).filter((d) => d.code.startsWith('podgroup-'));

describe('a file with a hand-written PodGroup', () => {
  it('that fits: no problem, the MiniCluster generates, and the PodGroup is named as its pods’ gang', () => {
    for (const text of [file(coschedulingGroup('flux-sample', 4), miniCluster(FLUENCE + LABEL)), file(miniCluster(`    schedulerName: volcano\n${ANNOTATION}`), volcanoGroup('flux-sample', 3))]) {
      const analysis = analyzeFile(text);
      expect(problems(text)).toEqual([]);
      expect(analysis.specs[0]?.analysis.resolved).toBeDefined();
      const note = analysis.diagnostics.find((d) => d.code === 'other-object');
      expect(note?.message).toMatch(/PodGroup flux-sample \(scheduling\.[a-z0-9.-]+\/v1\w+\) is the gang of MiniCluster flux-sample's pods/);
      expect(note?.message).toContain('apply it before them');
    }
  });

  it('the project’s example file: fluence with its PodGroup, both in namespace hpc', () => {
    const analysis = analyzeFile(readFileSync(fixtureFilePath('minicluster-with-podgroup'), 'utf8'));
    expect(fileDiagnostics(analysis).filter((d) => d.severity !== 'info')).toEqual([]);
    expect(analysis.specs[0]?.analysis.resolved?.cluster.metadata).toMatchObject({ name: 'lammps', namespace: 'hpc' });
  });

  it('whose minMember is over the size: an error at minMember, and no objects', () => {
    const text = file(coschedulingGroup('flux-sample', 6), miniCluster(FLUENCE + LABEL));
    const [problem] = problems(text);
    expect(problem).toMatchObject({ severity: 'error', code: 'podgroup-min-member', path: 'spec.minMember', line: lineOf(text, 'minMember'), column: 14 });
    expect(problem?.message).toContain('minMember is 6, but MiniCluster flux-sample has 4 pods');
    expect(problem?.message).toContain('Set minMember to 4');
    expect(analyzeFile(text).specs[0]?.analysis.resolved).toBeUndefined();
  });

  it('in another namespace: an error at its namespace, or at its name when it names none', () => {
    const elsewhere = file(coschedulingGroup('flux-sample', 4, 'other'), miniCluster(FLUENCE + LABEL));
    expect(problems(elsewhere)[0]).toMatchObject({ severity: 'error', code: 'podgroup-namespace', path: 'metadata.namespace', line: lineOf(elsewhere, 'namespace: other') });
    // Neither names a namespace: both go to the default one.
    expect(problems(file(coschedulingGroup('flux-sample', 4), miniCluster(FLUENCE + LABEL)))).toEqual([]);
    const inHpc = file(coschedulingGroup('flux-sample', 4), miniCluster(FLUENCE + LABEL).replace('  name: flux-sample\n', '  name: flux-sample\n  namespace: hpc\n'));
    const [unnamed] = problems(inHpc);
    expect(unnamed).toMatchObject({ code: 'podgroup-namespace', path: 'metadata.name', line: 4 });
    expect(unnamed?.message).toContain('the default one, as it names none');
  });

  it('with no scheduler name on the pods: a warning at their label, that the default scheduler ignores the gang', () => {
    const text = file(coschedulingGroup('flux-sample', 4), miniCluster(LABEL));
    const [problem] = problems(text);
    expect(problem).toMatchObject({ severity: 'warning', code: 'podgroup-no-scheduler', path: 'spec.pod.labels["scheduling.x-k8s.io/pod-group"]', line: lineOf(text, 'scheduling.x-k8s.io/pod-group') });
    expect(problem?.message).toContain('Set spec.pod.schedulerName to the scheduler that reads coscheduling PodGroups (scheduler-plugins-scheduler, or fluence)');
    expect(analyzeFile(text).specs[0]?.analysis.resolved).toBeDefined();
    // v1alpha1 has no such field: the way out is the upgrade, or the gang option.
    const v1 = file(coschedulingGroup('flux-sample', 4), miniCluster(LABEL, 4, 'v1alpha1'));
    expect(problems(v1)[0]?.message).toContain('a v1alpha1 MiniCluster cannot name their scheduler');
    // The gang option gives the pods a scheduler name.
    expect(problems(text, { gang: 'coscheduling' }).map((p) => p.code)).toEqual(['podgroup-twice']);
  });

  it('of the other scheduler than the key the pods use: a warning that says which key to use', () => {
    const text = file(volcanoGroup('flux-sample', 4), miniCluster(FLUENCE + LABEL));
    const [problem] = problems(text);
    expect(problem).toMatchObject({ severity: 'warning', code: 'podgroup-wrong-kind', line: lineOf(text, 'scheduling.x-k8s.io/pod-group') });
    expect(problem?.message).toContain('with the annotation scheduling.k8s.io/group-name');
  });

  it('that the pods name but the file does not hold: a note at the label', () => {
    const text = file(coschedulingGroup('someone-else', 4), miniCluster(FLUENCE + LABEL));
    const [problem] = problems(text);
    expect(problem).toMatchObject({ severity: 'info', code: 'podgroup-elsewhere', line: lineOf(text, 'scheduling.x-k8s.io/pod-group') });
    expect(problem?.message).toContain('which is not in this file: it must exist in namespace default before the pods are created');
    // The PodGroup that no pod joins is another object, as before.
    expect(analyzeFile(text).diagnostics.find((d) => d.code === 'other-object')?.message).toContain('is not a MiniCluster; it is left as it is');
  });

  it('joined by the pods of two MiniClusters: minMember is checked against their pods together, and the note names both', () => {
    const second = miniCluster(FLUENCE + LABEL).replace('name: flux-sample\n', 'name: second\n');
    const together = (minMember: number) => file(coschedulingGroup('flux-sample', minMember), miniCluster(FLUENCE + LABEL), second);
    expect(problems(together(8))).toEqual([]);
    expect(analyzeFile(together(8)).diagnostics.find((d) => d.code === 'other-object' || d.message.includes('is the gang of'))?.message).toContain('the pods of MiniClusters flux-sample, second');
    const over = problems(together(9));
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ severity: 'error', code: 'podgroup-min-member', line: lineOf(together(9), 'minMember') });
    expect(over[0]?.message).toContain('(flux-sample: 4, second: 4) have 8 pods together');
  });

  it('of one name in two namespaces: the pods join the one in theirs, with no false namespace error', () => {
    for (const order of [0, 1]) {
      const groups = [coschedulingGroup('flux-sample', 4, 'other'), coschedulingGroup('flux-sample', 4, 'default')];
      const text = file(...(order ? groups.reverse() : groups), miniCluster(FLUENCE + LABEL));
      expect(problems(text), `order ${order}`).toEqual([]);
      expect(analyzeFile(text).specs[0]?.analysis.resolved).toBeDefined();
    }
    // Only the other namespace's: the error says so.
    expect(problems(file(coschedulingGroup('flux-sample', 4, 'other'), miniCluster(FLUENCE + LABEL))).map((p) => p.code)).toEqual(['podgroup-namespace']);
  });

  // The usual case: the MiniCluster's file alone, its PodGroup applied from another one.
  it('named by the pods of a file of one document (with or without a --- line): the same note', () => {
    for (const text of [miniCluster(FLUENCE + LABEL), `---\n${miniCluster(FLUENCE + ANNOTATION)}`]) {
      const [problem, ...more] = problems(text);
      expect(more).toEqual([]);
      expect(problem).toMatchObject({ severity: 'info', code: 'podgroup-elsewhere', line: lineOf(text, 'scheduling.') });
      expect(analyzeFile(text).specs[0]?.analysis.resolved).toBeDefined();
    }
    // No note when the pods name no PodGroup, or the gang option makes the one they name.
    expect(problems(miniCluster(FLUENCE))).toEqual([]);
    expect(problems(miniCluster(LABEL), { gang: 'coscheduling' })).toEqual([]);
  });

  it('with the gang option on as well: a warning at the hand-written one, which the option’s would overwrite', () => {
    const text = file(coschedulingGroup('flux-sample', 4), miniCluster(FLUENCE + LABEL));
    const output: OutputOptions = { gang: 'coscheduling', schedulerName: 'fluence' };
    expect(problems(text, output)).toEqual([expect.objectContaining({ severity: 'warning', code: 'podgroup-twice', path: 'metadata.name', line: 4 })]);
  });
});
