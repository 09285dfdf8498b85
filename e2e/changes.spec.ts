/**
 * Change marks: after each edit, the cards of the objects it changed mark their changed lines and
 * say how many; "Next change" (and Alt+F5) brings each change into view in turn.
 */
import type { Page } from '@playwright/test';
import { seriousViolationsInEachTheme } from './axe.ts';
import { goToLineEnd, replaceSpec } from './editor.ts';
import { expect, test } from './guard.ts';
import { forEachLook, type Look } from './screenshots.ts';

const card = (page: Page, kind: string, name: string) => page.locator('article').filter({ has: page.getByRole('button', { name: `Copy ${kind} ${name}`, exact: true }) });
const marked = (page: Page, kind: string, name: string) => card(page, kind, name).locator('.mcs-code [data-change]');
const changeLabel = (page: Page, kind: string, name: string) => card(page, kind, name).locator('.mcs-card-change');
const nextChange = (page: Page) => page.getByRole('button', { name: 'Next change', exact: true });

/** Replaces the value at the end of the first editor line holding `line` with `value`. */
async function setValue(page: Page, line: string, value: string): Promise<void> {
  await goToLineEnd(page, line);
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(`${line.split(':')[0]?.trim()}: ${value}`);
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
});

test('the first output marks nothing', async ({ page }) => {
  await expect(page.getByText('No changes since the last output')).toBeVisible();
  await expect(page.locator('.mcs-card-change')).toHaveCount(0);
  await expect(page.locator('.mcs-code [data-change]')).toHaveCount(0);
  await expect(nextChange(page)).toBeDisabled();
});

test('an edit marks the changed lines of the cards it changed, and the next edit clears the cards it leaves alone', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await setValue(page, 'size: 4', '5');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 5 pods')).toBeVisible();
  await expect(page.getByText('2 objects changed')).toBeVisible();

  // The Job's pod counts, and nothing else of it.
  await expect(changeLabel(page, 'Job', 'flux-sample')).toHaveText('2 lines changed');
  await expect(marked(page, 'Job', 'flux-sample')).toHaveCount(2);
  for (const line of await marked(page, 'Job', 'flux-sample').allTextContents()) expect(line).toMatch(/: 5\n$/);
  await expect(marked(page, 'Job', 'flux-sample').first()).toHaveAttribute('data-change', 'changed');
  // The entrypoint's changes are below its first lines: the card says so on its "Show all" button.
  await expect(changeLabel(page, 'ConfigMap', 'flux-sample-entrypoint')).toHaveText('3 lines changed');
  const showAll = card(page, 'ConfigMap', 'flux-sample-entrypoint').getByRole('button', { name: /^Show all \d+ lines of ConfigMap flux-sample-entrypoint$/ });
  await expect(showAll).toHaveAccessibleDescription('(3 changes below)');
  await expect(showAll).toContainText('(3 changes below)');
  // The Service did not change: it says nothing.
  await expect(changeLabel(page, 'Service', 'flux-sample')).toHaveCount(0);
  await expect(marked(page, 'Service', 'flux-sample')).toHaveCount(0);
  // A mark is named for assistive technology, not only drawn.
  expect(await card(page, 'Job', 'flux-sample').locator('pre').ariaSnapshot()).toContain('Changed line:');

  // The tasks are in the entrypoint only: the Job's marks go, the entrypoint's are the new ones.
  await setValue(page, 'tasks: 4', '2');
  await expect(page.getByText('1 object changed')).toBeVisible();
  await expect(changeLabel(page, 'Job', 'flux-sample')).toHaveCount(0);
  await expect(marked(page, 'Job', 'flux-sample')).toHaveCount(0);
  await expect(changeLabel(page, 'ConfigMap', 'flux-sample-entrypoint')).toHaveText('1 line changed');

  // A line inserted in the Job (pasted in one edit) is one line added, not a change of every line below it.
  await goToLineEnd(page, 'command: echo hello world');
  await page.evaluate(() => navigator.clipboard.writeText('\n      workingDir: /tmp'));
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByText('1 object changed')).toBeVisible();
  await expect(changeLabel(page, 'Job', 'flux-sample')).toHaveText('1 line changed');
  const showJob = card(page, 'Job', 'flux-sample').getByRole('button', { name: /^Show all \d+ lines of Job flux-sample$/ });
  await expect(showJob).toHaveAccessibleDescription('(1 change below)');
  await showJob.click();
  await expect(marked(page, 'Job', 'flux-sample')).toHaveCount(1);
  await expect(marked(page, 'Job', 'flux-sample')).toHaveAttribute('data-change', 'added');
  await expect(marked(page, 'Job', 'flux-sample')).toHaveText(/workingDir: \/tmp/);
  await expect(changeLabel(page, 'ConfigMap', 'flux-sample-entrypoint')).toHaveCount(0);
});

