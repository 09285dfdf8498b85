/** How long cards start collapsed: the cards' and the page's first screen's (firstScreen/). */

/** Cards longer than this start collapsed to their first lines with a "Show all" toggle. */
export const COLLAPSE_LINES = 40;

/**
 * The first `count` lines. A collapsed card renders only these: the DOM of a whole script bundle
 * is what made every edit slow to lay out, and the rest is one click away.
 */
export function firstLines(text: string, count: number): string {
  let end = -1;
  for (let i = 0; i < count; i++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text;
  }
  return text.slice(0, end + 1);
}

export function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') || text === '' ? n : n + 1;
}
