/** The static build works when served from a sub-path, as on a project page. */
import { expect, test } from './guard.ts';
import { resolve } from 'node:path';
import { serveStatic, type StaticServer } from './staticServer.ts';

const PREFIX = '/tools/minicluster-studio/';
let server: StaticServer;

test.beforeAll(async () => {
  server = await serveStatic(resolve('dist'), PREFIX);
});

test.afterAll(() => {
  server.close();
});

test('the app runs from a sub-path with every asset and worker found', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(server.url);
  await expect(page.locator('#root').getByText('1 ConfigMap, 1 Service, 1 Job: 4 pods')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('code.mcs-cert__key')).toHaveText(/^.{40}$/);
  expect(failed).toEqual([]);
});
