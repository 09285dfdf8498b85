/**
 * Preview highlighter benchmark: the median time the app's `highlightYaml` (a hand-written line
 * scanner) takes on the YAML the core generates from each of our fixtures (both API versions), the
 * text the preview highlights on every edit, against two measures built on the `yaml` package's
 * lexer, sampled in turn so that machine load affects all alike:
 * - `lexer`: bench/highlightYamlLexer.ts, the same highlighter on the lexer's tokens (the bench
 *   checks that it gives the same tokens);
 * - `lex only`: iterating the lexer's tokens and nothing else, the floor of any highlighter that
 *   takes its tokens from the lexer.
 *
 * Run with `npm run bench:highlight` (or `node --import tsx bench/highlight.bench.ts`). Prints a
 * table and writes .bench/highlight.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Lexer } from 'yaml';
import { analyzeFile, generateAny } from '../src/core/index.ts';
import { renderYaml } from '../src/core/render/index.ts';
import { fixtures, type FixtureVersion } from '../src/core/testing/fixtures.ts';
import { TEST_KEYS } from '../src/core/testing/testKeys.ts';
import { highlightYaml, type YamlToken } from '../src/app/preview/highlightYaml.ts';
import { highlightYamlWithLexer } from './highlightYamlLexer.ts';

const WARMUP_MS = 200;
const SAMPLES = 301;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median times of each function, sampled in turn so machine load affects all alike. */
function timeAll(fns: readonly (() => unknown)[]): number[] {
  const warmEnd = performance.now() + WARMUP_MS;
  while (performance.now() < warmEnd) for (const fn of fns) fn();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < SAMPLES; i++) {
    fns.forEach((fn, j) => {
      const start = performance.now();
      fn();
      samples[j]?.push(performance.now() - start);
    });
  }
  return samples.map(median);
}

let sink = 0;
function lexOnly(text: string): void {
  for (const token of new Lexer().lex(text)) sink += token.length;
}

/**
 * The YAML of every MiniCluster in each fixture, as one stream (the app highlights it one object per
 * card, which adds up to the same: both highlighters take time in proportion to the text).
 */
function outputs(): { name: string; yaml: string }[] {
  const out: { name: string; yaml: string }[] = [];
  for (const version of ['v1alpha2', 'v1alpha1'] satisfies FixtureVersion[]) {
    for (const { name, text } of fixtures(version)) {
      const file = analyzeFile(text);
      const manifests = file.specs.flatMap((spec) => (spec.analysis.resolved ? generateAny(spec.analysis.resolved, { keys: TEST_KEYS }) : []));
      if (manifests.length > 0) out.push({ name: `${version}/${name}`, yaml: renderYaml(manifests) });
      else console.log(`skipped ${version}/${name}: nothing generated`);
    }
  }
  return out;
}

const sameTokens = (a: readonly YamlToken[], b: readonly YamlToken[]) =>
  a.length === b.length && a.every((t, i) => t.kind === b[i]?.kind && t.text === b[i]?.text);

const texts = outputs();
// Warm the JIT on every text first, so the first fixtures measured are not the coldest.
const warmEnd = performance.now() + 2000;
while (performance.now() < warmEnd) {
  for (const { yaml } of texts) {
    highlightYaml(yaml);
    highlightYamlWithLexer(yaml);
    lexOnly(yaml);
  }
}

interface Row {
  fixture: string;
  bytes: number;
  tokens: number;
  handWrittenMs: number;
  lexerMs: number;
  lexOnlyMs: number;
  sameTokens: boolean;
}

const rows: Row[] = [];
for (const { name, yaml } of texts) {
  const tokens = highlightYaml(yaml);
  const [handWrittenMs, lexerMs, lexOnlyMs] = timeAll([() => highlightYaml(yaml), () => highlightYamlWithLexer(yaml), () => lexOnly(yaml)]) as [number, number, number];
  rows.push({ fixture: name, bytes: yaml.length, tokens: tokens.length, handWrittenMs, lexerMs, lexOnlyMs, sameTokens: sameTokens(tokens, highlightYamlWithLexer(yaml)) });
}

const fmt = (n: number) => n.toFixed(3);
console.log(
  ['fixture'.padEnd(34), 'bytes'.padStart(7), 'tokens'.padStart(7), 'hand-written ms'.padStart(16), 'lexer ms'.padStart(9), 'lex only ms'.padStart(12), 'same'.padStart(5)].join(' '),
);
for (const r of rows) {
  console.log(
    [
      r.fixture.padEnd(34),
      String(r.bytes).padStart(7),
      String(r.tokens).padStart(7),
      fmt(r.handWrittenMs).padStart(16),
      fmt(r.lexerMs).padStart(9),
      fmt(r.lexOnlyMs).padStart(12),
      String(r.sameTokens).padStart(5),
    ].join(' '),
  );
}
const totalKB = rows.reduce((n, r) => n + r.bytes, 0) / 1024;
const perKB = (ms: (r: Row) => number) => Number(((rows.reduce((n, r) => n + ms(r), 0) * 1000) / totalKB).toFixed(2));
const summary = {
  fixtures: rows.length,
  medianBytes: median(rows.map((r) => r.bytes)),
  medianMs: {
    handWritten: median(rows.map((r) => r.handWrittenMs)),
    lexer: median(rows.map((r) => r.lexerMs)),
    lexOnly: median(rows.map((r) => r.lexOnlyMs)),
  },
  microsecondsPerKB: { handWritten: perKB((r) => r.handWrittenMs), lexer: perKB((r) => r.lexerMs), lexOnly: perKB((r) => r.lexOnlyMs) },
  medianRatioLexerToHandWritten: Number(median(rows.map((r) => r.lexerMs / r.handWrittenMs)).toFixed(2)),
  differingTokens: rows.filter((r) => !r.sameTokens).map((r) => r.fixture),
};
console.log('\nsummary', JSON.stringify(summary, null, 2));
if (sink < 0) console.log(sink);
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/highlight.json', JSON.stringify({ summary, rows }, null, 2));
