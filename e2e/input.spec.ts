/**
 * Every way text reaches the spec, each followed by more edits that must still update the output:
 * the editor and the app must stay in step whatever the path (no update loop, no lost edit).
 * The guard (guard.ts) fails any of these on an uncaught error or a React error in the console.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { replaceSpec } from './editor.ts';
import { expect, test } from './guard.ts';

const spec = (name: string, size: number) =>
  `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: ${size}\n  containers:\n    - image: ubuntu:noble\n      command: hostname\n`;

const lines = (page: Page) => page.locator('.monaco-editor .view-lines');

/** The preview shows the cluster `name` with `size` pods. */
async function expectOutput(page: Page, name: string, size: number): Promise<void> {
  await expect(page.getByText(new RegExp(`1 Job: ${size} pods?$`))).toBeVisible();
  await expect(page.getByRole('button', { name: `Copy Job ${name}`, exact: true })).toBeVisible();
}

/** Retypes the `size:` line in the editor, then the output must follow. */
async function editSize(page: Page, name: string, from: number, to: number): Promise<void> {
  await page.locator('.monaco-editor .view-line', { hasText: `size: ${from}` }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(`size: ${to}`);
  await expectOutput(page, name, to);
}

/**
 * The editor's text as shown (every line of these short specs is in view): Monaco writes spaces as
 * no-break spaces, and the indentation it marks as middle dots (each followed by a zero-width
 * non-joiner).
 */
async function editorText(page: Page): Promise<string> {
  return (await lines(page).innerText()).replace(/[\u00b7\u2e31]\u200c?|\u00a0/g, ' ').trimEnd();
}

async function selectAll(page: Page): Promise<void> {
  await lines(page).click();
  await page.keyboard.press('ControlOrMeta+A');
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expectOutput(page, 'flux-sample', 4);
});

test('typing, key by key', async ({ page }) => {
  await page.locator('.monaco-editor .view-line', { hasText: 'name: flux-sample' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type('-typed');
  await expectOutput(page, 'flux-sample-typed', 4);
  await editSize(page, 'flux-sample-typed', 4, 7);
});

test('typing over a selection replaces it from the first character', async ({ page }) => {
  await page.locator('.monaco-editor .view-line', { hasText: 'size: 4' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('9');
  await expectOutput(page, 'flux-sample', 9);
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('size: 3');
  await expectOutput(page, 'flux-sample', 3);
});

test('a clipboard paste over everything', async ({ page }) => {
  await replaceSpec(page, spec('pasted', 3));
  await expectOutput(page, 'pasted', 3);
  await editSize(page, 'pasted', 3, 5);
});

test('text inserted in one input event over a selection goes in as given', async ({ page }) => {
  await selectAll(page);
  await page.keyboard.insertText(spec('inserted', 2));
  await expectOutput(page, 'inserted', 2);
  // Not re-indented line by line, as typing would.
  expect(await editorText(page)).toBe(spec('inserted', 2).trimEnd());
  await editSize(page, 'inserted', 2, 6);
  await editSize(page, 'inserted', 6, 8);
});

test('text inserted in one input event into an empty editor', async ({ page }) => {
  await selectAll(page);
  await page.keyboard.press('Delete');
  await expect(page.getByText(/The file is empty/).first()).toBeVisible();
  await page.keyboard.insertText(spec('from-empty', 3));
  await expectOutput(page, 'from-empty', 3);
  expect(await editorText(page)).toBe(spec('from-empty', 3).trimEnd());
  await editSize(page, 'from-empty', 3, 4);
});

test('a drop of text', async ({ page }) => {
  await selectAll(page);
  await page.keyboard.press('Delete');
  const data = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    return transfer;
  }, spec('dropped', 5));
  const box = await lines(page).boundingBox();
  const point = { clientX: (box?.x ?? 0) + 20, clientY: (box?.y ?? 0) + 5 };
  await lines(page).dispatchEvent('dragover', { dataTransfer: data, ...point });
  await lines(page).dispatchEvent('drop', { dataTransfer: data, ...point });
  await expectOutput(page, 'dropped', 5);
  await editSize(page, 'dropped', 5, 2);
});

test('bursts of Undo and Redo', async ({ page }) => {
  await replaceSpec(page, spec('history', 3));
  await expectOutput(page, 'history', 3);
  // One-character edits, so that each is one undo step (Monaco splits typed words into several).
  for (const [from, to] of [[3, 5], [5, 6], [6, 7]] as const) {
    await page.locator('.monaco-editor .view-line', { hasText: `size: ${from}` }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press(String(to));
    await expectOutput(page, 'history', to);
  }
  for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+Z');
  await expectOutput(page, 'history', 3);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expectOutput(page, 'history', 6);
  // Back past the paste, to the default example, and forward again to the end.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+Z');
  await expectOutput(page, 'flux-sample', 4);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expectOutput(page, 'history', 7);
  await editSize(page, 'history', 7, 9);
});

test('Find and Replace all', async ({ page }) => {
  await lines(page).click();
  await page.keyboard.press('ControlOrMeta+H');
  const find = page.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await find.fill('flux-sample');
  const replace = page.getByRole('textbox', { name: 'Replace' });
  await replace.fill('replaced');
  await page.getByRole('button', { name: /^Replace All/ }).click();
  await expectOutput(page, 'replaced', 4);
  await page.keyboard.press('Escape');
  await editSize(page, 'replaced', 4, 3);
});

test('picking an example', async ({ page }) => {
  const text = readFileSync(new URL('../src/app/presets/volumes.yaml', import.meta.url), 'utf8');
  const { metadata, spec: preset } = parse(text) as { metadata: { name: string }; spec: { size: number } };
  await page.getByRole('combobox', { name: 'Load an example' }).selectOption({ label: 'Volumes' });
  await expectOutput(page, metadata.name, preset.size);
  await editSize(page, metadata.name, preset.size, preset.size + 1);
});

test('a form edit, then typing in the editor', async ({ page }) => {
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByLabel('Size', { exact: true }).fill('7');
  await expectOutput(page, 'flux-sample', 7);
  await page.getByRole('tab', { name: 'YAML' }).click();
  await editSize(page, 'flux-sample', 7, 2);
});

test('opening a share link', async ({ page, browser }) => {
  await replaceSpec(page, spec('shared', 6));
  await expectOutput(page, 'shared', 6);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await browser.newContext();
  const opened = await other.newPage();
  await opened.goto(link);
  await expect(opened.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expectOutput(opened, 'shared', 6);
  await editSize(opened, 'shared', 6, 1);
  await other.close();
});

test('Reset to the default example', async ({ page }) => {
  await replaceSpec(page, spec('before-reset', 2));
  await expectOutput(page, 'before-reset', 2);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expectOutput(page, 'flux-sample', 4);
  await editSize(page, 'flux-sample', 4, 5);
});
