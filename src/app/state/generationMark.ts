/**
 * A mark in storage while a text is being generated, so that a text that stops the generator (or
 * the whole tab) is not generated again on the next visit without asking: it is autosaved, and
 * would otherwise open and stop it again. The mark holds a digest of the text, never the text.
 */
import type { StorageLike } from './storage.ts';

export const GENERATING_KEY = 'minicluster-studio:v1:generating';

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

export function generationMark(storage: StorageLike | undefined): GenerationMark {
  // Every request marks its text, and most requests (the cursor, the options, new keys) carry the
  // same text as the one before: its digest is kept rather than computed again over the whole text.
  let last: { text: string; digest: string } | undefined;
  const digestOf = (text: string) => {
    if (last?.text !== text) last = { text, digest: textDigest(text) };
    return last.digest;
  };
  // What this page last wrote; null until it writes (a mark from an earlier visit may be there).
  let marked: string | undefined | null = null;
  const write = (value: string | undefined) => {
    if (!storage || value === marked) return;
    try {
      if (value === undefined) storage.removeItem(GENERATING_KEY);
      else storage.setItem(GENERATING_KEY, value);
      marked = value;
    } catch {
      // Storage refused: the mark is a safety net only.
    }
  };
  return {
    start: (text) => write(digestOf(text)),
    done: () => write(undefined),
    leftOn(text) {
      try {
        return storage?.getItem(GENERATING_KEY) === digestOf(text);
      } catch {
        return false;
      }
    },
  };
}
