/**
 * The time the first generated object was painted, as the browser benchmarks measure it. The app's object cards and the objects written
 * into index.html at build time carry `elementtiming="mcs-object"`, so Chromium's Element Timing
 * gives the paint of the first one, measured the same way as the floor: a static page showing the
 * same text with the same attribute.
 */
import type { Page } from '@playwright/test';


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
