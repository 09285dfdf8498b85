/**
 * Browser benchmark of pasting an everyday spec (the v1alpha2 examples, bench/examples.ts) over
 * another one in the production build (Chromium): clipboard, select all, Ctrl+V, as a user does. Every
 * example is pasted over the one before it (a different spec), one unmeasured round first, then
 * BENCH_PASTE_EVERYDAY_ROUNDS measured rounds.
 *
 * Each sample runs from the paste's keydown reaching the page to the preview showing the pasted
 * spec's objects: committed to the DOM (total) and painted (the frame after the commit). It is
 * broken down with the app's own marks (`window.__mcsTimings[].at`, timing.ts):
 * - keydownToPaste: the browser turns Ctrl+V into a `paste` event;
 * - pasteToModelChange: Monaco applies the paste to its model (and its view model);
 * - modelChangeToEdit: the model's other listeners, until the editor reports the edit to the app;
 * - editToRequest: the app stores the text and asks for a generation;
 * - requestToResult: generation (on the main thread once the core is loaded there, else the
 *   worker's round trip), with `generation` the core's own time;
 * - resultToCommit: React renders and commits the new output (the preview's change marks, the
 *   highlighting of new card texts), with `changeMarks` the time spent finding the changes;
 * - commitToScriptDone: the rest of the task's script (the commit's passive effects: editor markers,
 *   autosave scheduling);
 * - scriptDoneToFrame: waiting for the next frame (the display's rate: up to 16.7 ms at 60 Hz), and
 *   the browser's own layout for the focused editor's input state before it;
 * - frameCallbacks: the frame's animation callbacks (Monaco renders its lines there);
 * - frameToPaint: style, layout, paint and the compositor commit of the changed DOM, until a task
 *   after the paint runs.
 *
 * Run with `npm run bench:paste-everyday` (builds first). Writes .bench/paste-everyday.json.
 * For finding where the time goes (each slows the pastes it watches):
 * - BENCH_DISTS=dirA,dirB compares builds, their pastes interleaved (the machine's load falls on each alike);
 * - BENCH_PROFILE=1 records a CPU profile of each measured paste (of the first build) and prints the
 *   functions' time, their own and with their callees;
 * - BENCH_TRACE=1 records a trace of each and sums the renderer main thread's events (style, layout,
 *   paint...); BENCH_TRACE_DIR=dir keeps the traces and profiles, one file per example;
 * - BENCH_STYLE=css adds CSS to the page (e.g. to hide a part and see what it costs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { benchExamples } from './examples.ts';
import { launchChromium, percentile } from './stats.ts';
import { serveStatic } from '../e2e/staticServer.ts';
import type { EditSteps } from '../src/app/timing.ts';

const ROUNDS = Number(process.env['BENCH_PASTE_EVERYDAY_ROUNDS'] ?? 2);
/** Time after each paste for the page's later work (yaml validation, autosave) before the next one. */
const SETTLE_MS = Number(process.env['BENCH_SETTLE_MS'] ?? 500);
const PROFILE = process.env['BENCH_PROFILE'] === '1';
const MODIFIER = process.platform === 'darwin' ? 'Meta' : 'Control';
const TRACE = process.env['BENCH_TRACE'] === '1';

const stat = (values: number[]) => ({ median: +percentile(values, 50).toFixed(2), p95: +percentile(values, 95).toFixed(2) });

interface Timing {
  id: number;
  editToPreviewMs: number;
  workerMs: number;
  onMainThread: boolean;
  at?: EditSteps;
}
interface Probe {
  keydownAt?: number;
  pasteAt?: number;
  frameAt?: number;
}
declare global {
  interface Window {
    __pasteProbe?: Probe;
  }
}

/** Listens (capture, on the window: before the editor's own listeners) for the paste's keydown and event. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__mcsTrackPaint = true;
    window.__mcsChangesMs = [];
    addEventListener(
      'keydown',
      (event) => {
        const probe = window.__pasteProbe;
        if (!probe || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'v' || probe.keydownAt !== undefined) return;
        probe.keydownAt = performance.now();
        // The first animation callback of the next frame: where the frame starts.
        requestAnimationFrame(() => {
          probe.frameAt = performance.now();
        });
      },
      { capture: true },
    );
    addEventListener(
      'paste',
      () => {
        const probe = window.__pasteProbe;
        if (probe) probe.pasteAt ??= performance.now();
      },
      { capture: true },
    );
  });
}

interface Sample {
  example: string;
  bytes: number;
  onMainThread: boolean;
  /** Keydown to the preview committed. */
  totalMs: number;
  /** Keydown to the frame that shows it painted. */
  paintedMs: number;
  /** The app's own figure: from the edit reaching the app to the commit. */
  appEditToPreviewMs: number;
  steps: Record<string, number>;
}

