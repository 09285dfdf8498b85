/**
 * Which lines of a card changed since the output before: a line diff (Myers' O(ND) algorithm),
 * written here rather than taken from a package because it is small and the preview needs its
 * answer in a shape of its own: marks of the new text's lines and runs to jump to, under one
 * bound on the work shared by all the cards of an output (a spec of 1 MB makes an object of
 * 40,000 lines, and a diff runs on every keystroke), with a clean "too large" answer past it.
 * Lines equal at the start and the end are skipped first, so a typical edit costs one pass over
 * the text and a diff of the lines in between.
 */

/**
 * How a line of the new text is marked: `added` (the lines of a change that only adds), `changed`
 * (the new lines of a change that also removed lines), `removedAbove` (lines were removed just
 * above this unchanged line) and `removedBelow` (on the last line: lines were removed at the end).
 */
export type LineMark = 'added' | 'changed' | 'removedAbove' | 'removedBelow';

export interface LineChanges {
  /** Marks of the new text's lines, by index (0 is the first line); unmarked lines are unchanged. */
  marks: ReadonlyMap<number, LineMark>;
  /** Lines changed: for each run of changed lines, the larger of the lines removed and the lines added. */
  count: number;
  /** The first marked line of each run of changes, in order: where "next change" stops. */
  stops: readonly number[];
}

/** A count of steps (snake moves and diagonals tried) the diffs may take, shared by the cards of one output. */
export interface DiffBudget {
  left: number;
}

/**
 * Steps for one output's diffs: about 10 ms on this project's machine (bench/changes.bench.ts).
 * A keystroke in a spec of 1 MB takes about 120,000 (splitting its 40,000-line Job into lines is
 * most of them); a change of several hundred lines in one object (a paste of another spec) runs
 * out, and its cards say that they changed without marking lines.
 */
export const OUTPUT_DIFF_BUDGET = 400_000;

/** The text's lines as the preview shows them: a final line break does not start another line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const NO_CHANGES: LineChanges = { marks: new Map(), count: 0, stops: [] };

/**
 * The marks of `after`'s lines against `before`'s; undefined when finding them would take more
 * than `budget.left` steps (what was spent is taken from the budget either way).
 */
export function lineChanges(before: string, after: string, budget: DiffBudget = { left: OUTPUT_DIFF_BUDGET }): LineChanges | undefined {
  if (before === after) return NO_CHANGES;
  const a = splitLines(before);
  const b = splitLines(after);
  budget.left -= a.length + b.length;
  if (budget.left < 0) return undefined;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const edits = middleEdits(a, b, start, endA, endB, budget);
  if (!edits) return undefined;
  return marksOf(edits.removed, edits.added, endA - start, endB - start, start, b.length);
}

interface Edits {
  /** Lines of the old middle that are removed (index from the middle's start). */
  removed: Uint8Array;
  /** Lines of the new middle that are added. */
  added: Uint8Array;
}

/** Myers' shortest edit script between a[start, endA) and b[start, endB), with the trace kept for the way back. */
function middleEdits(a: readonly string[], b: readonly string[], start: number, endA: number, endB: number, budget: DiffBudget): Edits | undefined {
  const n = endA - start;
  const m = endB - start;
  const removed = new Uint8Array(n);
  const added = new Uint8Array(m);
  if (n === 0 || m === 0) {
    removed.fill(1);
    added.fill(1);
    return { removed, added };
  }
  // At least |n - m| rounds, round d costing d + 1 steps: bail out before any work.
  const least = Math.abs(n - m);
  if ((least * (least + 1)) / 2 > budget.left) return undefined;
  // Lines are compared as strings, not numbered first: numbering hashes every line of the middle
  // (tens of milliseconds for 70,000 lines), while a snake compares mostly the lines of the one
  // diagonal that follows the changes, and unequal lines differ within a few characters.
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // v after each round d, for the diagonals -d..d: what the way back reads.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    budget.left -= d + 1;
    if (budget.left < 0) return undefined;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      const from = x;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      budget.left -= x - from;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        walkBack(trace, n, m, removed, added);
        return { removed, added };
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return undefined;
}

/** Follows the trace from (n, m) back to (0, 0), flagging each line removed or added on the way. */
function walkBack(trace: readonly Int32Array[], n: number, m: number, removed: Uint8Array, added: Uint8Array): void {
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1] as Int32Array;
    // previous holds diagonals -(d-1)..(d-1) at indexes 0..2d-2.
    const at = (k: number) => previous[k + d - 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    if (down) added[previousY] = 1;
    else removed[previousX] = 1;
    x = previousX;
    y = previousY;
  }
}

/** Groups the flagged lines into runs of changes and marks the new text's lines for each. */
function marksOf(removed: Uint8Array, added: Uint8Array, n: number, m: number, start: number, total: number): LineChanges {
  const marks = new Map<number, LineMark>();
  const stops: number[] = [];
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && !removed[i] && !added[j]) {
      i++;
      j++;
      continue;
    }
    const firstAdded = j;
    let removedLines = 0;
    while ((i < n && removed[i]) || (j < m && added[j])) {
      if (i < n && removed[i]) {
        i++;
        removedLines++;
      } else j++;
    }
    const addedLines = j - firstAdded;
    count += Math.max(removedLines, addedLines);
    if (addedLines > 0) {
      const mark = removedLines > 0 ? 'changed' : 'added';
      for (let line = firstAdded; line < j; line++) marks.set(start + line, mark);
      stops.push(start + firstAdded);
    } else if (total > 0) {
      // Only removed: the mark goes between two lines, drawn on the line below (or the last line).
      const below = start + j;
      const line = below < total ? below : total - 1;
      marks.set(line, below < total ? 'removedAbove' : 'removedBelow');
      stops.push(line);
    }
  }
  return { marks, count, stops };
}
