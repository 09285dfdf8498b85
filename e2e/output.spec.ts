/**
 * The Output panel (where the objects run: a JobSet, a Kueue queue and priority class, a Job that
 * finishes with the lead broker, the certificate in a Secret), as a user meets it: set an option,
 * watch the objects change, export them, come back later, share them.
 */
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { parseAllDocuments } from 'yaml';
import { readCurveCert } from '../src/core/curve/certReader.ts';
import type { Manifest } from '../src/core/common/kobject.ts';
import { validateAgainstKubernetes } from '../src/core/testing/kubernetesSchema.ts';
import { replaceSpec } from './editor.ts';
import { seriousViolationsInEachTheme } from './axe.ts';
import { expect, test } from './guard.ts';
import { card, copyButton, openOutputPanel, outputPanel } from './outputPanel.ts';
import { forEachLook, WIDE_AND_NARROW } from './screenshots.ts';

const QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';
const PRIORITY_LABEL = 'kueue.x-k8s.io/priority-class';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  // The first page of a run also waits for the preview server's cold start.
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
});

const panel = outputPanel;
const checkbox = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

const openPanel = openOutputPanel;

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function bundleObjects(page: Page): Promise<Manifest[]> {
  const bundle = await download(page, 'Download bundle');
  return parseAllDocuments(bundle.bytes.toString('utf8')).map((doc) => doc.toJS() as Manifest);
}

async function copied(page: Page, kind: string, name: string): Promise<Manifest> {
  await copyButton(page, kind, name).click();
  await expect(card(page, kind, name).getByText('Copied')).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  return parseAllDocuments(text)[0]?.toJS() as Manifest;
}

const labelsOf = (object: Manifest | undefined) => (object?.metadata['labels'] ?? {}) as Record<string, string>;
const dataOf = (object: Manifest | undefined) => ({ ...(object?.['data'] as object), ...(object?.['stringData'] as object) }) as Record<string, string>;

async function describedBy(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' | ');
}

test('the panel is closed, says all options are off, and opens with the keyboard', async ({ page }) => {
  await expect(panel(page)).not.toHaveAttribute('open');
  await expect(panel(page).locator('summary')).toContainText('none: the operator’s own objects');
  await page.locator('summary', { hasText: 'Output options' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel(page)).toHaveAttribute('open');
  // Each control has its sentence and what the cluster needs.
  const jobSet = checkbox(page, 'Run as a JobSet');
  expect(await describedBy(jobSet)).toMatch(/A JobSet with one replicated Job.*\| Needs: the JobSet controller/);
  expect(await describedBy(textbox(page, 'Kueue queue'))).toMatch(/Needs: Kueue, with a LocalQueue/);
  await jobSet.focus();
  await page.keyboard.press('Space');
  await expect(copyButton(page, 'JobSet', 'flux-sample')).toBeVisible();
  await expect(panel(page).locator('summary')).toContainText('JobSet');
});

test('each option changes the objects: a JobSet, a Secret, the queue labels, the success policy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPanel(page);

  // A queue labels the Job, and nothing else; Kueue's warning about zero requests is a problem like any other.
  await textbox(page, 'Kueue queue').fill('team-a');
  await expect(card(page, 'Job', 'flux-sample')).toContainText(`${QUEUE_LABEL}: team-a`);
  await expect(card(page, 'ConfigMap', 'flux-sample-entrypoint')).not.toContainText(QUEUE_LABEL);
  await expect(page.getByRole('button', { name: /spec\.containers\[0\].*Kueue counts this container/ })).toBeVisible();
  expect(labelsOf(await copied(page, 'Job', 'flux-sample'))[QUEUE_LABEL]).toBe('team-a');

  // The certificate moves from the ConfigMap into a Secret, and the certificate panel says so.
  await checkbox(page, 'Certificate in a Secret').check();
  await expect(copyButton(page, 'Secret', 'flux-sample-curve')).toBeVisible();
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Secret, 1 Service, 1 Job: 4 pods')).toBeVisible();
  await expect(checkbox(page, 'ConfigMaps, Secret')).toBeChecked();
  expect(dataOf(await copied(page, 'ConfigMap', 'flux-sample-entrypoint'))).not.toHaveProperty(['curve.cert']);
  const secret = await copied(page, 'Secret', 'flux-sample-curve');
  const certificate = readCurveCert(dataOf(secret)['curve.cert'] ?? '');
  expect(certificate.ok).toBe(true);
  await expect(page.locator('.mcs-cert__facts')).toContainText('The secret key is written into the flux-sample-curve Secret');

  // The JobSet replaces the Job, makes the headless Service itself, and carries the queue label.
  await checkbox(page, 'Run as a JobSet').check();
  await expect(copyButton(page, 'JobSet', 'flux-sample')).toBeVisible();
  await expect(copyButton(page, 'Job', 'flux-sample')).toHaveCount(0);
  await expect(copyButton(page, 'Service', 'flux-sample')).toHaveCount(0);
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Secret, 1 JobSet: 4 pods')).toBeVisible();
  await expect(checkbox(page, 'JobSet')).toBeChecked();
  await expect(card(page, 'JobSet', 'flux-sample')).toContainText(`${QUEUE_LABEL}: team-a`);
  // The Service toggle says what it would control: only per-container Services, none here.
  await expect(checkbox(page, 'Container Services')).toBeDisabled();
  await expect(checkbox(page, 'Container Services')).toHaveAccessibleDescription('none: the JobSet makes the brokers’ headless Service');

  // Back to the operator's own objects.
  await checkbox(page, 'Run as a JobSet').uncheck();
  await checkbox(page, 'Certificate in a Secret').uncheck();
  await textbox(page, 'Kueue queue').fill('');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
  await expect(checkbox(page, 'Service')).toBeEnabled();
  await expect(card(page, 'Job', 'flux-sample')).not.toContainText(QUEUE_LABEL);
  await expect(page.locator('.mcs-cert__facts')).toContainText('The secret key is written into the flux-sample-entrypoint ConfigMap');
});

