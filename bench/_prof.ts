import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { serveStatic } from '../e2e/staticServer.ts';
const server = await serveStatic(process.argv[2] ?? 'dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
await page.goto(server.url);
await page.locator('.monaco-editor').waitFor();
await page.waitForTimeout(2000);
await page.locator('.monaco-editor .view-line', { hasText: /name:\s/ }).first().click();
await page.keyboard.press('End');
for (let i = 0; i < 6; i++) { await page.keyboard.press(i % 2 ? 'Backspace' : 'x'); await page.waitForTimeout(50); }
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const before = (await page.evaluate(() => window.__mcsTimings?.length)) ?? 0;
for (let i = 0; i < 40; i++) { await page.keyboard.press(i % 2 ? 'Backspace' : 'x'); await page.waitForTimeout(60); }
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/keys.cpuprofile', JSON.stringify(profile));
const t = (await page.evaluate(() => window.__mcsTimings))!.slice(before);
const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log('edits', t.length, 'preview med', med(t.map((x) => x.editToPreviewMs)), 'result med', med(t.map((x) => x.editToResultMs)), 'main', t.filter((x) => x.onMainThread).length);
await browser.close(); server.close();
