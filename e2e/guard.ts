/**
 * The `test` every end-to-end test uses: it fails a test when any page it opened (in its own context
 * or in one it made with `browser.newContext`) throws an uncaught error, logs a console error (React
 * reports its errors there), or breaks the Content-Security-Policy. A test that provokes one on
 * purpose says so with `allowProblem`.
 */
import { expect, test as base, type BrowserContext } from '@playwright/test';

/** Runs in every page before its scripts: policy violations become console errors we can see. */
function reportPolicyViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
  });
}

export interface Guard {
  /** Accepts problems that match (each must then occur at least once). */
  allowProblem(pattern: RegExp): void;
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context, browser }, use) => {
      const problems: string[] = [];
      const allowed: RegExp[] = [];
      const watch = async (watched: BrowserContext) => {
        await watched.addInitScript(reportPolicyViolations);
        watched.on('weberror', (error) => problems.push(`uncaught: ${error.error().stack ?? error.error().message}`));
        watched.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
        });
      };
      await watch(context);
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const made = await newContext.apply(browser, args);
        await watch(made);
        return made;
      };
      await use({ allowProblem: (pattern) => allowed.push(pattern) });
      browser.newContext = newContext;
      for (const pattern of allowed) expect(problems.some((p) => pattern.test(p)), `an allowed problem ${pattern} did not occur`).toBe(true);
      expect(problems.filter((p) => !allowed.some((pattern) => pattern.test(p)))).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
