/**
 * A spec the generator stops on: the page says so, keeps the editor and the last output, and goes
 * on generating the next edit. Saved and reopened, such a spec is not generated again without
 * asking. The spec stops the generator through its test line (STOP_GENERATOR_LINE in respond.ts).
 */
import type { Page } from '@playwright/test';
import { replaceSpec } from './editor.ts';
import { expect, test } from './guard.ts';
import { STOP_GENERATOR_LINE } from '../src/app/generation/respond.ts';
import { GENERATING_KEY } from '../src/app/state/generationMark.ts';


const spec = (name: string, size: number, extra = '') =>
  `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: ${size}\n  containers:\n    - image: ubuntu:noble\n      command: hostname\n${extra}`;

async function expectOutput(page: Page, name: string, size: number): Promise<void> {
  await expect(page.getByText(new RegExp(`1 Job: ${size} pods?$`))).toBeVisible();
  await expect(page.getByRole('button', { name: `Copy Job ${name}`, exact: true })).toBeVisible();
}

const stoppedNotice = (page: Page) => page.getByRole('alert').filter({ hasText: 'Generation stopped for this text:' });
const heldBackNotice = (page: Page) => page.getByRole('alert').filter({ hasText: 'Last time this spec stopped the generator' });

/** Takes the test line out of the spec in the editor. */
async function deleteStopLine(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-line', { hasText: STOP_GENERATOR_LINE }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Delete');
}

/** Opens the app, then pastes a spec that stops the generator and waits until it is saved. */
async function stopTheGenerator(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expectOutput(page, 'flux-sample', 4);
  await replaceSpec(page, spec('stopper', 3, `${STOP_GENERATOR_LINE}\n`));
  await expect(stoppedNotice(page)).toContainText('stopped on purpose by the test line');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('minicluster-studio:v1:spec') ?? '')).toContain('stopper');
}

test('the page reports the text, keeps the editor and the last output, and generates the next edit', async ({ page }) => {
  await stopTheGenerator(page);
  await expectOutput(page, 'flux-sample', 4);
  await expect(page.locator('.monaco-editor .view-line', { hasText: STOP_GENERATOR_LINE })).toBeVisible();
  // Taking the test line out: the next edit generates.
  await deleteStopLine(page);
  await expectOutput(page, 'stopper', 3);
  await expect(stoppedNotice(page)).toHaveCount(0);
});

test('reopened, the spec is offered without generating, and opens that way', async ({ page }) => {
  await stopTheGenerator(page);
  await page.reload();
  await expect(heldBackNotice(page)).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  // Nothing is being generated, and the output column says so instead of "Generating".
  const notGenerated = page.getByText('Not generated: this spec stopped the generator on your last visit.');
  await expect(notGenerated).toBeVisible();
  await page.getByRole('button', { name: 'Open it without generating' }).click();
  await expect(heldBackNotice(page)).toHaveCount(0);
  await expect(notGenerated).toBeVisible();
  await expect(page.locator('.monaco-editor .view-line', { hasText: STOP_GENERATOR_LINE })).toBeVisible();
  await expect(stoppedNotice(page)).toHaveCount(0);
  await deleteStopLine(page);
  await expectOutput(page, 'stopper', 3);
});

test('reopened, the spec can be left for the example', async ({ page }) => {
  await stopTheGenerator(page);
  await page.reload();
  await page.getByRole('button', { name: 'Start from the example' }).click();
  await expectOutput(page, 'flux-sample', 4);
  await expect(heldBackNotice(page)).toHaveCount(0);
});

test('a spec that stops the worker at startup is reported and the app goes on', async ({ page }) => {
  await stopTheGenerator(page);
  // Without the mark the saved spec is generated at startup, in the worker.
  await page.evaluate((key) => localStorage.removeItem(key), GENERATING_KEY);
  await page.reload();
  await expect(stoppedNotice(page)).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('Not generated: the generator stopped on this spec.')).toBeVisible();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await deleteStopLine(page);
  await expectOutput(page, 'stopper', 3);
});
