/**
 * Browser benchmark of the production build in Chromium:
 * - the initial JavaScript (gzip) before Monaco and libsodium load lazily;
 * - time from navigation to the first generated object painted (Element Timing, firstOutput.ts),
 *   in an idle tab, next to its floor measured in the same run: a static page showing the same
 *   objects' text. Also: the app's own first output (performance mark `mcs:first-output-painted`;
 *   `mcs:first-output` is its commit to the DOM), a returning user's first object (an autosaved
 *   spec: no first screen), and a brand-new window;
 * - for every upstream example, time from an edit typed in the editor to the preview showing its
 *   result (the app's own marks, `window.__mcsTimings`), median and p95, in BENCH_TYPING_RUNS
 *   runs (3) of a fresh page each;
 * - within that, the time the preview takes to find each output's change marks
 *   (`window.__mcsChangesMs`), for every example and for a spec of about 1 MB typed into (whose
 *   typing is reported apart, not in the examples' figures).
 *
 * Run with `npm run bench:app` (builds first). Writes .bench/app.json (BENCH_DIST and BENCH_OUT:
 * another build, another file).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { benchExamples } from './examples.ts';
import { replaceSpec } from '../e2e/editor.ts';
import { largeSpec } from '../e2e/largeSpec.ts';
import { serveStatic } from '../e2e/staticServer.ts';
import { escapeHtml } from '../src/app/firstScreen/firstScreenHtml.ts';
import { firstScreenParts } from '../src/app/firstScreen/firstScreen.ts';
import { DEFAULT_PRESET_ID, PRESET_CATALOG } from '../src/app/presets/catalog.ts';
import { SPEC_KEY } from '../src/app/state/storage.ts';
import { firstObjectPainted } from './firstOutput.ts';
import { launchChromium, percentile } from './stats.ts';

// BENCH_DIST measures another build (an older one, for a before), BENCH_OUT names its result file.
const DIST = resolve(process.env['BENCH_DIST'] ?? 'dist');
const OUT = process.env['BENCH_OUT'] ?? 'app';
// 40 edits: a p95 over 20 samples is just the second-worst one.
const EDITS_PER_EXAMPLE = 40;
const LOADS = Number(process.env['BENCH_LOADS'] ?? 9);
const TYPING_RUNS = Number(process.env['BENCH_TYPING_RUNS'] ?? 3);
// How long a fresh tab sits on about:blank before the app is opened in it.
const IDLE_TAB_MS = Number(process.env['BENCH_IDLE_TAB_MS'] ?? 1500);

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

/** Sizes (gzip) of a set of built files. */
function sizeOf(files: string[]): { files: string[]; gzipKB: number } {
  return { files, gzipKB: +(files.reduce((sum, f) => sum + gz(f), 0) / 1024).toFixed(1) };
}

