/**
 * Files in and out: a spec opened with "Open file…" or Ctrl+O, or dropped on the page, replaces the
 * editor's text as one undoable edit and names the file; files that cannot be a spec get a message
 * and leave the text alone; the bundle of a file of several MiniClusters holds all of them.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { seriousViolationsInEachTheme } from './axe.ts';
import { download, downloadText } from './download.ts';
import { expect, test } from './guard.ts';
import { forEachLook, type Look } from './screenshots.ts';

const cluster = (name: string, size: number, image = 'ubuntu:noble') => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: ${name}
spec:
  size: ${size}
  containers:
    - image: ${image}
`;

const ONE = `# opened from a file\n${cluster('from-file', 3)}`;
const TWO = `${cluster('first', 2)}---\n${cluster('second', 3, 'rockylinux:9')}`;

async function openPage(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
}

type FileSpec = { name: string; text?: string; bytes?: number[]; size?: number };

/** Drops files on `selector` as a file manager would: a DataTransfer made in the page, with the path as text too. */
async function dropFiles(page: Page, selector: string, files: FileSpec[], events: readonly string[] = ['dragenter', 'dragover', 'drop']): Promise<void> {
  const transfer = await page.evaluateHandle((list: FileSpec[]) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const body = f.bytes ? new Uint8Array(f.bytes) : f.size !== undefined ? new Uint8Array(f.size).fill(0x61) : (f.text ?? '');
      dt.items.add(new File([body], f.name, { type: 'application/yaml' }));
    }
    dt.setData('text/plain', `/home/user/${list[0]?.name ?? ''}`);
    return dt;
  }, files);
  for (const type of events) await page.dispatchEvent(selector, type, { dataTransfer: transfer });
}

async function chooseFile(page: Page, open: () => Promise<unknown>, file: { name: string; text: string }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), open()]);
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles({ name: file.name, mimeType: 'application/yaml', buffer: Buffer.from(file.text) });
}

