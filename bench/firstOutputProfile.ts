/**
 * Where a cold load's time goes before the first output, from a Chromium trace of the production
 * build: for each script (page and workers), when it arrived, and how long it took to compile and
 * to run; the worker's start; libsodium; React's first commit; the first paint of an object.
 * Medians over several loads, each in a fresh browser context from an idle tab (as bench:app).
 *
 * Run with `npm run bench:profile` (builds first). BENCH_PROFILE_DISTS=DIR,DIR profiles other
 * builds too (an older one, for a before and after), interleaved with this one. Writes
 * .bench/profile.json; the breakdown in docs/performance.md is taken from its output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { serveStatic } from '../e2e/staticServer.ts';
import { firstObjectPainted } from './firstOutput.ts';
import { launchChromium, median } from './stats.ts';

const LOADS = Number(process.env['BENCH_PROFILE_LOADS'] ?? 5);
const IDLE_TAB_MS = 1500;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; fileName?: string; url?: string };
}

/** A script's short name: the file name with the build hash taken off. */
const short = (url: string) => url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '.js');

async function profileOnce(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.waitForTimeout(IDLE_TAB_MS);
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'],
  });
  await page.goto(url);
  // Wait until the app's own first output, so the trace holds the whole start. A build without
  // timed objects (an older one) has its first object in that output.
  await page.waitForFunction(() => performance.getEntriesByName('mcs:first-output-painted').length > 0, undefined, { timeout: 30_000 });
  const firstObject = await firstObjectPainted(page, 2000).catch(() => Number.NaN);
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const marks = await page.evaluate(() => {
    return {
      startup: { ...(window.__mcsStartup ?? {}) } as Record<string, number>,
      appCommitted: performance.getEntriesByName('mcs:first-output')[0]?.startTime,
      appPainted: performance.getEntriesByName('mcs:first-output-painted')[0]?.startTime,
      firstContentfulPaint: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime,
      scripts: performance
        .getEntriesByType('resource')
        .filter((e) => /\.(js|wasm)$/.test(new URL(e.name).pathname))
        .map((e) => ({ url: e.name, start: (e as PerformanceResourceTiming).startTime, end: (e as PerformanceResourceTiming).responseEnd })),
    };
  });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  await context.close();

  const events = trace.traceEvents;
  const navigation = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming')?.ts;
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const perScript = new Map<string, { compileMs: number; runMs: number; thread: string }>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const scriptUrl = e.args?.data?.url ?? e.args?.fileName ?? e.args?.url;
    if (!scriptUrl || !/\.js$/.test(scriptUrl)) continue;
    const kind = /compile|parse/i.test(e.name) ? 'compileMs' : /evaluate|EvaluateScript|FunctionCall|run/i.test(e.name) ? 'runMs' : undefined;
    if (!kind) continue;
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? '?';
    // Scripts are compiled off the main thread while they stream in (thread pool), then run on the
    // page's main thread or in a worker.
    const where = thread === 'CrRendererMain' ? 'page' : /DedicatedWorker/.test(thread) ? 'worker' : /ServiceWorker/.test(thread) ? 'service worker' : 'background';
    // Off the main thread a script is only compiled (its streaming task wraps that compile).
    if (where === 'background' && kind === 'runMs') continue;
    const key = `${short(scriptUrl)} (${where})`;
    const row = perScript.get(key) ?? { compileMs: 0, runMs: 0, thread };
    row[kind] += e.dur / 1000;
    perScript.set(key, row);
  }
  const arrivals = Object.fromEntries(marks.scripts.map((s) => [short(s.url), Math.round(s.end)]));
  return { navigation, firstObject, marks, arrivals, perScript: Object.fromEntries(perScript) };
}