test('the bundle and the zip carry every option at once', async ({ page }) => {
  await openPanel(page);
  await checkbox(page, 'Run as a JobSet').check();
  await textbox(page, 'Kueue queue').fill('team-a');
  await textbox(page, 'Kueue priority class').fill('high');
  await checkbox(page, 'Finish with the lead broker').check();
  await checkbox(page, 'Certificate in a Secret').check();
  await expect(panel(page).locator('summary')).toContainText('JobSet · queue team-a · priority high · finish with the lead broker · certificate in a Secret');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Secret, 1 JobSet: 4 pods')).toBeVisible();

  const objects = await bundleObjects(page);
  expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ConfigMap/flux-sample-entrypoint', 'Secret/flux-sample-curve', 'JobSet/flux-sample']);
  const [configMap, secret, jobSet] = objects;
  for (const object of [configMap, secret]) validateAgainstKubernetes(object!);
  expect(jobSet?.apiVersion).toBe('jobset.x-k8s.io/v1alpha2');
  expect(labelsOf(jobSet)).toMatchObject({ [QUEUE_LABEL]: 'team-a', [PRIORITY_LABEL]: 'high' });
  expect(JSON.stringify(jobSet)).toContain('"successPolicy":{"rules":[{"succeededIndexes":"0"}]}');
  expect(dataOf(configMap)).not.toHaveProperty(['curve.cert']);
  const certificate = readCurveCert(dataOf(secret)['curve.cert'] ?? '');
  expect(certificate.ok && certificate.publicKey).toBe(await page.locator('code.mcs-cert__key').textContent());
  // The hosts are the JobSet's pods.
  expect(JSON.stringify(configMap)).toContain('flux-sample-node-0-');

  const zip = await download(page, 'Download zip');
  const files = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(files)).toEqual(['01-configmap-flux-sample-entrypoint.yaml', '02-secret-flux-sample-curve.yaml', '03-jobset-flux-sample.yaml']);
  expect(Object.values(files).map((bytes) => parseAllDocuments(strFromU8(bytes))[0]?.toJS() as Manifest)).toEqual(objects);

  // The Job toggle now selects the JobSet.
  await checkbox(page, 'JobSet').uncheck();
  expect((await bundleObjects(page)).map((o) => o.kind)).toEqual(['ConfigMap', 'Secret']);
  await checkbox(page, 'JobSet').check();
});

