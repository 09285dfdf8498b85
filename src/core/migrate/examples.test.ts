/**
 * Every upstream v1alpha1 example migrates to a v1alpha2 spec that the generator accepts without
 * errors or warnings, produces objects Kubernetes' schema accepts, and keeps the values that
 * mean the same in both versions.
 */
import { expect, it } from 'vitest';
import { generateManifests } from '../v1alpha2/generate.ts';
import { parseSpecText } from '../parse/index.ts';
import { analyzeSpec } from '../v1alpha2/analyze.ts';
import { validateAgainstKubernetes } from '../testing/kubernetesSchema.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { v1alpha1Examples } from '../testing/upstream.ts';
import { describeCorpus } from '../testing/corpusSuite.ts';
import { migrateV1alpha1, nameFromGenerateName } from './index.ts';

type Plain = Record<string, unknown>;
const rec = (v: unknown): Plain => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Plain) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const pick = (o: Plain, keys: string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

/** Fields whose meaning is the same in both versions, so migration must leave their values alone. */
const SPEC_SAME = ['size', 'maxSize', 'tasks', 'interactive', 'deadlineSeconds', 'cleanup', 'jobLabels', 'archive', 'shareProcessNamespace', 'pod'];
const CONTAINER_SAME = ['name', 'image', 'command', 'workingDir', 'environment', 'secrets', 'ports', 'launcher', 'batch', 'batchRaw', 'logs', 'pullAlways', 'runFlux', 'resources', 'lifeCycle', 'imagePullSecret'];

const examples = v1alpha1Examples();

describeCorpus('the 69 upstream v1alpha1 examples, migrated', () => {
  it('are all there', () => {
    expect(examples).toHaveLength(69);
  });

  for (const example of examples) {
    it(example.name, () => {
      const result = migrateV1alpha1(example.text);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      if (result.text === undefined) throw new Error('not migrated');
      const lines = example.text.split('\n').length;
      for (const note of result.notes) {
        expect(note.line).toBeGreaterThanOrEqual(1);
        expect(note.line).toBeLessThanOrEqual(lines);
        expect(note.message.length).toBeGreaterThan(40);
      }

      const analysis = analyzeSpec(nameFromGenerateName(result.text) ?? result.text);
      expect(analysis.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const cluster = analysis.cluster;
      if (!cluster) throw new Error('no cluster');
      const manifests = generateManifests(cluster, { keys: TEST_KEYS });
      expect(manifests.map((m) => m.kind)).toContain('Job');
      for (const manifest of manifests) validateAgainstKubernetes(manifest);

      const before = rec(parseSpecText(example.text).value);
      const after = rec(parseSpecText(result.text).value);
      expect(after['apiVersion']).toBe('flux-framework.org/v1alpha2');
      expect(after['metadata']).toEqual(before['metadata']);
      expect(pick(rec(after['spec']), SPEC_SAME)).toEqual(pick(rec(before['spec']), SPEC_SAME));
      const without = (o: unknown, drop: string[]) => Object.fromEntries(Object.entries(rec(o)).filter(([k]) => !drop.includes(k)));
      const specBefore = rec(before['spec']);
      const specAfter = rec(after['spec']);
      expect(without(specAfter['flux'], ['noWaitSocket'])).toEqual(without(specBefore['flux'], ['installRoot', 'curveCertSecret', 'mungeSecret']));
      expect(without(specAfter['logging'], ['strict'])).toEqual(without(specBefore['logging'], ['strict']));
      const runners = list(specBefore['containers']).filter((c, _, all) => all.length === 1 || rec(c)['runFlux'] === true);
      for (const runner of runners) {
        const index = list(specBefore['containers']).indexOf(runner);
        expect(without(rec(list(specAfter['containers'])[index])['commands'], [])).toEqual(without(rec(runner)['commands'], ['runFluxAsRoot']));
      }
      for (const listName of ['containers', 'services']) {
        const was = list(rec(before['spec'])[listName]).map((c) => pick(rec(c), CONTAINER_SAME));
        const now = list(rec(after['spec'])[listName]).map((c) => pick(rec(c), CONTAINER_SAME));
        expect(now).toEqual(was);
      }
    });
  }
});
