/**
 * The app as a user meets it, in Chromium against the production build: edit the spec, watch the
 * objects change, toggle, copy, download, share, come back later.
 */
import type { Page } from '@playwright/test';
import { seriousViolationsInEachTheme } from './axe.ts';
import { download } from './download.ts';
import { expect, test } from './guard.ts';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { parseAllDocuments } from 'yaml';
import { readCurveCert } from '../src/core/curve/certReader.ts';
import { TEST_KEYS, testCertificate } from '../src/core/testing/testKeys.ts';
import type { Manifest } from '../src/core/common/kobject.ts';
import { validateAgainstKubernetes } from '../src/core/testing/kubernetesSchema.ts';
import { goToLineEnd, replaceSpec } from './editor.ts';
import { forEachLook, WIDE_AND_NARROW } from './screenshots.ts';

const foreignRequests: string[] = [];

test.beforeEach(async ({ page }) => {
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) foreignRequests.push(request.url());
  });
  await page.goto('./');
  // The first page of a run also waits for the preview server's cold start.
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
});

/** Expands a collapsed card so that all its lines are in the page. */
async function showAll(page: Page, kind: string, name: string) {
  const button = page.getByRole('button', { name: new RegExp(`^Show all \\d+ lines of ${kind} ${name}$`) });
  if (await button.count()) await button.click();
}

const card = (page: Page, kind: string, name: string) =>
  page.locator('article, section, div').filter({ has: page.getByRole('button', { name: `Copy ${kind} ${name}`, exact: true }) }).last();

test('the default example renders its objects', async ({ page }) => {
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy ConfigMap flux-sample-entrypoint', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy Service flux-sample', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy Job flux-sample', exact: true })).toBeVisible();
  await expect(card(page, 'Job', 'flux-sample')).toContainText('completions: 4');
  await expect(page.getByText('No problems')).toBeVisible();
});

test('the editor and the main-thread core start loading only after the first output is painted', async ({ page }) => {
  // Compiling Monaco's megabytes on the main thread in the frame of the first output held its paint
  // back by a fifth of a second; their requests must wait for the paint.
  const order = await page.evaluate(() => {
    const painted = performance.getEntriesByName('mcs:first-output-painted')[0]?.startTime;
    const started = (pattern: RegExp) =>
      performance.getEntriesByType('resource').filter((entry) => pattern.test(new URL(entry.name).pathname)).map((entry) => entry.startTime);
    return { painted, monaco: started(/\/monacoSetup-[^/]+\.js$/), core: started(/\/respond-[^/]+\.js$/) };
  });
  expect(order.painted).toBeGreaterThan(0);
  expect(order.monaco).toHaveLength(1);
  expect(order.core).toHaveLength(1);
  expect(Math.min(...order.monaco, ...order.core)).toBeGreaterThanOrEqual(order.painted!);
});

