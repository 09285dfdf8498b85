/**
 * When the clipboard refuses, "Copy link" offers the same fallback as the manifests: a dialog
 * with the link selected for Ctrl+C, never `window.prompt`.
 */
import { expect, test } from './guard.ts';

test.beforeEach(async ({ page }) => {
  // As a browser that denies the clipboard permission: every write rejects.
  await page.addInitScript(() => {
    Clipboard.prototype.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.goto('./');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible({ timeout: 45_000 });
  // The page's first screen shows the same summary before the app (and its shortcuts) has loaded.
  await expect(page.locator('#mcs-first-screen')).toHaveCount(0);
});

test('"Copy link" shows the link, selected, in the copy dialog when the clipboard refuses', async ({ page }) => {
  const nativeDialogs: string[] = [];
  page.on('dialog', (dialog) => {
    nativeDialogs.push(dialog.type());
    void dialog.dismiss();
  });
  const copyLink = page.getByRole('button', { name: 'Copy link', exact: true });
  await copyLink.click();

  const dialog = page.getByRole('dialog', { name: 'Copy the link' });
  await expect(dialog).toBeVisible();
  const area = dialog.getByRole('textbox', { name: 'Text of the link' });
  await expect(area).toBeFocused();
  const link = await area.inputValue();
  expect(link.split('#')[0]).toBe(page.url().split('#')[0]);
  expect(new URL(link).hash).toMatch(/^#spec=./);
  const selection = await area.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd]);
  expect(selection).toEqual([0, link.length]);

  // Copying from the dialog closes it and says so; Escape would close it too.
  await page.keyboard.press('ControlOrMeta+C');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  await expect(copyLink).toBeFocused();
  expect(nativeDialogs).toEqual([]);
});

test('the shortcut opens the same dialog, and Escape closes it', async ({ page }) => {
  await page.keyboard.press('ControlOrMeta+Shift+S');
  const dialog = page.getByRole('dialog', { name: 'Copy the link' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
