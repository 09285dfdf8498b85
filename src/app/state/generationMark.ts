/**
 * A mark in storage while a text is being generated, so that a text that stops the generator (or
 * the whole tab) is not generated again on the next visit without asking: it is autosaved, and
 * would otherwise open and stop it again. The mark holds a digest of the text, never the text.
 *
 * Several tabs share the one mark, and a tab that opens while another is generating must not take
 * that live mark for one left behind (every tab reloads at once when a new build takes over). So
 * the mark also names its tab and its time: a mark of this same tab (a reload after its page
 * died) always counts; another tab's counts only once it is older than the generator's stall
 * limit, by which time a live tab would have cleared or replaced it.
 */
import type { StorageLike } from './storage.ts';

export const GENERATING_KEY = 'minicluster-studio:v1:generating';

/** After this long a mark of another tab is taken as left behind: the generator's stall limit. */
export const OTHER_TAB_MARK_MS = 20_000;

export interface MarkOwner {
  /** This tab, the same across its reloads (sessionStorage). */
  tab: string;
  now: () => number;
}

function markValue(digest: string, owner: MarkOwner): string {
  return `${digest} ${owner.tab} ${owner.now()}`;
}

/** The mark's digest, and whether it counts for this tab as left behind. */
function readMark(value: string | null, owner: MarkOwner): { digest: string; left: boolean } | undefined {
  if (value === null) return undefined;
  const [digest = '', tab, at] = value.split(' ');
  // A mark without tab and time was written before marks named them: it counts, as it did then.
  if (tab === undefined || at === undefined) return { digest, left: true };
  return { digest, left: tab === owner.tab || owner.now() - Number(at) >= OTHER_TAB_MARK_MS || !Number.isFinite(Number(at)) };
}

/** A short digest of a text (FNV-1a, 32 bits) with its length: enough to tell one spec from another. */
export function textDigest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length}:${hash.toString(16)}`;
}

export interface GenerationMark {
  /** Generation of `text` starts. */
  start(text: string): void;
  /** It ended with an answer: the mark goes. */
  done(): void;
  /** The mark was left by an earlier visit on this text: its generation never ended. */
  leftOn(text: string): boolean;
}

export function generationMark(storage: StorageLike | undefined, owner: MarkOwner): GenerationMark {
  // Every request marks its text, and most requests (the cursor, the options, new keys) carry the
  // same text as the one before: its digest is kept rather than computed again over the whole text.
  let last: { text: string; digest: string } | undefined;
  const digestOf = (text: string) => {
    if (last?.text !== text) last = { text, digest: textDigest(text) };
    return last.digest;
  };
  // What this page last wrote (its digest); null until it writes (a mark from an earlier visit may be there).
  let marked: string | undefined | null = null;
  const write = (digest: string | undefined) => {
    if (!storage || digest === marked) return;
    try {
      if (digest === undefined) storage.removeItem(GENERATING_KEY);
      else storage.setItem(GENERATING_KEY, markValue(digest, owner));
      marked = digest;
    } catch {
      // Storage refused: the mark is a safety net only.
    }
  };
  return {
    start: (text) => write(digestOf(text)),
    done: () => write(undefined),
    leftOn(text) {
      try {
        const mark = readMark(storage?.getItem(GENERATING_KEY) ?? null, owner);
        return mark !== undefined && mark.left && mark.digest === digestOf(text);
      } catch {
        return false;
      }
    },
  };
}
