/**
 * The editor by keyboard: Tab indents, a hint under the editor (its input's accessible description)
 * says how to leave it, and that way out works.
 */
import { goToLineEnd } from './editor.ts';
import { expect, test } from './guard.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
});

test('Tab indents, and the hint tells and does the way out', async ({ page }) => {
  const input = page.locator('.monaco-editor .native-edit-context');
  const line = page.locator('.monaco-editor .view-line', { hasText: 'kind: MiniCluster' }).first();
  await goToLineEnd(page, 'kind: MiniCluster');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  // Monaco renders spaces as no-break spaces (\s matches both), and marks indentation with middle dots.
  await expect(line).toHaveText(/^(?:\s|[\u00b7\u2e31]\u200c?){2}kind:\sMiniCluster$/);
  await expect(input).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(line).toHaveText(/^kind:\sMiniCluster$/);

  const hint = page.getByText(/^Tab indents\. To leave the editor by keyboard, press Ctrl\+M, then Tab/);
  await expect(hint).toBeVisible();
  await expect(input).toHaveAccessibleDescription(/^Tab indents\. To leave the editor by keyboard, press Ctrl\+M, then Tab/);

  await page.keyboard.press('Control+M');
  await expect(input).toHaveAccessibleDescription(/^Tab moves the focus out of the editor; Ctrl\+M makes Tab indent again/);
  await page.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null)).toBe(true);
  await expect(line).toHaveText(/^kind:\sMiniCluster$/);

  // Back in the editor, Ctrl+M again: Tab indents once more.
  await page.keyboard.press('Shift+Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Control+M');
  await expect(hint).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
});
