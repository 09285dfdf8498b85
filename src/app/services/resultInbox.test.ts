import { describe, expect, it } from 'vitest';
import { createResultInbox } from './resultInbox.ts';

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('the result inbox', () => {
  it('passes results straight to a listener', () => {
    const inbox = createResultInbox<number>();
    const heard: number[] = [];
    inbox.listen((n) => heard.push(n));
    inbox.deliver(1);
    inbox.deliver(2);
    expect(heard).toEqual([1, 2]);
  });

  it('keeps the newest result from before the listener and passes it on after a microtask', async () => {
    const inbox = createResultInbox<number>();
    inbox.deliver(1);
    inbox.deliver(2);
    const heard: number[] = [];
    inbox.listen((n) => heard.push(n));
    expect(heard).toEqual([]);
    await tick();
    expect(heard).toEqual([2]);
  });

  it('drops a kept result once a newer one reached the listener', async () => {
    const inbox = createResultInbox<number>();
    inbox.deliver(1);
    const heard: number[] = [];
    inbox.listen((n) => heard.push(n));
    inbox.deliver(2);
    await tick();
    expect(heard).toEqual([2]);
  });

  it('keeps results while nobody listens, and gives a kept one to the listener that comes next', async () => {
    const inbox = createResultInbox<number>();
    const first: number[] = [];
    const stop = inbox.listen((n) => first.push(n));
    stop();
    inbox.deliver(1);
    const second: number[] = [];
    // As React's strict mode does: listen, stop, listen again before the microtask runs.
    inbox.listen((n) => second.push(n))();
    inbox.listen((n) => second.push(n * 10));
    await tick();
    expect(first).toEqual([]);
    expect(second).toEqual([10]);
  });
});