test('typing a new size, image and container updates the Job and the ConfigMap', async ({ page }) => {
  await goToLineEnd(page, 'size: 4');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('6');
  const job = card(page, 'Job', 'flux-sample');
  await expect(job).toContainText('completions: 6');
  await showAll(page, 'ConfigMap', 'flux-sample-entrypoint');
  await expect(card(page, 'ConfigMap', 'flux-sample-entrypoint')).toContainText('flux-sample-[0-5]');
  await showAll(page, 'Job', 'flux-sample');

  await goToLineEnd(page, 'image: ubuntu:noble');
  for (let i = 0; i < 'noble'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('jammy');
  await expect(job).toContainText('image: ubuntu:jammy');

  const spec = (await download(page, 'Download spec')).text;
  // With two containers, the runner must be marked.
  const twoContainers = `${spec.trimEnd().replace('- image: ubuntu:jammy', '- image: ubuntu:jammy\n      runFlux: true')}\n    - name: metrics\n      image: nginx:1.27\n      noWrapEntrypoint: true\n      ports: [8080]\n`;
  await replaceSpec(page, twoContainers);
  await expect(job).toContainText('name: metrics');
  await expect(page.getByRole('button', { name: 'Copy Service metrics', exact: true })).toBeVisible();
});

test('an error shows a marker and a problem, and keeps the last output', async ({ page }) => {
  await goToLineEnd(page, 'size: 4');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  await expect(page.getByRole('button', { name: /spec\.size/ })).toBeVisible();
  await expect(page.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0);
  await expect(page.getByText(/Out of date/)).toBeVisible();
  await expect(card(page, 'Job', 'flux-sample')).toContainText('completions: 4');
  // The problem jumps to its place: editing at the end of that line fixes it.
  await page.getByRole('button', { name: /spec\.size/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await expect(card(page, 'Job', 'flux-sample')).toContainText('completions: 3');
  await expect(page.getByText(/Out of date/)).toHaveCount(0);
});

test('each include toggle chooses what is shown and exported', async ({ page }) => {
  for (const [label, kind, name] of [
    ['ConfigMaps', 'ConfigMap', 'flux-sample-entrypoint'],
    ['Service', 'Service', 'flux-sample'],
    ['Job', 'Job', 'flux-sample'],
  ] as const) {
    const toggle = page.getByRole('checkbox', { name: label, exact: true });
    await toggle.uncheck();
    await expect(page.getByRole('button', { name: `Copy ${kind} ${name}`, exact: true })).toHaveCount(0);
    const bundle = await download(page, 'Download bundle');
    expect(parseAllDocuments(bundle.text).map((d) => (d.toJS() as Manifest).kind)).not.toContain(kind);
    await toggle.check();
    await expect(page.getByRole('button', { name: `Copy ${kind} ${name}`, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('checkbox', { name: 'Volumes', exact: true })).toBeDisabled();
});

test('copies one manifest to the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy Job flux-sample', exact: true }).click();
  await expect(page.getByText('Copied').first()).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const [doc] = parseAllDocuments(copied);
  expect((doc?.toJS() as Manifest).kind).toBe('Job');
});

test('the downloaded bundle parses, passes the Kubernetes schema and carries a valid certificate', async ({ page }) => {
  const bundle = await download(page, 'Download bundle');
  expect(bundle.name).toBe('flux-sample.yaml');
  const objects = parseAllDocuments(bundle.text).map((d) => d.toJS() as Manifest);
  expect(objects.map((o) => o.kind)).toEqual(['ConfigMap', 'Service', 'Job']);
  for (const object of objects) validateAgainstKubernetes(object);
  const cert = (objects[0]?.['data'] as Record<string, string>)['curve.cert'] ?? '';
  const read = readCurveCert(cert);
  expect(read.ok).toBe(true);
  if (read.ok) await expect(page.getByText(read.publicKey).first()).toBeVisible();

  // "New certificate" replaces the keypair in the panel and in what is exported.
  const before = (await page.locator('code.mcs-cert__key').textContent()) ?? '';
  await page.getByRole('button', { name: 'New certificate', exact: true }).click();
  await expect(page.locator('code.mcs-cert__key')).not.toHaveText(before);
  const after = (await page.locator('code.mcs-cert__key').textContent()) ?? '';
  const renewed = parseAllDocuments((await download(page, 'Download bundle')).text).map((d) => d.toJS() as Manifest);
  const renewedCert = readCurveCert((renewed[0]?.['data'] as Record<string, string>)['curve.cert'] ?? '');
  expect(renewedCert.ok && renewedCert.publicKey).toBe(after);
});

test('a pasted certificate is checked and then used; a broken one is not', async ({ page }) => {
  await page.getByText('Use my own certificate').click();
  const textarea = page.getByLabel('Your CURVE certificate');
  // The reader loads on the first paste; a broken certificate is reported where it breaks.
  await textarea.fill(testCertificate().replace(TEST_KEYS.secretKey, TEST_KEYS.secretKey.slice(0, 39)));
  await expect(page.getByText(/One problem; the generated keypair is used/)).toBeVisible();
  await expect(textarea).toHaveAttribute('aria-invalid', 'true');
  await textarea.fill(testCertificate());
  await expect(page.getByText('This certificate is valid and will be used in the generated ConfigMap.')).toBeVisible();
  const objects = parseAllDocuments((await download(page, 'Download bundle')).text).map((d) => d.toJS() as Manifest);
  expect((objects[0]?.['data'] as Record<string, string>)['curve.cert']).toBe(testCertificate());
});

test('the zip holds one file per included object, each equal to its card in the bundle', async ({ page }) => {
  const bundle = parseAllDocuments((await download(page, 'Download bundle')).text).map((d) => d.toJS() as Manifest);
  await page.getByRole('checkbox', { name: 'Service' }).uncheck();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download zip', exact: true }).click()]);
  expect(zip.suggestedFilename()).toBe('flux-sample-manifests.zip');
  const files = unzipSync(new Uint8Array(await readFile(await zip.path())));
  expect(Object.keys(files)).toEqual(['01-configmap-flux-sample-entrypoint.yaml', '02-job-flux-sample.yaml']);
  const zipped = Object.values(files).map((bytes) => parseAllDocuments(strFromU8(bytes))[0]?.toJS() as Manifest);
  expect(zipped).toEqual(bundle.filter((o) => o.kind !== 'Service'));
});

test('a share link restores the spec, without the certificate', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await goToLineEnd(page, 'size: 4');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('5');
  await expect(card(page, 'Job', 'flux-sample')).toContainText('completions: 5');
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#spec=/);
  const publicKey = await page.locator('code.mcs-cert__key').textContent();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 5 pods')).toBeVisible({ timeout: 20_000 });
  // The link carries the spec only: the new page makes its own keypair.
  await expect(fresh.locator('code.mcs-cert__key')).toHaveText(/^.{40}$/);
  expect(await fresh.locator('code.mcs-cert__key').textContent()).not.toBe(publicKey);
  await other.close();
});

test('autosave restores the spec after a reload', async ({ page }) => {
  await goToLineEnd(page, 'size: 4');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('7');
  await expect(card(page, 'Job', 'flux-sample')).toContainText('completions: 7');
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 7 pods')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Restored your last spec.')).toBeVisible();
});

test('an axe scan finds no serious or critical violations', async ({ page }) => {
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
  expect(await seriousViolationsInEachTheme(page)).toEqual([]);
});

test('screenshots: light and dark, wide and narrow', async ({ browser }) => {
  // Four fresh pages, each loading Monaco: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await forEachLook(browser, WIDE_AND_NARROW, (page, look) => page.screenshot({ path: `test-results/screenshots/app-${look}.png` }));
});

test('the page made no request to any other origin', () => {
  expect(foreignRequests).toEqual([]);
});
