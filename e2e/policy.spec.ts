/**
 * The page promises that nothing leaves it, and its Content-Security-Policy makes the browser hold
 * it to that. (Every other test fails on any policy violation: see guard.ts.)
 */
import { expect, test } from './guard.ts';

test('the built page carries the policy, and a fetch to another origin is refused by it', async ({ page, guard }) => {
  // Our listener's report and Chromium's own two console messages about the blocked fetch.
  guard.allowProblem(/securitypolicyviolation: connect-src blocked http:\/\/127\.0\.0\.2:9\/elsewhere/);
  guard.allowProblem(/Connecting to 'http:\/\/127\.0\.0\.2:9\/elsewhere' violates the following Content Security Policy directive/);
  guard.allowProblem(/Fetch API cannot load http:\/\/127\.0\.0\.2:9\/elsewhere/);
  await page.goto('./');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("connect-src 'self'");
  // The service worker and the web app manifest come from the page's own folder only.
  expect(policy).toContain("worker-src 'self'");
  expect(policy).toContain("manifest-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).not.toContain("'unsafe-eval'");

  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true }),
    );
    try {
      await fetch('http://127.0.0.2:9/elsewhere');
      return { fetched: true, directive: '' };
    } catch {
      return { fetched: false, directive: await violation };
    }
  });
  expect(outcome).toEqual({ fetched: false, directive: 'connect-src' });
});
