/**
 * Offline and installable: after one visit the app opens and works with the network off; a new
 * build replaces the old one whole; the web app manifest and its icons. The build is served from a
 * sub-path, as on a project page, by a server that can switch to another build.
 */
import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { parseAllDocuments } from 'yaml';
import { seriousViolationsInEachTheme } from './axe.ts';
import { download } from './download.ts';
import { replaceSpec } from './editor.ts';
import { expect, test } from './guard.ts';
import { serveStatic, type StaticServer } from './staticServer.ts';
import { cacheName, type Precache } from '../src/app/offline/precache.ts';
import { precacheOfBuild } from '../src/app/offline/serviceWorkerBuild.ts';

const PREFIX = '/tools/minicluster-studio/';
const BUILD_A = resolve('dist');
const TITLE_B = 'MiniCluster Studio (build B)';

let server: StaticServer;
let served = BUILD_A;
let buildB: string;

test.beforeAll(async () => {
  // A second build of the same source with a changed page title and a changed entry chunk.
  test.setTimeout(180_000);
  buildB = await mkdtemp(join(tmpdir(), 'mcs-build-b-'));
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: buildB, emptyOutDir: true, sourcemap: false },
    plugins: [
      {
        name: 'mcs-test-build-b',
        transformIndexHtml: (html) => html.replace('<title>MiniCluster Studio</title>', `<title>${TITLE_B}</title>`),
        transform: (code, id) => (id.endsWith('/src/app/main.tsx') ? `${code}\nwindow.mcsBuild = 'B';\n` : undefined),
      },
    ],
  });
  server = await serveStatic(() => served, PREFIX);
});

test.afterAll(async () => {
  server.close();
  await rm(buildB, { recursive: true, force: true });
});

test.beforeEach(() => {
  served = BUILD_A;
});

async function openApp(page: Page): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByText(/1 ConfigMap, 1 Service, 1 Job: \d+ pods/)).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
}

/** Waits until the service worker is active and answers this page's requests. */
async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** The paths (under the prefix) of the page and of every file the page has loaded since it was opened. */
async function loadedPaths(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)]);
  return urls.map((url) => new URL(url)).filter((url) => url.pathname.startsWith('/tools/')).map((url) => url.pathname.slice(PREFIX.length) || './');
}

test('after the first visit the app opens, generates and downloads with the network off', async ({ page, context }) => {
  // Every request of the page and of its service worker, which the context sees too.
  const requests: Array<{ url: string; byWorker: boolean }> = [];
  context.on('request', (request) => requests.push({ url: request.url(), byWorker: request.serviceWorker() !== null }));
  await openApp(page);
  await untilControlled(page);
  const kept = new Set((await precacheOfBuild(BUILD_A)).entries.map((entry) => new URL(entry.url, server.url).href));
  const byWorker = requests.filter((r) => r.byWorker).map((r) => r.url);
  expect(byWorker).toEqual(expect.arrayContaining([...kept]));
  // The worker fetched its own script and the build's files, each once, and nothing else.
  expect(byWorker.filter((url) => !kept.has(url))).toEqual([`${server.url}sw.js`]);
  expect(byWorker.length).toBe(kept.size + 1);
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });

  await replaceSpec(page, 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: offline\nspec:\n  size: 2\n  containers:\n    - image: ubuntu:noble\n      command: hostname\n');
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 2 pods')).toBeVisible({ timeout: 20_000 });
  const bundle = await download(page, 'Download bundle');
  expect(bundle.name).toBe('offline.yaml');
  const objects = parseAllDocuments(bundle.text).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
  expect(objects.map((o) => `${o.kind} ${o.metadata.name}`)).toEqual(['ConfigMap offline-entrypoint', 'Service offline', 'Job offline']);
  expect(requests.filter((r) => !r.url.startsWith(server.url) && !/^(data|blob):/.test(r.url))).toEqual([]);
});

