/**
 * The page's first screen (src/app/firstScreen/): the default example's objects written into
 * index.html, shown to a new visitor before any script has run, never to anyone who will open
 * another spec, and replaced by the app without anything moving.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test, type Guard } from './guard.ts';
import lzString from 'lz-string';
import { PREFS_KEY, SPEC_KEY } from '../src/app/state/storage.ts';
import { PLACEHOLDER_KEY } from '../src/app/firstScreen/firstScreenHtml.ts';

const DEFAULT_SPEC = readFileSync('src/app/presets/hello-world.yaml', 'utf8');
const OTHER_SPEC = readFileSync('src/app/presets/mpi-benchmark.yaml', 'utf8');

/** Keeps the app's scripts from loading: what is left is the page as it arrives (the browser reports each refused script). */
async function withoutScripts(page: Page, guard: Guard): Promise<void> {
  guard.allowProblem(/Failed to load resource: net::ERR_FAILED/);
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
}

/**
 * Records, at each of the first frames the page renders (from before its HTML is parsed), whether
 * the first screen was in the page and not hidden: a frame the browser could have painted it in.
 */
function recordFirstScreenFrames(): void {
  const seen: boolean[] = [];
  (window as unknown as { __firstScreenFrames: boolean[] }).__firstScreenFrames = seen;
  const frame = () => {
    const screen = document.getElementById('mcs-first-screen');
    seen.push(screen !== null && screen.offsetParent !== null);
    if (seen.length < 30) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const framesWithFirstScreen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __firstScreenFrames: boolean[] }).__firstScreenFrames.filter(Boolean).length);

/** Stores `entries` in localStorage before the page's own scripts run (once: a reload keeps the page's). */
async function store(page: Page, entries: Record<string, unknown>): Promise<void> {
  await page.addInitScript((stored) => {
    if (sessionStorage.getItem('mcs-test-stored')) return;
    sessionStorage.setItem('mcs-test-stored', '1');
    for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, JSON.stringify(value));
  }, entries);
}

test('a new visitor sees the example’s objects before any script has run, with the keys marked as placeholders', async ({ page, guard }) => {
  await page.setViewportSize({ width: 1440, height: 960 });
  await withoutScripts(page, guard);
  await page.goto('./');
  const screen = page.locator('#mcs-first-screen');
  await expect(screen).toBeVisible();
  await expect(page.locator('#root')).toHaveAttribute('hidden');
  await expect(screen.locator('.mcs-card-title')).toHaveText(['ConfigMap flux-sample-entrypoint', 'Service flux-sample', 'Job flux-sample']);
  await expect(screen.locator('.mcs-summary')).toHaveText('1 ConfigMap, 1 Service, 1 Job: 4 pods');
  // The card holding the certificate says so, and its keys say what they are.
  await expect(screen.locator('.mcs-card').first().locator('[data-kind="placeholder"]')).toHaveText('Placeholder keys');
  await expect(screen.locator('.mcs-changes-text')).toContainText('placeholders');
  // The spec shown is the example's, to the character (the inline script compares autosaves with it).
  expect(await screen.locator('[data-spec]').textContent()).toBe(DEFAULT_SPEC);
  // Inert: nothing in it takes the focus.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#mcs-first-screen') ?? null)).toBeNull();
  await page.screenshot({ path: 'test-results/screenshots/first-screen-light-1440.png' });
});

test('the placeholder stands where the keys will be, and the app’s first output brings the real keys', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Copy ConfigMap flux-sample-entrypoint', exact: true })).toBeVisible();
  await expect(page.locator('#mcs-first-screen')).toHaveCount(0);
  await expect(page.locator('#root')).toBeVisible();
  await page.getByRole('button', { name: /^Show all \d+ lines of ConfigMap flux-sample-entrypoint$/ }).click();
  const code = page.getByRole('group', { name: 'YAML of ConfigMap flux-sample-entrypoint' });
  await expect(code).toContainText('public-key = "');
  await expect(code).not.toContainText(PLACEHOLDER_KEY);
  expect(await page.content()).not.toContain(PLACEHOLDER_KEY);
});

