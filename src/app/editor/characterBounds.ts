/**
 * Chromium's EditContext asks the page for the screen box of each character of a composition
 * (`characterboundsupdate`), so that an input method can place its window beside the text. Monaco
 * answers character by character, each with a position conversion and a layout query; for a large
 * text composed at once (a paste through an input method or clipboard history, dictation) that held
 * the tab for seconds per 100 KB. An input method only needs the boxes near the caret, which is at
 * the end of the composed range, so a larger request is narrowed to its last characters before
 * Monaco's own listener reads it.
 */

/** Boxes the editor works out for one request at most (a few lines of text). */
export const MAX_CHARACTER_BOUNDS = 512;

/** The part of a requested range that is answered: its last `max` characters. */
export function narrowedRange(start: number, end: number, max = MAX_CHARACTER_BOUNDS): { start: number; end: number } {
  return end - start > max ? { start: end - max, end } : { start, end };
}

/** The request event: its range is read by Monaco through these two properties. */
interface CharacterBoundsRequest extends Event {
  readonly rangeStart: number;
  readonly rangeEnd: number;
}

/**
 * Narrows a request in place: the event's `rangeStart` becomes an own property, which the
 * listeners after this one read instead of the browser's getter. Exported for the unit test.
 */
export function narrowRequest(event: Event, max = MAX_CHARACTER_BOUNDS): void {
  const { rangeStart, rangeEnd } = event as CharacterBoundsRequest;
  if (typeof rangeStart !== 'number' || typeof rangeEnd !== 'number') return;
  const narrowed = narrowedRange(rangeStart, rangeEnd, max);
  if (narrowed.start !== rangeStart) Object.defineProperty(event, 'rangeStart', { value: narrowed.start });
}

type AddListener = EventTarget['addEventListener'];

/**
 * Runs `create` (which makes the editor) so that every EditContext it listens to has the narrowing
 * listener first. Events on an EditContext reach its listeners in the order they were added, and
 * Monaco adds its own as it makes the EditContext; so for the time of `create`, the first listener
 * added for the event to an EditContext is preceded by ours. `prototype` is the EditContext's
 * (none where the browser has no EditContext).
 */
export function withCharacterBoundsLimit<T>(create: () => T, prototype: { addEventListener: AddListener } | undefined = editContextPrototype()): T {
  if (!prototype) return create();
  const original = prototype.addEventListener;
  const limited = new WeakSet<object>();
  const narrow = (event: Event) => narrowRequest(event);
  prototype.addEventListener = function addEventListener(this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (type === 'characterboundsupdate' && !limited.has(this)) {
      limited.add(this);
      original.call(this, type, narrow);
    }
    original.call(this, type, listener, options);
  };
  try {
    return create();
  } finally {
    prototype.addEventListener = original;
  }
}

function editContextPrototype(): { addEventListener: AddListener } | undefined {
  const constructor = (globalThis as { EditContext?: { prototype: { addEventListener: AddListener } } }).EditContext;
  return constructor?.prototype;
}
