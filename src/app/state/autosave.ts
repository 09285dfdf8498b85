/**
 * Saving the spec between visits, debounced while typing. The spec is stored without its
 * certificate, like a share link (stripSecrets.ts), with the output options that are on and
 * valid; reading and preferences are in storage.ts.
 */
import { isDefaultOutput, type OutputOptions } from '../../core/page.ts';
import { sameOptions, usableOptions } from '../output/outputOptions.ts';
import { SPEC_KEY, browserStorage, clearSaved, loadSaved, writeJson, type SavedSpec, type StorageLike } from './storage.ts';
import { stripSecrets } from './stripSecrets.ts';

export * from './storage.ts';

export type SaveResult =
  | { ok: true; removed: boolean }
  /** `refused`: the spec could not be stored without its secret; `failed`: storage said no. */
  | { ok: false; problem: 'refused' | 'failed' | 'unavailable'; reason: string };

/** What is saved: the spec's text, and the output options (a value that is not valid is left out). */
export interface SpecToSave {
  text: string;
  output?: OutputOptions | undefined;
}

export function save(spec: string | SpecToSave, storage: StorageLike | undefined = browserStorage(), now: number = Date.now()): SaveResult {
  const { text, output } = typeof spec === 'string' ? { text: spec, output: undefined } : spec;
  if (!storage) return { ok: false, problem: 'unavailable', reason: 'This browser offers no storage to this page.' };
  const stripped = stripSecrets(text);
  if (!stripped.ok) {
    dropOlderSave(storage, undefined);
    return { ok: false, problem: 'refused', reason: stripped.reason };
  }
  const options = usableOptions(output ?? {}).options;
  const saved: SavedSpec = isDefaultOutput(options) ? { text: stripped.text, savedAt: now } : { text: stripped.text, savedAt: now, output: options };
  const failure = writeJson(storage, SPEC_KEY, saved);
  if (!failure) return { ok: true, removed: stripped.removed };
  dropOlderSave(storage, saved);
  return { ok: false, problem: 'failed', reason: failure };
}

/**
 * After a save that did not happen, the stored spec is older than the editor's: left in place it
 * would open on the next visit as if it were the latest, silently losing the newer work. So it
 * goes (the page says that the spec is not saved and how to keep it), unless it already holds
 * the same text and options (`undefined`: nothing storable). Removing works even when the quota
 * is full.
 */
function dropOlderSave(storage: StorageLike, wanted: SavedSpec | undefined): void {
  const stored = loadSaved(storage);
  if (wanted === undefined || stored?.text !== wanted.text || !sameOptions(stored.output, wanted.output)) clearSaved(storage);
}

/** What to tell the user when a save did not happen (undefined when it did): why, and how to keep the spec. */
export function unsavedMessage(result: SaveResult): string | undefined {
  if (result.ok) return undefined;
  // A link leaves the certificate out the same way, so it refuses whatever the save refused.
  const keep = result.problem === 'refused' ? 'Download spec' : 'Download spec or Copy link';
  return `Your spec could not be saved in this browser: ${result.reason} It stays in the editor while this page is open; to keep it, use ${keep}.`;
}

export interface Autosaver {
  /** Save `spec` once `delayMs` pass without another call (typing restarts the wait). */
  schedule(spec: string | SpecToSave): void;
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
  thisTab?: StorageLike,
): Autosaver {
  let pending: string | SpecToSave | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const flush = (): SaveResult | undefined => {
    stop();
    if (pending === undefined) return undefined;
    const spec = pending;
    pending = undefined;
    const result = save(spec, storage);
    // This tab's copy (see tabStorage); what the user hears about is the shared save.
    if (thisTab) save(spec, thisTab);
    onResult?.(result);
    return result;
  };
  return {
    schedule(spec) {
      pending = spec;
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

