import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { serveStatic } from './e2e/staticServer.ts';
const server = await serveStatic(resolve('dist'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
for (let i = 0; i < 3; i++) {
const ctx = await browser.newContext(); const page = await ctx.newPage();
await page.goto('about:blank'); await page.waitForTimeout(1500);
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline'] });
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName('mcs:first-output-painted').length > 0);
const t = JSON.parse((await browser.stopTracing()).toString());
const threads = new Map(); for (const e of t.traceEvents) if (e.name === 'thread_name') threads.set(e.pid + ':' + e.tid, e.args.name);
const nav = t.traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'))?.ts ?? t.traceEvents.find((e) => e.name === 'navigationStart')?.ts;
const fcp = t.traceEvents.find((e) => e.name === 'firstContentfulPaint')?.ts;
console.log('--- load', i, 'fcp', (fcp - nav) / 1000);
for (const e of t.traceEvents) {
  if (threads.get(e.pid + ':' + e.tid) !== 'CrRendererMain' || e.ph !== 'X' || (e.dur ?? 0) < 3000) continue;
  if (e.ts > fcp + 50000) continue;
  if (!['RunTask','ThreadControllerImpl::RunTask'].includes(e.name) && e.dur < 3000) continue;
  console.log(((e.ts - nav) / 1000).toFixed(1), (e.dur / 1000).toFixed(1), e.name, e.args?.data?.url ?? e.args?.data?.functionName ?? '');
}
await ctx.close();
}
await browser.close(); server.close();
