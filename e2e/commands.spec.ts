/**
 * The Commands panel: the kubectl commands to run next for the bundle, filled in with its names,
 * namespace and file name, each copied with its own button.
 */
import type { Page } from '@playwright/test';
import { seriousViolationsInEachTheme } from './axe.ts';
import { goToLineEnd, replaceSpec } from './editor.ts';
import { expect, test } from './guard.ts';
import { forEachLook, type Look } from './screenshots.ts';

const panel = (page: Page) => page.locator('details.mcs-commands');
const lines = (page: Page) => panel(page).locator('code.mcs-command-line');
const copyFor = (page: Page, what: string | RegExp) => panel(page).getByRole('button', { name: typeof what === 'string' ? `Copy ${what}` : what });

async function openCommands(page: Page): Promise<void> {
  if ((await panel(page).getAttribute('open')) === null) await panel(page).locator('summary').click();
  await expect(lines(page).first()).toBeVisible();
}

async function setJobSetAndQueue(page: Page, queue: string): Promise<void> {
  const output = page.locator('details.mcs-output');
  if ((await output.getAttribute('open')) === null) await output.locator('summary').click();
  await page.getByRole('checkbox', { name: 'Run as a JobSet', exact: true }).check();
  await page.getByRole('textbox', { name: 'Kueue queue', exact: true }).fill(queue);
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 JobSet: 4 pods')).toBeVisible();
}

test.describe('with the clipboard', () => {
  test.beforeEach(async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('./');
    await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
    await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
  });

  test('the panel is one closed line; open, it lists the commands for the file "Download bundle" saves', async ({ page }) => {
    await expect(panel(page)).not.toHaveAttribute('open');
    await expect(lines(page).first()).toBeHidden();
    await panel(page).locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(panel(page)).toHaveAttribute('open');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download bundle', exact: true }).click()]);
    const file = download.suggestedFilename();
    expect(file).toBe('flux-sample.yaml');
    await expect(panel(page).locator('.mcs-commands-intro')).toContainText(file);
    const texts = await lines(page).allTextContents();
    expect(texts[0]).toBe(`kubectl apply --server-side --dry-run=server -f ${file}`);
    expect(texts[1]).toBe(`kubectl apply --server-side -f ${file}`);
    expect(texts).toContain('kubectl get pods -n default -l app.kubernetes.io/name=flux-sample --watch');
    expect(texts.find((t) => t.startsWith('kubectl logs'))).toContain('-c flux-sample');
    expect(texts.find((t) => t.startsWith('kubectl exec'))).toContain("flux proxy local:///mnt/flux/config/run/flux/local bash'");
    expect(texts.at(-1)).toBe(`kubectl delete -f ${file}`);
    // No JobSet, no queue: no command for them.
    expect(texts.join('\n')).not.toMatch(/jobset|localqueue|workloads/);
  });

  test('the JobSet and the Kueue queue of the Output options add their commands; a new name follows', async ({ page }) => {
    await setJobSetAndQueue(page, 'team-a');
    await openCommands(page);
    const texts = await lines(page).allTextContents();
    expect(texts).toContain('kubectl get jobset -n default flux-sample');
    expect(texts).toContain('kubectl get localqueue -n default team-a');
    expect(texts).toContain('kubectl get workloads -n default');
    // The LocalQueue is checked before anything is applied.
    expect(texts.indexOf('kubectl get localqueue -n default team-a')).toBeLessThan(texts.findIndex((t) => t.startsWith('kubectl apply')));

    // Another name and namespace in the spec: every command follows, and the file name with it.
    await replaceSpec(
      page,
      'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: lab-run\n  namespace: hpc\nspec:\n  size: 2\n  containers:\n    - image: ubuntu:noble\n      command: hostname\n',
    );
    await expect(lines(page).filter({ hasText: 'kubectl get jobset -n hpc lab-run' })).toHaveCount(1);
    await expect(lines(page).filter({ hasText: 'kubectl apply --server-side -f lab-run.yaml' })).toHaveCount(1);
  });

  test('Copy puts the command on the clipboard and says so', async ({ page }) => {
    await setJobSetAndQueue(page, 'team-a');
    await openCommands(page);
    const apply = copyFor(page, 'Apply the bundle');
    await apply.click();
    await expect(panel(page).locator('.mcs-copied', { hasText: 'Copied' })).toHaveCount(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('kubectl apply --server-side -f flux-sample.yaml');

    const shell = copyFor(page, /^Copy Open a Flux shell/);
    await shell.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^kubectl exec -it -n default "\$\(kubectl get pods .*\)" -c flux-sample -- bash -c '/);
    expect(copied).toBe(await lines(page).filter({ hasText: 'kubectl exec' }).textContent());
  });

  test('a file of two MiniClusters: applied once, each with its own pods, log and shell', async ({ page }) => {
    const one = (name: string) =>
      `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: 2\n  containers:\n    - image: ubuntu:noble\n      command: hostname\n`;
    await replaceSpec(page, `${one('first')}---\n${one('second')}`);
    await openCommands(page);
    await expect(lines(page).filter({ hasText: 'app.kubernetes.io/name=second' }).first()).toBeVisible();
    const texts = await lines(page).allTextContents();
    expect(texts.filter((t) => t.startsWith('kubectl apply --server-side -f'))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('kubectl delete'))).toHaveLength(1);
    for (const name of ['first', 'second']) {
      expect(texts.filter((t) => t.includes(`app.kubernetes.io/name=${name}`))).toHaveLength(3);
    }
    await expect(panel(page).locator('.mcs-command-cluster', { hasText: 'default/second' })).toHaveCount(3);
  });

  test('while the spec has errors, a command of the last good output is copied only after the question', async ({ page }) => {
    await openCommands(page);
    await goToLineEnd(page, 'size: 4');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('0');
    await expect(page.getByText('Out of date — fix the errors to update')).toBeVisible();
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await copyFor(page, 'Apply the bundle').click();
    const question = page.getByRole('alertdialog', { name: 'The output is out of date' });
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
    await copyFor(page, 'Apply the bundle').click();
    await question.getByRole('button', { name: /anyway/ }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('kubectl apply --server-side -f flux-sample.yaml');
  });

  test('an axe scan of the open panel finds no serious or critical violations', async ({ page }) => {
    await setJobSetAndQueue(page, 'team-a');
    await openCommands(page);
    expect(await seriousViolationsInEachTheme(page)).toEqual([]);
  });
});