test('a file opened with the button replaces the spec, Undo brings the old one back, and Download spec uses its name', async ({ page }) => {
  await openPage(page);
  const before = await downloadText(page, 'Download spec');
  await chooseFile(page, () => page.getByRole('button', { name: 'Open file…' }).click(), { name: 'my cluster.yaml', text: ONE });

  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 3 pods')).toBeVisible();
  // Another spec, not an edit of the one before: no card is marked changed.
  await expect(page.locator('[data-change]')).toHaveCount(0);
  await expect(page.locator('.mcs-spec-file')).toHaveText('File: my cluster.yaml');
  await expect(page.getByRole('status').filter({ hasText: 'Opened my cluster.yaml' })).toBeVisible();
  const saved = await download(page, 'Download spec');
  expect(saved).toEqual({ name: 'my cluster.yaml', text: ONE });

  // Still that file's spec after an edit.
  await page.locator('.monaco-editor .view-line', { hasText: 'size: 3' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('0');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 30 pods')).toBeVisible();
  expect((await download(page, 'Download spec')).name).toBe('my cluster.yaml');

  // Undo the edit, then the file: the spec from before it.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 3 pods')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
  expect(await downloadText(page, 'Download spec')).toBe(before);

  // An example replaces the file: its name goes.
  await page.getByRole('combobox', { name: 'Load an example' }).selectOption({ index: 2 });
  await expect(page.locator('.mcs-spec-file')).toHaveCount(0);
  const example = await download(page, 'Download spec');
  expect(example.name).not.toBe('my cluster.yaml');
});

test('a file opened right after an example is an undo step of its own', async ({ page }) => {
  await openPage(page);
  await page.getByRole('combobox', { name: 'Load an example' }).selectOption('mpi-benchmark');
  await chooseFile(page, () => page.getByRole('button', { name: 'Open file…' }).click(), { name: 'quick.yaml', text: ONE });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 3 pods')).toBeVisible();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Z');
  // Back to the example, not to the spec before it.
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 3 pods')).toHaveCount(0);
  expect(await downloadText(page, 'Download spec')).toBe(await readFile(new URL('../src/app/presets/mpi-benchmark.yaml', import.meta.url), 'utf8'));
});

test('Ctrl+O opens the chooser instead of the browser\'s dialog, from the editor too', async ({ page }) => {
  await openPage(page);
  await page.locator('.monaco-editor .view-lines').click();
  await chooseFile(page, () => page.keyboard.press('ControlOrMeta+O'), { name: 'two.yaml', text: TWO });
  await expect(page.getByText('MiniCluster 2 of 2 in this file (second): the one the cursor is in.')).toBeVisible();
  await expect(page.locator('.mcs-spec-file')).toHaveText('File: two.yaml');
  expect(await downloadText(page, 'Download spec')).toBe(TWO);
  await expect(page.locator('.mcs-footer')).toContainText('Ctrl+O open a file');
});

test('a file dropped on the editor opens as the spec: the drop state shows, and the editor does not insert the path', async ({ page }) => {
  await openPage(page);
  const before = await downloadText(page, 'Download spec');
  await dropFiles(page, '.monaco-editor .view-lines', [{ name: 'dropped.yaml', text: ONE }], ['dragenter', 'dragover']);
  const target = page.getByText('Drop the file to open it as the spec');
  await expect(target).toBeVisible();
  expect(await seriousViolationsInEachTheme(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/files-drop-target.png' });
  await dropFiles(page, '.monaco-editor .view-lines', [{ name: 'dropped.yaml', text: ONE }], ['drop']);
  await expect(target).toHaveCount(0);
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 3 pods')).toBeVisible();
  await expect(page.locator('.mcs-spec-file')).toHaveText('File: dropped.yaml');
  expect(await downloadText(page, 'Download spec')).toBe(ONE);

  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible();
  expect(await downloadText(page, 'Download spec')).toBe(before);
});

test('a file dropped anywhere on the page opens; leaving the page ends the drop state', async ({ page }) => {
  await openPage(page);
  await dropFiles(page, '.mcs-footer', [{ name: 'footer.yaml', text: ONE }], ['dragenter']);
  await expect(page.locator('.mcs-drop-target')).toBeVisible();
  await dropFiles(page, '.mcs-footer', [{ name: 'footer.yaml', text: ONE }], ['dragleave']);
  await expect(page.locator('.mcs-drop-target')).toHaveCount(0);
  await dropFiles(page, '.mcs-header', [{ name: 'header.yml', text: ONE }]);
  await expect(page.locator('.mcs-spec-file')).toHaveText('File: header.yml');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 3 pods')).toBeVisible();
});

test('a binary file, a file over the limit and several files get a message and leave the spec as it was', async ({ page }) => {
  await openPage(page);
  const before = await downloadText(page, 'Download spec');
  const alert = page.getByRole('alert').filter({ hasText: 'was not opened' });

  await dropFiles(page, '.monaco-editor .view-lines', [{ name: 'picture.png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00] }]);
  await expect(alert).toHaveText(/"picture\.png" was not opened: it is not a text file \(it has a NUL byte at offset 8\)/);
  expect(await downloadText(page, 'Download spec')).toBe(before);
  expect(await seriousViolationsInEachTheme(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/files-binary-message.png' });

  await dropFiles(page, 'body', [{ name: 'latin1.yaml', bytes: [0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a] }]);
  await expect(alert).toHaveText(/"latin1\.yaml" was not opened: it is not UTF-8 text \(the byte at offset 9 is not valid UTF-8\)/);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  await dropFiles(page, 'body', [{ name: 'huge.yaml', size: 1024 * 1024 + 10 }]);
  await expect(alert).toHaveText(/"huge\.yaml" was not opened: The file is 1\.0 MiB \(1,048,586 bytes\), more than the limit of 1 MiB/);
  expect(await downloadText(page, 'Download spec')).toBe(before);

  await dropFiles(page, 'body', [
    { name: 'a.yaml', text: ONE },
    { name: 'b.yaml', text: TWO },
  ]);
  await expect(alert.or(page.locator('.mcs-file-problem'))).toHaveText(/2 files were dropped \("a\.yaml" and "b\.yaml"\); none was opened\. Drop one file at a time\./);
  expect(await downloadText(page, 'Download spec')).toBe(before);
  await expect(page.locator('.mcs-spec-file')).toHaveCount(0);

  // The next file that opens clears the message.
  await dropFiles(page, 'body', [{ name: 'good.yaml', text: ONE }]);
  await expect(page.locator('.mcs-spec-file')).toHaveText('File: good.yaml');
  await expect(page.locator('.mcs-file-problem')).toHaveCount(0);
});

const kindsAndNames = (yaml: string) => [...yaml.matchAll(/^kind: (\w+)\nmetadata:\n {2}name: (\S+)/gm)].map((m) => `${m[1]}/${m[2]}`);
const publicKeys = (yaml: string) => [...yaml.matchAll(/public-key = "([^"]+)"/g)].map((m) => m[1]);

test('Copy bundle, Download bundle and Download zip of a file of two MiniClusters hold both, in file order, with the toggles applied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPage(page);
  await chooseFile(page, () => page.getByRole('button', { name: 'Open file…' }).click(), { name: 'two.yaml', text: TWO });
  // The preview follows the cursor; a line says the bundle holds both.
  await expect(page.locator('.mcs-file-note')).toContainText('Copy bundle, Download bundle and Download zip hold all 2.');

  await page.getByRole('button', { name: 'Copy bundle', exact: true }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('name: second');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const both = ['ConfigMap/first-entrypoint', 'Service/first', 'Job/first', 'ConfigMap/second-entrypoint', 'Service/second', 'Job/second'];
  expect(kindsAndNames(copied)).toEqual(both);
  // Each MiniCluster is a Flux instance of its own, with its own keypair.
  const keys = publicKeys(copied);
  expect(keys).toHaveLength(2);
  expect(keys[0]).not.toBe(keys[1]);

  const bundle = await download(page, 'Download bundle');
  expect(bundle.text).toBe(copied);

  // The preview of the first MiniCluster is what the bundle holds for it.
  await page.locator('.monaco-editor .view-line', { hasText: 'size: 2' }).click();
  await expect(page.locator('.mcs-file-note')).toContainText('MiniCluster 1 of 2 in this file (first)');
  await page.getByRole('button', { name: 'Copy ConfigMap first-entrypoint', exact: true }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('name: first-entrypoint');
  expect(copied).toContain(await page.evaluate(() => navigator.clipboard.readText()));

  // The include toggles apply to every MiniCluster's objects.
  await page.getByRole('checkbox', { name: 'Service' }).uncheck();
  const withoutServices = await download(page, 'Download bundle');
  expect(kindsAndNames(withoutServices.text)).toEqual(both.filter((n) => !n.startsWith('Service/')));

  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download zip', exact: true }).click()]);
  const { unzipSync } = await import('fflate');
  expect(Object.keys(unzipSync(new Uint8Array(await readFile(await zip.path())))).sort()).toEqual([
    '01-configmap-first-entrypoint.yaml',
    '02-job-first.yaml',
    '03-configmap-second-entrypoint.yaml',
    '04-job-second.yaml',
  ]);
});

test('while another MiniCluster of the file has errors, the bundle asks first and holds the last whole file', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPage(page);
  await chooseFile(page, () => page.getByRole('button', { name: 'Open file…' }).click(), { name: 'two.yaml', text: TWO });
  await expect(page.locator('.mcs-file-note')).toContainText('hold all 2');
  // Break the second MiniCluster (size 0), then preview the first: it is up to date, the bundle is not.
  await page.locator('.monaco-editor .view-line', { hasText: 'size: 3' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  await page.locator('.monaco-editor .view-line', { hasText: 'size: 2' }).click();
  await expect(page.locator('.mcs-file-note')).toContainText('MiniCluster 1 of 2 in this file (first)');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 2 pods')).toBeVisible();
  await expect(page.getByText('Out of date — fix the errors to update')).toHaveCount(0);

  await page.evaluate(() => navigator.clipboard.writeText('before'));
  const { dialog, copied } = await copyBundleAnyway(page, 'name: second');
  expect(copied).toMatch(/completions: 3\n/);
  expect(kindsAndNames(copied)).toHaveLength(6);

  // A card of the previewed MiniCluster is up to date: no question.
  await page.getByRole('button', { name: 'Copy Job first', exact: true }).click();
  await expect(dialog).toHaveCount(0);
});

/** Copy bundle over the question it asks of out-of-date output; what reached the clipboard, once it holds `expected`. */
async function copyBundleAnyway(page: Page, expected: string) {
  await page.getByRole('button', { name: 'Copy bundle', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'The output is out of date' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy anyway' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(expected);
  return { dialog, copied: await page.evaluate(() => navigator.clipboard.readText()) };
}

const LOOKS: readonly Look[] = [
  ['light', 1440, 960],
  ['dark', 1440, 960],
  ['light', 390, 844],
  ['dark', 390, 844],
];

test('screenshots: the Open file button, an opened file\'s name, a message and the drop state, in each look', async ({ browser }) => {
  test.setTimeout(120_000);
  await forEachLook(browser, LOOKS, async (page, look) => {
    await page.screenshot({ path: `test-results/screenshots/files-header-${look}.png` });
    await chooseFile(page, () => page.getByRole('button', { name: 'Open file…' }).click(), { name: 'lammps-on-two-nodes.yaml', text: ONE });
    await expect(page.locator('.mcs-spec-file')).toBeVisible();
    await dropFiles(page, 'body', [{ name: 'a.yaml', text: ONE }, { name: 'b.yaml', text: ONE }]);
    await expect(page.locator('.mcs-file-problem')).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/files-opened-${look}.png` });
    await dropFiles(page, 'body', [{ name: 'c.yaml', text: ONE }], ['dragenter', 'dragover']);
    await expect(page.locator('.mcs-drop-target')).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/files-drop-${look}.png` });
  });
});

test("the bundle never holds the objects of a file that another file has replaced", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPage(page);
  await chooseFile(page, () => page.getByRole('button', { name: 'Open file…' }).click(), { name: 'two.yaml', text: TWO });
  await expect(page.locator('.mcs-file-note')).toContainText('hold all 2');
  // Another file of two MiniClusters, the second with an error: its whole bundle is never made.
  const other = `${cluster('third', 2)}---\n${cluster('fourth', 0)}`;
  await chooseFile(page, () => page.getByRole('button', { name: 'Open file…' }).click(), { name: 'other.yaml', text: other });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 2 pods')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy Job third', exact: true })).toBeVisible();

  const { copied } = await copyBundleAnyway(page, 'name: third');
  expect(copied).not.toContain('name: first');
  expect(copied).not.toContain('name: second');
});
