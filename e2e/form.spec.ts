/**
 * The form view: a MiniCluster built without typing YAML, checked against the Kubernetes schema
 * and the CLI; both views over one text; keyboard-only use; axe; screenshots.
 */
import type { Locator, Page } from '@playwright/test';
import { seriousViolationsInEachTheme } from './axe.ts';
import { expect, test } from './guard.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { runCli } from '../src/cli/main.ts';
import type { Manifest } from '../src/core/common/kobject.ts';
import { validateAgainstKubernetes } from '../src/core/testing/kubernetesSchema.ts';
import { forEachLook, WIDE_AND_NARROW } from './screenshots.ts';
import { downloadText } from './download.ts';

// Page loads with Monaco take long on a busy machine; the default 30 s is too tight for these flows.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
});

const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => '' });
  return { code, stdout, stderr };
}

/** Builds the two-container MiniCluster with a sidecar, environment, volume and resources, only through the form. */
async function buildWithForm(page: Page) {
  await page.getByRole('tab', { name: 'Form' }).click();
  const first = group(page, 'Container 1');
  await expect(first.getByLabel('Image', { exact: true })).toHaveValue('ubuntu:noble');

  await first.getByRole('button', { name: 'Add environment variable' }).click();
  await expect(first.getByLabel('Variable name')).toBeFocused();
  await first.getByLabel('Variable name').fill('GREETING');
  await first.getByLabel('Value', { exact: true }).fill('hello from the form');

  await first.getByRole('button', { name: 'Add limit' }).click();
  await group(first, 'Limits').getByLabel('Quantity').fill('2');
  await first.getByRole('button', { name: 'Add request' }).click();
  await group(first, 'Requests').getByLabel('Resource').fill('memory');
  await group(first, 'Requests').getByLabel('Quantity').fill('1Gi');

  await first.getByRole('button', { name: 'Add volume' }).click();
  const volume = group(first, 'Volume 1');
  await volume.getByLabel('Volume name').fill('scratch');
  await volume.getByLabel('Mount path').fill('/scratch');
  await volume.getByLabel('Host path').fill('/tmp/scratch');
  // The claim name the new volume would have needed is not needed with a host path.
  await expect(volume.getByText(/has no source/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Add container', exact: true }).click();
  // With two containers the runner must be marked: the one that ran Flux alone is.
  await expect(first.getByRole('switch', { name: 'Runs Flux' })).toBeChecked();
  const second = group(page, 'Container 2');
  await second.getByLabel('Image', { exact: true }).fill('nginx:1.27');
  await second.getByLabel('Container name').fill('sidecar');
  await second.getByLabel('Command').fill('sleep infinity');
  await second.getByRole('button', { name: 'Add port' }).click();

  await page.getByRole('button', { name: 'Add service', exact: true }).click();
  const service = group(page, 'Service 1');
  await service.getByLabel('Container name').fill('cache');
  await service.getByLabel('Image', { exact: true }).fill('redis:7');
  await expect(page.getByText('No problems')).toBeVisible();
}

test('builds a two-container MiniCluster with a sidecar using only the form; the bundle passes the schema and matches the CLI', async ({ page }) => {
  await buildWithForm(page);
  const spec = parse(await downloadText(page, 'Download spec')) as { spec: { containers: Record<string, unknown>[]; services: unknown[] } };
  expect(spec.spec.containers).toEqual([
    {
      image: 'ubuntu:noble',
      command: 'echo hello world',
      environment: { GREETING: 'hello from the form' },
      resources: { limits: { cpu: 2 }, requests: { memory: '1Gi' } },
      volumes: { scratch: { path: '/scratch', hostPath: '/tmp/scratch' } },
      runFlux: true,
    },
    { name: 'sidecar', image: 'nginx:1.27', command: 'sleep infinity', ports: [8080] },
  ]);
  expect(spec.spec.services).toEqual([{ name: 'cache', image: 'redis:7' }]);

  const bundle = await downloadText(page, 'Download bundle');
  const objects = parseAllDocuments(bundle).map((d) => d.toJS() as Manifest);
  expect(objects.map((o) => o.kind)).toEqual(['ConfigMap', 'Pod', 'Service', 'Job', 'Service']);
  for (const object of objects) validateAgainstKubernetes(object);
  const job = JSON.stringify(objects.find((o) => o.kind === 'Job'));
  for (const part of ['GREETING', 'sidecar', 'nginx:1.27', '/tmp/scratch', '"memory":"1Gi"']) expect(job).toContain(part);

  // The CLI, given the same spec and the certificate the page made, writes the same bundle.
  const dir = await mkdtemp(join(tmpdir(), 'form-e2e-'));
  const specFile = join(dir, 'spec.yaml');
  const certFile = join(dir, 'curve.cert');
  await writeFile(specFile, await downloadText(page, 'Download spec'));
  await writeFile(certFile, (objects[0]?.['data'] as Record<string, string>)['curve.cert'] ?? '');
  const out = await cli(['-f', specFile, '--curve-cert', certFile]);
  expect(out.stderr.split('\n').filter((l) => /error/i.test(l))).toEqual([]);
  expect(out.code).toBe(0);
  expect(bundle).toBe(out.stdout);
});

test('switching views keeps everything, and undo works across both', async ({ page }) => {
  await buildWithForm(page);
  const before = await downloadText(page, 'Download spec');
  expect(before).toContain('# Tasks for the command: one per pod, so every node says hello.');

  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('GREETING: hello from the form');
  expect(await downloadText(page, 'Download spec')).toBe(before);

  // An edit in YAML shows in the form at once.
  // The service is written last; its image is the last line.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('image: redis:7');
  await page.keyboard.type('.2');
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(group(page, 'Service 1').getByLabel('Image', { exact: true })).toHaveValue('redis:7.2');
  await expect(group(page, 'Container 2').getByLabel('Image', { exact: true })).toHaveValue('nginx:1.27');
  await expect(group(page, 'Container 1').getByLabel('Variable name')).toHaveValue('GREETING');

  // Typing in a field is one undo step, not one per key.
  const workdir = group(page, 'Container 2').getByLabel('Working directory');
  await workdir.pressSequentially('/srv/www');
  await expect(workdir).toHaveValue('/srv/www');
  expect(await downloadText(page, 'Download spec')).toContain('workingDir: /srv/www');
  await workdir.press('ControlOrMeta+z');
  await expect(workdir).toHaveValue('');

  // Ctrl+Z in the form undoes the YAML edit, then form edits; Redo brings them back.
  const size = group(page, 'MiniCluster').getByLabel('Size', { exact: true });
  await size.fill('6');
  await expect(page.getByText(/: 6 pods/)).toBeVisible();
  await size.press('ControlOrMeta+z');
  await expect(size).toHaveValue('4');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(group(page, 'Service 1').getByLabel('Image', { exact: true })).toHaveValue('redis:7');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(group(page, 'Service 1').getByLabel('Image', { exact: true })).toHaveValue('redis:7.2');
  await page.getByRole('tab', { name: 'YAML' }).click();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('image: redis:7');
  await expect(page.locator('.monaco-editor .view-lines')).not.toContainText('redis:7.2');
});

test('the editor loads while the form is open and is whole when shown', async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto('./');
  await page.getByRole('tab', { name: 'Form' }).click();
  await group(page, 'MiniCluster').getByLabel('Size', { exact: true }).fill('5');
  await expect(page.getByText(/: 5 pods/)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.monaco-editor')).toBeAttached({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('size: 5');
  const box = await page.locator('.monaco-editor').boundingBox();
  expect(box?.height).toBeGreaterThan(200);
  await page.close();
});

test('fields show their defaults, help and problems; reorder and remove work', async ({ page }) => {
  await page.getByRole('tab', { name: 'Form' }).click();
  const cluster = group(page, 'MiniCluster');
  await expect(cluster.getByLabel('Namespace')).toHaveAttribute('placeholder', 'default');
  await expect(cluster.getByLabel('Deadline (seconds)')).toHaveAttribute('placeholder', '31500000');
  await expect(cluster.getByLabel('Size', { exact: true })).toHaveAccessibleDescription(/Number of pods/);
  await expect(page.getByLabel('Queue policy')).toHaveValue('');
  await expect(page.getByRole('switch', { name: 'Quiet' })).toBeChecked();

  // A value the core rejects is written: its problem is under the field and in Problems, and the output is out of date.
  await cluster.getByLabel('Size', { exact: true }).fill('0');
  await expect(cluster.getByText(/size is 0: the operator creates nothing/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Problems' }).getByText(/size is 0/)).toBeVisible();
  await expect(page.getByText('Out of date — fix the errors to update')).toBeVisible();
  await cluster.getByLabel('Size', { exact: true }).fill('3');
  await expect(page.getByText(/: 3 pods/)).toBeVisible();

  await page.getByRole('button', { name: 'Add limit' }).click();
  await group(page, 'Limits').getByLabel('Quantity').fill('2 cores');
  await expect(group(page, 'Limits').getByText(/not a Kubernetes quantity/i).first()).toBeVisible();
  await page.getByRole('button', { name: 'Remove limit 1' }).click();

  await page.getByRole('button', { name: 'Add container', exact: true }).click();
  await group(page, 'Container 2').getByLabel('Image', { exact: true }).fill('busybox');
  await page.getByRole('button', { name: 'Move container 2 up' }).click();
  await expect(group(page, 'Container 1').getByLabel('Image', { exact: true })).toHaveValue('busybox');
  await page.getByRole('button', { name: 'Remove container 1' }).click();
  await expect(group(page, 'Container 2')).toHaveCount(0);
  await expect(group(page, 'Container 1').getByLabel('Image', { exact: true })).toHaveValue('ubuntu:noble');
  const spec = await downloadText(page, 'Download spec');
  expect(spec).toContain('# A single container becomes the Flux runner (runFlux is implied).');
});

test('a focused field highlights its output, and a click on an output line finds its field', async ({ page }) => {
  await page.getByRole('tab', { name: 'Form' }).click();
  const highlighted = () => page.evaluate(() => [...(CSS.highlights.get('mcs-form-field') ?? [])].map((r) => (r as Range).toString()));
  await group(page, 'MiniCluster').getByLabel('Size', { exact: true }).focus();
  expect(await highlighted()).toEqual(['completions: 4', 'parallelism: 4']);
  // Collapsed cards hold only their first lines; the Job's container is further down.
  const show = page.getByRole('button', { name: /^Show all \d+ lines of Job flux-sample$/ });
  if (await show.count()) await show.click();
  await group(page, 'Container 1').getByLabel('Image', { exact: true }).focus();
  expect(await highlighted()).toEqual(['image: ubuntu:noble']);

  await page.getByLabel('Name', { exact: true }).focus();
  const jobYaml = page.getByRole('group', { name: 'YAML of Job flux-sample' });
  await jobYaml.locator('span', { hasText: /^ubuntu:noble$/ }).first().click();
  await expect(group(page, 'Container 1').getByLabel('Image', { exact: true })).toBeFocused();
  await jobYaml.locator('span', { hasText: /^completions$/ }).click();
  await expect(group(page, 'MiniCluster').getByLabel('Size', { exact: true })).toBeFocused();
});

test('emptying a field and typing again edits the value in place: key order and comments stay', async ({ page }) => {
  const before = await downloadText(page, 'Download spec');
  await page.getByRole('tab', { name: 'Form' }).click();
  const size = group(page, 'MiniCluster').getByLabel('Size', { exact: true });
  await size.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(size).toHaveValue('');
  await page.keyboard.type('8');
  await expect(page.getByText(/: 8 pods/)).toBeVisible();
  expect(await downloadText(page, 'Download spec')).toBe(before.replace('size: 4', 'size: 8'));

  // The same for a text field.
  const image = group(page, 'Container 1').getByLabel('Image', { exact: true });
  await image.selectText();
  await page.keyboard.press('Backspace');
  await page.keyboard.type('rockylinux:9');
  expect(await downloadText(page, 'Download spec')).toBe(before.replace('size: 4', 'size: 8').replace('ubuntu:noble', 'rockylinux:9'));

  // Leaving a field empty removes its key (the comment above it stays, about the mapping).
  await size.selectText();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await expect(size).toHaveValue('');
  const cleared = await downloadText(page, 'Download spec');
  expect(cleared).not.toMatch(/^\s*size:/m);
  expect(cleared).toContain('  tasks: 4');
});

test('a new environment variable starts with an empty, focused name; typing names it', async ({ page }) => {
  await page.getByRole('tab', { name: 'Form' }).click();
  const first = group(page, 'Container 1');
  await first.getByRole('button', { name: 'Add environment variable' }).click();
  const name = first.getByLabel('Variable name');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('');
  await expect(first.getByText('Write a name.')).toBeVisible();
  await page.keyboard.type('MY_VAR');
  await expect(name).toHaveValue('MY_VAR');
  await expect(name).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('on');
  await expect(first.getByLabel('Value', { exact: true })).toHaveValue('on');
  const spec = parse(await downloadText(page, 'Download spec')) as { spec: { containers: { environment?: unknown }[] } };
  expect(spec.spec.containers[0]?.environment).toEqual({ MY_VAR: 'on' });
});

test('Add volume focuses the claim name it still needs, with the problem beside it; Add container leaves the spec valid', async ({ page }) => {
  await page.getByRole('tab', { name: 'Form' }).click();
  const first = group(page, 'Container 1');
  await first.getByRole('button', { name: 'Add volume' }).click();
  const volume = group(first, 'Volume 1');
  const claim = volume.getByLabel('Claim name');
  await expect(claim).toBeFocused();
  await expect(claim).toHaveAccessibleDescription(/has no source/);
  await page.keyboard.type('scratch-claim');
  await expect(page.getByText('No problems')).toBeVisible();

  await page.getByRole('button', { name: 'Add container', exact: true }).click();
  await expect(group(page, 'Container 2').getByLabel('Image', { exact: true })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Problems' }).locator('.mcs-problem--error')).toHaveCount(0);
  await expect(page.getByText('Out of date — fix the errors to update')).toBeHidden();
});

/** Presses Tab until the focused element is named `name`; fails after `limit` presses. */
async function tabTo(page: Page, name: string, limit = 150, key = 'Tab') {
  for (let i = 0; i < limit; i++) {
    const current = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
      return (labelled ?? el.textContent ?? '').trim();
    });
    if (current === name) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('works with the keyboard alone', async ({ page }) => {
  await page.locator('body').focus();
  await tabTo(page, 'YAML');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Form' })).toBeFocused();

  await tabTo(page, 'Name');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('keyboard-cluster');
  const focused = page.locator(':focus');
  // The focus ring is visible (an outline, not the browser's none).
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

  await tabTo(page, 'Add container');
  await page.keyboard.press('Enter');
  // The new container's first field has the focus.
  await expect(group(page, 'Container 2').getByLabel('Image', { exact: true })).toBeFocused();
  await tabTo(page, 'Command');
  await page.keyboard.type('sleep infinity');
  await expect(group(page, 'Container 1').getByRole('switch', { name: 'Runs Flux' })).toBeChecked();
  await tabTo(page, 'Add environment variable');
  await page.keyboard.press('Enter');
  await page.keyboard.type('MODE');
  await page.keyboard.press('Tab');
  await page.keyboard.type('fast');
  await expect(page.getByText('No problems')).toBeVisible();
  const spec = await downloadText(page, 'Download spec');
  expect(spec).toContain('name: keyboard-cluster');
  expect(spec).toContain('MODE: fast');
  expect(spec).toContain('runFlux: true');
});

test('an axe scan of the form finds no serious or critical violations', async ({ page }) => {
  test.setTimeout(120_000);
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByRole('button', { name: 'Add environment variable' }).click();
  await page.getByRole('button', { name: 'Add volume' }).click();
  expect(await seriousViolationsInEachTheme(page)).toEqual([]);
});

test('screenshots of the form: light, dark and narrow', async ({ browser }) => {
  test.setTimeout(120_000);
  const looks = WIDE_AND_NARROW.filter(([scheme, width]) => scheme === 'light' || width > 1000);
  await forEachLook(browser, looks, async (page, look) => {
    await page.getByRole('tab', { name: 'Form' }).click();
    await page.getByRole('button', { name: 'Add environment variable' }).click();
    await page.getByLabel('Variable name').fill('GREETING');
    await page.getByLabel('Value', { exact: true }).fill('hello');
    await page.getByLabel('Size', { exact: true }).focus();
    await page.screenshot({ path: `test-results/screenshots/form-${look}-top.png` });
    // The first container, with the new variable and its highlight in the output.
    const first = group(page, 'Container 1');
    await first.getByLabel('Image', { exact: true }).evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
    await first.evaluate((el) => {
      const pane = el.closest('.mcs-form-pane');
      const toolbar = document.querySelector('.mcs-form-toolbar')?.getBoundingClientRect().height ?? 40;
      if (pane && pane.scrollHeight > pane.clientHeight) pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - toolbar - 16;
      else window.scrollBy(0, el.getBoundingClientRect().top - toolbar - 16);
    });
    await page.screenshot({ path: `test-results/screenshots/form-${look}.png` });
  });
});