test('when the clipboard refuses, Copy offers the command selected in the copy dialog', async ({ page }) => {
  await page.addInitScript(() => {
    Clipboard.prototype.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.goto('./');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible({ timeout: 45_000 });
  await openCommands(page);
  const button = copyFor(page, 'Watch the pods of flux-sample start (Ctrl+C stops watching)');
  await button.click();
  const dialog = page.getByRole('dialog', { name: /^Copy the command: Watch the pods/ });
  await expect(dialog).toBeVisible();
  const area = dialog.getByRole('textbox');
  await expect(area).toBeFocused();
  await expect(area).toHaveValue('kubectl get pods -n default -l app.kubernetes.io/name=flux-sample --watch');
  await page.keyboard.press('ControlOrMeta+C');
  await expect(dialog).toBeHidden();
  await expect(panel(page).locator('.mcs-copied', { hasText: 'Copied' })).toHaveCount(1);
  await expect(button).toBeFocused();
});

const LOOKS: readonly Look[] = [
  ['light', 1440, 960],
  ['dark', 1440, 960],
  ['light', 390, 844],
  ['dark', 390, 844],
];

test('screenshots of the open panel: light and dark, wide and narrow', async ({ browser }) => {
  test.setTimeout(120_000);
  await forEachLook(browser, LOOKS, async (page, look) => {
    await setJobSetAndQueue(page, 'team-a');
    await openCommands(page);
    await panel(page).scrollIntoViewIfNeeded();
    // Nothing of the panel may stick out of the page sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The narrow layout's sticky jump bar would cover the panel's top in a picture of the panel alone.
    await panel(page).screenshot({ path: `test-results/screenshots/commands-${look}.png`, style: '.mcs-jump { visibility: hidden !important; }' });
    await panel(page).locator('summary').evaluate((summary) => window.scrollBy(0, summary.getBoundingClientRect().top - 64));
    await page.screenshot({ path: `test-results/screenshots/commands-page-${look}.png` });
  });
});
