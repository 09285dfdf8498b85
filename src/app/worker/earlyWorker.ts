/**
 * A worker started before the code that listens to it has loaded (main.tsx starts the generator
 * worker, the app's start attaches to it later): an error it reports meanwhile, such as its script
 * failing to load, is kept and reported again to the first `onerror` set on it.
 */
export interface EarlyWorker {
  worker: Worker;
  /** Hands the worker over: its first `onerror` gets the error it reported before, if any. */
  take(): Worker;
}

export function startEarlyWorker(worker: Worker): EarlyWorker {
  let early: Event | undefined;
  const keep = (event: Event) => {
    early ??= event;
  };
  worker.addEventListener('error', keep);
  return {
    worker,
    take() {
      worker.removeEventListener('error', keep);
      const kept = early;
      if (kept) {
        // The taker sets its handler right after taking the worker.
        queueMicrotask(() => worker.onerror?.(kept as ErrorEvent));
      }
      return worker;
    },
  };
}
