/**
 * The lines of a text, found once: positions of many parts of one file (its documents, each
 * parsed on its own) are then looked up without reading the file again.
 *
 * A line ends at a line feed, a carriage return followed by a line feed, or a lone carriage
 * return: the lines the editor (Monaco) shows and puts markers on, and the line breaks yaml.v2
 * reads. Other separators (U+2028, U+2029, NEL) stay inside their line, as in the editor.
 */
const LINE_BREAK = /\r\n?|\n/g;

export class TextLines {
  /** Offset where each line starts. */
  private readonly starts: number[] = [0];
  /** Offset of each line's line break (the text's length for the last line). */
  private readonly ends: number[] = [];

  constructor(readonly text: string) {
    for (const m of text.matchAll(LINE_BREAK)) {
      this.ends.push(m.index);
      this.starts.push(m.index + m[0].length);
    }
    this.ends.push(text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * One-based line and column of a character offset. An offset inside a line break (the LF of a
   * CRLF) is the end of its line, where the editor puts it.
   */
  linePos(offset: number): { line: number; col: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const start = this.starts[low]!;
    return { line: low + 1, col: Math.min(Math.max(offset, start), this.ends[low]!) - start + 1 };
  }

  /** The text of a one-based line, without its line break; '' for a line the text does not have. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    return this.text.slice(start, this.ends[line - 1]);
  }

  /** Offset where the line holding `offset` ends (its line break, or the end of the text). */
  lineEnd(offset: number): number {
    return this.ends[this.linePos(offset).line - 1]!;
  }
}

/**
 * The text as yaml.v2 reads its line breaks: a lone carriage return ends a line there, while the
 * `yaml` package takes it for an ordinary character. Turning it into a line feed keeps every
 * offset, so positions found in the result are those of the text.
 */
export function withLoneCrAsLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
