/** The Output options panel and the objects' cards, as the e2e tests of the output options reach them. */
import type { Page } from '@playwright/test';
import { expect } from './guard.ts';

export const outputPanel = (page: Page) => page.locator('details.mcs-output');
export const copyButton = (page: Page, kind: string, name: string) => page.getByRole('button', { name: `Copy ${kind} ${name}`, exact: true });
/** The card of one object, found by its Copy button. */
export const card = (page: Page, kind: string, name: string) => page.locator('article').filter({ has: copyButton(page, kind, name) });

/** Opens the Output options panel unless it is open, and waits for its controls. */
export async function openOutputPanel(page: Page): Promise<void> {
  if ((await outputPanel(page).getAttribute('open')) === null) await page.locator('summary', { hasText: 'Output options' }).click();
  await expect(page.getByRole('checkbox', { name: 'Run as a JobSet', exact: true })).toBeVisible();
}
