/**
 * Cluster-view benchmark: what the picture of a large cluster adds to an edit. Two parts:
 * - in Node, each case's share of the generation step (the cluster model and its folded picture,
 *   made in the worker) and the page's layout of the picture, median of many runs;
 * - in Chromium (the production build in dist/), keystrokes typed into the spec's name with the
 *   Cluster view shown and with the Objects view shown: the app's own edit-to-preview time, and the
 *   main thread's time from the worker's answer to the commit and to the paint that shows it (the
 *   part that must fit in a 16 ms frame).
 *
 * Run with `vite build --logLevel warn && node --import tsx bench/clusterView.bench.ts` (`npm run bench:cluster-view`). Writes
 * .bench/cluster-view.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { clusterPicture } from '../src/app/cluster/picture.ts';
import { layoutCluster } from '../src/app/cluster/layout.ts';
import { respond } from '../src/app/generation/respond.ts';
import { analyzeFile, clusterModel, generateFiled, type ResolvedAny } from '../src/core/index.ts';
import { TEST_KEYS } from '../src/core/testing/testKeys.ts';
import { replaceSpec } from '../e2e/editor.ts';
import { serveStatic } from '../e2e/staticServer.ts';
import { launchChromium, percentile } from './stats.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 31);
const EDITS = Number(process.env['BENCH_EDITS'] ?? 21);

const spec = (lines: string) => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: flux-sample
spec:
${lines}
  containers:
    - image: ubuntu:noble
      command: echo hello world
`;

const CASES: Array<[string, string]> = [
  ['default example (size 4)', spec('  size: 4')],
  ['size 10,000 (kary:256)', spec('  size: 10000')],
  ['size 4, maxSize 10,000, kary:1', spec('  size: 4\n  maxSize: 10000\n  flux:\n    topology: kary:1')],
  ['size 4, maxSize 10,000, binomial', spec('  size: 4\n  maxSize: 10000\n  flux:\n    topology: binomial')],
  ['size 10,000, binomial', spec('  size: 10000\n  flux:\n    topology: binomial')],
];

const stat = (ms: number[]) => ({ medianMs: +percentile(ms, 50).toFixed(2), p95Ms: +percentile(ms, 95).toFixed(2) });

function timed(run: () => void): number[] {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  return ms;
}

const nodeRows = CASES.map(([name, text]) => {
  const resolved = analyzeFile(text, { defaultNamespace: 'default' }).specs[0]?.analysis.resolved as ResolvedAny;
  const objects = generateFiled(resolved, { keys: TEST_KEYS }).map((f) => f.manifest);
  const picture = clusterPicture(clusterModel(resolved, objects));
  const row = {
    case: name,
    respond: stat(timed(() => respond({ id: 1, text, defaultNamespace: 'default', keys: TEST_KEYS }))),
    modelAndPicture: stat(timed(() => clusterPicture(clusterModel(resolved, objects)))),
    layout: stat(timed(() => layoutCluster(picture, 680))),
    pictureKB: +(JSON.stringify(picture).length / 1024).toFixed(1),
    drawnNodes: picture.tree.nodes.length,
  };
  console.log(
    name.padEnd(36),
    `respond ${row.respond.medianMs} ms`.padStart(20),
    `model+picture ${row.modelAndPicture.medianMs} ms`.padStart(24),
    `layout ${row.layout.medianMs} ms`.padStart(16),
    `${row.pictureKB} KB sent`.padStart(14),
    `${row.drawnNodes} nodes`.padStart(10),
  );
  return row;
});

interface Timing {
  editToPreviewMs: number;
  at: { resultAt?: number; commitAt: number; paintedAt?: number };
}

const server = await serveStatic(resolve(process.env['BENCH_DIST'] ?? 'dist'));
const browser = await launchChromium();
const browserRows: unknown[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page: Page = await context.newPage();
  await page.addInitScript(() => {
    window.__mcsTrackPaint = true;
  });
  await page.goto(server.url);
  await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  for (const view of ['Cluster', 'Objects'] as const) {
    await page.getByRole('tab', { name: view }).click();
    for (const [name, text] of CASES) {
      await replaceSpec(page, text);
      await page.waitForTimeout(500);
      const before = await page.evaluate(() => (window.__mcsTimings ?? []).length);
      await page.locator('.monaco-editor .view-line', { hasText: /name:\s/ }).first().click();
      await page.keyboard.press('End');
      for (let i = 0; i < EDITS; i++) {
        await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
        await page.waitForFunction((n) => (window.__mcsTimings ?? []).length >= n && window.__mcsTimings?.at(-1)?.at.paintedAt !== undefined, before + i + 1, { timeout: 20_000 });
      }
      // The first keystrokes warm the JIT up, as bench:app does.
      const measured = ((await page.evaluate(() => window.__mcsTimings ?? [])) as Timing[]).slice(before + 5);
      const row = {
        view,
        case: name,
        editToPreview: stat(measured.map((t) => t.editToPreviewMs)),
        resultToCommit: stat(measured.map((t) => t.at.commitAt - (t.at.resultAt ?? Number.NaN))),
        resultToPaint: stat(measured.map((t) => (t.at.paintedAt ?? Number.NaN) - (t.at.resultAt ?? Number.NaN))),
      };
      console.log(
        `${view}: ${name}`.padEnd(46),
        `edit→preview ${row.editToPreview.medianMs} ms (p95 ${row.editToPreview.p95Ms})`.padStart(36),
        `result→commit ${row.resultToCommit.medianMs} ms (p95 ${row.resultToCommit.p95Ms})`.padStart(36),
        `result→paint ${row.resultToPaint.medianMs} ms (p95 ${row.resultToPaint.p95Ms})`.padStart(36),
      );
      browserRows.push(row);
    }
  }
} finally {
  await browser.close();
  server.close();
}

mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/cluster-view.json', `${JSON.stringify({ runs: RUNS, edits: EDITS, node: nodeRows, browser: browserRows }, null, 2)}\n`);