test('a new build is fetched whole, offered, and then replaces the old one with none of its files left', async ({ page }) => {
  test.setTimeout(60_000);
  const [a, b] = await Promise.all([precacheOfBuild(BUILD_A), precacheOfBuild(buildB)]);
  const urlsOf = (precache: Precache) => new Set(precache.entries.map((entry) => entry.url));
  const [filesA, filesB] = [urlsOf(a), urlsOf(b)];
  // The two builds differ in a chunk that the page loads at once, not only in the page.
  const entryChunk = (files: Set<string>) => [...files].find((url) => /^assets\/index-[^/]+\.js$/.test(url));
  expect(entryChunk(filesA)).toBeDefined();
  expect(entryChunk(filesA)).not.toBe(entryChunk(filesB));
  const scope = server.url;

  await openApp(page);
  await untilControlled(page);
  expect(await page.evaluate(() => caches.keys())).toEqual([cacheName(scope, a.version)]);

  served = buildB;
  // The visit after the deployment: the page is still build A, whole, while B is fetched.
  await page.reload();
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible({ timeout: 45_000 });
  const notice = page.getByRole('status').filter({ hasText: 'A new version of MiniCluster Studio is ready.' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveTitle('MiniCluster Studio');
  expect(await seriousViolationsInEachTheme(page)).toEqual([]);
  for (const theme of ['light', 'dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await page.screenshot({ path: `test-results/screenshots/offline-update-${theme}.png` });
  }
  expect(await page.evaluate(() => (window as { mcsBuild?: string }).mcsBuild)).toBeUndefined();
  for (const path of await loadedPaths(page)) expect(filesA, `${path} is of build A`).toContain(path);
  expect((await page.evaluate(() => caches.keys())).sort()).toEqual([cacheName(scope, a.version), cacheName(scope, b.version)].sort());

  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(page).toHaveTitle(TITLE_B, { timeout: 30_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  expect(await page.evaluate(() => (window as { mcsBuild?: string }).mcsBuild)).toBe('B');
  for (const path of await loadedPaths(page)) expect(filesB, `${path} is of build B`).toContain(path);
  await expect(notice).toHaveCount(0);
  expect(await page.evaluate(() => caches.keys())).toEqual([cacheName(scope, b.version)]);
});

/** Width and height from a PNG's header. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the page links a web app manifest that makes it installable from its folder', async ({ page }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').evaluate((link) => (link as HTMLLinkElement).href);
  expect(href).toBe(`${server.url}manifest.webmanifest`);
  const response = await page.request.get(href);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    display: string;
    start_url: string;
    scope: string;
    theme_color: string;
    background_color: string;
    icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
  };
  expect(manifest).toMatchObject({ name: 'MiniCluster Studio', short_name: 'MiniCluster', display: 'standalone', start_url: './', scope: './' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  const sizes: string[] = [];
  for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
    const bytes = await page.request.get(new URL(icon.src, href).href);
    expect(bytes.ok(), icon.src).toBe(true);
    expect(pngSize(await bytes.body()), icon.src).toBe(icon.sizes);
    sizes.push(`${icon.sizes} ${icon.purpose ?? 'any'}`);
  }
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));

  // Chromium's own verdict, once the service worker is in place.
  await untilControlled(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: Array<{ errorId: string }> };
  // A test's browser context is an incognito one, where Chromium installs nothing whatever the page.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  const { url, errors } = (await cdp.send('Page.getAppManifest')) as { url: string; errors: Array<{ message: string }> };
  expect(url).toBe(href);
  expect(errors).toEqual([]);
});

test('a tab open since the first visit moves to the new build too when another tab switches', async ({ page, context }) => {
  test.setTimeout(60_000);
  await openApp(page);
  await untilControlled(page);
  // Each tab has its own spec, and keeps it through the reload (tabs share the autosave).
  await replaceSpec(page, FIRST_TAB_SPEC);
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 2 pods')).toBeVisible();
  served = buildB;
  const second = await context.newPage();
  await openApp(second);
  await replaceSpec(second, FIRST_TAB_SPEC.replace('first-tab', 'second-tab').replace('size: 2', 'size: 3'));
  await expect(second.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 3 pods')).toBeVisible();
  const notice = second.getByRole('status').filter({ hasText: 'A new version of MiniCluster Studio is ready.' });
  await notice.getByRole('button', { name: 'Reload' }).click({ timeout: 30_000 });
  await expect(second).toHaveTitle(TITLE_B, { timeout: 30_000 });
  // The first tab was taken over by build A's worker while it was open; it must not stay on A's page under B's worker.
  await expect(page).toHaveTitle(TITLE_B, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as { mcsBuild?: string }).mcsBuild)).toBe('B');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 2 pods')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('first-tab');
  await expect(second.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 3 pods')).toBeVisible({ timeout: 30_000 });
  await expect(second.locator('.monaco-editor .view-lines')).toContainText('second-tab');
});

const FIRST_TAB_SPEC = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: first-tab\nspec:\n  size: 2\n  containers:\n    - image: ubuntu:noble\n';
