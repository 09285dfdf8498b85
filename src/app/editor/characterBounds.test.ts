import { describe, expect, it } from 'vitest';
import { MAX_CHARACTER_BOUNDS, narrowRequest, narrowedRange, withCharacterBoundsLimit } from './characterBounds.ts';

/** An event shaped like Chromium's CharacterBoundsUpdateEvent: the range through prototype getters. */
class BoundsEvent extends Event {
  constructor(
    private readonly start: number,
    private readonly end: number,
  ) {
    super('characterboundsupdate');
  }
  get rangeStart(): number {
    return this.start;
  }
  get rangeEnd(): number {
    return this.end;
  }
}

describe('character bounds requests', () => {
  it('keeps a small range as it is', () => {
    expect(narrowedRange(10, 20)).toEqual({ start: 10, end: 20 });
    expect(narrowedRange(0, MAX_CHARACTER_BOUNDS)).toEqual({ start: 0, end: MAX_CHARACTER_BOUNDS });
  });

  it('narrows a large range to its last characters, where the caret is', () => {
    expect(narrowedRange(0, 800_000)).toEqual({ start: 800_000 - MAX_CHARACTER_BOUNDS, end: 800_000 });
    expect(narrowedRange(5, 1005, 100)).toEqual({ start: 905, end: 1005 });
  });

  it('changes the range that later listeners read from the event', () => {
    const target = new EventTarget();
    const seen: Array<[number, number]> = [];
    target.addEventListener('characterboundsupdate', (event) => narrowRequest(event, 100));
    target.addEventListener('characterboundsupdate', (event) => {
      const { rangeStart, rangeEnd } = event as BoundsEvent;
      seen.push([rangeStart, rangeEnd]);
    });
    target.dispatchEvent(new BoundsEvent(0, 800_000));
    target.dispatchEvent(new BoundsEvent(40, 60));
    expect(seen).toEqual([
      [800_000 - 100, 800_000],
      [40, 60],
    ]);
  });

  it('leaves an event without a range alone', () => {
    const event = new Event('characterboundsupdate');
    narrowRequest(event, 10);
    expect(Object.hasOwn(event, 'rangeStart')).toBe(false);
  });

  it('puts the narrowing first on an EditContext made while the editor is created, and only then', () => {
    class FakeEditContext extends EventTarget {}
    const original = FakeEditContext.prototype.addEventListener;
    const seen: number[] = [];
    const listen = (context: EventTarget) => context.addEventListener('characterboundsupdate', (event) => seen.push((event as BoundsEvent).rangeStart));
    const made = withCharacterBoundsLimit(() => {
      const context = new FakeEditContext();
      listen(context);
      return context;
    }, FakeEditContext.prototype);
    expect(FakeEditContext.prototype.addEventListener).toBe(original);
    made.dispatchEvent(new BoundsEvent(0, 800_000));
    expect(seen).toEqual([800_000 - MAX_CHARACTER_BOUNDS]);
    const later = new FakeEditContext();
    listen(later);
    later.dispatchEvent(new BoundsEvent(0, 800_000));
    expect(seen).toEqual([800_000 - MAX_CHARACTER_BOUNDS, 0]);
  });

  it('creates as usual without EditContext', () => {
    expect(withCharacterBoundsLimit(() => 7, undefined)).toBe(7);
  });
});
