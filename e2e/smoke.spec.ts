/** The app shell runs the core in a real browser: the default spec turns into objects. */
import { expect, test } from '@playwright/test';

test('the default spec renders its objects, and an edit updates them', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('./');
  const output = page.getByRole('region', { name: 'Generated objects' });
  await expect(output).toContainText('kind: Job');
  await expect(output).toContainText('kind: ConfigMap');
  await expect(output).toContainText('public-key = "');
  await expect(output).toContainText('completions: 4');

  const editor = page.getByLabel('MiniCluster spec (YAML)');
  await editor.fill((await editor.inputValue()).replace('size: 4', 'size: 6'));
  await expect(output).toContainText('completions: 6');

  await editor.fill((await editor.inputValue()).replace('size: 6', 'size: 0'));
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('spec.size');
  await expect(page.getByRole('status')).toContainText('Out of date');
  await expect(output).toContainText('completions: 6');

  await page.screenshot({ path: 'test-results/app-shell.png', fullPage: true });
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
});
