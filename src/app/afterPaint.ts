/**
 * Runs `run` once the frame that shows the current DOM has been painted. A commit is not yet on
 * screen; a task queued from the next animation frame runs after that frame's paint. Returns a
 * function that cancels the call if it has not run yet.
 */
export function afterNextPaint(run: () => void): () => void {
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) run();
  };
  const frame = requestAnimationFrame(() => channel.port2.postMessage(undefined));
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    channel.port1.close();
  };
}

/**
 * Runs `run` once the page's first contents are on screen: the browser reports that paint (First
 * Contentful Paint) when the frame has been presented, which can be well after the main thread
 * drew it when other threads hold the CPU. A page that is not visible paints nothing, and a
 * browser may not report the paint: `run` then runs at once, or after `atMostMs`.
 */
export function afterFirstContentfulPaint(run: () => void, atMostMs: number): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    run();
  };
  const timer = setTimeout(once, atMostMs);
  let observer: PerformanceObserver | undefined;
  if (document.visibilityState !== 'visible' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    once();
    return;
  }
  observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) once();
  });
  observer.observe({ type: 'paint', buffered: true });
}
