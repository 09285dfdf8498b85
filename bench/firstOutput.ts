/**
 * What the browser benchmarks share about the first output: Chromium's flags, the median, and the
 * time the first generated object was painted. The app's object cards and the objects written
 * into index.html at build time carry `elementtiming="mcs-object"`, so Chromium's Element Timing
 * gives the paint of the first one, measured the same way as the floor: a static page showing the
 * same text with the same attribute.
 */
import type { Page } from '@playwright/test';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
export const median = (values: number[]): number => percentile(values, 50);

/** Milliseconds after navigation at which the first `elementtiming="mcs-object"` element was painted. */
export async function firstObjectPainted(page: Page, timeout = 30_000): Promise<number> {
  return page.evaluate(
    (limit) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no object painted')), limit);
        new PerformanceObserver((list, observer) => {
          const times = list
            .getEntries()
            .filter((e) => (e as PerformanceEntry & { identifier?: string }).identifier === 'mcs-object')
            .map((e) => (e as PerformanceEntry & { renderTime: number }).renderTime || e.startTime);
          if (!times.length) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(Math.min(...times));
        }).observe({ type: 'element', buffered: true });
      }),
    timeout,
  );
}
