/**
 * Hands the generator's answers to the app. The first answer can come before React has mounted
 * the app (the worker starts first, see startServices.ts); the newest one is kept until a
 * listener comes.
 */
export interface ResultInbox<T> {
  /** Passes `result` to the listener, or keeps it (replacing an older one) until there is one. */
  deliver(result: T): void;
  /** Sets the listener; a kept result follows in a microtask. Returns a function that removes it. */
  listen(listener: (result: T) => void): () => void;
}

export function createResultInbox<T>(): ResultInbox<T> {
  let listener: ((result: T) => void) | undefined;
  let kept: { result: T } | undefined;
  const inbox: ResultInbox<T> = {
    deliver(result) {
      if (!listener) {
        kept = { result };
        return;
      }
      // A kept result still on its way is older than this one.
      kept = undefined;
      listener(result);
    },
    listen(next) {
      listener = next;
      // Not from inside the effect that listens: React cannot commit synchronously there.
      if (kept) {
        queueMicrotask(() => {
          const waiting = kept;
          kept = undefined;
          if (waiting) inbox.deliver(waiting.result);
        });
      }
      return () => {
        if (listener === next) listener = undefined;
      };
    },
  };
  return inbox;
}
