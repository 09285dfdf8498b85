import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineChanges, splitLines, type LineChanges } from './lineDiff.ts';

const text = (...lines: string[]) => lines.map((line) => `${line}\n`).join('');
const TEN = Array.from({ length: 10 }, (_, i) => `line ${i}`);

function marked(changes: LineChanges | undefined): Record<number, string> {
  expect(changes).toBeDefined();
  return Object.fromEntries(changes?.marks ?? []);
}

/** Length of a longest common subsequence, by the textbook table. */
function lcs(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    const next = [0];
    b.forEach((other, j) => next.push(line === other ? (row[j] as number) + 1 : Math.max(row[j + 1] as number, next[j] as number)));
    row = next;
  }
  return row[b.length] as number;
}

describe('lineChanges', () => {
  it('marks one line added when a line is inserted, not every line below it', () => {
    const after = [...TEN.slice(0, 3), 'inserted', ...TEN.slice(3)];
    const changes = lineChanges(text(...TEN), text(...after));
    expect(marked(changes)).toEqual({ 3: 'added' });
    expect(changes?.count).toBe(1);
    expect(changes?.stops).toEqual([3]);
  });

  it('marks the line below removed lines, and counts them', () => {
    const after = [...TEN.slice(0, 4), ...TEN.slice(6)];
    const changes = lineChanges(text(...TEN), text(...after));
    expect(marked(changes)).toEqual({ 4: 'removedAbove' });
    expect(changes?.count).toBe(2);
    expect(changes?.stops).toEqual([4]);
  });

  it('marks the last line when the last lines are removed', () => {
    expect(marked(lineChanges(text(...TEN), text(...TEN.slice(0, 8))))).toEqual({ 7: 'removedBelow' });
  });

  it('marks a line that was replaced as changed, and each line that replaced one', () => {
    const one = TEN.map((line, i) => (i === 5 ? 'line five' : line));
    expect(marked(lineChanges(text(...TEN), text(...one)))).toEqual({ 5: 'changed' });
    const three = [...TEN.slice(0, 5), 'a', 'b', 'c', ...TEN.slice(6)];
    const changes = lineChanges(text(...TEN), text(...three));
    expect(marked(changes)).toEqual({ 5: 'changed', 6: 'changed', 7: 'changed' });
    expect(changes?.count).toBe(3);
  });

  it('stops at each run of changes, in order', () => {
    const after = ['first', ...TEN.slice(1, 6), ...TEN.slice(7), 'last'];
    const changes = lineChanges(text(...TEN), text(...after));
    expect(marked(changes)).toEqual({ 0: 'changed', 6: 'removedAbove', 9: 'added' });
    expect(changes?.stops).toEqual([0, 6, 9]);
    expect(changes?.count).toBe(3);
  });

  it('finds nothing in equal texts, nor in a final line break alone', () => {
    expect(lineChanges(text(...TEN), text(...TEN))?.count).toBe(0);
    expect(lineChanges('a\nb\n', 'a\nb')?.count).toBe(0);
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual([]);
  });

  it('marks every line of a text that was empty, and nothing of one that becomes empty', () => {
    expect(marked(lineChanges('', text('a', 'b')))).toEqual({ 0: 'added', 1: 'added' });
    const emptied = lineChanges(text('a', 'b'), '');
    expect(marked(emptied)).toEqual({});
    expect(emptied?.count).toBe(2);
  });

  it('keeps a longest common subsequence unmarked (a shortest diff, not a line-by-line comparison)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 14 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const changes = lineChanges(text(...before), text(...after));
        if (!changes) throw new Error('no answer within the budget');
        const kept = after.filter((_, i) => {
          const mark = changes.marks.get(i);
          return mark !== 'added' && mark !== 'changed';
        });
        expect(kept.length).toBe(lcs(before, after));
        // The kept lines are lines of the old text, in its order.
        let at = 0;
        for (const line of kept) {
          at = before.indexOf(line, at) + 1;
          expect(at).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('marks a one-line change in a text of 60,000 lines within the default budget', () => {
    const big = Array.from({ length: 60_000 }, (_, i) => `        VALUE_${i}: "value ${i}"`);
    const after = big.map((line, i) => (i === 30_000 ? 'changed' : line));
    expect(marked(lineChanges(text(...big), text(...after)))).toEqual({ 30000: 'changed' });
  });

  it('gives up, and says so, when the diff would take more than its budget', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `a ${i}`);
    const after = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? `a ${i}` : `b ${i}`));
    const budget = { left: 2_000_000 };
    expect(lineChanges(text(...before), text(...after), budget)).toBeUndefined();
    expect(budget.left).toBeLessThan(0);
    // A spent budget answers at once, without marks.
    expect(lineChanges(text('a'), text('b'), budget)).toBeUndefined();
    // Lines added in bulk are refused before any diagonal is tried.
    const small = { left: 1000 };
    expect(lineChanges(text('x'), text(...before), small)).toBeUndefined();
  });
});
