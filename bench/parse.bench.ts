/**
 * Timing of parseSpecText on one spec (by default our largest v1alpha2 fixture), for the 2 ms
 * whole-pipeline budget. Run: npx tsx bench/parse.bench.ts [file.yaml]
 * Also times the `yaml` package's own parseDocument + toJS on the same text, since that is the
 * floor this module cannot go below and the comparison makes machine load visible.
 */
import { readFileSync } from 'node:fs';
import { fixtures, fixturePath } from '../src/core/testing/fixtures.ts';
import { parseDocument } from 'yaml';
import { parseSpecText } from '../src/core/parse/parseSpecText.ts';

const largest = fixtures('v1alpha2').reduce((a, b) => (b.text.length > a.text.length ? b : a));
const file = process.argv[2] ?? fixturePath('v1alpha2', largest.name.replace(/\.yaml$/, ''));
const text = readFileSync(file, 'utf8');

function measure(name: string, fn: () => unknown, runs = 20_000): void {
  for (let i = 0; i < 3_000; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => `${((times[Math.floor(times.length * p)] ?? NaN) * 1000).toFixed(0)} µs`;
  console.log(`${name.padEnd(36)} median ${q(0.5)}  p90 ${q(0.9)}  p99 ${q(0.99)}`);
}

console.log(`${file} (${new TextEncoder().encode(text).length} bytes)`);
measure('parseSpecText', () => parseSpecText(text));
measure('yaml parseDocument(1.1) + toJS', () => parseDocument(text, { version: '1.1', uniqueKeys: false }).toJS());
measure('parseSpecText (again)', () => parseSpecText(text));
