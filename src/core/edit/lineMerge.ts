/**
 * Carries an edit made on a re-serialised YAML text back onto the text the user wrote.
 *
 * The `yaml` package keeps comments and key order, but its output is not byte-identical to
 * hand-written YAML (trailing spaces, blank lines holding spaces, comment indentation). Writing
 * its whole output back would reformat the user's file on every form edit, so only the lines the
 * edit changed are spliced into the original, between the nearest lines both texts share.
 */

/** For each line of `a`, the index of the same line in `b` on a longest common subsequence, or -1. */
export function matchLines(a: readonly string[], b: readonly string[]): number[] {
  const match = new Array<number>(a.length).fill(-1);
  // The common end first: the empty last "line" after the final line break of both texts must
  // pair up, not with an empty line the yaml package added before it (an empty block scalar).
  let endA = a.length;
  let endB = b.length;
  while (endA > 0 && endB > 0 && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
    match[endA] = endB;
  }
  let start = 0;
  while (start < endA && start < endB && a[start] === b[start]) {
    match[start] = start;
    start++;
  }
  const n = endA - start;
  const m = endB - start;
  // A spec is a few hundred lines; beyond this the middle stays unmatched (the edit is then
  // spliced with more of the re-serialised text around it, which is still correct YAML).
  if (n === 0 || m === 0 || n * m > 4_000_000) return match;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[start + i] === b[start + j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      match[start + i] = start + j;
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return match;
}

/**
 * `original` and `base` say the same thing in different layouts; `next` is `base` after an edit.
 * Returns `original` with the same edit, leaving the lines outside it as the user wrote them.
 */
export function mergeEdit(original: string, base: string, next: string): string {
  if (base === next) return original;
  if (original === base) return next;
  // The yaml package always ends with a newline; a file without one would otherwise differ on
  // its last line and pull it into every edit near the end.
  if (!original.endsWith('\n') && base.endsWith('\n')) {
    // The line end added is the file's own, so that a CRLF file stays CRLF.
    const eol = original.includes('\r\n') ? '\r\n' : '\n';
    const merged = mergeEdit(`${original}${eol}`, base, next);
    return merged.endsWith(eol) ? merged.slice(0, -eol.length) : merged;
  }
  const orig = original.split('\n');
  const baseLines = base.split('\n');
  const nextLines = next.split('\n');
  // The yaml package ends lines with LF only: a file written with CRLF is compared without its CRs,
  // and the lines spliced into it get one.
  const crlf = orig.filter((line) => line.endsWith('\r')).length * 2 > orig.length - 1;
  const origKeys = crlf ? orig.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)) : orig;
  const withCr = (lines: string[], end: number) => (crlf ? lines.map((line, i) => (i === lines.length - 1 && end === nextLines.length ? line : `${line}\r`)) : lines);
  let prefix = 0;
  while (prefix < baseLines.length && prefix < nextLines.length && baseLines[prefix] === nextLines[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < baseLines.length - prefix &&
    suffix < nextLines.length - prefix &&
    baseLines[baseLines.length - 1 - suffix] === nextLines[nextLines.length - 1 - suffix]
  ) {
    suffix++;
  }
  const match = lineMap(matchLines(baseLines, origKeys), orig.length);
  const changedStart = prefix;
  const changedEnd = baseLines.length - suffix;
  const inserted = withCr(nextLines.slice(prefix, nextLines.length - suffix), nextLines.length - suffix);
  const splice = (start: number, end: number) => [...orig.slice(0, start), ...inserted, ...orig.slice(end)].join('\n');
  if (changedStart === changedEnd) {
    // A pure insertion needs only one neighbour that both texts share. Blank lines only the yaml
    // package wrote (it puts one above a document's last comment) are looked past.
    let after = changedEnd;
    while (after < baseLines.length && match[after]! < 0 && baseLines[after]!.trim() === '') after++;
    if (after < baseLines.length && match[after]! >= 0) return splice(match[after]!, match[after]!);
    if (changedStart > 0 && match[changedStart - 1]! >= 0) return splice(match[changedStart - 1]! + 1, match[changedStart - 1]! + 1);
  } else {
    let contiguous = match[changedStart]! >= 0;
    for (let i = changedStart + 1; contiguous && i < changedEnd; i++) contiguous = match[i] === match[i - 1]! + 1;
    if (contiguous) return splice(match[changedStart]!, match[changedEnd - 1]! + 1);
  }
  // Widen the changed lines of `base` to lines that also stand in `original`, so the splice has
  // a fixed place there.
  let before = prefix - 1;
  while (before >= 0 && match[before]! < 0) before--;
  let after = baseLines.length - suffix;
  while (after < baseLines.length && match[after]! < 0) after++;
  const origStart = before < 0 ? 0 : match[before]! + 1;
  const origEnd = after >= baseLines.length ? orig.length : match[after]!;
  const replacement = withCr(
    [...baseLines.slice(before + 1, prefix), ...nextLines.slice(prefix, nextLines.length - suffix), ...baseLines.slice(baseLines.length - suffix, after)],
    after === baseLines.length ? nextLines.length : -1,
  );
  return [...orig.slice(0, origStart), ...replacement, ...orig.slice(origEnd)].join('\n');
}

/**
 * Pairs the unmatched lines of a gap between two matched lines one to one when the gap has as
 * many lines on both sides: they are the same lines written slightly differently (a trailing
 * space, a blank line holding spaces).
 */
function lineMap(match: number[], origLength: number): number[] {
  const out = [...match];
  let prev = -1;
  for (let i = 0; i <= match.length; i++) {
    const here = i === match.length ? origLength : match[i]!;
    if (here < 0) continue;
    const prevOrig = prev < 0 ? -1 : match[prev]!;
    if (i - prev > 1 && i - prev === here - prevOrig) {
      for (let k = prev + 1; k < i; k++) out[k] = prevOrig + (k - prev);
    }
    prev = i;
  }
  return out;
}