async function pasteOnce(page: Page, name: string, text: string, trace = false): Promise<Sample> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  const before = await page.evaluate(async () => {
    // The frame that shows the selection first: then the frame after the paste starts with the
    // probe's animation callback, ahead of the editor's.
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    window.__pasteProbe = {};
    window.__mcsChangesMs = [];
    return (window.__mcsTimings ?? []).length;
  });
  if (TRACE && trace) await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute', 'v8', 'disabled-by-default-v8.gc'] });
  if (trace && cdp) await cdp.send('Profiler.start');
  // The keys are released once the preview has painted: a hand lifts them a tenth of a second
  // later, while a key press sent at once would run its keyup handlers before the frame.
  await page.keyboard.down(MODIFIER);
  await page.keyboard.down('v');
  await page.waitForFunction(
    (n) => {
      const mine = (window.__mcsTimings ?? []).slice(n).find((t) => t.at?.modelChangedAt !== undefined);
      return mine?.at?.paintedAt !== undefined;
    },
    before,
    { timeout: 20_000 },
  );
  await page.keyboard.up('v');
  await page.keyboard.up(MODIFIER);
  const { timing, probe, changesMs } = await page.evaluate(
    (n) => ({
      timing: (window.__mcsTimings ?? []).slice(n).find((t) => t.at?.modelChangedAt !== undefined) as Timing,
      probe: window.__pasteProbe ?? {},
      changesMs: window.__mcsChangesMs ?? [],
    }),
    before,
  );
  if (trace && cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    addProfile(profile);
    if (process.env['BENCH_TRACE_DIR']) writeFileSync(resolve(process.env['BENCH_TRACE_DIR'], `${name.replace(/\W+/g, '_')}.cpuprofile`), JSON.stringify(profile));
  }
  if (TRACE && trace) {
    const buffer = await browser.stopTracing();
    addTrace(buffer);
    if (process.env['BENCH_TRACE_DIR']) writeFileSync(resolve(process.env['BENCH_TRACE_DIR'], `${name.replace(/\W+/g, '_')}.json`), buffer);
  }
  const at = timing.at as Required<EditSteps>;
  const keydownAt = probe.keydownAt ?? Number.NaN;
  const pasteAt = probe.pasteAt ?? Number.NaN;
  await page.waitForTimeout(SETTLE_MS);
  return {
    example: name,
    bytes: text.length,
    onMainThread: timing.onMainThread,
    totalMs: at.commitAt - keydownAt,
    paintedMs: at.paintedAt - keydownAt,
    appEditToPreviewMs: timing.editToPreviewMs,
    steps: {
      keydownToPaste: pasteAt - keydownAt,
      pasteToModelChange: at.modelChangedAt - pasteAt,
      modelChangeToEdit: at.editAt - at.modelChangedAt,
      editToRequest: at.requestAt - at.editAt,
      requestToResult: at.resultAt - at.requestAt,
      generation: timing.workerMs,
      resultToCommit: at.commitAt - at.resultAt,
      changeMarks: changesMs.reduce((a, b) => a + b, 0),
      commitToScriptDone: at.scriptDoneAt - at.commitAt,
      scriptDoneToFrame: (probe.frameAt ?? Number.NaN) - at.scriptDoneAt,
      frameCallbacks: at.framedAt - (probe.frameAt ?? Number.NaN),
      frameToPaint: at.paintedAt - at.framedAt,
    },
  };
}

