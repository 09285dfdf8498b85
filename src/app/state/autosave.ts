/**
 * Saving the spec between visits, debounced while typing. The spec is stored without its
 * certificate, like a share link (stripSecrets.ts); reading and preferences are in storage.ts.
 */
import { SPEC_KEY, browserStorage, clearSaved, loadSaved, writeJson, type SavedSpec, type StorageLike } from './storage.ts';
import { stripSecrets } from './stripSecrets.ts';

export * from './storage.ts';

export type SaveResult =
  | { ok: true; removed: boolean }
  /** `refused`: the spec could not be stored without its secret; `failed`: storage said no. */
  | { ok: false; problem: 'refused' | 'failed' | 'unavailable'; reason: string };

export function save(text: string, storage: StorageLike | undefined = browserStorage(), now: number = Date.now()): SaveResult {
  if (!storage) return { ok: false, problem: 'unavailable', reason: 'This browser offers no storage to this page.' };
  const stripped = stripSecrets(text);
  if (!stripped.ok) {
    dropOlderSave(storage, undefined);
    return { ok: false, problem: 'refused', reason: stripped.reason };
  }
  const failure = writeJson(storage, SPEC_KEY, { text: stripped.text, savedAt: now } satisfies SavedSpec);
  if (!failure) return { ok: true, removed: stripped.removed };
  dropOlderSave(storage, stripped.text);
  return { ok: false, problem: 'failed', reason: failure };
}

/**
 * After a save that did not happen, the stored spec is older than the editor's: left in place it
 * would open on the next visit as if it were the latest, silently losing the newer work. So it
 * goes (the page says that the spec is not saved and how to keep it), unless it already holds
 * `text` (`undefined`: nothing storable). Removing works even when the quota is full.
 */
function dropOlderSave(storage: StorageLike, text: string | undefined): void {
  if (text === undefined || loadSaved(storage)?.text !== text) clearSaved(storage);
}

/** What to tell the user when a save did not happen (undefined when it did): why, and how to keep the spec. */
export function unsavedMessage(result: SaveResult): string | undefined {
  if (result.ok) return undefined;
  // A link leaves the certificate out the same way, so it refuses whatever the save refused.
  const keep = result.problem === 'refused' ? 'Download spec' : 'Download spec or Copy link';
  return `Your spec could not be saved in this browser: ${result.reason} It stays in the editor while this page is open; to keep it, use ${keep}.`;
}

export interface Autosaver {
  /** Save `text` once `delayMs` pass without another call (typing restarts the wait). */
  schedule(text: string): void;
  /** Save the pending text now (for `pagehide`); undefined when nothing was pending. */
  flush(): SaveResult | undefined;
  /** Drop the pending text without saving. */
  cancel(): void;
}

/**
 * A debounced `save`, so that each keystroke does not serialise the spec. `onResult` hears every
 * save's outcome, e.g. to say that storage is unavailable or that the certificate was left out.
 */
export function createAutosaver(
  delayMs: number,
  storage: StorageLike | undefined = browserStorage(),
  onResult?: (result: SaveResult) => void,
): Autosaver {
  let pending: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const flush = (): SaveResult | undefined => {
    stop();
    if (pending === undefined) return undefined;
    const text = pending;
    pending = undefined;
    const result = save(text, storage);
    onResult?.(result);
    return result;
  };
  return {
    schedule(text) {
      pending = text;
      stop();
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel() {
      stop();
      pending = undefined;
    },
  };
}

