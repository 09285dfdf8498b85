/**
 * Renderer benchmark: `renderYaml` against the floor the core benchmark uses (the `yaml`
 * package's plain `stringify` of the same objects). Run: `npx tsx bench/render.bench.ts`.
 */
import { stringify } from 'yaml';
import { renderJson, renderYaml } from '../src/core/render/index.ts';
import { sampleBundle } from '../src/core/render/sampleBundle.test-data.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeIt(fn: () => unknown, samples = 501, warmupMs = 300): number {
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const objects = sampleBundle();
const yamlText = renderYaml(objects);
const floor = timeIt(() => objects.map((o) => stringify(o)).join('---\n'));
const kubernetes = timeIt(() => renderYaml(objects));
const sorted = timeIt(() => renderYaml(objects, { keyOrder: 'sorted' }));
const json = timeIt(() => renderJson(objects));
const fmt = (n: number) => `${n.toFixed(3)} ms`;
console.log(`bundle: ${objects.length} objects, ${yamlText.length} bytes of YAML`);
console.log(`floor (yaml.stringify)   ${fmt(floor)}`);
console.log(`renderYaml (kubernetes)  ${fmt(kubernetes)}  ratio ${(kubernetes / floor).toFixed(2)}`);
console.log(`renderYaml (sorted)      ${fmt(sorted)}  ratio ${(sorted / floor).toFixed(2)}`);
console.log(`renderJson               ${fmt(json)}`);
