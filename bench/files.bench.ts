/**
 * Files of many documents, and files made to be slow: each case runs in a child process of its
 * own, so that one that aborts Node or eats the memory is reported rather than ending the run,
 * and its peak memory is its own. Run: npm run bench:files (or npx tsx bench/files.bench.ts [case]).
 *
 * Cases: the whole file of 1,000 small MiniClusters analysed (analyzeFile), the same with every
 * spec generated and rendered as the CLI does, and 1 MB of unclosed '[' before a '---' line (the
 * first document too deep to read, a MiniCluster after it), and a small file of two such documents.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile, generateAny } from '../src/core/index.ts';
import { renderYaml } from '../src/core/render/index.ts';
import { TEST_KEYS } from '../src/core/testing/testKeys.ts';

const CLUSTERS = 1000;
const TIMEOUT_MS = 180_000;

function smallMiniCluster(index: number): string {
  return `---
apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: mc-${String(index).padStart(4, '0')}
spec:
  size: 2
  containers:
    - image: ubuntu:noble
`;
}

const manyClusters = () => Array.from({ length: CLUSTERS }, (_, i) => smallMiniCluster(i)).join('');
const deepBeforeDocument = () => `${'['.repeat(1_000_000)}\n${smallMiniCluster(0)}`;

function analyzed(text: string, expected: number) {
  const file = analyzeFile(text);
  const resolved = file.specs.flatMap((s) => (s.analysis.resolved ? [s.analysis.resolved] : []));
  if (resolved.length !== expected) throw new Error(`expected ${expected} resolved specs, got ${resolved.length}`);
  return resolved;
}

const CASES: Record<string, { describe: string; run: () => string }> = {
  'analyze-1000': {
    describe: `analyzeFile, ${CLUSTERS} MiniClusters`,
    run: () => {
      const text = manyClusters();
      analyzed(text, CLUSTERS);
      return `${text.length} B`;
    },
  },
  'generate-1000': {
    describe: `analyzeFile + generate + render, ${CLUSTERS} MiniClusters`,
    run: () => {
      const text = manyClusters();
      const manifests = analyzed(text, CLUSTERS).flatMap((r) => generateAny(r, { keys: TEST_KEYS }));
      return `${text.length} B in, ${renderYaml(manifests).length} B out`;
    },
  },
  'deep-2kb-twice': {
    describe: "analyzeFile, 1,000 '[', '---', 1,000 '['",
    run: () => {
      const text = `${'['.repeat(1000)}\n---\n${'['.repeat(1000)}`;
      const file = analyzeFile(text);
      if (!file.specs.some((s) => s.analysis.diagnostics.some((d) => d.code === 'too-deep'))) throw new Error('no too-deep error');
      return `${text.length} B`;
    },
  },
  'deep-1mb': {
    describe: "analyzeFile, 1 MB of '[' before '---'",
    run: () => {
      const text = deepBeforeDocument();
      analyzed(text, 1);
      return `${text.length} B`;
    },
  },
};

interface Result {
  case: string;
  ok: boolean;
  ms?: number;
  /** CPU time of the case: on a busy machine a steadier figure than the wall-clock time. */
  cpuMs?: number;
  maxRssMB?: number;
  note: string;
}

const only = process.argv[2];
if (only && process.env['FILES_BENCH_CHILD']) {
  const c = CASES[only];
  if (!c) throw new Error(`no case ${only}`);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const note = c.run();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, note }));
} else {
  const results: Result[] = [];
  for (const name of only ? [only] : Object.keys(CASES)) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), name], {
      env: { ...process.env, FILES_BENCH_CHILD: '1' },
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      maxBuffer: 1 << 20,
    });
    const last = child.stdout.trim().split('\n').pop() ?? '';
    let result: Result;
    if (child.status === 0 && last.startsWith('{')) {
      const { ms, cpuMs, maxRssMB, note } = JSON.parse(last) as { ms: number; cpuMs: number; maxRssMB: number; note: string };
      result = { case: name, ok: true, ms, cpuMs, maxRssMB, note };
    } else {
      const why = child.error ? child.error.message : `exit ${child.status ?? child.signal}: ${(child.stderr.split('\n').find((l) => /error/i.test(l)) ?? '').trim()}`;
      result = { case: name, ok: false, note: why };
    }
    results.push(result);
    const time = result.ok ? `${(result.ms ?? 0).toFixed(0)} ms (CPU ${(result.cpuMs ?? 0).toFixed(0)} ms)`.padStart(26) : 'FAILED'.padStart(26);
    const rss = result.ok ? `${(result.maxRssMB ?? 0).toFixed(0)} MB`.padStart(8) : ''.padStart(8);
    console.log(`${CASES[name]?.describe.padEnd(52)} ${time} ${rss}  ${result.note}`);
  }
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/files.json', JSON.stringify(results, null, 2));
}
