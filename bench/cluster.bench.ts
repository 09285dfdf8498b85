/**
 * Cluster picture benchmark: the median time to make the cluster model (`clusterModel`) and its
 * text form (`treeText`) of a 10,000-rank MiniCluster under each topology, from a spec already
 * analysed and generated (the app makes the model from what its preview already has).
 *
 * Run with `npm run bench:cluster`. Prints a table.
 */
import { analyzeAnySpec, clusterModel, generateAny, treeText } from '../src/core/index.ts';
import { TEST_KEYS } from '../src/core/testing/testKeys.ts';
import { median } from './stats.ts';

const SIZE = 10_000;
const WARMUP_MS = 200;
const SAMPLES = 101;

function time(run: () => unknown): number {
  const warmEnd = performance.now() + WARMUP_MS;
  while (performance.now() < warmEnd) run();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const spec = (topology: string | undefined) => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: flux-sample
spec:
  size: ${SIZE}
${topology ? `  flux:\n    topology: ${topology}\n` : ''}  containers:
    - image: ubuntu:noble
      command: hostname
`;

const rows = [undefined, 'binomial', 'mincrit', 'kary:2'].map((topology) => {
  const resolved = analyzeAnySpec(spec(topology)).resolved;
  if (!resolved) throw new Error(`the ${topology ?? 'default'} spec has errors`);
  const objects = generateAny(resolved, { keys: TEST_KEYS });
  const model = clusterModel(resolved, objects);
  return {
    topology: model.topology.text,
    ranks: model.ranks.length,
    modelMs: Number(time(() => clusterModel(resolved, objects)).toFixed(2)),
    textMs: Number(time(() => treeText(model)).toFixed(2)),
    textKiB: Math.round(treeText(model).length / 1024),
  };
});
console.table(rows);
