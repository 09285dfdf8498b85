/**
 * Draws the app's PNG icons from their SVG sources in public/icons/ with Chromium (the one the
 * end-to-end tests use), so that the PNGs in the repository can always be made again:
 * `npm run icons`. The maskable icon fills its square; the browser crops it to its own shape.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const ICONS = [
  { source: 'public/icons/icon.svg', size: 192, out: 'public/icons/icon-192.png' },
  { source: 'public/icons/icon.svg', size: 512, out: 'public/icons/icon-512.png' },
  { source: 'public/icons/icon-maskable.svg', size: 512, out: 'public/icons/icon-maskable-512.png' },
];

const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    const svg = (await readFile(icon.source, 'utf8')).replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: icon.out, omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
    console.log(`${icon.out}: ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
