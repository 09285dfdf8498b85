/**
 * Change-mark benchmark: how long the preview takes to find what changed between two outputs
 * (`nextShown`: every card paired with its card before and line-diffed), the work added to each
 * edit before the preview shows it. Three cases, each the median and worst of many runs:
 * - one keystroke in the name of the example with the largest output (every object changes);
 * - one keystroke in the name of a spec of about 1 MB (the largest the core generates);
 * - that spec pasted over another one of the same size, where the diff budget runs out and the
 *   cards say they changed without marking lines (the bound that keeps a paste from freezing).
 *
 * Run with `node --import tsx bench/changes.bench.ts` (part of `npm run bench`). Writes
 * .bench/changes.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { respond } from '../src/app/generation/respond.ts';
import { nextShown } from '../src/app/preview/changes.ts';
import type { IncludeLetter, RenderedManifest } from '../src/app/worker/protocol.ts';
import { TEST_KEYS } from '../src/core/testing/testKeys.ts';
import { largeSpec } from '../e2e/largeSpec.ts';
import { benchExamples } from './examples.ts';
import { percentile } from './stats.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 41);
const ALL = new Set<IncludeLetter>(['c', 's', 'j', 'p', 'v']);

/** The objects of `text`; none when it has errors. */
function generate(text: string): RenderedManifest[] {
  const manifests = respond({ id: 1, text, defaultNamespace: 'default', keys: TEST_KEYS }).manifests;
  return manifests ?? [];
}

const size = (manifests: readonly RenderedManifest[]) => manifests.reduce((sum, m) => sum + m.yaml.length, 0);

/** Times `nextShown` from the output of `before` to the output of `after`. */
function measure(name: string, before: string, after: string) {
  const first = generate(before);
  const second = generate(after);
  const ms: number[] = [];
  let shown = nextShown(undefined, first, ALL, '');
  for (let i = 0; i < RUNS; i++) {
    shown = nextShown(undefined, first, ALL, '');
    const start = performance.now();
    shown = nextShown(shown, second, ALL, '');
    ms.push(performance.now() - start);
  }
  const kinds = [...shown.changes.values()].map((c) => c.kind);
  const row = {
    case: name,
    outputKB: +(size(second) / 1024).toFixed(1),
    cards: second.length,
    changed: kinds.filter((k) => k === 'changed').length,
    unmarked: kinds.filter((k) => k === 'unmarked').length,
    medianMs: +percentile(ms, 50).toFixed(2),
    p95Ms: +percentile(ms, 95).toFixed(2),
    maxMs: +Math.max(...ms).toFixed(2),
  };
  console.log(name.padEnd(52), `${row.outputKB} KB`.padStart(10), `median ${row.medianMs} ms`.padStart(18), `p95 ${row.p95Ms} ms`.padStart(15), `max ${row.maxMs} ms`.padStart(15), `(${row.changed} changed, ${row.unmarked} unmarked)`);
  return row;
}

/** The text with one character typed at the end of its first `name:` line (what bench:app types). */
const typed = (text: string) => text.replace(/(\n\s*name:[^\n]*)/, '$1x');

const largest = benchExamples()
  .map((example) => ({ example, bytes: size(generate(example.text)) }))
  .reduce((a, b) => (b.bytes > a.bytes ? b : a)).example;
const large = largeSpec('large-spec', 1000 * 1024);
const rows = [
  measure(`keystroke, largest example (${largest.name})`, largest.text, typed(largest.text)),
  measure('keystroke, 1000 KB spec', large, typed(large)),
  measure('paste over another 1000 KB spec', large, largeSpec('other-spec', 1000 * 1024)),
];
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/changes.json', JSON.stringify({ runs: RUNS, rows }, null, 2));
