/** Fresh pages in each colour scheme and size, with the default example rendered, for screenshots. */
import { expect, type Browser, type Page } from '@playwright/test';

export type Look = readonly ['light' | 'dark', number, number];

export const WIDE_AND_NARROW: readonly Look[] = [
  ['light', 1440, 960],
  ['dark', 1440, 960],
  ['light', 430, 900],
  ['dark', 430, 900],
];

/** Opens the app once per look and hands the page to `shoot` (which takes the screenshots). */
export async function forEachLook(browser: Browser, looks: readonly Look[], shoot: (page: Page, look: string) => Promise<unknown>): Promise<void> {
  for (const [scheme, width, height] of looks) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height } });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
    await shoot(page, `${scheme}-${width}`);
    await context.close();
  }
}