test('an invalid queue name shows its message and keeps the last output, out of date', async ({ page }) => {
  await openPanel(page);
  const queue = textbox(page, 'Kueue queue');
  await queue.fill('team-a');
  await expect(card(page, 'Job', 'flux-sample')).toContainText(`${QUEUE_LABEL}: team-a`);
  await queue.fill('Team A');
  const message = page.getByText('The Kueue queue "Team A" is not a valid LocalQueue name');
  await expect(message).toBeVisible();
  await expect(queue).toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(queue)).toContain('is not a valid LocalQueue name');
  // Not made as if the queue were off: the last good output stays, marked out of date.
  await expect(page.getByText('Out of date — fix the output options to update')).toBeVisible();
  await expect(card(page, 'Job', 'flux-sample')).toContainText(`${QUEUE_LABEL}: team-a`);

  await textbox(page, 'Kueue priority class').fill('very high');
  await expect(page.getByText('The Kueue priority class "very high" is not a valid label value')).toBeVisible();

  await queue.fill('team-b');
  await textbox(page, 'Kueue priority class').fill('');
  await expect(card(page, 'Job', 'flux-sample')).toContainText(`${QUEUE_LABEL}: team-b`);
  await expect(message).toHaveCount(0);
  await expect(queue).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText(/Out of date/)).toHaveCount(0);
});

test('how an option fits the spec is a problem in the list and a marker in the editor', async ({ page }) => {
  const spec = await (await download(page, 'Download spec')).bytes.toString('utf8');
  await replaceSpec(page, spec.replace('spec:\n', 'spec:\n  jobLabels:\n    kueue.x-k8s.io/queue-name: other\n'));
  await expect(card(page, 'Job', 'flux-sample')).toContainText(`${QUEUE_LABEL}: other`);
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  await openPanel(page);
  await textbox(page, 'Kueue queue').fill('team-a');
  const problem = page.getByRole('button', { name: /spec\.jobLabels.*the Kueue queue \(--queue\) option says "team-a"/ });
  await expect(problem).toBeVisible();
  await expect(page.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0);
  await expect(page.getByText('Out of date — fix the errors to update')).toBeVisible();
  await textbox(page, 'Kueue queue').fill('other');
  await expect(problem).toHaveCount(0);
  await expect(page.getByText(/Out of date/)).toHaveCount(0);
});

test('autosave keeps the options across a reload', async ({ page }) => {
  await openPanel(page);
  await checkbox(page, 'Run as a JobSet').check();
  await textbox(page, 'Kueue queue').fill('team-a');
  await checkbox(page, 'Certificate in a Secret').check();
  await expect(card(page, 'JobSet', 'flux-sample')).toContainText(`${QUEUE_LABEL}: team-a`);
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Secret, 1 JobSet: 4 pods')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Restored your last spec.')).toBeVisible();
  // Opened, since options are on.
  await expect(panel(page)).toHaveAttribute('open');
  await expect(checkbox(page, 'Run as a JobSet')).toBeChecked();
  await expect(checkbox(page, 'Certificate in a Secret')).toBeChecked();
  await expect(checkbox(page, 'Finish with the lead broker')).not.toBeChecked();
  await expect(textbox(page, 'Kueue queue')).toHaveValue('team-a');
  await expect(card(page, 'JobSet', 'flux-sample')).toContainText(`${QUEUE_LABEL}: team-a`);
});