for (const [what, prepare] of [
  ['a returning user with another spec saved', (page: Page) => store(page, { [SPEC_KEY]: { text: OTHER_SPEC, savedAt: 1 } })],
  ['a share link', (page: Page) => page.goto(`./#spec=${lzString.compressToEncodedURIComponent(OTHER_SPEC)}`).then(() => undefined)],
  ['a saved spec with output options', (page: Page) => store(page, { [SPEC_KEY]: { text: DEFAULT_SPEC, savedAt: 1, output: { queue: 'team-a' } } })],
  ['another default namespace', (page: Page) => store(page, { [PREFS_KEY]: { defaultNamespace: 'hpc' } })],
] as const) {
  test(`${what} never sees the example’s objects, not for one frame`, async ({ page, guard }) => {
    await page.addInitScript(recordFirstScreenFrames);
    await withoutScripts(page, guard);
    if (what !== 'a share link') {
      await prepare(page);
      await page.goto('./');
    } else {
      await prepare(page);
    }
    await page.waitForFunction(() => (window as unknown as { __firstScreenFrames: boolean[] }).__firstScreenFrames.length >= 5);
    expect(await framesWithFirstScreen(page)).toBe(0);
    await expect(page.locator('#mcs-first-screen')).toHaveCount(0);
    // The app's root is not held hidden (empty here, with its scripts kept out).
    await expect(page.locator('#root')).not.toHaveAttribute('hidden');
  });
}

test('a returning user whose saved spec is the example, in the dark, gets the first screen in the dark (phone width)', async ({ page, guard }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(recordFirstScreenFrames);
  await store(page, { [SPEC_KEY]: { text: DEFAULT_SPEC, savedAt: 1 }, [PREFS_KEY]: { theme: 'dark' } });
  await withoutScripts(page, guard);
  await page.goto('./');
  await expect(page.locator('#mcs-first-screen')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  expect(await framesWithFirstScreen(page)).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screenshots/first-screen-dark-390.png' });
});

for (const width of [1440, 1024]) {
  test(`at ${width} px the objects do not move when the app takes over`, async ({ page, guard }) => {
    await page.setViewportSize({ width, height: 900 });
    await withoutScripts(page, guard);
    await page.goto('./');
    const before = await page.locator('#mcs-first-screen .mcs-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON()));
    await page.unrouteAll();
    await page.reload();
    await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    const after = await page.locator('#root .mcs-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON()));
    expect(after).toEqual(before);
  });
}

test('axe finds nothing serious on the first screen, in light and dark', async ({ page, guard }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await withoutScripts(page, guard);
    await page.goto('./');
    await expect(page.locator('#mcs-first-screen')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${scheme}: ${v.id} ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
  }
});

test('a page whose inline script does not run (a host that rewrote it) never shows the first screen, and the app works', async ({ page, guard }) => {
  guard.allowProblem(/violates the following Content Security Policy directive/);
  guard.allowProblem(/securitypolicyviolation: script-src-elem blocked inline/);
  await page.addInitScript(recordFirstScreenFrames);
  // The script's text changed: its hash no longer matches the page's policy, which blocks it.
  await page.route(/\/$|index\.html$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<script>(function', '<script>/* rewritten */(function');
    await route.fulfill({ response, body: html });
  });
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Copy Job flux-sample', exact: true })).toBeVisible({ timeout: 20_000 });
  expect(await framesWithFirstScreen(page)).toBe(0);
});

test('an app that cannot make its keypair still shows itself, without the first screen standing in for it', async ({ page, guard }) => {
  guard.allowProblem(/Failed to load resource/);
  // The keypair's load rejects with no message of its own.
  guard.allowProblem(/^uncaught: /);
  await page.route(/libsodium-wrappers-[^/]*\.js$/, (route) => route.abort());
  await page.goto('./');
  await expect(page.locator('#root')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#mcs-first-screen')).toHaveCount(0);
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
});
