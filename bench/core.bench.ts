/**
 * Core benchmark: for each upstream example, the median time of the whole pipeline (parse,
 * default, validate, generate, render) against a floor (the `yaml` package stringifying the same
 * objects, nothing else), and how many CURVE keypairs libsodium makes per second.
 *
 * Run with `npm run bench`. Prints a table and writes .bench/core.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { v1alpha2 } from '../src/core/index.ts';
import { sodiumKeypairSource } from '../src/core/curve/index.ts';
import { renderYaml } from '../src/core/render/index.ts';
import { TEST_KEYS } from '../src/core/testing/testKeys.ts';
import { benchExamples } from './examples.ts';

const WARMUP_MS = 150;
const SAMPLES = 301;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median times of two functions sampled alternately, so machine load affects both alike. */
function timePair(a: () => unknown, b: () => unknown): [number, number] {
  const warmEnd = performance.now() + WARMUP_MS;
  while (performance.now() < warmEnd) {
    a();
    b();
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    let start = performance.now();
    a();
    samplesA.push(performance.now() - start);
    start = performance.now();
    b();
    samplesB.push(performance.now() - start);
  }
  return [median(samplesA), median(samplesB)];
}

interface Row {
  example: string;
  bytes: number;
  outputBytes: number;
  pipelineMs: number;
  floorMs: number;
  ratio: number;
}

// The Node build of `yaml` reads process.env on every token (a slow native getter); the browser
// build the app uses does not. A plain copy keeps the Node figures close to the app's.
process.env = { ...process.env };

// Warm the JIT on every example first, so the first examples measured are not the coldest.
const examples = benchExamples();
const warmEnd = performance.now() + 3000;
while (performance.now() < warmEnd) {
  for (const example of examples) {
    const analysis = v1alpha2.analyzeSpec(example.text);
    if (analysis.cluster) renderYaml(v1alpha2.generateManifests(analysis.cluster, { keys: TEST_KEYS }));
  }
}

const rows: Row[] = [];
const rejected: string[] = [];
for (const example of examples) {
  const pipeline = () => {
    const analysis = v1alpha2.analyzeSpec(example.text);
    if (!analysis.cluster) return '';
    return renderYaml(v1alpha2.generateManifests(analysis.cluster, { keys: TEST_KEYS }));
  };
  const analysis = v1alpha2.analyzeSpec(example.text);
  if (!analysis.cluster) {
    rejected.push(example.name);
    continue;
  }
  const objects = v1alpha2.generateManifests(analysis.cluster, { keys: TEST_KEYS });
  const output = pipeline();
  const [pipelineMs, floorMs] = timePair(pipeline, () => objects.map((o) => stringify(o)).join('---\n'));
  rows.push({ example: example.name, bytes: example.text.length, outputBytes: output.length, pipelineMs, floorMs, ratio: pipelineMs / floorMs });
}

const source = sodiumKeypairSource();
await source();
const keyStart = performance.now();
let keys = 0;
while (performance.now() - keyStart < 1000) {
  await source();
  keys += 1;
}
const keypairsPerSecond = keys / ((performance.now() - keyStart) / 1000);

const fmt = (n: number) => n.toFixed(3);
console.log('example'.padEnd(62), 'in B'.padStart(6), 'out B'.padStart(7), 'pipeline ms'.padStart(12), 'floor ms'.padStart(9), 'ratio'.padStart(6));
for (const r of rows) {
  console.log(r.example.padEnd(62), String(r.bytes).padStart(6), String(r.outputBytes).padStart(7), fmt(r.pipelineMs).padStart(12), fmt(r.floorMs).padStart(9), r.ratio.toFixed(2).padStart(6));
}
const largest = rows.reduce((a, b) => (b.outputBytes > a.outputBytes ? b : a));
const ratios = rows.map((r) => r.ratio);
const summary = {
  examples: rows.length,
  rejected,
  medianPipelineMs: median(rows.map((r) => r.pipelineMs)),
  medianRatio: median(ratios),
  maxRatio: Math.max(...ratios),
  largest: { example: largest.example, outputBytes: largest.outputBytes, pipelineMs: largest.pipelineMs, ratio: largest.ratio },
  keypairsPerSecond: Math.round(keypairsPerSecond),
};
console.log('\nsummary', JSON.stringify(summary, null, 2));
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/core.json', JSON.stringify({ summary, rows }, null, 2));
