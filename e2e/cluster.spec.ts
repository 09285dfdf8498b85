/**
 * The Cluster view, as a user meets it: the picture of the default example, a binomial tree, ranks
 * offline until the cluster grows, JobSet host names, a cluster of 10,000 pods, a click through to
 * a field, the SVG download, axe and both themes (with screenshots, saved for a look).
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { jobSetChildJob } from '../src/core/targets/hosts.ts';
import { seriousViolationsInEachTheme } from './axe.ts';
import { download } from './download.ts';
import { editorTop, goToLineEnd, replaceSpec } from './editor.ts';
import { expect, test } from './guard.ts';
import { openOutputPanel } from './outputPanel.ts';

const SHOTS = process.env['VIEW_SHOTS'] ?? 'test-results/screenshots';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  // The first page of a run also waits for the preview server's cold start.
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
});

const picture = (page: Page) => page.locator('svg.mcs-cl');
const treeText = (page: Page) => page.locator('pre.mcs-cluster-text');
const part = (page: Page, name: string | RegExp) => picture(page).getByRole('button', { name, exact: typeof name === 'string' });

async function openCluster(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await expect(picture(page)).toBeVisible();
}

const spec = (specLines: string) => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: flux-sample
spec:
${specLines}
  containers:
    - image: ubuntu:noble
      command: echo hello world
      volumes:
        data:
          path: /data
          emptyDir: true
`;

test('the default example: four pods under the lead broker, the pod template, the headless Service and the text', async ({ page }) => {
  await openCluster(page);
  await expect(page.getByRole('tab', { name: 'Cluster' })).toHaveAttribute('aria-selected', 'true');
  await expect(part(page, 'Rank 0, pod flux-sample-0, the lead broker')).toBeVisible();
  for (const rank of [1, 2, 3]) await expect(part(page, `Rank ${rank}, pod flux-sample-${rank}`)).toBeVisible();
  await expect(part(page, /^Container \S+, image ubuntu:noble, runs the Flux broker$/)).toBeVisible();
  await expect(part(page, /^Headless Service flux-sample, host names flux-sample-\{0\.\.3\}\.flux-sample\.default\.svc\.cluster\.local/)).toBeVisible();
  await expect(picture(page).locator('.mcs-cl-edge')).toHaveCount(3);
  await expect(treeText(page)).toHaveText('0 flux-sample-0\n├─ 1 flux-sample-1\n├─ 2 flux-sample-2\n└─ 3 flux-sample-3');
  // The picture's description is the text, for screen readers.
  const describedBy = (await picture(page).getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(await treeText(page).getAttribute('id'));
  // The choice is kept like the other preferences.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Cluster' })).toHaveAttribute('aria-selected', 'true', { timeout: 20_000 });
  await expect(part(page, 'Rank 0, pod flux-sample-0, the lead broker')).toBeVisible();
  await page.getByRole('tab', { name: 'Cluster' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Objects' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Copy Job flux-sample', exact: true })).toBeVisible();
});

test('a binomial tree, and ranks offline until the cluster grows, redrawn as the spec changes', async ({ page }) => {
  await openCluster(page);
  await replaceSpec(page, spec('  size: 8\n  flux:\n    topology: binomial'));
  await expect(treeText(page)).toHaveText(
    [
      '0 flux-sample-0',
      '├─ 1 flux-sample-1',
      '├─ 2 flux-sample-2',
      '│  └─ 3 flux-sample-3',
      '└─ 4 flux-sample-4',
      '   ├─ 5 flux-sample-5',
      '   └─ 6 flux-sample-6',
      '      └─ 7 flux-sample-7',
    ].join('\n'),
  );
  await expect(part(page, /size 8, maxSize 8, tree binomial/)).toBeVisible();
  // Rank 7 is drawn three levels under rank 0, to its right.
  const x = async (rank: number) => (await part(page, new RegExp(`^Rank ${rank}, `)).boundingBox())?.x ?? 0;
  expect(await x(7)).toBeGreaterThan(await x(6));
  expect(await x(6)).toBeGreaterThan(await x(4));

  await replaceSpec(page, spec('  size: 2\n  maxSize: 4'));
  await expect(part(page, 'Rank 3, pod flux-sample-3, offline until the cluster grows')).toBeVisible();
  await expect(treeText(page)).toHaveText(
    '0 flux-sample-0\n├─ 1 flux-sample-1\n├─ 2 flux-sample-2 (offline until the cluster grows)\n└─ 3 flux-sample-3 (offline until the cluster grows)',
  );
  const offline = picture(page).locator('rect.mcs-cl-node.mcs-cl-offline');
  await expect(offline).toHaveCount(2);
  expect(await offline.first().evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
  expect(await picture(page).locator('rect.mcs-cl-node:not(.mcs-cl-offline)').first().evaluate((el) => getComputedStyle(el).strokeDasharray)).toBe('none');
});

test('a JobSet: the pods take the JobSet host names, and the JobSet is drawn around them', async ({ page }) => {
  await openCluster(page);
  await openOutputPanel(page);
  await page.getByRole('checkbox', { name: 'Run as a JobSet', exact: true }).check();
  const host = `${jobSetChildJob('flux-sample')}-`;
  await expect(part(page, `Rank 0, pod ${host}0, the lead broker`)).toBeVisible();
  await expect(treeText(page)).toHaveText(`0 ${host}0\n├─ 1 ${host}1\n├─ 2 ${host}2\n└─ 3 ${host}3`);
  await expect(picture(page).getByText('JobSet flux-sample', { exact: true })).toBeVisible();
  await expect(picture(page).getByText(/^Broker pods \(JobSet flux-sample\)$/)).toBeVisible();
});

test('a PodGroup around the workload, with a JobSet and a queue too', async ({ page }) => {
  await openCluster(page);
  await openOutputPanel(page);
  await page.getByRole('combobox', { name: 'Gang scheduling', exact: true }).selectOption('volcano');
  await expect(picture(page).getByText('PodGroup flux-sample', { exact: true })).toBeVisible();
  await expect(picture(page).locator('title', { hasText: /^PodGroup flux-sample: / })).toHaveText(/minMember 4, scheduler volcano/);
  await page.getByRole('checkbox', { name: 'Run as a JobSet', exact: true }).check();
  await page.getByRole('textbox', { name: 'Kueue queue', exact: true }).fill('team-a');
  for (const title of ['PodGroup flux-sample', 'JobSet flux-sample', 'Kueue queue team-a']) {
    await expect(picture(page).getByText(title, { exact: true })).toBeVisible();
  }
  await expect(part(page, `Rank 0, pod ${jobSetChildJob('flux-sample')}-0, the lead broker`)).toBeVisible();
});

test('10,000 pods: first and last ranks with the rest folded, and typing still redraws the picture', async ({ page }) => {
  await openCluster(page);
  await replaceSpec(page, spec('  size: 10000'));
  await expect(part(page, 'Rank 9999, pod flux-sample-9999')).toBeVisible({ timeout: 15_000 });
  await expect(part(page, /^Ranks 12 to \d+, \d+ pods flux-sample-12 to flux-sample-\d+, folded, under rank/).first()).toBeVisible();
  expect(await picture(page).locator('.mcs-cl-node').count()).toBeLessThanOrEqual(60);
  await expect(page.getByText('10,000 ranks: the ranks between the first and the last ones are folded')).toBeVisible();
  // One key: 10000 becomes 1000, and the picture follows.
  await goToLineEnd(page, 'size: 10000');
  await page.keyboard.press('Backspace');
  await expect(part(page, 'Rank 999, pod flux-sample-999')).toBeVisible();
  await expect(part(page, 'Rank 9999, pod flux-sample-9999')).toHaveCount(0);

  for (const topology of ['kary:1', 'binomial']) {
    await replaceSpec(page, spec(`  size: 4\n  maxSize: 10000\n  flux:\n    topology: ${topology}`));
    await expect(part(page, 'Rank 9999, pod flux-sample-9999, offline until the cluster grows')).toBeVisible({ timeout: 15_000 });
    await expect(part(page, new RegExp(`tree ${topology}`))).toBeVisible();
    expect(await picture(page).locator('.mcs-cl-node').count()).toBeLessThanOrEqual(60);
    await expect(treeText(page)).toContainText('9999 flux-sample-9999 (offline until the cluster grows)');
  }
});

test('a part of the picture selects its field, in the YAML and in the form, by mouse and by keyboard', async ({ page }) => {
  await replaceSpec(page, spec('  size: 4'));
  await openCluster(page);
  await expect(part(page, /^Volume data mounted at \S+, in container flux-sample$/)).toBeVisible();
  // The YAML: the cursor goes to the field; the line under it is read by selecting it.
  const lineAtCursor = async () => {
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('ControlOrMeta+C');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  await part(page, /^Volume data mounted at \S+, in container flux-sample$/).click();
  await expect(page.locator('.monaco-editor .native-edit-context')).toBeFocused();
  expect((await lineAtCursor()).trim()).toBe('data:');

  // By keyboard: one tab stop, the arrow keys move, Enter selects.
  await part(page, 'Rank 0, pod flux-sample-0, the lead broker').focus();
  await expect(part(page, 'Rank 0, pod flux-sample-0, the lead broker')).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('ArrowDown');
  await expect(part(page, 'Rank 1, pod flux-sample-1')).toBeFocused();
  await expect(part(page, 'Rank 0, pod flux-sample-0, the lead broker')).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('Enter');
  await expect(page.locator('.monaco-editor .native-edit-context')).toBeFocused();
  expect((await lineAtCursor()).trim()).toBe('size: 4');

  // The form: the field itself is focused.
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.locator('[data-spec-path="spec.size"]')).toBeVisible();
  await part(page, /^Container flux-sample, /).click();
  await expect(page.locator(':focus')).toHaveAttribute('data-spec-path', /^spec\.containers\[0\]/);
  await part(page, 'Rank 2, pod flux-sample-2').press(' ');
  await expect(page.locator('[data-spec-path="spec.size"]')).toBeFocused();
});

/** The line under the editor's cursor, read by selecting it. */
async function lineAtCursor(page: Page): Promise<string> {
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('ControlOrMeta+C');
  return (await page.evaluate(() => navigator.clipboard.readText())).trim();
}

