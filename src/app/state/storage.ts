/**
 * What the app keeps in localStorage between visits (the spec and UI preferences), read side.
 *
 * Storage is best effort: private modes, disabled cookies, sandboxed frames and full quotas make
 * localStorage throw (even reading the `localStorage` global can), and none of that may break
 * editing. Every function here swallows those errors and reports them only through its result.
 * Saving the spec is in autosave.ts (it needs the YAML library to leave the certificate out);
 * this part is small enough for the page's first script.
 */
import { ALL_INCLUDES, asRecord, isDefaultOutput, type OutputOptions } from '../../core/page.ts';
import { readStoredOptions } from '../output/outputOptions.ts';

/** Versioned so that a later format can ignore (or migrate) what this one wrote. */
export const SPEC_KEY = 'minicluster-studio:v1:spec';
export const PREFS_KEY = 'minicluster-studio:v1:prefs';

/** The part of `Storage` used here, so that tests can pass a Map-backed fake. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SavedSpec {
  text: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /**
   * The Output panel's options saved with the spec; absent when all are off (and in saves made
   * before there were options). Only valid values are stored, and only valid ones are read back.
   */
  output?: OutputOptions;
}

/** localStorage, or undefined where touching it throws or it does not exist (Node, sandboxes). */
export function browserStorage(): StorageLike | undefined {
  try {
    const storage = globalThis.localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

const TAB_KEY = 'minicluster-studio:v1:tab';

/**
 * A name for this tab that stays across its reloads (sessionStorage is per tab); a fresh one for
 * each page where sessionStorage cannot be used.
 */
export function tabIdentity(): string {
  const fresh = () => Math.random().toString(36).slice(2, 10);
  try {
    const session = globalThis.sessionStorage;
    const known = session.getItem(TAB_KEY);
    if (known) return known;
    const made = fresh();
    session.setItem(TAB_KEY, made);
    return made;
  } catch {
    return fresh();
  }
}

/**
 * This tab's own storage (sessionStorage), or undefined where it cannot be used. The autosave keeps
 * a copy there: tabs share localStorage, so a reload, or every tab reloading when a new build takes
 * over, would otherwise bring back whichever tab saved last.
 */
export function tabStorage(): StorageLike | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
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

export function writeJson(storage: StorageLike, key: string, value: unknown): string | undefined {
  try {
    storage.setItem(key, JSON.stringify(value));
    return undefined;
  } catch (error) {
    return error instanceof Error && error.name === 'QuotaExceededError'
      ? 'The browser storage for this page is full.'
      : 'The browser does not let this page store data (private mode or blocked storage?).';
  }
}

export function loadSaved(storage: StorageLike | undefined = browserStorage()): SavedSpec | undefined {
  const saved = asRecord(readJson(storage, SPEC_KEY));
  if (!saved) return undefined;
  const { text, savedAt, output } = saved;
  if (typeof text !== 'string' || typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return undefined;
  const options = readStoredOptions(output);
  return isDefaultOutput(options) ? { text, savedAt } : { text, savedAt, output: options };
}

export function clearSaved(storage: StorageLike | undefined = browserStorage()): void {
  try {
    storage?.removeItem(SPEC_KEY);
  } catch {
    // Nothing stored, or nothing storable: either way nothing to clear.
  }
}

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** What the output column shows: the objects' cards or the cluster picture. */
export type OutputView = 'objects' | 'cluster';
export const OUTPUT_VIEWS: readonly OutputView[] = ['objects', 'cluster'];

export interface Prefs {
  theme: ThemeChoice;
  outputView: OutputView;
  /** Include letters of the objects shown (`c`, `s`, `j`, `p`, `v`), as `fluxoperator-gen -i`. */
  include: string;
  /** Namespace for specs without `metadata.namespace`. */
  defaultNamespace: string;
}

export const DEFAULT_PREFS: Readonly<Prefs> = { theme: 'system', outputView: 'objects', include: ALL_INCLUDES, defaultNamespace: 'default' };

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Only known letters, each once, in the canonical order. */
function cleanInclude(value: string): string {
  return [...ALL_INCLUDES].filter((letter) => value.includes(letter)).join('');
}

/** The stored preferences; each missing or unreadable field falls back to its default on its own. */
export function loadPrefs(storage: StorageLike | undefined = browserStorage()): Prefs {
  const stored = asRecord(readJson(storage, PREFS_KEY)) ?? {};
  const { theme, outputView, include, defaultNamespace } = stored;
  return {
    theme: THEME_CHOICES.includes(theme as ThemeChoice) ? (theme as ThemeChoice) : DEFAULT_PREFS.theme,
    outputView: OUTPUT_VIEWS.includes(outputView as OutputView) ? (outputView as OutputView) : DEFAULT_PREFS.outputView,
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
