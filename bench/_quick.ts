import { chromium } from '@playwright/test';
import { serveStatic } from '../e2e/staticServer.ts';
const server = await serveStatic('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.type(), m.text()));
await page.goto(server.url);
await page.locator('.monaco-editor').waitFor();
await page.waitForTimeout(1500);
await page.locator('.monaco-editor .view-line', { hasText: /name:\s/ }).first().click();
await page.keyboard.press('End');
for (let i = 0; i < 10; i++) { await page.keyboard.press(i % 2 ? 'Backspace' : 'x'); await page.waitForTimeout(50); }
console.log(JSON.stringify(await page.evaluate(() => window.__mcsTimings)));
await browser.close(); server.close();
