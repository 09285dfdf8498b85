import { describe, expect, it } from 'vitest';
import { startEarlyWorker } from './earlyWorker.ts';

/** A stand-in for a Worker: an event target with an `onerror` property, as the client uses it. */
function fakeWorker() {
  const target = new EventTarget() as EventTarget & { onerror: ((event: ErrorEvent) => void) | null };
  target.onerror = null;
  return target as unknown as Worker & { onerror: ((event: ErrorEvent) => void) | null };
}

describe('a worker started before its listener', () => {
  it('reports an error from before it was taken to the first onerror set on it, once', async () => {
    const worker = fakeWorker();
    const early = startEarlyWorker(worker);
    const failed = new Event('error');
    worker.dispatchEvent(failed);
    worker.dispatchEvent(new Event('error'));
    const seen: Event[] = [];
    const taken = early.take();
    taken.onerror = (event) => seen.push(event);
    await Promise.resolve();
    expect(seen).toEqual([failed]);
  });

  it('reports nothing when there was no error', async () => {
    const worker = fakeWorker();
    const early = startEarlyWorker(worker);
    const seen: unknown[] = [];
    early.take().onerror = (event) => seen.push(event);
    await Promise.resolve();
    expect(seen).toEqual([]);
  });
});
