/**
 * Browser benchmark of replacing a large spec in the editor of the production build (Chromium):
 * select all, then put a spec of the same size over it, 800 KB (under the 1 MiB limit: objects)
 * and 3 MB (over it: the size error). Two ways in:
 * - a clipboard paste (Ctrl+V);
 * - a composition of the whole text (an input method, clipboard history, dictation), where the
 *   browser asks the editor for the screen box of every composed character.
 * For each: the time until the page answers (a task of its own runs), and until the output shows
 * the pasted spec's result. Run with `npm run bench:paste` (builds first). Writes .bench/paste.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { replaceSpec } from '../e2e/editor.ts';
import { largeSpec } from '../e2e/largeSpec.ts';
import { serveStatic } from '../e2e/staticServer.ts';
import { launchChromium } from './stats.ts';

const KB = 1024;
const ROUNDS = Number(process.env['BENCH_PASTE_ROUNDS'] ?? 3);

/** Waits for the page to run a task of its own: how long the tab was unresponsive. */
const answers = (page: Page) => page.evaluate(() => new Promise((done) => setTimeout(done, 0)));

/** The output of `text` (its objects), or the size error of a spec over the limit, which gives its size. */
async function outputOf(page: Page, name: string, text: string, overLimit: boolean): Promise<void> {
  const shown = overLimit
    ? page.getByText(`(${text.length.toLocaleString('en-US')} bytes), more than the limit`).first()
    : page.getByRole('button', { name: `Copy Job ${name}`, exact: true });
  await shown.waitFor({ timeout: 120_000 });
}

/** Composes `text` over the selection, as an input method does (left uncommitted). */
async function compose(context: BrowserContext, page: Page, text: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.detach();
}

const server = await serveStatic(resolve('dist'));
const browser = await launchChromium();
const rows: Array<{ case: string; round: number; answersMs: number; outputMs: number }> = [];
try {
  for (const bytes of [800 * KB, 3 * KB * KB]) {
    for (const way of ['paste', 'composition'] as const) {
      for (let round = 0; round < ROUNDS; round++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        const page = await context.newPage();
        await page.goto(server.url);
        await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
        const overLimit = bytes > KB * KB;
        const first = largeSpec('first-spec', bytes);
        await replaceSpec(page, first);
        await outputOf(page, 'first-spec', first, overLimit);
        await page.waitForTimeout(1000);
        const second = largeSpec('second-spec', bytes);
        await page.evaluate((t) => navigator.clipboard.writeText(t), way === 'paste' ? second : '');
        await page.locator('.monaco-editor .view-lines').click();
        await page.keyboard.press('ControlOrMeta+A');
        const started = Date.now();
        if (way === 'paste') await page.keyboard.press('ControlOrMeta+V');
        else await compose(context, page, second);
        await answers(page);
        const answersMs = Date.now() - started;
        await outputOf(page, 'second-spec', second, overLimit);
        const outputMs = Date.now() - started;
        const name = `${way} ${bytes / KB} KB`;
        rows.push({ case: name, round, answersMs, outputMs });
        console.log(name.padEnd(22), `answers ${answersMs} ms`.padStart(18), `output ${outputMs} ms`.padStart(18));
        await context.close();
      }
    }
  }
  const worst = (name: string, key: 'answersMs' | 'outputMs') => Math.max(...rows.filter((r) => r.case === name).map((r) => r[key]));
  const summary = Object.fromEntries([...new Set(rows.map((r) => r.case))].map((name) => [name, { worstAnswersMs: worst(name, 'answersMs'), worstOutputMs: worst(name, 'outputMs') }]));
  console.log('\nsummary', JSON.stringify(summary, null, 2));
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/paste.json', JSON.stringify({ summary, rows }, null, 2));
} finally {
  await browser.close();
  server.close();
}