test('a share link restores the spec and the options in a new page; a bad value in a link is left out', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPanel(page);
  await checkbox(page, 'Run as a JobSet').check();
  await textbox(page, 'Kueue queue').fill('team-a');
  await checkbox(page, 'Finish with the lead broker').check();
  await expect(copyButton(page, 'JobSet', 'flux-sample')).toBeVisible();
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#spec=[^&]+&workload=jobset&queue=team-a&succeed-on-lead=1$/);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.locator('#root').getByText('1 ConfigMap, 1 JobSet: 4 pods')).toBeVisible({ timeout: 20_000 });
  await expect(fresh.getByText('Opened the spec from the shared link.')).toBeVisible();
  await expect(panel(fresh)).toHaveAttribute('open');
  await expect(checkbox(fresh, 'Run as a JobSet')).toBeChecked();
  await expect(checkbox(fresh, 'Finish with the lead broker')).toBeChecked();
  await expect(checkbox(fresh, 'Certificate in a Secret')).not.toBeChecked();
  await expect(textbox(fresh, 'Kueue queue')).toHaveValue('team-a');
  await expect(card(fresh, 'JobSet', 'flux-sample')).toContainText(`${QUEUE_LABEL}: team-a`);

  // A hand-edited link: the spec opens, the bad values are left out and named, the good one is kept.
  const edited = link.replace(/&.*$/, '&workload=pods&queue=Not_A_Queue&cert-secret=1&succeed-on-lead=maybe');
  await fresh.goto('about:blank');
  await fresh.goto(edited);
  await expect(fresh.locator('#root').getByText('1 ConfigMap, 1 Secret, 1 Service, 1 Job: 4 pods')).toBeVisible({ timeout: 20_000 });
  const status = fresh.getByRole('status').filter({ hasText: 'without some of its output options' });
  await expect(status).toContainText('The link\'s workload "pods" is not job or jobset');
  await expect(status).toContainText('The Kueue queue "Not_A_Queue" is not a valid LocalQueue name');
  await expect(status).toContainText('is not 1 or 0');
  await expect(checkbox(fresh, 'Run as a JobSet')).not.toBeChecked();
  await expect(textbox(fresh, 'Kueue queue')).toHaveValue('');
  await expect(checkbox(fresh, 'Certificate in a Secret')).toBeChecked();
  await other.close();
});

test('a link or a save from before the options opens with every option off', async ({ page }) => {
  // The spec as older versions saved it: text and time only.
  await page.evaluate(() => localStorage.setItem('minicluster-studio:v1:spec', JSON.stringify({ text: 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: old-save\nspec:\n  size: 2\n  containers:\n    - image: ubuntu:noble\n', savedAt: 1 })));
  // As on a new visit: this tab's own copy of its autosave (sessionStorage) would be opened first.
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 2 pods')).toBeVisible({ timeout: 20_000 });
  await expect(panel(page)).not.toHaveAttribute('open');
  await expect(panel(page).locator('summary')).toContainText('none: the operator’s own objects');
});

test('an axe scan of the open panel, with a problem shown, finds no serious or critical violations', async ({ page }) => {
  await openPanel(page);
  await checkbox(page, 'Certificate in a Secret').check();
  await textbox(page, 'Kueue queue').fill('Team A');
  await expect(page.getByText(/is not a valid LocalQueue name/)).toBeVisible();
  expect(await seriousViolationsInEachTheme(page)).toEqual([]);
});

test('screenshots: the Output panel in light and dark, wide and narrow', async ({ browser }) => {
  test.setTimeout(120_000);
  await forEachLook(browser, WIDE_AND_NARROW, async (page, look) => {
    await page.locator('.mcs-preview').screenshot({ path: `test-results/screenshots/output-closed-${look}.png` });
    await openPanel(page);
    await checkbox(page, 'Run as a JobSet').check();
    await checkbox(page, 'Certificate in a Secret').check();
    await textbox(page, 'Kueue queue').fill('Team A');
    await expect(page.getByText(/is not a valid LocalQueue name/)).toBeVisible();
    await page.locator('.mcs-preview-bar').screenshot({ path: `test-results/screenshots/output-open-${look}.png` });
    await textbox(page, 'Kueue queue').fill('team-a');
    await expect(page.locator('#root').getByText('1 ConfigMap, 1 Secret, 1 JobSet: 4 pods')).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/output-page-${look}.png` });
    await page.locator('.mcs-cert').screenshot({ path: `test-results/screenshots/output-certificate-${look}.png` });
  });
});
