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