test('Next change and Alt+F5 bring each change into view in turn, and wrap', async ({ page }) => {
  await setValue(page, 'size: 4', '5');
  await expect(changeLabel(page, 'Job', 'flux-sample')).toHaveText('2 lines changed');
  const focused = page.locator(':focus');

  // The entrypoint's first change is past its collapsed lines: the card opens to show it.
  await nextChange(page).click();
  await expect(focused).toHaveAttribute('data-change', 'changed');
  await expect(focused).toHaveAttribute('data-current', '');
  await expect(focused).toBeInViewport();
  await expect(card(page, 'ConfigMap', 'flux-sample-entrypoint').getByRole('button', { name: /^Show less/ })).toBeVisible();
  expect(await card(page, 'ConfigMap', 'flux-sample-entrypoint').locator(':focus').count()).toBe(1);
  const first = await focused.textContent();

  await page.keyboard.press('Alt+F5');
  await expect(focused).not.toHaveText(first ?? '');
  await page.keyboard.press('Alt+F5');
  await page.keyboard.press('Alt+F5');
  // The fourth stop is the Job's pod counts.
  await expect(card(page, 'Job', 'flux-sample').locator(':focus')).toHaveCount(1);
  await expect(focused).toHaveText(/: 5\n$/);
  await expect(focused).toBeInViewport();
  // From the last change back to the first.
  await page.keyboard.press('Alt+F5');
  await expect(focused).toHaveText(first ?? '');
  // Shift goes back: to the last one again.
  await page.keyboard.press('Alt+Shift+F5');
  await expect(card(page, 'Job', 'flux-sample').locator(':focus')).toHaveCount(1);
  // The highlight goes with the focus.
  await page.locator('.monaco-editor .view-lines').click();
  await expect(page.locator('.mcs-code [data-current]')).toHaveCount(0);
});

test('an example loaded, and another MiniCluster of the file under the cursor, mark nothing', async ({ page }) => {
  await setValue(page, 'size: 4', '5');
  await expect(changeLabel(page, 'Job', 'flux-sample')).toHaveText('2 lines changed');
  // The edit makes the page ask before the example replaces it.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('combobox', { name: 'Load an example' }).selectOption({ label: 'MPI benchmark' });
  await expect(page.getByText(/Loaded the example "MPI benchmark"/)).toBeVisible();
  await expect(page.getByText('No changes since the last output')).toBeVisible();
  await expect(page.locator('.mcs-card-change')).toHaveCount(0);

  const file = ['first', 'second'].map((name) => `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: 2\n  containers:\n    - image: ubuntu:noble\n`).join('---\n');
  await replaceSpec(page, file);
  await expect(page.getByText('MiniCluster 2 of 2 in this file (second): the one the cursor is in.')).toBeVisible();
  await goToLineEnd(page, 'name: first');
  await expect(page.getByText('MiniCluster 1 of 2 in this file (first): the one the cursor is in.')).toBeVisible();
  await expect(page.getByText('No changes since the last output')).toBeVisible();
  await expect(page.locator('.mcs-card-change')).toHaveCount(0);
  // An edit of that one is compared with its output before.
  await page.keyboard.type('x');
  await expect(changeLabel(page, 'Job', 'firstx')).toHaveText(/^\d+ lines? changed$/);
});

test('no serious accessibility problem with marks showing, in either theme', async ({ page }) => {
  await setValue(page, 'size: 4', '5');
  await expect(changeLabel(page, 'Job', 'flux-sample')).toHaveText('2 lines changed');
  await nextChange(page).click();
  await expect(page.locator('.mcs-code [data-current]')).toHaveCount(1);
  expect(await seriousViolationsInEachTheme(page)).toEqual([]);
});

const LOOKS: readonly Look[] = [
  ['light', 1440, 960],
  ['dark', 1440, 960],
  ['light', 390, 844],
  ['dark', 390, 844],
];

test('screenshots of the marks', async ({ browser }) => {
  test.setTimeout(120_000);
  await forEachLook(browser, LOOKS, async (page, look) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await setValue(page, 'size: 4', '5');
    await expect(changeLabel(page, 'Job', 'flux-sample')).toHaveText('2 lines changed');
    await page.keyboard.press('Alt+Shift+F5');
    await expect(card(page, 'Job', 'flux-sample').locator(':focus')).toHaveCount(1);
    await page.screenshot({ path: `test-results/screenshots/changes-${look}.png` });
    await card(page, 'Job', 'flux-sample').screenshot({ path: `test-results/screenshots/changes-card-${look}.png` });
    // The Service switched off and on again: a new card, while the others keep their marks.
    await page.getByRole('checkbox', { name: 'Service', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: 'Service', exact: true }).check();
    await expect(changeLabel(page, 'Service', 'flux-sample')).toHaveText('New');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.mcs-preview-bar').evaluate((bar) => bar.scrollIntoView());
    await page.screenshot({ path: `test-results/screenshots/changes-new-${look}.png` });
    // A line added, then taken away again (the notch between two lines).
    await goToLineEnd(page, 'command: echo hello world');
    await page.evaluate(() => navigator.clipboard.writeText('\n      workingDir: /tmp'));
    await page.keyboard.press('ControlOrMeta+V');
    await expect(changeLabel(page, 'Job', 'flux-sample')).toHaveText('1 line changed');
    await page.keyboard.press('Alt+F5');
    await page.screenshot({ path: `test-results/screenshots/changes-added-${look}.png` });
    await goToLineEnd(page, 'workingDir: /tmp');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect(marked(page, 'Job', 'flux-sample')).toHaveAttribute('data-change', 'removedAbove');
    await page.keyboard.press('Alt+F5');
    await page.screenshot({ path: `test-results/screenshots/changes-removed-${look}.png` });
  });
});
