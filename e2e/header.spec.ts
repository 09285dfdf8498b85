/** The header's Examples menu and Reset: what they replace, and when they ask first. */
import type { Page } from '@playwright/test';
import { goToLineEnd } from './editor.ts';
import { expect, test } from './guard.ts';

test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
});

/** Answers the next native confirm with `accept`, and records its message. */
function answerConfirm(page: Page, accept: boolean): string[] {
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  });
  return asked;
}

const example = (page: Page) => page.getByRole('combobox', { name: 'Load an example' });

test('loading an example over an untouched one does not ask; over edits it asks, and No keeps them', async ({ page }) => {
  let asked = 0;
  page.on('dialog', () => asked++);
  await example(page).selectOption({ label: 'MPI benchmark' });
  await expect(page.getByText('Loaded the example "MPI benchmark".')).toBeVisible();
  expect(asked).toBe(0);
  page.removeAllListeners('dialog');

  await goToLineEnd(page, 'size: 4');
  await page.keyboard.type('2');
  await expect(page.getByText(/: 42 pods/)).toBeVisible();
  const refused = answerConfirm(page, false);
  await example(page).selectOption({ label: 'Hello world' });
  await expect.poll(() => refused.length).toBe(1);
  expect(refused[0]).toMatch(/Replace your spec with the example "Hello world"\? Your edits are lost/);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('size: 42');
  await expect(example(page)).toHaveValue('');

  answerConfirm(page, true);
  await example(page).selectOption({ label: 'Hello world' });
  await expect(page.getByText('Loaded the example "Hello world".')).toBeVisible();
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
});

test('Reset brings back the default example and turns every output option off', async ({ page }) => {
  await page.locator('summary', { hasText: 'Output options' }).click();
  await page.getByRole('checkbox', { name: 'Run as a JobSet', exact: true }).check();
  await page.getByRole('textbox', { name: 'Kueue queue', exact: true }).fill('team-a');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 JobSet: 4 pods')).toBeVisible();

  const asked = answerConfirm(page, true);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toMatch(/turn every output option off/);
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Run as a JobSet', exact: true })).not.toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Kueue queue', exact: true })).toHaveValue('');
  await expect(page.locator('.mcs-output-state')).toHaveText('none: the operator’s own objects');
});
