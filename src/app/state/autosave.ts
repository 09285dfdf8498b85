/**
 * The spec and UI preferences, kept in localStorage between visits.
 *
 * Storage is best effort: private modes, disabled cookies, sandboxed frames and full quotas make
 * localStorage throw (even reading the `localStorage` global can), and none of that may break
 * editing. Every function here swallows those errors and reports them only through its result.
 * The spec is stored without its certificate, like a share link (stripSecrets.ts).
 */
import { ALL_INCLUDES } from '../../core/generate/include.ts';
import { stripSecrets } from './stripSecrets.ts';

/** Versioned so that a later format can ignore (or migrate) what this one wrote. */
export const SPEC_KEY = 'minicluster-studio:v1:spec';
export const PREFS_KEY = 'minicluster-studio:v1:prefs';

/** The part of `Storage` used here, so that tests can pass a Map-backed fake. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SavedSpec {
  text: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export type SaveResult =
  | { ok: true; removed: boolean }
  /** `refused`: the spec could not be stored without its secret; `failed`: storage said no. */
  | { ok: false; problem: 'refused' | 'failed' | 'unavailable'; reason: string };

/** localStorage, or undefined where touching it throws or it does not exist (Node, sandboxes). */
export function browserStorage(): StorageLike | undefined {
  try {
    const storage = globalThis.localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

function readJson(storage: StorageLike | undefined, key: string): unknown {
  if (!storage) return undefined;
  try {
    const raw = storage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

function writeJson(storage: StorageLike, key: string, value: unknown): string | undefined {
  try {
    storage.setItem(key, JSON.stringify(value));
    return undefined;
  } catch (error) {
    return error instanceof Error && error.name === 'QuotaExceededError'
      ? 'The browser storage for this page is full.'
      : 'The browser does not let this page store data (private mode or blocked storage?).';
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function loadSaved(storage: StorageLike | undefined = browserStorage()): SavedSpec | undefined {
  const saved = asRecord(readJson(storage, SPEC_KEY));
  if (!saved) return undefined;
  const { text, savedAt } = saved;
  if (typeof text !== 'string' || typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return undefined;
  return { text, savedAt };
}

export function save(text: string, storage: StorageLike | undefined = browserStorage(), now: number = Date.now()): SaveResult {
  if (!storage) return { ok: false, problem: 'unavailable', reason: 'This browser offers no storage to this page.' };
  const stripped = stripSecrets(text);
  // The previous save stays: it is older but holds no secret.
  if (!stripped.ok) return { ok: false, problem: 'refused', reason: stripped.reason };
  const failure = writeJson(storage, SPEC_KEY, { text: stripped.text, savedAt: now } satisfies SavedSpec);
  return failure ? { ok: false, problem: 'failed', reason: failure } : { ok: true, removed: stripped.removed };
}

export function clearSaved(storage: StorageLike | undefined = browserStorage()): void {
  try {
    storage?.removeItem(SPEC_KEY);
  } catch {
    // Nothing stored, or nothing storable: either way nothing to clear.
  }
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

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export interface Prefs {
  theme: ThemeChoice;
  /** Include letters of the objects shown (`c`, `s`, `j`, `p`, `v`), as `fluxoperator-gen -i`. */
  include: string;
  /** Namespace for specs without `metadata.namespace`. */
  defaultNamespace: string;
}

export const DEFAULT_PREFS: Readonly<Prefs> = { theme: 'system', include: ALL_INCLUDES, defaultNamespace: 'default' };

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Only known letters, each once, in the canonical order. */
function cleanInclude(value: string): string {
  return [...ALL_INCLUDES].filter((letter) => value.includes(letter)).join('');
}

/** The stored preferences; each missing or unreadable field falls back to its default on its own. */
export function loadPrefs(storage: StorageLike | undefined = browserStorage()): Prefs {
  const stored = asRecord(readJson(storage, PREFS_KEY)) ?? {};
  const { theme, include, defaultNamespace } = stored;
  return {
    theme: THEME_CHOICES.includes(theme as ThemeChoice) ? (theme as ThemeChoice) : DEFAULT_PREFS.theme,
    include: typeof include === 'string' ? cleanInclude(include) : DEFAULT_PREFS.include,
    defaultNamespace:
      typeof defaultNamespace === 'string' && defaultNamespace.length <= 63 && NAMESPACE.test(defaultNamespace)
        ? defaultNamespace
        : DEFAULT_PREFS.defaultNamespace,
  };
}

/** Stores `prefs`, merged over what is stored; true when the browser kept them. */
export function savePrefs(prefs: Partial<Prefs>, storage: StorageLike | undefined = browserStorage()): boolean {
  if (!storage) return false;
  return writeJson(storage, PREFS_KEY, { ...loadPrefs(storage), ...prefs }) === undefined;
}
