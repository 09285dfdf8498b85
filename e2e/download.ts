/** What a button's download holds: the file's suggested name and its text. */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

export async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** The text of a button's download. */
export async function downloadText(page: Page, button: string): Promise<string> {
  return (await download(page, button)).text;
}
