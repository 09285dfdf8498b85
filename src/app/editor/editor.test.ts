/** The editor's pure parts: outside edits, marker ranges, the Problems list's order and wording. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { toMarkers, type MarkerModel } from './markers.ts';
import { countSummary, sortDiagnostics } from './problems.ts';
import { changedSpan, movedOffset } from './textEdit.ts';

describe('changedSpan', () => {
  const pieces = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '🚀', 'size: 4', '\t');
  const text = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));

  it('turns the old text into the new one and never splits CR LF or a surrogate pair', () => {
    fc.assert(
      fc.property(text, text, (old, next) => {
        const span = changedSpan(old, next);
        expect(old.slice(0, span.start) + span.text + old.slice(span.oldEnd)).toBe(next);
        for (const cut of [span.start, span.oldEnd]) {
          expect(old[cut - 1] === '\r' && old[cut] === '\n').toBe(false);
          expect(/[\uD800-\uDBFF]/.test(old[cut - 1] ?? '') && /[\uDC00-\uDFFF]/.test(old[cut] ?? '')).toBe(false);
        }
      }),
    );
  });

  it('replaces only the changed value of a form edit', () => {
    const old = 'spec:\n  size: 4\n  tasks: 4\n';
    const span = changedSpan(old, old.replace('size: 4', 'size: 16'));
    expect(span).toEqual({ start: 14, oldEnd: 15, text: '16' });
    expect(movedOffset(3, span)).toBe(3);
    expect(movedOffset(old.indexOf('tasks'), span)).toBe(old.indexOf('tasks') + 1);
  });

  it('puts a caret inside the replaced span at the end of the new text', () => {
    const span = changedSpan('abcdef', 'abXYZef');
    expect(movedOffset(3, span)).toBe(5);
  });
});

/** A model over plain text, with the same one-based conventions as Monaco's. */
function fakeModel(text: string): MarkerModel {
  const lines = text.split('\n');
  const line = (n: number) => lines[n - 1] ?? '';
  return {
    getLineCount: () => lines.length,
    getLineMaxColumn: (n) => line(n).length + 1,
    getLineLastNonWhitespaceColumn: (n) => {
      const trimmed = line(n).trimEnd().length;
      return trimmed === 0 ? 0 : trimmed + 1;
    },
    getWordAtPosition: ({ lineNumber, column }) => {
      for (const m of line(lineNumber).matchAll(/[\w-]+/g)) {
        const startColumn = m.index + 1;
        const endColumn = startColumn + m[0].length;
        if (column >= startColumn && column <= endColumn) return { word: m[0], startColumn, endColumn };
      }
      return null;
    },
  };
}

const severities = { Error: 8, Warning: 4, Hint: 1 } as const;
const diag = (d: Partial<Diagnostic>): Diagnostic => ({ severity: 'error', code: 'x', path: '', message: 'm', line: 1, column: 1, ...d });

describe('toMarkers', () => {
  const model = fakeModel('spec:\n  size: 0\n  tasks: 4\n');

  it('maps severity, message, source and code, and keeps a given span', () => {
    const [m] = toMarkers([diag({ severity: 'warning', code: 'size', message: 'too small', line: 2, column: 9, endLine: 2, endColumn: 10 })], model, severities);
    expect(m).toEqual({ severity: 4, message: 'too small', source: 'MiniCluster', code: 'size', startLineNumber: 2, startColumn: 9, endLineNumber: 2, endColumn: 10 });
  });

  it('underlines the word, or the rest of the line, when there is no span', () => {
    expect(toMarkers([diag({ line: 2, column: 3 })], model, severities)[0]).toMatchObject({ startColumn: 3, endColumn: 7 });
    expect(toMarkers([diag({ line: 2, column: 7, endLine: 2, endColumn: 7 })], model, severities)[0]).toMatchObject({ startColumn: 7, endColumn: 10 });
  });

  it('keeps a note about a block on its first line and clamps positions past the end', () => {
    expect(toMarkers([diag({ severity: 'info', line: 1, column: 1, endLine: 3, endColumn: 11 })], model, severities)[0]).toMatchObject({ severity: 1, startLineNumber: 1, endLineNumber: 1, endColumn: 6 });
    expect(toMarkers([diag({ line: 40, column: 80 })], model, severities)[0]).toMatchObject({ startLineNumber: 4, startColumn: 1 });
  });
});

describe('Problems list wording', () => {
  const ds = [
    diag({ severity: 'info', line: 1 }),
    diag({ severity: 'warning', line: 2 }),
    diag({ severity: 'error', line: 9 }),
    diag({ severity: 'error', line: 3, column: 5 }),
  ];

  it('puts errors first, then warnings, then notes, each in text order', () => {
    expect(sortDiagnostics(ds).map((d) => `${d.severity}@${d.line}`)).toEqual(['error@3', 'error@9', 'warning@2', 'info@1']);
  });

  it('counts with singular and plural words', () => {
    expect(countSummary(ds)).toBe('2 errors, 1 warning, 1 note');
    expect(countSummary([])).toBe('');
  });
});
