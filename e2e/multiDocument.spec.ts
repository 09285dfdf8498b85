/**
 * A file of several objects, as `kubectl apply -f` takes it: the app previews the MiniCluster the
 * cursor is in, says how many there are, names the other objects, and the form edits that one.
 */
import type { Page } from '@playwright/test';
import { replaceSpec } from './editor.ts';
import { expect, test } from './guard.ts';

const FILE = `apiVersion: scheduling.x-k8s.io/v1alpha1
kind: PodGroup
metadata:
  name: first
spec:
  minMember: 2
---
apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: first
spec:
  size: 2
  containers:
    - image: ubuntu:noble
---
apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: second
spec:
  size: 3
  containers:
    - image: rockylinux:9
`;

const jobCard = (page: Page, name: string) => page.getByRole('button', { name: `Copy Job ${name}`, exact: true });

test('previews the MiniCluster the cursor is in, names the others, and the form edits that one', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await replaceSpec(page, FILE);

  // After the paste the cursor is at the end of the file: in the second MiniCluster.
  await expect(jobCard(page, 'second')).toBeVisible();
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 3 pods')).toBeVisible();
  await expect(page.getByText('MiniCluster 2 of 2 in this file (second): the one the cursor is in.')).toBeVisible();
  await expect(page.getByText(/PodGroup first \(scheduling\.x-k8s\.io\/v1alpha1\) is not a MiniCluster/)).toBeVisible();
  await expect(page.getByText('No problems')).toBeVisible();
  // The editor's schema checks MiniClusters only: the PodGroup's fields are not marked (its
  // spec.minMember would be an unknown field of a MiniCluster). monaco-yaml validates a moment later.
  await page.waitForTimeout(1500);
  await expect(page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error')).toHaveCount(0);

  await page.locator('.monaco-editor .view-line', { hasText: 'size: 2' }).first().click();
  await expect(jobCard(page, 'first')).toBeVisible();
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 2 pods')).toBeVisible();
  await expect(page.getByText('MiniCluster 1 of 2 in this file (first): the one the cursor is in.')).toBeVisible();

  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByLabel('Name', { exact: true }).first()).toHaveValue('first');
  await page.getByLabel('Size', { exact: true }).fill('5');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 5 pods')).toBeVisible();
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'size: 5' })).toHaveCount(1);
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'size: 3' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/multi-document.png' });
});
