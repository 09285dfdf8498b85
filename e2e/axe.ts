/** The accessibility check the e2e tests share: axe in the light and the dark theme, outside the editor. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Serious and critical axe violations of the page as it is now, in each theme (chosen with the
 * Theme menu), one line each: `theme: rule: help (count) first node`. Monaco is left out: its
 * markup is not ours.
 */
export async function seriousViolationsInEachTheme(page: Page): Promise<string[]> {
  const lines: string[] = [];
  for (const theme of ['light', 'dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    lines.push(...bad.map((v) => `${theme}: ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.html ?? ''}`));
  }
  return lines;
}