let cdp: CDPSession | undefined;
const profileSelf = new Map<string, number>();
const profileTotal = new Map<string, number>();

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Adds a CPU profile's time per function: its own, and with what it called (once per stack). */
function addProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    profileSelf.set(name(node), (profileSelf.get(name(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = byId.get(parent.get(at.id) ?? -1)) {
      const key = name(at);
      if (seen.has(key)) continue;
      seen.add(key);
      profileTotal.set(key, (profileTotal.get(key) ?? 0) + ms);
    }
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const traceSums = new Map<string, { ms: number; count: number }>();

/** Adds up the renderer main thread's complete events of a trace by name (nested ones count in their parents too). */
function addTrace(buffer: Buffer): void {
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const sums = traceSums;
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue;
    const sum = sums.get(e.name) ?? { ms: 0, count: 0 };
    sum.ms += e.dur / 1000;
    sum.count++;
    sums.set(e.name, sum);
  }
}

function printTrace(pastes: number): void {
  console.log('\nrenderer main thread, from Ctrl+V to the paint, per paste (ms, count):');
  for (const [name, { ms, count }] of [...traceSums.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40)) {
    console.log((ms / pastes).toFixed(2).padStart(9), (count / pastes).toFixed(1).padStart(7), name);
  }
}

function summarize(samples: Sample[]) {
  const stepNames = Object.keys(samples[0]?.steps ?? {});
  return {
    samples: samples.length,
    bytes: { min: Math.min(...samples.map((s) => s.bytes)), max: Math.max(...samples.map((s) => s.bytes)) },
    generatedOnMainThread: samples.filter((s) => s.onMainThread).length,
    totalMs: stat(samples.map((s) => s.totalMs)),
    paintedMs: stat(samples.map((s) => s.paintedMs)),
    appEditToPreviewMs: stat(samples.map((s) => s.appEditToPreviewMs)),
    steps: Object.fromEntries(stepNames.map((name) => [name, stat(samples.map((x) => x.steps[name] ?? Number.NaN))])),
  };
}

function printSummary(title: string, summary: ReturnType<typeof summarize>, samples: Sample[]): void {
  console.log(`\n${title}: ${summary.samples} pastes (${summary.bytes.min}–${summary.bytes.max} bytes), ${summary.generatedOnMainThread} generated on the main thread`);
  console.log('step'.padEnd(22), 'median'.padStart(9), 'p95'.padStart(9));
  for (const [name, s] of Object.entries({ ...summary.steps, totalMs: summary.totalMs, paintedMs: summary.paintedMs, appEditToPreviewMs: summary.appEditToPreviewMs })) {
    console.log(name.padEnd(22), s.median.toFixed(2).padStart(9), s.p95.toFixed(2).padStart(9));
  }
  console.log('slowest (painted):');
  for (const s of [...samples].sort((a, b) => b.paintedMs - a.paintedMs).slice(0, 3)) {
    console.log(`${s.paintedMs.toFixed(1).padStart(7)} ms  ${s.example}`, JSON.stringify(Object.fromEntries(Object.entries(s.steps).map(([k, v]) => [k, +v.toFixed(1)]))));
  }
}

const examples = benchExamples().filter((e, i, all) => i === 0 || e.text !== all[i - 1]?.text);
// Builds to compare (folders, comma-separated): their pastes alternate, so that the load of the
// machine falls on each alike. The first is the one reported.
const variants = (process.env['BENCH_DISTS'] ?? 'dist').split(',').map((dir) => dir.trim()).filter(Boolean);
const servers = await Promise.all(variants.map((dir) => serveStatic(resolve(dir))));
const browser = await launchChromium();
try {
  const pages: Page[] = [];
  for (const server of servers) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await installProbe(page);
    // For experiments: CSS added to the page (e.g. to see what a part of the page costs to lay out).
    if (process.env['BENCH_STYLE']) await page.addStyleTag({ content: process.env['BENCH_STYLE'] });
    // Warm-up: every example once, unmeasured (the JIT, the highlighting of each output's lines).
    for (const example of examples) await pasteOnce(page, example.name, example.text);
    pages.push(page);
  }
  if (PROFILE && pages[0]) {
    cdp = await pages[0].context().newCDPSession(pages[0]);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  }
  const samples: Sample[][] = variants.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const example of examples) {
      for (const [i, page] of pages.entries()) samples[i]?.push(await pasteOnce(page, example.name, example.text, i === 0 && (TRACE || PROFILE)));
    }
  }
  const first = samples[0] ?? [];
  if (PROFILE) {
    console.log('\nCPU profile from Ctrl+V to the paint, per paste (ms): self time');
    for (const [fn, ms] of [...profileSelf.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((ms / first.length).toFixed(2).padStart(9), fn);
    console.log('\ntotal time (with callees)');
    for (const [fn, ms] of [...profileTotal.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((ms / first.length).toFixed(2).padStart(9), fn);
  }
  if (TRACE) printTrace(first.length);
  await cdp?.detach();
  const summaries = samples.map(summarize);
  for (const [i, summary] of summaries.entries()) printSummary(variants[i] ?? '', summary, samples[i] ?? []);
  mkdirSync('.bench', { recursive: true });
  const report = {
    ...summaries[0],
    examples: examples.length,
    ...(variants.length > 1 ? { variants: Object.fromEntries(variants.map((v, i) => [v, summaries[i]])) } : {}),
    rows: first,
  };
  writeFileSync('.bench/paste-everyday.json', JSON.stringify(report, null, 2));
} finally {
  await browser.close();
  for (const server of servers) server.close();
}
