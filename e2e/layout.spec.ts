/**
 * Narrow windows and phones: nothing scrolls sideways, and the output is one press away from the
 * top of the stacked layout, not below the whole spec column.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './guard.ts';
import { forEachLook, type Look } from './screenshots.ts';

test.describe.configure({ timeout: 120_000 });

async function open(browser: Browser, scheme: 'light' | 'dark', width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height } });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
  return page;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

for (const scheme of ['light', 'dark'] as const) {
  test(`at 390 px nothing scrolls sideways, in the YAML view, the form and the output (${scheme})`, async ({ browser }) => {
    const page = await open(browser, scheme, 390, 844);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/screenshots/phone-${scheme}-390-top.png` });

    await page.getByRole('tab', { name: 'Form' }).click();
    await page.getByRole('button', { name: 'Add environment variable' }).first().click();
    await page.getByRole('button', { name: 'Add volume' }).first().click();
    await page.locator('summary', { hasText: 'Fields only the YAML view edits' }).click();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.getByRole('group', { name: 'Volume 1' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/phone-${scheme}-390-form.png` });

    await page.getByRole('navigation', { name: 'Parts of the page' }).getByRole('button', { name: 'Output' }).click();
    await page.locator('summary', { hasText: 'Output options' }).click();
    await page.getByRole('checkbox', { name: 'Run as a JobSet' }).check();
    await page.getByRole('textbox', { name: 'Kueue queue' }).fill('Not A Queue');
    await expect(page.getByText(/is not a valid LocalQueue name/)).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/screenshots/phone-${scheme}-390-output.png` });
    await page.context().close();
  });
}

test('at 800 px the output is one press away from the top, and the spec one press back', async ({ browser }) => {
  const page = await open(browser, 'light', 800, 900);
  const bar = page.getByRole('navigation', { name: 'Parts of the page' });
  await expect(bar).toBeInViewport();
  await bar.getByRole('button', { name: 'Output' }).click();
  const output = page.getByRole('region', { name: 'Generated objects' });
  await expect(output).toBeFocused();
  await expect(page.getByRole('button', { name: 'Copy bundle', exact: true })).toBeInViewport();
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeInViewport();
  // The bar stays at the top, over the output.
  await expect(bar).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/narrow-800-output.png' });
  await bar.getByRole('button', { name: 'Spec' }).click();
  await expect(page.getByRole('tab', { name: 'YAML' })).toBeInViewport();
  await page.context().close();
});

test('side by side at 1440 px there is no jump bar', async ({ browser }) => {
  const page = await open(browser, 'light', 1440, 960);
  await expect(page.getByRole('navigation', { name: 'Parts of the page' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy bundle', exact: true })).toBeInViewport();
  await page.context().close();
});

test('screenshots at 1440, 800 and 390 px, light and dark: the top, the form and the output', async ({ browser }) => {
  test.setTimeout(180_000);
  const looks: Look[] = [1440, 800, 390].flatMap((width): Look[] => [['light', width, 900], ['dark', width, 900]]);
  await forEachLook(browser, looks, async (page, look) => {
    await page.screenshot({ path: `test-results/screenshots/layout-${look}-top.png` });
    await page.getByRole('tab', { name: 'Form' }).click();
    await expect(page.getByRole('group', { name: 'Container 1' })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/layout-${look}-form.png` });
    const jump = page.getByRole('navigation', { name: 'Parts of the page' }).getByRole('button', { name: 'Output' });
    if (await jump.isVisible()) await jump.click();
    await page.screenshot({ path: `test-results/screenshots/layout-${look}-output.png` });
    expect(await pageWidth(page)).toBeLessThanOrEqual(Number(look.split('-')[1]));
  });
});