// The picture stays (muted) while the MiniCluster at the cursor has errors: a click on it goes to
// the MiniCluster it shows, not to the one at the cursor.
test('in a file of two MiniClusters, a part of a picture kept from the first selects the first one’s field', async ({ page }) => {
  const first = spec('  size: 3').replace('name: flux-sample', 'name: first');
  const second = spec('  size: -1').replace('name: flux-sample', 'name: second');
  await replaceSpec(page, `${first}---\n${second}`);
  await editorTop(page);
  await goToLineEnd(page, 'name: first');
  await openCluster(page);
  await expect(part(page, 'Rank 0, pod first-0, the lead broker')).toBeVisible();
  await goToLineEnd(page, 'name: second');
  await expect(page.locator('#root').getByText(/size -1|spec\.size/).first()).toBeVisible();
  await part(page, 'Rank 0, pod first-0, the lead broker').click();
  await expect(page.locator('.monaco-editor .native-edit-context')).toBeFocused();
  expect(await lineAtCursor(page)).toBe('size: 3');
});

test('Next change from the Cluster view shows the objects, at the change', async ({ page }) => {
  await openCluster(page);
  await goToLineEnd(page, 'size: 4');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('6');
  await expect(part(page, 'Rank 5, pod flux-sample-5')).toBeVisible();
  await page.getByRole('button', { name: 'Next change', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Objects' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.mcs-preview .mcs-code [data-current]').first()).toBeVisible();
});

