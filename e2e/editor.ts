/** What the end-to-end tests do in the editor, as a user would. */
import type { Page } from '@playwright/test';

/** Replaces the whole spec by pasting, as a user would (typing would auto-indent). */
export async function replaceSpec(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** The top of the spec in the editor (Monaco renders only the lines in view). */
export async function editorTop(page: Page) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  return page.locator('.monaco-editor .view-lines');
}

/** Puts the cursor at the end of the first editor line containing `text`. */
export async function goToLineEnd(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}
