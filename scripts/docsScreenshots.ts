/**
 * The README's screenshots (docs/screenshot-*.png), taken from the production build in Chromium,
 * so they show the app as it is: `npm run screenshots:docs` (builds first). CHROMIUM_PATH as for
 * the end-to-end tests.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { goToLineEnd } from '../e2e/editor.ts';
import { serveStatic } from '../e2e/staticServer.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = `${ROOT}docs/`;

type Scheme = 'light' | 'dark';

async function open(browser: Browser, url: string, scheme: Scheme, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.monaco-editor').waitFor({ timeout: 20_000 });
  await page.getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods').waitFor();
  return page;
}

/** The default example after one edit (size 4 → 6), so the cards show what changed. */
async function edited(page: Page): Promise<void> {
  await goToLineEnd(page, 'size: 4');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('6');
  await page.getByText('1 ConfigMap, 1 Service, 1 Job: 6 pods').waitFor();
  // Leave the editor so its caret and hover do not show.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
}

async function main(): Promise<void> {
  const server = await serveStatic(`${ROOT}dist`);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const shots: string[] = [];
  const save = async (page: Page, name: string) => {
    await page.screenshot({ path: `${DOCS}${name}` });
    shots.push(name);
  };
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(browser, server.url, scheme, 1440, 960);
      await edited(page);
      await save(page, `screenshot-${scheme}.png`);
      await page.context().close();
    }

    const form = await open(browser, server.url, 'light', 1440, 960);
    await form.getByRole('tab', { name: 'Form' }).click();
    await save(form, 'screenshot-form.png');
    await form.context().close();

    const narrow = await open(browser, server.url, 'light', 430, 900);
    await save(narrow, 'screenshot-narrow.png');
    await narrow.context().close();

    const commands = await open(browser, server.url, 'dark', 1440, 960);
    await commands.locator('details.mcs-output summary').click();
    await commands.getByRole('checkbox', { name: 'Run as a JobSet', exact: true }).check();
    await commands.getByRole('textbox', { name: 'Kueue queue', exact: true }).fill('team-a');
    await commands.getByText('1 ConfigMap, 1 JobSet: 4 pods').waitFor();
    await commands.locator('details.mcs-output summary').click();
    await commands.locator('details.mcs-commands summary').click();
    await commands.locator('details.mcs-commands').scrollIntoViewIfNeeded();
    await save(commands, 'screenshot-commands.png');
    await commands.context().close();

    const upgrade = await open(browser, server.url, 'light', 1280, 720);
    await upgrade.getByRole('combobox', { name: 'Load an example' }).selectOption('v1alpha1-volume');
    await upgrade.getByRole('button', { name: 'Upgrade to v1alpha2' }).click();
    await upgrade.getByRole('heading', { name: 'Upgraded to v1alpha2' }).waitFor();
    await save(upgrade, 'screenshot-v1alpha1-upgrade.png');
    await upgrade.context().close();
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(`wrote ${shots.map((name) => `docs/${name}`).join(', ')}\n`);
}

await main();