test('Download SVG: a file of its own, in the theme shown, with the host names', async ({ page }) => {
  await openCluster(page);
  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    const file = await download(page, 'Download SVG');
    expect(file.name).toBe('flux-sample-cluster.svg');
    expect(file.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(file.text).toContain('xmlns="http://www.w3.org/2000/svg"');
    for (const rank of [0, 1, 2, 3]) expect(file.text).toContain(`${rank}  flux-sample-${rank}`);
    expect(file.text).toContain('<style>');
    // Colours are written out: the page's custom properties do not exist in the file.
    expect(file.text).not.toContain('var(--');
    expect(file.text).not.toContain('tabindex');
    const background = /\.mcs-cl-bg\{fill:([^;}]+)/.exec(file.text)?.[1];
    expect(background).toBe(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(15, 20, 25)');
    // It opens as an image of its own.
    const opened = await page.context().newPage();
    await opened.setContent(`<img alt="" src="data:image/svg+xml;base64,${Buffer.from(file.text).toString('base64')}">`);
    expect(await opened.locator('img').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(300);
    await opened.close();
  }
});

test('axe finds nothing in the Cluster view, in light and dark; screenshots at 1440 and 390 px', async ({ page, browser }) => {
  await replaceSpec(page, spec('  size: 6\n  maxSize: 8\n  flux:\n    topology: kary:2'));
  await openCluster(page);
  await expect(part(page, /^Rank 7, /)).toBeVisible();
  expect(await seriousViolationsInEachTheme(page)).toEqual([]);

  await mkdir(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1440, 1000],
      [390, 844],
    ] as const) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height } });
      const shot = await context.newPage();
      await shot.goto('./');
      await expect(shot.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
      await replaceSpec(shot, spec('  size: 6\n  maxSize: 8\n  flux:\n    topology: kary:2'));
      await shot.locator('summary', { hasText: 'Output options' }).click();
      await shot.getByRole('textbox', { name: 'Kueue queue', exact: true }).fill('team-a');
      await shot.locator('summary', { hasText: 'Output options' }).click();
      await shot.getByRole('tab', { name: 'Cluster' }).click();
      await expect(part(shot, /^Rank 7, /)).toBeVisible();
      await expect(picture(shot).getByText('Kueue queue team-a', { exact: true })).toBeVisible();
      await shot.locator('.mcs-cluster').screenshot({ path: `${SHOTS}/cluster-${scheme}-${width}.png` });
      // The focus ring, reached by keyboard.
      await part(shot, /^Rank 0, /).focus();
      await shot.keyboard.press('ArrowDown');
      await shot.keyboard.press('ArrowDown');
      await expect(part(shot, /^Rank 3, /)).toBeFocused();
      await part(shot, /^Rank 3, /).screenshot({ path: `${SHOTS}/cluster-focus-${scheme}-${width}.png` });
      // A large cluster, folded: 10,000 pods of 10,004.
      await replaceSpec(shot, spec('  size: 10000\n  maxSize: 10004'));
      await expect(part(shot, /^Rank 10003, /)).toBeVisible();
      await shot.locator('.mcs-cluster-picture').screenshot({ path: `${SHOTS}/cluster-10000-${scheme}-${width}.png` });
      await context.close();
    }
  }
});
