import { chromium } from '@playwright/test';
import { serveStatic } from './e2e/staticServer.ts';
import { CHROMIUM_ARGS, firstObjectPainted, median } from './bench/firstOutput.ts';
const server = await serveStatic('/tmp/variant');
const floorDir = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const res: Record<string, number[]> = {};
for (let i = 0; i < 9; i++) for (const v of ['', 'appinline.html', 'nojs.html', 'inline.html', 'cv.html']) {
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  await page.goto('about:blank'); await page.waitForTimeout(1000);
  await page.goto(server.url + v);
  (res[v || 'app'] ??= []).push(await firstObjectPainted(page));
  await ctx.close();
}
for (const [k, v] of Object.entries(res)) console.log(k, median(v), v.join(' '));
await browser.close(); server.close();
