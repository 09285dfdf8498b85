import { describe, expect, it } from 'vitest';
import { TextLines, withLoneCrAsLf } from './lines.ts';

describe('TextLines', () => {
  it('ends a line at LF, CRLF and a lone CR, as the editor does', () => {
    const lines = new TextLines('a\nbb\r\nccc\rd\r\r\ne');
    expect(lines.lineCount).toBe(6);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => lines.lineText(n))).toEqual(['a', 'bb', 'ccc', 'd', '', 'e', '']);
    expect(lines.linePos(0)).toEqual({ line: 1, col: 1 });
    expect(lines.linePos(2)).toEqual({ line: 2, col: 1 });
    expect(lines.linePos(6)).toEqual({ line: 3, col: 1 });
    expect(lines.linePos(10)).toEqual({ line: 4, col: 1 });
    expect(lines.linePos(12)).toEqual({ line: 5, col: 1 });
    expect(lines.linePos(14)).toEqual({ line: 6, col: 1 });
  });

  it('puts an offset inside a CRLF at the end of its line, never past it', () => {
    const lines = new TextLines('ab\r\ncd');
    expect(lines.linePos(2)).toEqual({ line: 1, col: 3 });
    expect(lines.linePos(3)).toEqual({ line: 1, col: 3 });
    expect(lines.lineEnd(0)).toBe(2);
    expect(lines.lineEnd(4)).toBe(6);
  });

  it('keeps U+2028, U+2029 and NEL inside their line, as the editor does', () => {
    const lines = new TextLines('a\u2028b\u2029c\u0085d\n');
    expect(lines.lineCount).toBe(2);
    expect(lines.linePos(6)).toEqual({ line: 1, col: 7 });
  });
});

describe('withLoneCrAsLf', () => {
  it('turns only lone carriage returns into line feeds, keeping every offset', () => {
    expect(withLoneCrAsLf('a\rb\r\nc\r\r\n')).toBe('a\nb\r\nc\n\r\n');
    const plain = 'a: 1\n';
    expect(withLoneCrAsLf(plain)).toBe(plain);
  });
});
