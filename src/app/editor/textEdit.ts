/** The smallest edit turning one text into another, for writing outside changes into Monaco. Pure. */

export interface TextSpan {
  /** Offset in the old text where the changed span starts. */
  start: number;
  /** Offset in the old text where the changed span ends (exclusive). */
  oldEnd: number;
  /** What replaces old[start, oldEnd). */
  text: string;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The span between the common prefix and the common suffix. Replacing only it keeps Monaco's
 * cursors, folds and markers on the unchanged parts, e.g. when a form edits one value.
 */
export function changedSpan(old: string, next: string): TextSpan {
  const max = Math.min(old.length, next.length);
  let start = 0;
  while (start < max && old.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  // Never cut through a CR LF pair or a surrogate pair: Monaco positions cannot address the middle.
  const splits = (at: number) =>
    (old[at - 1] === '\r' && old[at] === '\n') ||
    (isHighSurrogate(old.charCodeAt(at - 1)) && isLowSurrogate(old.charCodeAt(at)));
  if (start > 0 && splits(start)) start--;
  if (end > 0 && splits(old.length - end)) end--;
  return { start, oldEnd: old.length - end, text: next.slice(start, next.length - end) };
}

/**
 * Where an offset of the old text lands after the edit: before the span it stays, after it it
 * moves with the text, inside it it goes to the end of the new text (not stretched over it).
 */
export function movedOffset(offset: number, span: TextSpan): number {
  if (offset <= span.start) return offset;
  if (offset >= span.oldEnd) return offset + span.text.length - (span.oldEnd - span.start);
  return span.start + span.text.length;
}
