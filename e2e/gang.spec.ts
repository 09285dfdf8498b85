/**
 * Gang scheduling in the Output panel: pick a gang scheduler, and the PodGroup comes first among
 * the objects and in the bundle, while the Job's pods join it.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import type { Manifest } from '../src/core/common/kobject.ts';
import { validateAgainstKubernetes } from '../src/core/testing/kubernetesSchema.ts';
import { expect, test } from './guard.ts';
import { card, openOutputPanel, outputPanel } from './outputPanel.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
});

const panel = outputPanel;
const gangSelect = (page: Page) => page.getByRole('combobox', { name: 'Gang scheduling', exact: true });

async function openPanel(page: Page): Promise<void> {
  await openOutputPanel(page);
  await expect(gangSelect(page)).toBeVisible();
}

async function bundleObjects(page: Page): Promise<Manifest[]> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download bundle', exact: true }).click()]);
  return parseAllDocuments((await readFile(await file.path())).toString('utf8')).map((doc) => doc.toJS() as Manifest);
}

test('picking coscheduling puts the PodGroup first and its label on the Job’s pods; Volcano refuses the timeout', async ({ page }) => {
  await openPanel(page);
  await expect(gangSelect(page)).toHaveValue('');
  await gangSelect(page).selectOption('coscheduling');
  await expect(page.locator('#root').getByText('1 PodGroup, 1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
  await expect(panel(page).locator('summary')).toContainText('coscheduling PodGroup');
  // The first card is the PodGroup, before the ConfigMap.
  await expect(page.locator('article').first()).toContainText('kind: PodGroup');
  await expect(card(page, 'PodGroup', 'flux-sample')).toContainText('apiVersion: scheduling.x-k8s.io/v1alpha1');
  await expect(card(page, 'PodGroup', 'flux-sample')).toContainText('minMember: 4');
  const job = card(page, 'Job', 'flux-sample');
  await expect(job).toContainText('scheduling.x-k8s.io/pod-group: flux-sample');
  await expect(job).toContainText('schedulerName: scheduler-plugins-scheduler');
  // The Job toggle names what it holds now.
  await expect(page.getByRole('checkbox', { name: 'PodGroup, Job', exact: true })).toBeChecked();

  await page.getByRole('spinbutton', { name: 'Gang timeout (seconds)', exact: true }).fill('300');
  await expect(card(page, 'PodGroup', 'flux-sample')).toContainText('scheduleTimeoutSeconds: 300');
  const objects = await bundleObjects(page);
  expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['PodGroup/flux-sample', 'ConfigMap/flux-sample-entrypoint', 'Service/flux-sample', 'Job/flux-sample']);
  for (const object of objects) validateAgainstKubernetes(object);

  // A timeout is coscheduling's: with Volcano it is refused where it was typed.
  await gangSelect(page).selectOption('volcano');
  await expect(page.getByText('A Volcano PodGroup has no timeout')).toBeVisible();
  await expect(page.getByText('Out of date — fix the output options to update')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Gang timeout (seconds)', exact: true }).fill('');
  await expect(card(page, 'PodGroup', 'flux-sample')).toContainText('apiVersion: scheduling.volcano.sh/v1beta1');
  await expect(card(page, 'Job', 'flux-sample')).toContainText('scheduling.k8s.io/group-name: flux-sample');
  await expect(card(page, 'Job', 'flux-sample')).toContainText('schedulerName: volcano');
});

test('the gang options survive a reload, and its notes are in the Problems list', async ({ page }) => {
  await openPanel(page);
  await gangSelect(page).selectOption('volcano');
  await page.getByRole('textbox', { name: 'Volcano queue', exact: true }).fill('research');
  await expect(card(page, 'PodGroup', 'flux-sample')).toContainText('queue: research');
  await expect(page.getByText(/The Volcano PodGroup flux-sample serves one run/)).toBeVisible();
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.locator('#root').getByText('1 PodGroup, 1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible({ timeout: 20_000 });
  await expect(panel(page)).toHaveAttribute('open');
  await expect(gangSelect(page)).toHaveValue('volcano');
  await expect(page.getByRole('textbox', { name: 'Volcano queue', exact: true })).toHaveValue('research');
  await expect(card(page, 'PodGroup', 'flux-sample')).toContainText('queue: research');
});
