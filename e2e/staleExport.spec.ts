/**
 * While the spec has errors the preview keeps the last good output, marked out of date: every way
 * of handing it out (Copy bundle, Download bundle and zip, a card's Copy, Ctrl+S, Ctrl+Shift+B)
 * asks first, in a modal that works with the keyboard.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { goToLineEnd } from './editor.ts';
import { expect, test } from './guard.ts';

test.describe.configure({ timeout: 90_000 });

const QUESTION = 'The spec has errors; this is the last good output, from before your last edits.';

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
});

/** Breaks the spec (size 0), so the shown output is the last good one, out of date. */
async function makeStale(page: Page) {
  await goToLineEnd(page, 'size: 4');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  await expect(page.getByText('Out of date — fix the errors to update')).toBeVisible();
}

const dialog = (page: Page) => page.getByRole('alertdialog', { name: 'The output is out of date' });
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const setClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);

async function downloaded(page: Page, act: () => Promise<unknown>): Promise<{ name: string; size: number }> {
  const [file] = await Promise.all([page.waitForEvent('download'), act()]);
  return { name: file.suggestedFilename(), size: (await readFile(await file.path())).length };
}

test('an up-to-date output is handed out without a question', async ({ page }) => {
  await setClipboard(page, 'before');
  await page.getByRole('button', { name: 'Copy bundle', exact: true }).click();
  await expect.poll(() => clipboard(page)).toContain('kind: Job');
  await expect(dialog(page)).toHaveCount(0);
});

test('Copy bundle asks first; Cancel (the focused answer) and Escape copy nothing; Copy anyway copies the last good output', async ({ page }) => {
  await makeStale(page);
  await setClipboard(page, 'before');
  await page.getByRole('button', { name: 'Copy bundle', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toHaveAccessibleDescription(`${QUESTION} Copy it anyway?`);
  await expect(dialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy bundle', exact: true })).toBeFocused();
  expect(await clipboard(page)).toBe('before');

  await page.getByRole('button', { name: 'Copy bundle', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  expect(await clipboard(page)).toBe('before');

  await page.getByRole('button', { name: 'Copy bundle', exact: true }).click();
  await page.keyboard.press('Tab');
  await expect(dialog(page).getByRole('button', { name: 'Copy anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard(page)).toContain('completions: 4');
});

test('Download bundle, Download zip and a card’s Copy ask first', async ({ page }) => {
  await makeStale(page);
  for (const [button, verb] of [
    ['Download bundle', 'Download'],
    ['Download zip', 'Download'],
    ['Download Job flux-sample', 'Download'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(dialog(page)).toHaveAccessibleDescription(`${QUESTION} ${verb} it anyway?`);
    const file = await downloaded(page, () => dialog(page).getByRole('button', { name: `${verb} anyway` }).click());
    expect(file.size).toBeGreaterThan(0);
  }
  await setClipboard(page, 'before');
  await page.getByRole('button', { name: 'Copy Job flux-sample', exact: true }).click();
  await expect(dialog(page)).toHaveAccessibleDescription(`${QUESTION} Copy it anyway?`);
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  expect(await clipboard(page)).toBe('before');
  // The spec's own text is not the output: it is never asked about.
  const spec = await downloaded(page, () => page.getByRole('button', { name: 'Download spec', exact: true }).click());
  expect(spec.name).toBe('flux-sample-minicluster.yaml');
});

test('Ctrl+S and Ctrl+Shift+B ask first too', async ({ page }) => {
  await makeStale(page);
  await page.keyboard.press('ControlOrMeta+s');
  await expect(dialog(page)).toBeVisible();
  const file = await downloaded(page, () => dialog(page).getByRole('button', { name: 'Download anyway' }).click());
  expect(file.name).toBe('flux-sample.yaml');

  await setClipboard(page, 'before');
  await goToLineEnd(page, 'size: 0');
  await page.keyboard.press('ControlOrMeta+Shift+B');
  await expect(dialog(page)).toHaveAccessibleDescription(`${QUESTION} Copy it anyway?`);
  await dialog(page).getByRole('button', { name: 'Copy anyway' }).click();
  await expect.poll(() => clipboard(page)).toContain('completions: 4');
});

test('an axe scan with the question open finds no serious or critical violations, in each theme', async ({ page }) => {
  test.setTimeout(120_000);
  await makeStale(page);
  const bad: string[] = [];
  for (const theme of ['light', 'dark']) {
    // The page behind a modal is inert: the theme is chosen before the question opens.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await page.getByRole('button', { name: 'Copy bundle', exact: true }).click();
    await expect(dialog(page)).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/stale-question-${theme}.png` });
    const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
    bad.push(...results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${theme}: ${v.id} ${v.nodes[0]?.html ?? ''}`));
    await page.keyboard.press('Escape');
  }
  expect(bad).toEqual([]);
});
