/**
 * The older API in the app: a pasted v1alpha1 spec shows its five kinds of objects, the Volumes
 * toggle applies to it, and "Upgrade to v1alpha2" turns it into a v1alpha2 spec whose objects
 * replace them.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './guard.ts';
import { fixture } from '../src/core/testing/fixtures.ts';
import { downloadText } from './download.ts';
import { editorTop, replaceSpec } from './editor.ts';

const SPEC = fixture('v1alpha1', 'tree');

const copyButtons = (page: Page) => page.getByRole('button', { name: /^Copy (ConfigMap|Service|Job|PersistentVolume|PersistentVolumeClaim|Pod) / });

test('a v1alpha1 spec shows its objects, the Volumes toggle applies, and the upgrade gives v1alpha2 objects', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await replaceSpec(page, SPEC);

  await expect(page.getByText('3 ConfigMaps, 1 PersistentVolume, 1 PersistentVolumeClaim, 1 Service, 1 Job: 4 pods')).toBeVisible();
  for (const name of ['Copy ConfigMap flux-sample-entrypoint', 'Copy ConfigMap flux-sample-flux-config', 'Copy ConfigMap flux-sample-curve-mount', 'Copy PersistentVolume data', 'Copy PersistentVolumeClaim data-claim', 'Copy Service flux-service', 'Copy Job flux-sample']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Older API: flux-framework.org/v1alpha1' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/v1alpha1-objects.png' });

  // The form knows v1alpha2 only: for this spec it points to the upgrade and the YAML editor.
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByRole('note')).toContainText('The form edits v1alpha2 specs');
  await page.getByRole('button', { name: 'Edit in YAML' }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible();

  const volumes = page.getByRole('checkbox', { name: 'Volumes' });
  await expect(volumes).toBeEnabled();
  await volumes.uncheck();
  await expect(page.getByRole('button', { name: 'Copy PersistentVolume data', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy PersistentVolumeClaim data-claim', exact: true })).toHaveCount(0);
  await expect(page.getByText('3 ConfigMaps, 1 Service, 1 Job: 4 pods')).toBeVisible();
  await volumes.check();
  await expect(copyButtons(page)).toHaveCount(7);

  await page.getByRole('button', { name: 'Upgrade to v1alpha2' }).click();
  await expect(page.getByRole('heading', { name: 'Upgraded to v1alpha2' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Upgrade notes' })).toContainText('spec.volumes');
  await page.screenshot({ path: 'test-results/screenshots/v1alpha1-upgraded.png' });
  await expect(await editorTop(page)).toContainText('apiVersion: flux-framework.org/v1alpha2');
  // v1alpha2: one ConfigMap, the Service and the Job; the volume is now mounted by the container itself.
  await expect(page.getByText(/^1 ConfigMap, 1 Service, 1 Job: 4 pods$/)).toBeVisible();
  await expect(copyButtons(page)).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Copy ConfigMap flux-sample-entrypoint', exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Volumes' })).toBeDisabled();
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('No problems');
  // Upgraded, the spec opens in the form.
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('flux-sample');
  await page.getByRole('tab', { name: 'YAML' }).click();

  // Undo in the editor brings the v1alpha1 spec back.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(await editorTop(page)).toContainText('apiVersion: flux-framework.org/v1alpha1');
  await expect(copyButtons(page)).toHaveCount(7);
});

test('a generateName is turned into a name with one click', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await replaceSpec(page, SPEC.replace('  name: flux-sample\n', '  generateName: flux-sample-\n'));
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('generateName');
  await page.getByRole('button', { name: 'Use a fixed name instead of generateName' }).click();
  // The model's text, in order (the editor's DOM keeps its line elements in any order).
  expect(await downloadText(page, 'Download spec')).toContain('metadata:\n  name: flux-sample\n  namespace: flux-operator\n');
  await expect(problems).toContainText('No problems');
  await expect(page.getByRole('button', { name: 'Copy Job flux-sample', exact: true })).toBeVisible();
});