/** A built chunk and every chunk it imports, statically or dynamically (what a worker loads). */
function withImports(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const m of code.matchAll(/(?:from\s*|import\s*\(\s*)["'`]\.\/([^"'`]+\.js)["'`]/g)) visit(`assets/${m[1]}`);
  };
  visit(entry);
  return [...seen];
}

/**
 * The page's own scripts loaded before its first output, from the browser's resource timing:
 * the initial JavaScript (libsodium, which loads lazily from the start, is counted apart, as are
 * the workers' scripts).
 */
async function scriptsBeforeFirstOutput(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const first = performance.getEntriesByName('mcs:first-output')[0]?.startTime ?? Number.POSITIVE_INFINITY;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= first && /\.js$/.test(new URL(e.name).pathname))
      .map((e) => new URL(e.name).pathname.replace(/^.*\/(assets\/)/, '$1'));
  });
}

async function timings(page: Page): Promise<Array<{ editToPreviewMs: number; editToResultMs: number; workerMs: number; onMainThread: boolean }>> {
  return page.evaluate(() => window.__mcsTimings ?? []);
}

/** The change-mark times recorded since the last call (the app records them once the array exists). */
async function takeChangesMs(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const ms = window.__mcsChangesMs ?? [];
    window.__mcsChangesMs = [];
    return ms;
  });
}

async function waitForTimings(page: Page, count: number, timeout = 20_000) {
  await page.waitForFunction((n) => (window.__mcsTimings ?? []).length >= n, count, { timeout });
}

/**
 * The floor of the first output: a static page, no script, no stylesheet, showing the text of the
 * objects the app's first screen shows, its element timed like the app's objects.
 */
function floorPage(): string {
  const spec = readFileSync(resolve(`src/app/presets/${DEFAULT_PRESET_ID}.yaml`), 'utf8');
  const { objects } = firstScreenParts(spec, PRESET_CATALOG.map((entry) => entry.title));
  const dir = mkdtempSync(join(tmpdir(), 'mcs-floor-'));
  const text = objects.map((o) => o.yaml).join('');
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><title>Floor</title><pre elementtiming="mcs-object">${escapeHtml(text)}</pre></html>`);
  return dir;
}

const server = await serveStatic(DIST);
const floor = await serveStatic(floorPage());
// An older build (BENCH_BEFORE_DIST=DIR), measured in the same loop for a before and after.
const beforeDir = process.env['BENCH_BEFORE_DIST'];
const before = beforeDir ? await serveStatic(resolve(beforeDir)) : undefined;
const browser = await launchChromium();

try {
  /**
   * First output, from navigation in a tab that is already open and idle: the case of a user who
   * types the address or follows a link. A brand-new window is measured too, but not held to the
   * target: Chromium builds its own window UI (a renderer for the omnibox popup) in the same second,
   * which takes one of this machine's two cores away from the page.
   */
  async function loadOnce(url: string, { fromIdleTab, app, savedSpec }: { fromIdleTab: boolean; app: boolean; savedSpec?: string }) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (fromIdleTab) {
      await page.goto('about:blank');
      await page.waitForTimeout(IDLE_TAB_MS);
    }
    if (savedSpec !== undefined) {
      await page.addInitScript(
        ([key, text]) => {
          if (!localStorage.getItem(key as string)) localStorage.setItem(key as string, JSON.stringify({ text, savedAt: Date.now() }));
        },
        [SPEC_KEY, savedSpec],
      );
    }
    await page.goto(url);
    if (!app) {
      const floorMs = await firstObjectPainted(page);
      await context.close();
      return { firstObjectMs: floorMs, appOutputMs: Number.NaN, startup: {}, scripts: [] };
    }
    await page.waitForFunction(() => performance.getEntriesByName('mcs:first-output-painted').length > 0, undefined, { timeout: 20_000 });
    // The app's own first output (its objects live, with the real keys): painted, and committed to the DOM.
    const appOutputMs = await page.evaluate(() => performance.getEntriesByName('mcs:first-output-painted')[0]?.startTime ?? Number.NaN);
    // A build from before the objects were timed has its first object in that output.
    const firstObjectMs = await firstObjectPainted(page, 2000).catch(() => appOutputMs);
    const committedMs = await page.evaluate(() => performance.getEntriesByName('mcs:first-output')[0]?.startTime ?? Number.NaN);
    const startup = await page.evaluate(() => ({ ...(window.__mcsStartup ?? {}) }) as Record<string, number>);
    const scripts = await scriptsBeforeFirstOutput(page);
    await context.close();
    return { firstObjectMs, appOutputMs, startup: { ...startup, committed: committedMs } as Record<string, number>, scripts };
  }
  const firstOutput: number[] = [];
  const floorMs: number[] = [];
  const appOutput: number[] = [];
  const returning: number[] = [];
  const firstOutputNewWindow: number[] = [];
  const startups: Array<Record<string, number>> = [];
  const startupsNewWindow: Array<Record<string, number>> = [];
  let loaded: string[] = [];
  const returningSpec = readFileSync(resolve('src/app/presets/mpi-benchmark.yaml'), 'utf8');
  const beforeFirst: number[] = [];
  const beforeReturning: number[] = [];
  const returningApp: number[] = [];
  // Interleaved, so that the app and its floor share whatever else the machine is doing.
  for (let i = 0; i < LOADS; i++) {
    const load = await loadOnce(server.url, { fromIdleTab: true, app: true });
    firstOutput.push(load.firstObjectMs);
    appOutput.push(load.appOutputMs);
    startups.push(load.startup);
    loaded = load.scripts;
    floorMs.push((await loadOnce(floor.url, { fromIdleTab: true, app: false })).firstObjectMs);
    const back = await loadOnce(server.url, { fromIdleTab: true, app: true, savedSpec: returningSpec });
    returning.push(back.firstObjectMs);
    returningApp.push(back.appOutputMs);
    if (before) {
      beforeFirst.push((await loadOnce(before.url, { fromIdleTab: true, app: true })).firstObjectMs);
      beforeReturning.push((await loadOnce(before.url, { fromIdleTab: true, app: true, savedSpec: returningSpec })).appOutputMs);
    }
    const cold = await loadOnce(server.url, { fromIdleTab: false, app: true });
    firstOutputNewWindow.push(cold.firstObjectMs);
    startupsNewWindow.push(cold.startup);
  }
  /** Medians, in ms after navigation: where the first output's time goes. */
  const phases = (loads: Array<Record<string, number>>) => {
    const median = (key: string) => percentile(loads.map((s) => s[key] ?? Number.NaN).filter(Number.isFinite), 50);
    return {
      pageScriptStarted: median('pageScriptStarted'),
      workerStarted: median('workerStarted'),
      workerCoreReady: median('workerCoreReady'),
      keysReady: median('keysReady'),
      firstResult: median('firstResult'),
      committed: median('committed'),
    };
  };

  let page: Page;
  type Row = { example: string; edits: number; medianMs: number; p95Ms: number; generationMedianMs: number; changesMedianMs: number; changesMaxMs: number; editsMs: number[] };
  let rows: Row[] = [];
  const typingRuns: Array<{ medianMs: number; p95Ms: number; worstExampleP95Ms: number; worstExample: string }> = [];
  const changesMs: number[] = [];
  const all: number[] = [];
  const resultMs: number[] = [];
  let onMainThread = 0;
  const only = process.env['BENCH_ONLY'];
  /** Pastes `text`, then types `edits` keystrokes at the end of its first `name:` line; their timings. */
  async function typeInto(text: string, edits: number, timeout = 20_000) {
    await replaceSpec(page, text);
    await page.keyboard.press('ControlOrMeta+Home');
    await page.waitForTimeout(Number(process.env['BENCH_SETTLE_MS'] ?? 300));
    const before = (await timings(page)).length;
    await takeChangesMs(page);
    await page.locator('.monaco-editor .view-line', { hasText: /name:\s/ }).first().click();
    await page.keyboard.press('End');
    for (let i = 0; i < edits; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
      await waitForTimings(page, before + i + 1, timeout);
    }
    return { measured: (await timings(page)).slice(before), changesMs: await takeChangesMs(page) };
  }
  const examples = benchExamples();
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Each run in a page of its own, as a new visit: "three runs in a row" must each stay within the frame.
  for (let run = 0; run < TYPING_RUNS; run++) {
    page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.monaco-editor').waitFor({ timeout: 20_000 });
    rows = [];
    const runMs: number[] = [];
    // Steady-state typing is measured, as bench:core measures a warmed-up core: one unmeasured round
    // of edits first lets the JIT compile the main thread's generation and rendering.
    await typeInto(examples.at(-1)?.text ?? '', EDITS_PER_EXAMPLE);
    for (const example of examples.filter((e) => !only || only.split(',').some((o) => e.name.includes(o)))) {
      const { measured, changesMs: marks } = await typeInto(example.text, EDITS_PER_EXAMPLE);
      changesMs.push(...marks);
      const ms = measured.map((t) => t.editToPreviewMs);
      all.push(...ms);
      runMs.push(...ms);
      resultMs.push(...measured.map((t) => t.editToResultMs));
      onMainThread += measured.filter((t) => t.onMainThread).length;
      rows.push({
        example: example.name,
        edits: ms.length,
        medianMs: percentile(ms, 50),
        p95Ms: percentile(ms, 95),
        generationMedianMs: percentile(measured.map((t) => t.workerMs), 50),
        changesMedianMs: +percentile(marks, 50).toFixed(3),
        changesMaxMs: +Math.max(...marks).toFixed(3),
        editsMs: ms.map((v) => +v.toFixed(1)),
      });
    }
    const worst = rows.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a));
    typingRuns.push({ medianMs: +percentile(runMs, 50).toFixed(2), p95Ms: +percentile(runMs, 95).toFixed(2), worstExampleP95Ms: +worst.p95Ms.toFixed(2), worstExample: worst.example });
    console.log(`typing run ${run + 1}: median ${percentile(runMs, 50).toFixed(2)} ms, worst example p95 ${worst.p95Ms.toFixed(2)} ms (${worst.example})`);
    if (run < TYPING_RUNS - 1) await page.close();
  }
  // A spec of about 1 MB (the largest the core generates), typed into like the examples.
  const LARGE_EDITS = Number(process.env['BENCH_LARGE_EDITS'] ?? 10);
  const large = await typeInto(largeSpec('bench-large', 1000 * 1024), LARGE_EDITS, 60_000);
  const largeSpecTyping = {
    bytes: 1000 * 1024,
    edits: large.measured.length,
    editToPreviewMedianMs: +percentile(large.measured.map((t) => t.editToPreviewMs), 50).toFixed(1),
    changesMedianMs: +percentile(large.changesMs, 50).toFixed(2),
    changesMaxMs: +Math.max(...large.changesMs).toFixed(2),
  };

  const isWorker = (f: string) => /\.worker-/.test(f);
  const isSodium = (f: string) => /libsodium/.test(f);
  const initial = sizeOf(loaded.filter((f) => !isWorker(f) && !isSodium(f)));
  const sodium = sizeOf(loaded.filter(isSodium));
  const workerEntry = loaded.find((f) => /generator\.worker-/.test(f));
  const worker = sizeOf(workerEntry ? withImports(workerEntry) : []);
  const summary = {
    initialJavaScript: initial,
    libsodiumLazy: sodium,
    generatorWorker: worker,
    firstOutputMs: { median: percentile(firstOutput, 50), max: Math.max(...firstOutput), loads: firstOutput.length },
    firstOutputFloorMs: { median: percentile(floorMs, 50), max: Math.max(...floorMs), loads: floorMs.length },
    firstOutputRatio: +(percentile(firstOutput, 50) / percentile(floorMs, 50)).toFixed(2),
    appFirstOutputMs: { median: percentile(appOutput, 50), max: Math.max(...appOutput), loads: appOutput.length },
    returningUserFirstObjectMs: { median: percentile(returning, 50), max: Math.max(...returning), loads: returning.length },
    // The app's own mark (its commit, then the next frame), which an older build has too.
    returningUserAppOutputMs: { median: percentile(returningApp, 50), max: Math.max(...returningApp), loads: returningApp.length },
    ...(before
      ? { before: { dist: beforeDir, firstObjectMs: percentile(beforeFirst, 50), returningUserAppOutputMs: percentile(beforeReturning, 50) } }
      : {}),
    firstOutputNewWindowMs: { median: percentile(firstOutputNewWindow, 50), max: Math.max(...firstOutputNewWindow), loads: firstOutputNewWindow.length },
    firstOutputPhases: phases(startups),
    firstOutputPhasesNewWindow: phases(startupsNewWindow),
    typingRuns,
    editToPreview: {
      edits: all.length,
      medianMs: +percentile(all, 50).toFixed(2),
      p95Ms: +percentile(all, 95).toFixed(2),
      worstExampleP95Ms: +Math.max(...rows.map((r) => r.p95Ms)).toFixed(2),
      worstExample: rows.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a)).example,
      editToResultMedianMs: +percentile(resultMs, 50).toFixed(2),
      generatedOnMainThread: onMainThread,
      generationMedianMs: +percentile(rows.map((r) => r.generationMedianMs), 50).toFixed(2),
    },
    changeMarks: {
      outputs: changesMs.length,
      medianMs: +percentile(changesMs, 50).toFixed(3),
      p95Ms: +percentile(changesMs, 95).toFixed(3),
      maxMs: +Math.max(...changesMs).toFixed(3),
      slowestExample: (() => {
        const row = rows.reduce((a, b) => (b.changesMedianMs > a.changesMedianMs ? b : a));
        return { example: row.example, medianMs: row.changesMedianMs, maxMs: row.changesMaxMs };
      })(),
      largeSpecTyping,
    },
  };
  for (const r of rows) {
    console.log(
      r.example.padEnd(62),
      `median ${r.medianMs.toFixed(2)} ms`.padStart(16),
      `p95 ${r.p95Ms.toFixed(2)} ms`.padStart(14),
      `generation ${r.generationMedianMs.toFixed(2)} ms`.padStart(17),
      `marks ${r.changesMedianMs.toFixed(2)} ms`.padStart(14),
    );
  }
  console.log('\nsummary', JSON.stringify(summary, null, 2));
  mkdirSync('.bench', { recursive: true });
  writeFileSync(`.bench/${OUT}.json`, JSON.stringify({ summary, rows }, null, 2));
} finally {
  await browser.close();
  server.close();
  floor.close();
  before?.close();
}
