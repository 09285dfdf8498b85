/**
 * Pasting a large spec over a large spec, as a user would (select all, paste). The page must keep
 * answering and the output must follow: the objects of a spec under the size limit, the size error
 * of one over it. Timing is in bench/paste.bench.ts; here the generous test timeout is the guard.
 */
import type { Page } from '@playwright/test';
import { replaceSpec } from './editor.ts';
import { expect, test } from './guard.ts';
import { largeSpec } from './largeSpec.ts';

test.setTimeout(120_000);

const KB = 1024;

/** The editor's whole text, copied out of it as a user would. */
async function copiedText(page: Page): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('#root').getByText(/1 Job: 4 pods$/)).toBeVisible();
});

test('an 800 KB spec pasted over another 800 KB spec', async ({ page }) => {
  const first = largeSpec('first-large', 800 * KB);
  const second = largeSpec('second-large', 800 * KB);
  await replaceSpec(page, first);
  await expect(page.getByRole('button', { name: 'Copy Job first-large', exact: true })).toBeVisible({ timeout: 30_000 });
  await replaceSpec(page, second);
  // The page answers (a task of its own runs), then the output is the pasted spec's.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
  await expect(page.getByRole('button', { name: 'Copy Job second-large', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/1 Job: 2 pods$/)).toBeVisible();
  expect(await copiedText(page)).toBe(second);
});

test('a 3 MB spec pasted over another 3 MB spec gets the size error', async ({ page }) => {
  const first = largeSpec('first-huge', 3 * KB * KB);
  const second = largeSpec('second-huge', 3 * KB * KB);
  // The error gives the size, which tells the two texts apart.
  const tooLarge = (text: string) => page.getByText(`(${text.length.toLocaleString('en-US')} bytes), more than the limit of 1 MiB`).first();
  expect(first.length).not.toBe(second.length);
  await replaceSpec(page, first);
  await expect(tooLarge(first)).toBeVisible({ timeout: 30_000 });
  await replaceSpec(page, second);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
  await expect(tooLarge(second)).toBeVisible({ timeout: 30_000 });
  expect(await copiedText(page)).toBe(second);
});

test('a large text composed over a large spec (an input method, clipboard history)', async ({ page, context }) => {
  const first = largeSpec('first-composed', 800 * KB);
  const second = largeSpec('second-composed', 800 * KB);
  await replaceSpec(page, first);
  await expect(page.getByRole('button', { name: 'Copy Job first-composed', exact: true })).toBeVisible({ timeout: 30_000 });
  // How many character boxes the editor gives the browser for each request of the input method.
  await page.evaluate(() => {
    const editContext = (document.querySelector('.native-edit-context') as HTMLElement & { editContext: { updateCharacterBounds(start: number, bounds: DOMRect[]): void } }).editContext;
    const given: number[] = [];
    (window as unknown as { __bounds: number[] }).__bounds = given;
    const update = editContext.updateCharacterBounds.bind(editContext);
    editContext.updateCharacterBounds = (start, bounds) => {
      given.push(bounds.length);
      update(start, bounds);
    };
  });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: second, selectionStart: second.length, selectionEnd: second.length });
  // Left uncommitted: Monaco's commit of a composition of several lines replaces only its last line.
  await expect(page.getByRole('button', { name: 'Copy Job second-composed', exact: true })).toBeVisible({ timeout: 30_000 });
  const given = await page.evaluate(() => (window as unknown as { __bounds: number[] }).__bounds);
  // The input method asked for the composed text's boxes; the editor gave those near the caret only.
  expect(given.length).toBeGreaterThan(0);
  expect(Math.max(...given)).toBeLessThanOrEqual(512);
  expect(await copiedText(page)).toBe(second);
});