const dists = ['dist', ...(process.env['BENCH_PROFILE_DISTS'] ?? '').split(',').filter(Boolean)];
const servers = await Promise.all(dists.map((dist) => serveStatic(resolve(dist))));
const browser = await launchChromium();
type Load = Awaited<ReturnType<typeof profileOnce>>;
try {
  const loadsOf: Load[][] = dists.map(() => []);
  for (let i = 0; i < LOADS; i++) for (const [d, server] of servers.entries()) loadsOf[d]?.push(await profileOnce(browser, server.url));
  const profiles = Object.fromEntries(dists.map((dist, d) => [dist, breakdownOf(loadsOf[d] ?? [])]));
  console.log(JSON.stringify(profiles, null, 2));
  console.log(`\n${markdown(profiles)}`);
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/profile.json', JSON.stringify(profiles, null, 2));
} finally {
  await browser.close();
  for (const server of servers) server.close();
}

function breakdownOf(loads: Load[]) {
  const med = (pick: (l: (typeof loads)[number]) => number | undefined) => {
    const values = loads.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return values.length ? +median(values).toFixed(1) : undefined;
  };
  const scripts = [...new Set(loads.flatMap((l) => Object.keys(l.perScript)))].sort();
  const breakdown = {
    loads: loads.length,
    firstObjectPaintedMs: med((l) => l.firstObject),
    firstContentfulPaintMs: med((l) => l.marks.firstContentfulPaint),
    appFirstOutputCommittedMs: med((l) => l.marks.appCommitted),
    appFirstOutputPaintedMs: med((l) => l.marks.appPainted),
    startupMarksMs: Object.fromEntries(
      [...new Set(loads.flatMap((l) => Object.keys(l.marks.startup)))].map((k) => [k, med((l) => l.marks.startup[k])]),
    ),
    scriptArrivedMs: Object.fromEntries(
      [...new Set(loads.flatMap((l) => Object.keys(l.arrivals)))].map((k) => [k, med((l) => l.arrivals[k])]),
    ),
    scripts: Object.fromEntries(
      scripts.map((s) => [s, { compileMs: med((l) => l.perScript[s]?.compileMs ?? 0), runMs: med((l) => l.perScript[s]?.runMs ?? 0) }]),
    ),
  };
  return breakdown;
}

/** The breakdowns side by side as a Markdown table (docs/performance.md): one column per build. */
function markdown(profiles: Record<string, ReturnType<typeof breakdownOf>>): string {
  const builds = Object.keys(profiles);
  const cell = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)}`);
  const lines = [`| ms after navigation (median of ${profiles[builds[0] ?? '']?.loads ?? 0}) | ${builds.join(' | ')} |`, `|---|${builds.map(() => '---').join('|')}|`];
  const row = (label: string, pick: (b: ReturnType<typeof breakdownOf>) => number | undefined) =>
    lines.push(`| ${label} | ${builds.map((b) => cell(pick(profiles[b] as ReturnType<typeof breakdownOf>))).join(' | ')} |`);
  row('first contentful paint', (b) => b.firstContentfulPaintMs);
  row('first object painted (Element Timing)', (b) => b.firstObjectPaintedMs);
  for (const mark of ['pageScriptStarted', 'workerStarted', 'keysReady', 'workerCoreReady', 'firstResult']) row(`mark: ${mark}`, (b) => b.startupMarksMs[mark]);
  row("app's first output committed (React)", (b) => b.appFirstOutputCommittedMs);
  row("app's first output painted", (b) => b.appFirstOutputPaintedMs);
  const scripts = [...new Set(builds.flatMap((b) => Object.keys(profiles[b]?.scripts ?? {})))].sort();
  lines.push('', `| script (where) | ${builds.map((b) => `${b}: arrived / compile / run`).join(' | ')} |`, `|---|${builds.map(() => '---').join('|')}|`);
  for (const script of scripts) {
    const cells = builds.map((b) => {
      const p = profiles[b];
      const t = p?.scripts[script];
      if (!t || (t.compileMs ?? 0) + (t.runMs ?? 0) < 1) return '—';
      return `${cell(p?.scriptArrivedMs[script.replace(/ \(.*$/, '')])} / ${t.compileMs?.toFixed(1)} / ${t.runMs?.toFixed(1)}`;
    });
    if (cells.some((c) => c !== '—')) lines.push(`| ${script} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
